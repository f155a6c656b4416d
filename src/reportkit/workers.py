"""Run each document in a worker process that can be killed: the per-document limits hold whatever
the reading library is doing.

Why not a signal in the process: a Python signal handler runs only between bytecodes, so a call that
stays inside pdfium or libxml2 runs on past any alarm, and an exception raised from a handler can
land in the middle of a library's clean-up. Why not ``concurrent.futures``: a ProcessPoolExecutor can
neither stop one task at its deadline (``cancel()`` only drops tasks not yet started) nor survive a
worker the kernel killed (the whole pool is broken). Here each worker is a forked process that
serves one task at a time over a pipe; the parent waits with the earliest deadline as its time-out,
kills a worker that overruns (SIGKILL, which no library can ignore) and starts another. A worker caps
its own writable memory (``resource.setrlimit(RLIMIT_DATA)``), so a bomb fails inside the worker
with MemoryError (or kills only the worker) instead of taking the machine, and it asks Linux to kill
it when its parent dies, so an interrupted run leaves no process behind.
"""
from __future__ import annotations

import contextlib
import faulthandler
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Limits:
    """What one task may take: wall-clock seconds, and writable memory beyond the worker's own."""

    seconds: float
    memory_bytes: int | None = None


@dataclass(frozen=True)
class Refused:
    """A task the worker could not finish within its limits, with the reason in plain words."""

    reason: str
    kind: str  # "time", "memory" or "crash"


def run_limited(fn: Callable, tasks: Iterable[tuple[Hashable, tuple]], jobs: int,
                limits: Limits, meanwhile: Callable[[], object] | None = None
                ) -> Iterator[tuple[Hashable, object]]:
    """Call ``fn(*args)`` for each ``(key, args)`` in up to ``jobs`` worker processes; yield
    ``(key, result)`` as each finishes, or ``(key, Refused)`` when it overran a limit or its worker
    died. ``fn`` must return picklable values and never raise (an exception becomes a Refused).
    ``meanwhile`` is called once in this process as soon as the first workers have their tasks
    (the caller's own slow start-up, run while they work instead of before they are forked)."""
    pool = _Pool(fn, max(1, jobs), limits)
    try:
        yield from pool.run(deque(tasks), meanwhile)
    finally:
        pool.close()


class _Worker:
    def __init__(self, ctx, fn: Callable, limits: Limits):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, fn, limits.memory_bytes, os.getpid()),
                                daemon=True)
        self.proc.start()
        child.close()
        self.key: Hashable | None = None
        self.deadline = 0.0

    def give(self, key: Hashable, args: tuple, seconds: float) -> None:
        self.key, self.deadline = key, time.monotonic() + seconds
        self.conn.send((key, args))

    def kill(self) -> None:
        if self.proc.is_alive() and self.proc.pid:
            try:  # the worker's whole group: a Tesseract it started goes with it
                os.killpg(self.proc.pid, signal.SIGKILL)
            except OSError:
                self.proc.kill()
        self.proc.join(5)
        self.conn.close()

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except OSError:
            pass
        self.proc.join(2)
        self.kill()


