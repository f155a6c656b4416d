"""`reportkit briefings`: run the force briefing notebook per force with papermill, export HTML.

Parameters are checked before anything runs. Each notebook runs in its own worker process (or on a
Dask cluster) and is exported to HTML in that same process. One force failing does not stop the
others: its executed notebook is kept and exported, the index marks it, and the exit code says so.
"""
from __future__ import annotations

import json
import multiprocessing
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reportkit import config, forces
from reportkit.errors import ReportkitError, UsageError  # noqa: F401  (UsageError re-exported)
from reportkit.tables import atomic, lock

FORCE_NOTEBOOK = "force_briefing.ipynb"
NATIONAL_NOTEBOOK = "national_overview.ipynb"
NATIONAL = "national"
INDEX_STATE = "index.json"  # headline figures of every briefing made so far, for the index
# The kernel's own notices (TCP transport, interrupt at shutdown) would break the progress bar.
KERNEL_QUIET = ["--IPKernelApp.log_level=CRITICAL"]


class ExtractionFailed(ReportkitError, RuntimeError):
    """The tables could not be brought up to date: briefings would describe an old corpus."""


@dataclass(frozen=True)
class Job:
    name: str  # a force slug, or "national"
    notebook: str
    parameters: dict
    ipynb: str
    html: str
    title: str
    pdf: str | None = None  # where to print the page, when a headless Chromium was found
    browser: str | None = None


# ---- one kernel per worker, reused -------------------------------------------------------------
# Importing pandas, matplotlib and scipy costs more than a briefing's own work, so a worker keeps
# one `reportkit` kernel with them loaded and clears its namespace between notebooks. The kernel
# belongs to the thread that started it (a Dask worker runs tasks in threads).

WARM_UP = "import reportkit.report.briefing, reportkit.charts.plots, reportkit.tables.store"
# The kernel dies with the process that started it: a kill -9 of the batch leaves no kernel.
DIE_WITH_PARENT = "from reportkit.workers import die_with_parent; die_with_parent({pid})"
# Forget the last notebook's variables (what %reset does, without its slow garbage collection).
CLEAR = ("_ns, _hidden = get_ipython().user_ns, get_ipython().user_ns_hidden\n"
         "for _k in [k for k in _ns if not k.startswith('_') and k not in _hidden]:\n"
         "    del _ns[_k]")
_local = threading.local()  # .kernel: (manager, a blocking client kept open for resets)


def _silent(kc, code: str) -> None:
    kc.execute_interactive(code, store_history=False, timeout=300, output_hook=lambda msg: None)


def warm_kernel():
    """This thread's kernel, started and warmed on first use, with an empty namespace."""
    held = getattr(_local, "kernel", None)
    if held is not None and held[0].is_alive():
        _silent(held[1], CLEAR)
        return held[0]
    from jupyter_client.manager import KernelManager

    stop_kernel()
    # Briefing kernels draw to files, never to a screen: the backend is chosen here, by the batch,
    # not by importing reportkit (which must leave an analyst's own session alone).
    os.environ.setdefault("MPLBACKEND", "Agg")
    km = KernelManager(kernel_name=config.KERNEL_NAME)
    km.start_kernel(extra_arguments=KERNEL_QUIET)
    kc = km.blocking_client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    _silent(kc, DIE_WITH_PARENT.format(pid=os.getpid()))
    _silent(kc, WARM_UP)
    _local.kernel = (km, kc)
    return km


def stop_kernel() -> None:
    held, _local.kernel = getattr(_local, "kernel", None), None
    if held is not None:
        try:
            held[1].stop_channels()
            held[0].shutdown_kernel(now=True)
        except Exception:  # already gone: nothing to stop
            pass


# ---- one notebook (runs in a worker) ------------------------------------------------------------

