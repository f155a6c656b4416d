"""One writer at a time per output folder, and readers that see one whole set of tables.

An advisory lock (``flock`` on a hidden file in the folder): ``reportkit extract`` holds it
exclusively from before it reads the folder's state until the new set is in place; a briefing run
holds it shared from its first read of the tables to its last page, so an extraction cannot swap
the tables between the index and a page. The kernel drops a lock when its holder dies, so a killed
run never leaves the folder locked. Where ``flock`` is missing (not POSIX), nothing is locked.
"""
from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reportkit.errors import ReportkitError

LOCK_FILE = ".reportkit.lock"


class Busy(ReportkitError):
    """Another reportkit run holds the output folder."""


class OutputError(ReportkitError):
    """The output folder cannot be written (missing, a file, read-only, full)."""


def check_writable(out: Path) -> None:
    """Raise OutputError, before any work, when tables cannot be written to ``out``."""
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise OutputError(f"output {out} is a file, not a folder: choose another --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"output folder {out} cannot be created: {exc.strerror}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise OutputError(f"output folder {out} is not writable: choose another --out or fix "
                          "its permissions")


@contextmanager
def writing(out: Path) -> Iterator[None]:
    """Hold ``out`` for writing, or raise Busy naming the run that holds it."""
    check_writable(out)
    with _locked(Path(out), exclusive=True):
        yield


@contextmanager
def reading(out: Path) -> Iterator[None]:
    """Hold ``out`` for reading: no extraction can replace its tables meanwhile."""
    if not Path(out).is_dir():
        yield  # nothing to protect yet: the caller reports the missing tables
        return
    with _locked(Path(out), exclusive=False):
        yield


@contextmanager
def _locked(out: Path, exclusive: bool) -> Iterator[None]:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    path = out / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if not exclusive:  # a read-only folder can still be read
            yield
            return
        raise OutputError(f"output folder {out} is not writable: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError as exc:
            if exc.errno not in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise
            raise Busy(_busy_message(out, fd, exclusive)) from None
        if exclusive:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()}\n".encode())
        yield
    finally:
        os.close(fd)  # closing drops the lock


def _busy_message(out: Path, fd: int, exclusive: bool) -> str:
    holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
    who = f" (pid {holder})" if holder.isdigit() and _alive(int(holder)) else ""
    if exclusive:
        return (f"another reportkit run is using {out}{who}: wait for it to finish, or write "
                "elsewhere with --out")
    return f"reportkit extract is writing {out}{who}: wait for it to finish, then run again"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return pid != os.getpid()
