"""Where briefing notebooks run: one warm kernel per worker, one notebook per job, the workers
(a thread of the batch for one, processes for more) and the finisher, a thread of the batch
that exports and prints each notebook while the workers run the next.
"""
from __future__ import annotations

import multiprocessing
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportkit import config
from reportkit.tables import atomic

# The kernel's own notices (TCP transport, interrupt at shutdown) would break the progress bar.
KERNEL_QUIET = ["--IPKernelApp.log_level=CRITICAL"]
# Optional modules whose import costs a batch process seconds for nothing it uses. jsonschema
# checks the "iri" format with rfc3987_syntax when that is installed (jupyterlab's server brings
# it), and importing it builds a grammar: about a second in every process that imports nbformat
# (papermill does), for a check nbformat never makes (it validates with fastjsonschema, and no
# notebook schema asks for that format). jsonschema imports it under suppress(ImportError).
UNUSED_IMPORTS = ("rfc3987_syntax",)


def skip_unused_imports() -> None:
    """Make this process's imports of UNUSED_IMPORTS fail fast, as if they were not installed.
    For the batch's own processes only (the command, its workers), never at import of reportkit:
    an analyst's session keeps whatever it has."""
    for name in UNUSED_IMPORTS:
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Job:
    name: str  # a force slug, or "national"
    notebook: str
    parameters: dict
    ipynb: str
    html: str
    title: str
    pdf: str | None = None  # where to print the page, when a headless Chromium was found
    browser: str | None = None  # set: the worker prints; None: the batch's own printer does
    export_here: bool = True  # False: the worker keeps the notebook, the batch exports it


# ---- one kernel per worker, reused -------------------------------------------------------------
# Importing pandas, matplotlib and scipy costs more than a briefing's own work, so a worker keeps
# one `reportkit` kernel with them loaded and clears its namespace between notebooks. The kernel
# belongs to the thread that started it (a Dask worker runs tasks in threads).

# Notebook after notebook in a kernel reads one unchanged set of tables (the batch holds the
# folder's reading lock): they share one loaded object and what was computed from it.
WARM_UP = ("import reportkit.report.briefing, reportkit.charts.plots, reportkit.tables.store\n"
           "reportkit.tables.store.share_loaded()")
# The kernel dies with the process that started it: a kill -9 of the batch leaves no kernel.
DIE_WITH_PARENT = "from reportkit.workers import die_with_parent; die_with_parent({pid})"
# Forget the last notebook's variables (what %reset does, without its slow garbage collection).
CLEAR = ("_ns, _hidden = get_ipython().user_ns, get_ipython().user_ns_hidden\n"
         "for _k in [k for k in _ns if not k.startswith('_') and k not in _hidden]:\n"
         "    del _ns[_k]")
_local = threading.local()  # .kernel: (manager, a blocking client kept open for resets)


def _silent(kc, code: str) -> None:
    kc.execute_interactive(code, store_history=False, timeout=300, output_hook=lambda msg: None)


@lru_cache(maxsize=1)
def _manager_class():
    from jupyter_client.manager import KernelManager

    class ReusedKernel(KernelManager):
        """A kernel for many notebooks. Papermill opens a client per notebook and, on a kernel
        it did not start, leaves it open (its channels' threads and ZMQ context leak, and
        traitlets warns at exit): the manager keeps them so that close_clients can close them."""

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.opened: list = []

        def client(self, **kwargs):
            kc = super().client(**kwargs)
            self.opened.append(kc)
            return kc

        def close_clients(self) -> None:
            while self.opened:
                self.opened.pop().stop_channels()  # joins the threads, destroys the context

    return ReusedKernel


def _preload() -> None:
    """What running a notebook imports, loaded while the kernel starts."""
    import papermill  # noqa: F401


def warm_kernel():
    """This thread's kernel, started and warmed on first use, with an empty namespace."""
    held = getattr(_local, "kernel", None)
    if held is not None and held[0].is_alive():
        _silent(held[1], CLEAR)
        return held[0]
    stop_kernel()
    # Briefing kernels draw to files, never to a screen: the backend is chosen here, by the batch,
    # not by importing reportkit (which must leave an analyst's own session alone).
    os.environ.setdefault("MPLBACKEND", "Agg")
    km = _manager_class()(kernel_name=config.KERNEL_NAME)
    km.start_kernel(extra_arguments=KERNEL_QUIET)
    kc = km.blocking_client()
    kc.start_channels()
    _local.kernel = (km, kc)
    _preload()  # this process's own imports, while the kernel process boots
    kc.wait_for_ready(timeout=60)
    _silent(kc, DIE_WITH_PARENT.format(pid=os.getpid()))
    _silent(kc, WARM_UP)
    return km


def stop_kernel() -> None:
    held, _local.kernel = getattr(_local, "kernel", None), None
    if held is not None:
        try:
            held[0].close_clients()
            held[1].stop_channels()
            held[0].shutdown_kernel(now=True)
        except Exception:  # already gone: nothing to stop
            pass


# ---- one notebook (runs in a worker) ------------------------------------------------------------