def run_job(job: Job) -> dict:
    """Execute one notebook, keep it, export it. Never raises: failure is in the result."""
    import nbformat
    import papermill as pm

    from reportkit.report.export import export_html

    start = time.perf_counter()
    error = pdf_error = None
    with tempfile.TemporaryDirectory(prefix="reportkit-nb-") as tmp:
        executed = Path(tmp) / f"{job.name}.ipynb"
        try:
            pm.execute_notebook(job.notebook, str(executed), parameters=job.parameters,
                                kernel_name=config.KERNEL_NAME, progress_bar=False,
                                log_output=False, request_save_on_cell_execute=False,
                                cwd=str(Path(job.notebook).parent), km=warm_kernel())
        except pm.PapermillExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}".strip()
        except Exception as exc:  # the kernel died or would not start: still report it
            error = f"{type(exc).__name__}: {exc}"
        if error:
            stop_kernel()  # the next notebook gets a fresh kernel, whatever this one left
        if executed.exists():
            nb = nbformat.read(str(executed), as_version=4)
            atomic.write_text(job.ipynb, nbformat.writes(nb))
            export_html(nb, job.html, job.title)
        else:
            atomic.write_text(job.html, _failure_page(job.title, error or "no output"))
    if job.pdf and job.browser:
        pdf_error = _print(job)
    return {"name": job.name, "ok": error is None, "error": error,
            "pdf": bool(job.pdf and job.browser) and pdf_error is None, "pdf_error": pdf_error,
            "seconds": time.perf_counter() - start}


def _print(job: Job) -> str | None:
    """The page as PDF beside it; the reason when it could not be printed (the HTML stands)."""
    from reportkit.report.export import export_pdf

    try:
        export_pdf(job.html, str(job.pdf), str(job.browser))
    except (OSError, RuntimeError, subprocess.SubprocessError) as exc:
        Path(str(job.pdf)).unlink(missing_ok=True)  # never an old PDF beside a new page
        return f"{type(exc).__name__}: {exc}"
    return None


def run_job_once(job: Job) -> dict:
    """run_job in a kernel of its own, stopped afterwards (for Dask workers, which may retire)."""
    try:
        return run_job(job)
    finally:
        stop_kernel()


def _failure_page(title: str, error: str) -> str:
    from reportkit.report.briefing import esc

    return (f"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{esc(title)}"
            f"</title></head><body><h1>{esc(title)}</h1><p>This briefing could not be built: "
            f"{esc(error)}</p></body></html>")


# ---- checking parameters ------------------------------------------------------------------------

def check_forces(names) -> list[str] | None:
    """Slugs for the given names (None: 'all' was among them); raise UsageError naming the
    unknown one, or when no name is given at all (an empty --forces never means every force)."""
    names = [str(n).strip() for n in names if str(n).strip()]
    if not names:
        raise UsageError("no force given: name one or more forces (slug, name or alias), or 'all'")
    if any(n.lower() == "all" for n in names):
        return None
    out = []
    for name in names:
        try:
            slug = forces.resolve(str(name), allow_national=False)
        except forces.UnknownForce as exc:
            raise UsageError(str(exc)) from None
        if slug not in out:
            out.append(slug)
    return out


def check_parameters(notebook: Path, given: dict) -> None:
    import papermill as pm

    declared = set(pm.inspect_notebook(str(notebook)))
    unknown = sorted(set(given) - declared)
    if unknown:
        raise UsageError(f"unknown notebook parameter(s) {', '.join(map(repr, unknown))} for "
                         f"{notebook.name}: it takes {', '.join(sorted(declared))}")


def corpus_forces(tables: dict) -> list[str]:
    """Forces with at least one readable document; names that are not a known slug are skipped."""
    docs = tables["documents"]
    docs = docs[docs["status"].astype("string") != "error"]
    known = set(forces.slugs())
    return sorted({str(f) for f in docs["force"].dropna() if str(f) in known})


# ---- the batch ----------------------------------------------------------------------------------

