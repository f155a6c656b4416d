"""The killable workers: a deadline, a memory cap and a crash each cost one task, never the run.

Each case decides by construction, not by the machine's speed: a task that sleeps ten minutes
against a deadline of seconds, an allocation of 8 GiB against a cap of 256 MiB, a segfault.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from reportkit.workers import Limits, Refused, run_limited

QUICK = Limits(seconds=20.0, memory_bytes=None)


def _echo(value):
    return value, os.getpid()


def _sleep_or_echo(value):
    if value == "slow":
        time.sleep(600)
    return value


def _allocate(n_bytes: int):
    block = bytearray(n_bytes)  # touched by the kernel only when written: the cap refuses the map
    return len(block)


def _segfault(_):
    os.kill(os.getpid(), signal.SIGSEGV)


def _raise(_):
    raise RuntimeError("a bug in a parser")


def run(fn, values, jobs=2, limits=QUICK) -> dict:
    return dict(run_limited(fn, [(v, (v,)) for v in values], jobs, limits))


def test_every_task_comes_back_and_workers_are_reused():
    out = run(_echo, range(12), jobs=2)
    assert sorted(out) == list(range(12))
    assert all(value == key for key, (value, _) in out.items())
    pids = {pid for _, pid in out.values()}
    assert len(pids) <= 2, "a worker must serve task after task, not one process per task"
    assert os.getpid() not in pids, "tasks must run outside the parent process"


def test_a_task_past_its_deadline_is_killed_and_the_others_finish():
    began = time.monotonic()
    out = run(_sleep_or_echo, ["a", "slow", "b", "c"], jobs=2, limits=Limits(seconds=10.0))
    assert isinstance(out["slow"], Refused) and out["slow"].kind == "time"
    assert "gave up after 10 s" in out["slow"].reason
    assert [out[k] for k in "abc"] == ["a", "b", "c"]
    assert time.monotonic() - began < 300, "the sleeping worker was not killed at its deadline"


def test_a_memory_bomb_is_refused_inside_its_worker():
    limits = Limits(seconds=60.0, memory_bytes=256 * 2**20)
    out = run(_allocate, [8 * 2**30, 1024], jobs=1, limits=limits)
    assert isinstance(out[8 * 2**30], Refused) and out[8 * 2**30].kind == "memory"
    assert "memory" in out[8 * 2**30].reason
    assert out[1024] == 1024, "the next task must get a fresh worker"


def test_a_crashing_library_costs_one_task():
    out = run(_segfault, ["x"], jobs=1)
    assert isinstance(out["x"], Refused) and out["x"].kind == "crash"
    assert f"signal {int(signal.SIGSEGV)}" in out["x"].reason
    assert run(_echo, [1], jobs=1)[1][0] == 1


def test_an_exception_escaping_the_task_is_reported_in_words():
    out = run(_raise, ["x"], jobs=1)
    assert isinstance(out["x"], Refused)
    assert "RuntimeError: a bug in a parser" in out["x"].reason


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie has exited: only its parent (init, now) has not reaped it yet
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_workers_die_with_a_killed_parent(tmp_path):
    pidfile = tmp_path / "worker.pid"
    script = textwrap.dedent(f"""
        import os, time
        from reportkit.workers import Limits, run_limited

        def task(path):
            open(path, "w").write(str(os.getpid()))
            time.sleep(600)

        for _ in run_limited(task, [("k", ({str(pidfile)!r},))], 1, Limits(600.0)):
            pass
    """)
    parent = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(600):
            if pidfile.exists() and pidfile.read_text():
                break
            time.sleep(0.05)
        worker = int(pidfile.read_text())
        assert _alive(worker)
        parent.kill()  # SIGKILL: no finally block, no atexit
        parent.wait(30)
        for _ in range(200):
            if not _alive(worker):
                break
            time.sleep(0.05)
        assert not _alive(worker), "the worker outlived its killed parent"
    finally:
        parent.kill()


def _start_child_then_sleep(path):
    child = subprocess.Popen(["sleep", "600"])
    Path(path).write_text(str(child.pid))
    time.sleep(600)


def test_a_killed_worker_takes_the_programs_it_started_with_it(tmp_path):
    """A worker past its deadline while an OCR program it started runs: both stop."""
    pidfile = tmp_path / "child.pid"
    out = dict(run_limited(_start_child_then_sleep, [("k", (str(pidfile),))], 1, Limits(10.0)))
    assert isinstance(out["k"], Refused)
    child = int(pidfile.read_text())
    for _ in range(100):
        if not _alive(child):
            break
        time.sleep(0.05)
    assert not _alive(child), "the worker's own child outlived it"


def test_an_idle_worker_killed_by_the_system_is_replaced():
    tasks = iter([("a", ("a",)), ("b", ("b",))])
    results = run_limited(_echo, tasks, 1, QUICK)
    key, (value, pid) = next(results)
    os.kill(pid, signal.SIGKILL)  # the OOM killer, between two documents
    time.sleep(0.2)
    key2, out = next(results)
    assert key2 == "b" and out[0] == "b" and out[1] != pid
    results.close()