def run_job(job: Job) -> dict:
    """Execute one notebook and keep it; export it (unless the batch does) and print it (when
    the job names a browser). Never raises: failure is in the result."""
    import nbformat
    import papermill as pm

    from reportkit.report.export import export_html

    start = time.perf_counter()
    error = pdf_error = None
    with tempfile.TemporaryDirectory(prefix="reportkit-nb-") as tmp:
        executed = Path(tmp) / f"{job.name}.ipynb"
        try:
            km = warm_kernel()
            try:
                pm.execute_notebook(job.notebook, str(executed), parameters=job.parameters,
                                    kernel_name=config.KERNEL_NAME, progress_bar=False,
                                    log_output=False, request_save_on_cell_execute=False,
                                    cwd=str(Path(job.notebook).parent), km=km)
            finally:
                km.close_clients()
        except pm.PapermillExecutionError as exc:
            error = f"{exc.ename}: {exc.evalue}".strip()
        except Exception as exc:  # the kernel died or would not start: still report it
            error = f"{type(exc).__name__}: {exc}"
        if error:
            stop_kernel()  # the next notebook gets a fresh kernel, whatever this one left
        executed_kept = executed.exists()
        if executed_kept:
            nb = nbformat.read(str(executed), as_version=4)
            atomic.write_text(job.ipynb, nbformat.writes(nb))
            if job.export_here:
                export_html(nb, job.html, job.title)
        else:
            atomic.write_text(job.html, _failure_page(job.title, error or "no output"))
    if job.pdf and job.browser:
        pdf_error = _print(job)
    return {"name": job.name, "ok": error is None, "error": error,
            "executed": executed_kept, "exported": job.export_here or not executed_kept,
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


# ---- the workers ----------------------------------------------------------------------------

# Each worker takes jobs from a queue until it meets None, then stops its own kernel: a worker's
# kernel must not outlive the batch, and a pool has no hook at worker exit. One worker is a thread
# of this process (no second Python to start); more are processes, each with its own kernel.
_QUEUES: tuple | None = None


def _worker_init(todo_q, done_q, parent: int) -> None:
    global _QUEUES
    _QUEUES = (todo_q, done_q)
    skip_unused_imports()
    from reportkit.workers import die_with_parent

    die_with_parent(parent)


def _worker_loop(queues: tuple | None = None) -> int:
    queues = queues or _QUEUES
    assert queues is not None, "the pool's initializer sets the queues of a worker process"
    todo_q, done_q = queues
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


class Pool:
    """Workers, each with one warm kernel, taking jobs from a queue until told to stop."""

    def __init__(self, workers: int):
        self.workers = workers
        self.pending: dict[str, Job] = {}
        self.stopped = False
        self.executor: Executor
        self.todo_q: Any
        self.done_q: Any  # a thread's queue.Queue, or a process pool's multiprocessing queue
        if workers == 1:
            self.todo_q, self.done_q = queue.Queue(), queue.Queue()
            self.executor = ThreadPoolExecutor(1, thread_name_prefix="reportkit-briefing")
            self.loops = [self.executor.submit(_worker_loop, (self.todo_q, self.done_q))]
            return
        # spawn, not fork: a parent that already talked to a kernel holds ZMQ state a fork would share
        ctx = multiprocessing.get_context("spawn")
        self.todo_q, self.done_q = ctx.Queue(), ctx.Queue()
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

    def cancel(self) -> None:
        """Take back the jobs no worker has started (the running ones finish)."""
        try:
            while True:
                self.todo_q.get_nowait()
        except (queue.Empty, OSError, ValueError):
            pass
        self.stopped = False
        self._stop_workers()

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


class Finisher:
    """Exports and prints each notebook, one after another, in a background thread of the
    batch while the workers run the next notebooks; one Chromium (pdfprint.Printer) for the
    whole run."""

    def __init__(self, browser: str | None):
        from reportkit.report.pdfprint import Printer

        self.printer = Printer(browser) if browser else None
        self._todo: queue.Queue = queue.Queue()
        self._done: queue.Queue = queue.Queue()
        self.pending: set[str] = set()
        self._thread = threading.Thread(target=self._loop, name="reportkit-finish", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        # The exporter and Chromium start with the first notebook done, not at once: until the
        # kernel is warm, both cores are busy starting it and loading the tables.
        try:
            while (item := self._todo.get()) is not None:
                self._done.put(self._finish(*item))
        finally:
            if self.printer:
                self.printer.close()

    def _finish(self, job: Job, res: dict) -> dict:
        from reportkit.report.export import export_html

        if res.get("executed") and not res.get("exported"):
            try:
                export_html(job.ipynb, job.html, job.title)
            except Exception as exc:  # an unreadable notebook: a failed page, not a failed run
                res.update(ok=False, error=f"export failed: {type(exc).__name__}: {exc}")
                atomic.write_text(job.html, _failure_page(job.title, res["error"]))
        if self.printer and job.pdf:
            try:
                self.printer.print_page(job.html, job.pdf)
            except Exception as exc:  # the reason stands in the summary; the HTML is there
                res.update(pdf=False, pdf_error=f"{type(exc).__name__}: {exc}")
            else:
                res.update(pdf=True, pdf_error=None)
        return res

    def submit(self, job: Job, res: dict) -> None:
        self.pending.add(job.name)
        self._todo.put((job, res))

    def finished(self, wait: bool = False):
        """Each result finished so far; with ``wait``, every result given."""
        while self.pending:
            try:
                res = self._done.get(timeout=1.0) if wait else self._done.get_nowait()
            except queue.Empty:
                if wait and self._thread.is_alive():
                    continue
                if not wait:
                    return
                name = next(iter(self.pending))  # the thread died (it catches): never hang
                res = {"name": name, "ok": False, "seconds": 0.0, "error": "the export stopped"}
            self.pending.discard(res["name"])
            yield res

    def close(self) -> None:
        """Stop after the results already given; when the batch is being abandoned, the daemon
        thread and (through its pipe) Chromium end with the process instead."""
        self._todo.put(None)
        self._thread.join(timeout=None if not self.pending else 5)