def run_briefings(forces=None, jobs: int = config.DEFAULT_JOBS, out: Path = config.REPORTS_DIR,
                  raw: Path = config.RAW_DIR, processed: Path = config.PROCESSED_DIR,
                  scheduler: str | None = None, progress: bool = True,
                  parameters: dict | None = None, notebook: Path | None = None) -> int:
    """One briefing per force plus the national overview and the index. Returns the exit code:
    0 all built, 1 some failed (summary on stderr), 2 bad parameters (nothing run)."""
    try:
        return _run(forces, jobs, Path(out), Path(raw), Path(processed), scheduler, progress,
                    dict(parameters or {}), Path(notebook) if notebook else None)
    except UsageError as exc:
        print(f"reportkit briefings: error: {exc}", file=sys.stderr)
        return 2
    except ExtractionFailed as exc:
        print(f"reportkit briefings: extraction failed, no briefing made: {exc}", file=sys.stderr)
        return 1
    except lock.Busy as exc:
        print(f"reportkit briefings: error: {exc}", file=sys.stderr)
        return 1


def _run(wanted, jobs, out, raw, processed, scheduler, progress, extra, notebook) -> int:
    if jobs < 1:
        raise UsageError("--jobs must be 1 or more")
    notebook = (notebook or config.NOTEBOOKS_DIR / FORCE_NOTEBOOK).resolve()
    national_nb = (config.NOTEBOOKS_DIR / NATIONAL_NOTEBOOK).resolve()
    for nb in (notebook, national_nb):
        if not nb.is_file():
            raise UsageError(f"notebook {nb} not found")
    selected = check_forces(wanted) if wanted is not None else None
    reserved = sorted({"force", "processed_dir"} & set(extra))
    if reserved:  # the batch sets these per run: a --param would be silently replaced
        raise UsageError(f"--param {reserved[0]}=... is set by the batch for each briefing: use "
                         "--forces to choose forces (and --processed for the tables)")
    check_parameters(notebook, {"force": None, "processed_dir": None, **extra})
    from reportkit.report.briefing import headline_figures
    from reportkit.report.methods_view import method_line

    # workers start (and warm their kernels) while this process checks and loads the tables
    pool = _Pool(jobs) if jobs > 1 and not scheduler else None
    try:
        _extract_if_stale(raw, processed, jobs, progress, scheduler)
        # From the first read of the tables to the index: one set. An extraction started meanwhile
        # waits its turn (it is refused with a message) instead of swapping tables under the pages.
        with lock.reading(processed):
            tables = _load(processed)
            present = corpus_forces(tables)
            slugs = selected or present
            if not slugs:
                raise UsageError(f"no force has a readable document in {processed}")
            _refuse_absent(slugs, present, processed)
            todo = with_pdfs(plan(slugs, notebook, national_nb, out, processed.resolve(), extra))
            if pool:
                pool.submit(todo)
            figures = {slug: {**_figures_for_index(headline_figures(tables, slug)),
                              "method": method_line(tables, slug)} for slug in slugs}
            results = execute(todo, jobs, progress, scheduler, pool)
            write_index(out, slugs, results, figures, present)
    finally:
        if pool:
            pool.close()
    return summarise(results, out)


def _refuse_absent(slugs: list[str], present: list[str], processed: Path) -> None:
    """A briefing of a force with no document would be an empty page: refuse before any runs."""
    absent = [s for s in slugs if s not in present]
    if absent:
        names = ", ".join(forces.display_name(s) for s in absent)
        have = ", ".join(present) or "none"
        raise UsageError(f"no readable document about {names} in {processed}, so no briefing "
                         f"was made; forces with documents: {have}")


def with_pdfs(todo: list[Job]) -> list[Job]:
    """Each job also prints its page to PDF, when a headless Chromium is installed."""
    from dataclasses import replace

    from reportkit.report.export import find_browser

    browser = find_browser()
    if browser is None:
        print("reportkit briefings: no Chromium found (set REPORTKIT_CHROMIUM or install "
              "chromium): HTML only, no PDF", file=sys.stderr)
        return todo
    return [replace(job, pdf=str(Path(job.html).with_suffix(".pdf")), browser=browser)
            for job in todo]


def _extract_if_stale(raw: Path, processed: Path, jobs: int, progress: bool, scheduler) -> None:
    """Re-extract first when the raw folder (or the extractor) changed since the last extraction."""
    from reportkit.pipeline import extract_corpus, is_stale

    if raw.is_dir() and any(raw.iterdir()) and is_stale(raw, processed):
        print(f"reportkit briefings: {raw} (or the extractor) changed since the last extraction; "
              "extracting first",
              file=sys.stderr)
        try:
            extract_corpus(raw, processed, jobs=jobs, progress=progress, scheduler=scheduler)
        except Exception as exc:
            raise ExtractionFailed(f"{type(exc).__name__}: {exc}") from exc


