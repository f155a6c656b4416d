"""Pages -> PDF with one headless Chromium for a whole batch, driven over the DevTools pipe.

Starting Chromium costs about as much as printing a briefing, so a batch starts one browser and
sends it commands: ``--remote-debugging-pipe`` makes it read commands on its file descriptor 3
and answer on 4, each message JSON ended by a NUL byte. A page that does not load in time is
reported (printing it again would hang the same way); when the pipe itself fails (Chromium would
not start, died, or broke the protocol) the page is printed the old way, one Chromium process per
page (export.export_pdf), and so is every later page of the run.
"""
from __future__ import annotations

import base64
import fcntl
import json
import logging
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from reportkit.tables import atomic

log = logging.getLogger(__name__)

# What `--print-to-pdf --no-pdf-header-footer` prints: the page's own @page size and margins,
# no header or footer, no background colours.
PRINT_OPTIONS = {"printBackground": False, "preferCSSPageSize": True,
                 "displayHeaderFooter": False}
# A headless Chromium that prints and does nothing else (both print paths start it so).
HEADLESS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FLAGS = [*HEADLESS, "--remote-debugging-pipe"]
# Chromium wants the pipe on descriptors 3 and 4 exactly; bash (unlike dash) can move
# descriptors above 9 there, so no code has to run between fork and exec in a threaded parent.
PLACE_FDS = 'exec "$@" 3<&{r} 4>&{w} {r}<&- {w}>&-'
CRASHED = {"Inspector.targetCrashed", "Target.targetCrashed", "Inspector.detached"}


# Chromium puts its singleton socket in $TMPDIR/.org.chromium.Chromium.XXXXXX/, and a Unix socket's
# path holds at most 107 bytes: under a longer TMPDIR (a pytest-xdist worker's, macOS's
# /var/folders/...) it exits without printing. Its own temporary files then go to the system's.
SOCKET_ROOM = 60  # bytes of TMPDIR that leave room for the rest of the socket's path
SHORT_TMP = "/tmp"


def browser_env() -> dict[str, str] | None:
    """The environment to start Chromium in: ours, with a short TMPDIR when ours is too long
    for its socket (None: ours as it is)."""
    tmp = tempfile.gettempdir()
    if len(os.fsencode(tmp)) <= SOCKET_ROOM or not os.access(SHORT_TMP, os.W_OK):
        return None
    return {**os.environ, "TMPDIR": SHORT_TMP}


class PipeFailed(RuntimeError):
    """The browser or its pipe is gone (or never came): print the old way instead."""


