"""`reportkit briefings`: run the force briefing notebook per force with papermill, export HTML
(and PDF), write the index.

Parameters are checked before anything runs. Workers (report/runner.py) start their kernels at
once, while this process checks the tables and plans; each notebook is then exported and printed
in the background while the next one runs (on a Dask cluster, all of it in the cluster's worker).
One force failing does not stop the others: its executed notebook is kept and exported, the index
marks it, and the exit code says so.
"""
from __future__ import annotations

import ast
import json
import sys
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from reportkit import config, forces
from reportkit.errors import ReportkitError, UsageError  # noqa: F401  (UsageError re-exported)
from reportkit.report.runner import (  # noqa: F401  (the kernel's helpers, for tests and Dask)
                                     Finisher,
                                     Job,
                                     Pool,
                                     _local,
                                     _silent,
                                     run_job,
                                     run_job_once,
                                     stop_kernel,
                                     warm_kernel,
)
from reportkit.tables import atomic, lock

FORCE_NOTEBOOK = "force_briefing.ipynb"
NATIONAL_NOTEBOOK = "national_overview.ipynb"
NATIONAL = "national"
INDEX_STATE = "index.json"  # headline figures of every briefing made so far, for the index


class ExtractionFailed(ReportkitError, RuntimeError):
    """The tables could not be brought up to date: briefings would describe an old corpus."""


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


def declared_parameters(notebook: Path) -> set[str]:
    """The names the notebook's first cell tagged ``parameters`` assigns: what a run may set.
    Read with ast, which costs nothing beside importing papermill; papermill's own reading
    when the cell is not plain Python (a magic) or the file not plain JSON."""
    try:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        cell = next(c for c in nb.get("cells", []) if c.get("cell_type") == "code"
                    and "parameters" in c.get("metadata", {}).get("tags", []))
        source = cell.get("source", "")
        tree = ast.parse("".join(source) if isinstance(source, list) else source)
    except (ValueError, SyntaxError, StopIteration, AttributeError):
        import papermill as pm

        return set(pm.inspect_notebook(str(notebook)))
    names: set[str] = set()
    for node in tree.body:
        targets = (node.targets if isinstance(node, ast.Assign)
                   else [node.target] if isinstance(node, ast.AnnAssign) else [])
        names |= {t.id for t in targets if isinstance(t, ast.Name)}
    return names


def check_parameters(notebook: Path, given: dict) -> None:
    declared = declared_parameters(notebook)
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
    # Workers start (and warm their kernels) now, while this process checks and loads the
    # tables; no more of them than notebooks when the forces are named. With a cluster, its
    # workers run, export and print everything.
    pool = None if scheduler else Pool(min(jobs, len(selected) + 1) if selected else jobs)
    browser = _find_browser()  # looked up once: the printer and every job use this one
    finisher = None if scheduler else Finisher(browser)
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
            todo = with_pdfs(plan(longest_first(slugs, tables), notebook, national_nb, out,
                                  processed.resolve(), extra), browser)
            if pool:  # this process exports and prints; the workers run notebooks
                pool.submit([replace(job, browser=None, export_here=False) for job in todo])
            figures = index_figures(tables, slugs)  # while the notebooks run
            results = execute(todo, jobs, progress, scheduler, pool, finisher)
            write_index(out, slugs, results, figures, present)
    except BaseException:
        if pool:
            pool.cancel()  # no new notebook after an error or Ctrl-C
        raise
    finally:
        if pool:
            pool.close()
        if finisher:
            finisher.close()
    return summarise(results, out)


def index_figures(tables: dict, slugs: list[str]) -> dict[str, dict]:
    from reportkit.report.briefing import headline_figures
    from reportkit.report.methods_view import method_line

    return {slug: {**_figures_for_index(headline_figures(tables, slug)),
                   "method": method_line(tables, slug)} for slug in slugs}


def _find_browser() -> str | None:
    from reportkit.report.export import find_browser

    return find_browser()


def _refuse_absent(slugs: list[str], present: list[str], processed: Path) -> None:
    """A briefing of a force with no document would be an empty page: refuse before any runs."""
    absent = [s for s in slugs if s not in present]
    if absent:
        names = ", ".join(forces.display_name(s) for s in absent)
        have = ", ".join(present) or "none"
        raise UsageError(f"no readable document about {names} in {processed}, so no briefing "
                         f"was made; forces with documents: {have}")


def with_pdfs(todo: list[Job], browser: str | None) -> list[Job]:
    """Each job also prints its page to PDF with ``browser`` (export.find_browser's headless
    Chromium); with none, HTML only, said once."""
    if browser is None:
        print("reportkit briefings: no Chromium found (set REPORTKIT_CHROMIUM or install "
              "chromium): HTML only, no PDF", file=sys.stderr)
        return todo
    return [replace(job, pdf=str(Path(job.html).with_suffix(".pdf")), browser=browser)
            for job in todo]


def _extract_if_stale(raw: Path, processed: Path, jobs: int, progress: bool, scheduler) -> None:
    """Re-extract first when the raw folder (or the extractor) changed since the last extraction."""
    from reportkit.tables.state import is_stale  # hashing only: no pandas when up to date

    if raw.is_dir() and any(raw.iterdir()) and is_stale(raw, processed):
        from reportkit.pipeline import extract_corpus

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


def longest_first(slugs: list[str], tables: dict) -> list[str]:
    """Forces with the most documents first (a force's notebook reads and charts its documents):
    the workers then end on short notebooks, and no worker waits long at the end for another."""
    docs = tables["documents"]
    counts = docs["force"].astype("string").value_counts().to_dict()
    return sorted(slugs, key=lambda slug: -counts.get(slug, 0))


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
            pool: Pool | None = None, finisher: Finisher | None = None) -> dict[str, dict]:
    """Run every job with one progress bar; results by job name. With a ``finisher`` each
    notebook is exported and printed in the background while the next one runs."""
    from tqdm import tqdm

    results: dict[str, dict] = {}
    bar = tqdm(total=len(todo), desc="briefings", unit="nb", disable=not progress, file=sys.stderr)
    by_name = {job.name: job for job in todo}

    def finish(done) -> None:
        for res in done:
            results[res["name"]] = res
            bar.update()

    try:
        for res in (pool.results() if pool else _results(todo, jobs, scheduler)):
            job = by_name.get(res["name"])
            if finisher and job and "executed" in res:  # a worker got to its end
                finisher.submit(job, res)
                finish(finisher.finished(wait=False))
            else:
                finish([res])
        if finisher:
            finish(finisher.finished(wait=True))
    finally:
        bar.close()
    return results


def _results(todo: list[Job], jobs: int, scheduler: str | None):
    if scheduler:
        from reportkit.cluster import run_on_dask

        yield from run_on_dask(scheduler, run_job_once, [(job,) for job in todo])
    else:
        pool = Pool(min(jobs, len(todo)))
        try:
            pool.submit(todo)
            yield from pool.results()
        finally:
            pool.close()


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