def _load(processed: Path):
    from reportkit.tables.store import load_tables

    try:
        return load_tables(processed)
    except FileNotFoundError as exc:
        raise UsageError(str(exc)) from None


def plan(slugs, notebook: Path, national_nb: Path, out: Path, processed: Path,
         extra: dict) -> list[Job]:
    """The national overview first (the longest run), then one job per force."""
    nbs, html = out / "notebooks", out / "briefings"
    todo = [Job(NATIONAL, str(national_nb), {"processed_dir": str(processed)},
                str(nbs / f"{NATIONAL}.ipynb"), str(html / f"{NATIONAL}.html"),
                "All forces: child protection inspections")]
    for slug in slugs:
        params = {**extra, "force": slug, "processed_dir": str(processed)}
        todo.append(Job(slug, str(notebook), params, str(nbs / f"{slug}.ipynb"),
                        str(html / f"{slug}.html"),
                        f"{forces.display_name(slug)}: child protection briefing"))
    return todo


def execute(todo: list[Job], jobs: int, progress: bool, scheduler: str | None,
            pool: _Pool | None = None) -> dict[str, dict]:
    """Run every job with one progress bar; results by job name."""
    from tqdm import tqdm

    results: dict[str, dict] = {}
    bar = tqdm(total=len(todo), desc="briefings", unit="nb", disable=not progress, file=sys.stderr)
    try:
        for res in (pool.results() if pool else _results(todo, jobs, scheduler)):
            results[res["name"]] = res
            bar.update()
    finally:
        bar.close()
    return results


def _results(todo: list[Job], jobs: int, scheduler: str | None):
    if scheduler:
        from reportkit.cluster import run_on_dask

        yield from run_on_dask(scheduler, run_job_once, [(job,) for job in todo])
    elif jobs <= 1 or len(todo) <= 1:
        try:
            yield from map(run_job, todo)
        finally:
            stop_kernel()
    else:
        pool = _Pool(min(jobs, len(todo)))
        try:
            pool.submit(todo)
            yield from pool.results()
        finally:
            pool.close()


# Each worker process takes jobs from a queue until it meets None, then stops its own kernel: a
# worker's kernel must not outlive the batch, and a pool has no hook at worker exit.
_QUEUES: tuple | None = None


def _worker_init(todo_q, done_q, parent: int) -> None:
    global _QUEUES
    _QUEUES = (todo_q, done_q)
    from reportkit.workers import die_with_parent

    die_with_parent(parent)


def _worker_loop() -> int:
    assert _QUEUES is not None, "the pool's initializer sets the queues"
    todo_q, done_q = _QUEUES
    done = 0
    try:
        try:
            warm_kernel()  # before the first job arrives: the parent is still loading tables
        except Exception:  # run_job reports a kernel that will not start, job by job
            stop_kernel()
        while (job := todo_q.get()) is not None:
            done_q.put(run_job(job))
            done += 1
    finally:
        stop_kernel()
    return done


class _Pool:
    """Worker processes, each with one warm kernel, taking jobs from a queue until told to stop."""

    def __init__(self, workers: int):
        # spawn, not fork: a parent that already talked to a kernel holds ZMQ state a fork would share
        ctx = multiprocessing.get_context("spawn")
        self.workers = workers
        self.todo_q, self.done_q = ctx.Queue(), ctx.Queue()
        self.pending: dict[str, Job] = {}
        self.stopped = False
        self.executor = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_worker_init,
                                            initargs=(self.todo_q, self.done_q, os.getpid()))
        self.loops = [self.executor.submit(_worker_loop) for _ in range(workers)]

    def submit(self, todo: list[Job]) -> None:
        for job in todo:
            self.pending[job.name] = job
            self.todo_q.put(job)
        self._stop_workers()

    def _stop_workers(self) -> None:
        if not self.stopped:
            self.stopped = True
            for _ in range(self.workers):
                self.todo_q.put(None)

    def results(self):
        ended_at = None
        while self.pending:
            try:
                res = self.done_q.get(timeout=1.0)
            except queue.Empty:
                if ended_at is None and all(f.done() for f in self.loops):
                    ended_at = time.monotonic()  # results may still be in flight: wait a little
                if ended_at is not None and time.monotonic() - ended_at > 10:
                    break  # every worker ended (or died) and nothing more will come
                continue
            self.pending.pop(res["name"], None)
            yield res
        for name in list(self.pending):  # a worker process died under these jobs
            self.pending.pop(name)
            yield {"name": name, "ok": False, "seconds": 0.0, "error": "worker process died"}

    def close(self) -> None:
        self._stop_workers()
        self.executor.shutdown(wait=True)