def _high_fd(fd: int) -> int:
    """``fd`` moved to 10 or above (close-on-exec), out of the way of 3 and 4."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10)
    os.close(fd)
    return moved


class PipeBrowser:
    """One headless Chromium with one tab, printing page after page. Not thread-safe: one
    thread drives it."""

    def __init__(self, browser: str):
        self.browser = browser
        self.proc: subprocess.Popen | None = None
        self._tmp: tempfile.TemporaryDirectory | None = None
        self._send = self._recv = -1
        self._buf = b""
        self._ids = 0
        self._events: list[dict] = []
        self.session: str | None = None

    # ---- the pipe --------------------------------------------------------------------------

    def start(self, timeout: float) -> None:
        bash = shutil.which("bash")
        if bash is None:
            raise PipeFailed("no bash to hand Chromium its pipe")
        self._tmp = tempfile.TemporaryDirectory(prefix="rk-pdfpipe-", ignore_cleanup_errors=True)
        cmd_r, self._send = os.pipe()  # we write commands, Chromium reads them on fd 3
        self._recv, ans_w = os.pipe()  # Chromium answers on fd 4
        cmd_r, ans_w = _high_fd(cmd_r), _high_fd(ans_w)
        argv = [bash, "-c", PLACE_FDS.format(r=cmd_r, w=ans_w), "bash", self.browser, *FLAGS,
                f"--user-data-dir={Path(self._tmp.name) / 'profile'}"]
        try:
            with open(Path(self._tmp.name) / "stderr.txt", "w") as sink:
                self.proc = subprocess.Popen(argv, pass_fds=(cmd_r, ans_w), stdin=subprocess.DEVNULL,
                                             stdout=subprocess.DEVNULL, stderr=sink,
                                             env=browser_env())
        finally:
            os.close(cmd_r)  # ours die here: Chromium's EOF on fd 3 is our death, and it exits
            os.close(ans_w)
        deadline = time.monotonic() + timeout
        target = self._call("Target.createTarget", {"url": "about:blank"}, deadline, tab=False)
        attached = self._call("Target.attachToTarget",
                              {"targetId": target["targetId"], "flatten": True}, deadline, tab=False)
        self.session = attached["sessionId"]
        self._call("Page.enable", {}, deadline)

    def _write(self, message: dict) -> None:
        data = json.dumps(message).encode("utf-8") + b"\0"
        try:
            while data:
                data = data[os.write(self._send, data):]
        except OSError as exc:  # EPIPE: the browser is gone
            raise PipeFailed(f"Chromium's pipe is closed, {exc.strerror} "
                             f"({self._last_words()})") from None

    def _read(self, deadline: float, what: str) -> dict:
        """The next message, or TimeoutError when none comes before ``deadline``."""
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self._recv], [], [], max(left, 0))
            if not ready:
                raise TimeoutError(f"Chromium did not {what} in time")
            chunk = os.read(self._recv, 1 << 20)
            if not chunk:
                raise PipeFailed(f"Chromium exited ({self._last_words()})")
            self._buf += chunk
        raw, _, self._buf = self._buf.partition(b"\0")
        try:
            message = json.loads(raw)
        except ValueError:
            raise PipeFailed("Chromium sent a message that is not JSON") from None
        if message.get("method") in CRASHED:
            raise PipeFailed(f"Chromium's page crashed ({message['method']})")
        return message

    def _call(self, method: str, params: dict, deadline: float, tab: bool = True) -> dict:
        """Send one command and wait for its answer, keeping the events that come first."""
        self._ids += 1
        message: dict = {"id": self._ids, "method": method, "params": params}
        if tab:
            message["sessionId"] = self.session
        self._write(message)
        while True:
            got = self._read(deadline, f"answer {method}")
            if got.get("id") == self._ids:
                if "error" in got:
                    raise RuntimeError(f"Chromium refused {method}: "
                                       f"{got['error'].get('message', got['error'])}")
                return got.get("result", {})
            if "method" in got:
                self._events.append(got)

    def _wait_for(self, event: str, deadline: float, what: str) -> None:
        while not any(e.get("method") == event for e in self._events):
            got = self._read(deadline, what)
            if "method" in got:
                self._events.append(got)

    def _last_words(self) -> str:
        try:
            said = (Path(self._tmp.name) / "stderr.txt").read_text(errors="replace")  # type: ignore[union-attr]
        except OSError:
            said = ""
        lines = [s for s in said.strip().splitlines() if s.strip()]
        return lines[-1] if lines else "no message"

    # ---- printing --------------------------------------------------------------------------

    def print_page(self, page: str | Path, target: str | Path, timeout: float) -> Path:
        """Print ``page`` to ``target`` atomically. TimeoutError when it does not load and print
        within ``timeout`` seconds, RuntimeError when Chromium refuses it, PipeFailed when the
        browser is gone."""
        page, target = Path(page).resolve(), Path(target)
        deadline = time.monotonic() + timeout
        self._events.clear()
        nav = self._call("Page.navigate", {"url": page.as_uri()}, deadline)
        if nav.get("errorText"):
            raise RuntimeError(f"Chromium could not open {page.name}: {nav['errorText']}")
        self._wait_for("Page.loadEventFired", deadline, f"load {page.name}")
        pdf = base64.b64decode(self._call("Page.printToPDF", PRINT_OPTIONS, deadline)["data"])
        if not pdf.startswith(b"%PDF-"):
            raise RuntimeError(f"Chromium printed no PDF of {page.name}")
        atomic.write_bytes(target, pdf)
        return target

    def close(self) -> None:
        """Stop the browser and remove its profile. SIGTERM, not Browser.close: Chromium's
        orderly close takes half a second that the end of every batch would wait for, and its
        profile is thrown away anyway."""
        proc, self.proc = self.proc, None
        for fd in (self._send, self._recv):
            if fd >= 0:
                os.close(fd)
        self._send = self._recv = -1
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None


class Printer:
    """Print pages one after another with one pipe browser, started on the first page (or by
    ``start``); falls back to one Chromium process per page once the pipe has failed."""

    def __init__(self, browser: str, timeout: float | None = None):
        self.browser = browser
        self.timeout = timeout
        self.pipe: PipeBrowser | None = None
        self.fallback: str | None = None  # why the pipe was given up, once it was

    def _limit(self) -> float:
        from reportkit.report import export

        return export.PDF_TIMEOUT if self.timeout is None else self.timeout

    def start(self) -> None:
        if self.pipe is None and self.fallback is None:
            pipe = PipeBrowser(self.browser)
            try:
                pipe.start(self._limit())
            except Exception as exc:  # any failure to start: the old way prints instead
                pipe.close()
                self._give_up(exc)
                return
            self.pipe = pipe

    def _give_up(self, exc: BaseException) -> None:
        self.fallback = f"{type(exc).__name__}: {exc}"
        log.warning("printing through one Chromium process per page: the DevTools pipe failed "
                    "(%s)", self.fallback)

    def print_page(self, page: str | Path, target: str | Path) -> Path:
        """``page`` as PDF at ``target``; raises (OSError, RuntimeError) when it cannot, and then
        no PDF is left at ``target``."""
        try:
            return self._print(page, target)
        except BaseException:
            Path(target).unlink(missing_ok=True)  # never an old PDF beside a new page
            raise

    def _print(self, page: str | Path, target: str | Path) -> Path:
        self.start()
        if self.pipe is not None:
            try:
                return self.pipe.print_page(page, target, self._limit())
            except PipeFailed as exc:
                self._drop_pipe()
                self._give_up(exc)
            except (TimeoutError, RuntimeError):
                self._drop_pipe()  # a tab left loading: the next page gets a fresh browser
                raise
        from reportkit.report.export import export_pdf

        return export_pdf(page, target, self.browser)

    def _drop_pipe(self) -> None:
        pipe, self.pipe = self.pipe, None
        if pipe is not None:
            pipe.close()

    def close(self) -> None:
        self._drop_pipe()