class _Pool:
    def __init__(self, fn: Callable, jobs: int, limits: Limits):
        self.ctx = mp.get_context("fork")  # the parent's imports are inherited, nothing re-imported
        self.fn, self.jobs, self.limits = fn, jobs, limits
        self.idle: list[_Worker] = []
        self.busy: dict[Connection, _Worker] = {}

    def run(self, todo: deque, meanwhile: Callable[[], object] | None = None
            ) -> Iterator[tuple[Hashable, object]]:
        while todo or self.busy:
            while todo and len(self.busy) < self.jobs:
                key, args = todo.popleft()
                worker = self._give(key, args)
                self.busy[worker.conn] = worker
            if meanwhile is not None:
                meanwhile()
                meanwhile = None
            timeout = max(0.0, min(w.deadline for w in self.busy.values()) - time.monotonic())
            for conn in wait(list(self.busy), timeout):
                yield self._collect(self.busy.pop(conn))  # type: ignore[call-overload]
            now = time.monotonic()
            for conn, worker in list(self.busy.items()):
                if now >= worker.deadline:
                    del self.busy[conn]
                    worker.kill()
                    yield worker.key, Refused(_too_slow(self.limits.seconds), "time")

    def _give(self, key: Hashable, args: tuple) -> _Worker:
        """An idle worker (or a new one) with the task; an idle worker the system killed
        meanwhile (its pipe is broken) is replaced."""
        while self.idle:
            worker = self.idle.pop()
            try:
                worker.give(key, args, self.limits.seconds)
                return worker
            except OSError:
                worker.kill()
        worker = _Worker(self.ctx, self.fn, self.limits)
        worker.give(key, args, self.limits.seconds)
        return worker

    def _collect(self, worker: _Worker) -> tuple[Hashable, object]:
        key = worker.key
        try:
            status, value = worker.conn.recv()
        except (EOFError, OSError):
            worker.kill()
            return key, _died(worker.proc.exitcode)
        if status == "ok":
            self.idle.append(worker)
            return key, value
        worker.kill()  # after a MemoryError or an escaped exception, start afresh
        return key, Refused(value, "memory" if status == "memory" else "crash")

    def close(self) -> None:
        for worker in [*self.idle, *self.busy.values()]:
            worker.stop()
        self.idle, self.busy = [], {}


def _too_slow(seconds: float) -> str:
    return (f"gave up after {seconds:g} s (config.MAX_SECONDS_PER_DOCUMENT): the document is too "
            "long or too complex to read in time")


def _died(exitcode: int | None) -> Refused:
    if exitcode == -signal.SIGKILL:
        return Refused("ran out of memory: the system stopped the worker reading this document "
                       "(config.MAX_MEMORY_BYTES)", "memory")
    what = f"signal {-exitcode}" if exitcode is not None and exitcode < 0 else f"exit {exitcode}"
    return Refused(f"the reading library crashed on this document ({what})", "crash")


# --- inside the worker -------------------------------------------------------------------------

def _serve(conn: Connection, fn: Callable, memory_bytes: int | None, parent: int) -> None:
    die_with_parent(parent)
    with contextlib.suppress(OSError):
        os.setpgid(0, 0)  # a group of its own, so that a kill reaches what it started
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    faulthandler.disable()  # a library's crash is reported by the parent in one line, not a dump
    _cap_memory(memory_bytes)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        key, args = task
        try:
            conn.send(("ok", fn(*args)))
        except MemoryError:
            _send(conn, ("memory", "ran out of memory reading this document "
                                   "(config.MAX_MEMORY_BYTES)"))
            return
        except BaseException as exc:  # noqa: BLE001 - reported to the parent, never lost
            _send(conn, ("error", f"internal error while reading ({type(exc).__name__}: {exc}); "
                                  "please report it with the file"))
            return


def _send(conn: Connection, message: tuple) -> None:
    try:
        conn.send(message)
    except (OSError, MemoryError):
        pass


def die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this process when its parent dies (a kill -9 of the run); exit at once
    when the parent is already gone. Also used by the briefing workers and their kernels."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pipe's EOF still ends an idle worker
        pass
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def _cap_memory(extra: int | None) -> None:
    """Cap the memory the worker can write to at what it holds now plus ``extra`` bytes.

    RLIMIT_DATA, not RLIMIT_AS: since Linux 4.7 it counts the heap and every private writable
    mapping, which is what a bomb fills, but not address space reserved and never written (an
    allocator's reservation: older pdfium builds reserve gigabytes at start-up and die with SIGTRAP
    when an address-space cap refuses it)."""
    if not extra:
        return
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        want = _data_bytes() + extra
        if hard != resource.RLIM_INFINITY:
            want = min(want, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (want, hard))
    except (ImportError, OSError, ValueError):
        log.debug("could not cap the worker's memory", exc_info=True)


def _data_bytes() -> int:
    """The worker's data size now (VmData: heap and private writable mappings)."""
    try:
        with open("/proc/self/status") as fh:
            line = next(x for x in fh if x.startswith("VmData:"))
        return int(line.split()[1]) * 1024
    except (OSError, ValueError, StopIteration):
        return 0