# ---- the index ----------------------------------------------------------------------------------

def index_entries(slugs: list[str], results: dict[str, dict], figures: dict[str, dict]) -> dict[str, dict]:
    """Per force of this run: headline figures (see _figures_for_index), status and run date."""
    when = datetime.now().isoformat(timespec="minutes")
    entries = {}
    for slug in [*slugs, NATIONAL]:
        res = results.get(slug, {"ok": False, "error": "not run"})
        entries[slug] = {"ok": res["ok"], "error": res.get("error"), "run": when,
                         "pdf": bool(res.get("pdf")), **figures.get(slug, {})}
    return entries


def _figures_for_index(f: dict) -> dict:
    latest = f["latest"] or {}
    published = latest.get("published")
    return {"name": f["name"], "documents": f["documents"],
            "recommendations": f["recommendations"], "ratings": f["ratings"],
            "cases": latest.get("cases"), "good": latest.get("good"),
            "inadequate": latest.get("inadequate"), "kind": latest.get("kind"),
            "published": None if published is None or str(published) == "NaT"
            else str(published)[:10],
            # as the report gave them: a share where it gave no count, the four-grade scale marked
            "good_shown": f.get("good_shown"), "inadequate_shown": f.get("inadequate_shown"),
            "four_grade": bool(f.get("four_grade")),
            **{k: int(f.get(k) or 0) for k in ("claims_checked", "claims_differ",
                                               "claims_not_found")}}


def write_index(out: Path, slugs: list[str], results: dict[str, dict],
                figures: dict[str, dict], present: list[str] | None = None) -> Path:
    """index.html lists every briefing made so far whose HTML still exists and whose force still
    has documents (``present``: the forces of the corpus; None keeps every force)."""
    from reportkit.report.export import render_index

    folder = out / "briefings"
    state = folder / INDEX_STATE
    entries = {}
    if state.exists():
        try:
            entries = json.loads(state.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            entries = {}  # a damaged record is rebuilt from this run
    entries.update(index_entries(slugs, results, figures))
    known = (set(forces.slugs()) if present is None else set(present)) | {NATIONAL}
    entries = {k: {**v, "pdf": bool(v.get("pdf")) and (folder / f"{k}.pdf").exists()}
               for k, v in entries.items() if k in known and (folder / f"{k}.html").exists()}
    atomic.write_text(state, json.dumps(entries, indent=1, sort_keys=True))
    return atomic.write_text(folder / "index.html", render_index(entries))


def summarise(results: dict[str, dict], out: Path) -> int:
    failed = {k: v for k, v in results.items() if not v["ok"]}
    done = len(results) - len(failed)
    print(f"reportkit briefings: {done} of {len(results)} notebooks built; "
          f"index: {out / 'briefings' / 'index.html'}", file=sys.stderr)
    unprinted = {k: v["pdf_error"] for k, v in results.items() if v.get("pdf_error")}
    for name, why in sorted(unprinted.items()):
        print(f"  no PDF of {name}: {why}", file=sys.stderr)
    if not failed:
        return 0
    print(f"{len(failed)} failed (each failed notebook is kept in {out / 'notebooks'}):",
          file=sys.stderr)
    for name, res in sorted(failed.items()):
        print(f"  {name}: {res['error']}", file=sys.stderr)
    return 1

