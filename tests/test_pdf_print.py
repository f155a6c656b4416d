"""PDFs through one headless Chromium driven over the DevTools pipe (report/pdfprint.py).

Real Chromium, real pages, real PDFs read back with pypdfium2. The failures are real too: a page
whose picture never arrives from a server on 127.0.0.1, a browser killed with SIGKILL between two
pages, a "browser" that cannot speak the protocol, and a batch process killed with SIGKILL while
its browser is up.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from reportkit.report.export import export_pdf, find_browser
from reportkit.report.pdfprint import Printer

BROWSER = find_browser()
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(BROWSER is None, reason="chromium is not installed (Debian "
                                 "package `chromium`; .ci/run installs it)")]


def page(folder: Path, name: str, words: str, extra: str = "") -> Path:
    path = folder / f"{name}.html"
    body = "".join(f"<p>{words} paragraph {n}.</p>" for n in range(60))
    path.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><style>@page {{ size: A4; "
                    f"margin: 14mm; }}</style></head><body><h1>{words}</h1>{body}{extra}"
                    f"</body></html>", encoding="utf-8")
    return path


def pdf_text(path: Path) -> tuple[int, str, tuple[float, float]]:
    """(pages, all text, size of the first page in points)."""
    doc = pdfium.PdfDocument(str(path))
    try:
        text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
        return len(doc), text, tuple(round(v) for v in doc[0].get_size())  # type: ignore[return-value]
    finally:
        doc.close()


def chromium_pids(marker: str) -> list[int]:
    """Processes whose command line holds ``marker`` (a profile folder: one browser's own)."""
    found = []
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                cmd = (proc / "cmdline").read_bytes().decode(errors="replace")
            except OSError:
                continue
            if marker in cmd:
                found.append(int(proc.name))
    return found


def test_one_browser_prints_every_page_as_the_one_process_print_does(tmp_path):
    first = page(tmp_path, "first", "Humberside inspection")
    second = page(tmp_path, "second", "Cleveland follow-up")
    printer = Printer(str(BROWSER))
    try:
        printer.print_page(first, tmp_path / "first.pdf")
        pid = printer.pipe.proc.pid if printer.pipe and printer.pipe.proc else None
        printer.print_page(second, tmp_path / "second.pdf")
        assert printer.fallback is None and printer.pipe is not None
        assert printer.pipe.proc is not None and printer.pipe.proc.pid == pid  # one browser
    finally:
        printer.close()
    export_pdf(first, tmp_path / "first-alone.pdf", str(BROWSER))
    pages, text, size = pdf_text(tmp_path / "first.pdf")
    assert "Humberside inspection paragraph 59." in text and "Cleveland" not in text
    assert "Cleveland follow-up paragraph 0." in pdf_text(tmp_path / "second.pdf")[1]
    assert (pages, size) == pdf_text(tmp_path / "first-alone.pdf")[::2] and size == (595, 842)
    assert pages >= 2


def test_a_page_that_never_loads_is_reported_and_the_next_page_prints(tmp_path):
    with socket.socket() as server:  # accepts connections into its backlog, never answers
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        port = server.getsockname()[1]
        hangs = page(tmp_path, "hangs", "Never loads", f"<img src='http://127.0.0.1:{port}/x.png'>")
        fine = page(tmp_path, "fine", "Loads at once")
        (tmp_path / "hangs.pdf").write_bytes(b"%PDF-1.4 an old print")
        printer = Printer(str(BROWSER), timeout=4)
        try:
            started = time.monotonic()
            with pytest.raises(TimeoutError, match="load hangs.html"):
                printer.print_page(hangs, tmp_path / "hangs.pdf")
            assert time.monotonic() - started < 30
            assert not (tmp_path / "hangs.pdf").exists()  # never an old PDF beside a new page
            printer.print_page(fine, tmp_path / "fine.pdf")
        finally:
            printer.close()
    assert "Loads at once paragraph 3." in pdf_text(tmp_path / "fine.pdf")[1]
    assert printer.fallback is None  # a slow page is not a broken pipe


def test_a_browser_killed_mid_batch_falls_back_to_one_process_per_page(tmp_path):
    printer = Printer(str(BROWSER))
    try:
        printer.print_page(page(tmp_path, "a", "Before the kill"), tmp_path / "a.pdf")
        pipe = printer.pipe
        assert pipe is not None and pipe.proc is not None and pipe._tmp is not None
        profile = pipe._tmp.name
        os.kill(pipe.proc.pid, signal.SIGKILL)
        pipe.proc.wait()
        printer.print_page(page(tmp_path, "b", "After the kill"), tmp_path / "b.pdf")
        assert "PipeFailed" in str(printer.fallback) and printer.pipe is None
    finally:
        printer.close()
    assert "After the kill paragraph 1." in pdf_text(tmp_path / "b.pdf")[1]
    deadline = time.monotonic() + 10
    while chromium_pids(profile) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert chromium_pids(profile) == []  # the killed browser's helpers went with it


def test_a_browser_without_the_pipe_falls_back_and_reports_why(tmp_path):
    fake = tmp_path / "not-chromium"
    fake.write_text("#!/bin/sh\necho 'this is no browser' >&2\nexit 3\n")
    fake.chmod(0o755)
    target = tmp_path / "page.pdf"
    target.write_bytes(b"%PDF-1.4 an old print")
    printer = Printer(str(fake), timeout=10)
    try:
        with pytest.raises(RuntimeError, match="wrote no PDF.*this is no browser"):
            printer.print_page(page(tmp_path, "page", "Unprintable"), target)
    finally:
        printer.close()
    assert "PipeFailed" in str(printer.fallback) and "this is no browser" in str(printer.fallback)
    assert not target.exists()


KEEPS_PRINTING = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from reportkit.report.pdfprint import Printer
    printer = Printer(sys.argv[1])
    printer.print_page(sys.argv[2], sys.argv[3])
    print(printer.pipe._tmp.name, flush=True)
    time.sleep(120)
""")


def test_a_killed_batch_leaves_no_chromium_behind(tmp_path):
    html = page(tmp_path, "x", "Printed before the kill")
    proc = subprocess.Popen([sys.executable, "-c", KEEPS_PRINTING, str(BROWSER), str(html),
                             str(tmp_path / "x.pdf")], stdout=subprocess.PIPE, text=True)
    try:
        profile = proc.stdout.readline().strip() if proc.stdout else ""
        assert profile and chromium_pids(profile), "the browser should be up before the kill"
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 15
    while chromium_pids(profile) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert chromium_pids(profile) == []
    assert (tmp_path / "x.pdf").read_bytes()[:5] == b"%PDF-"


def test_both_prints_work_under_a_temporary_folder_too_long_for_chromiums_socket(tmp_path,
                                                                                 monkeypatch):
    """Chromium's singleton socket lives under TMPDIR, and a socket path holds 107 bytes: under a
    long TMPDIR (a pytest-xdist worker's, macOS's) Chromium exited without printing."""
    import tempfile

    long_tmp = tmp_path / ("deep-" * 12)
    long_tmp.mkdir()
    assert len(str(long_tmp)) > 70
    monkeypatch.setenv("TMPDIR", str(long_tmp))
    monkeypatch.setattr(tempfile, "tempdir", None)  # gettempdir() reads TMPDIR again
    doc = page(tmp_path, "doc", "Durham inspection")
    export_pdf(doc, tmp_path / "alone.pdf", str(BROWSER))
    printer = Printer(str(BROWSER))
    try:
        printer.print_page(doc, tmp_path / "piped.pdf")
        assert printer.fallback is None  # the pipe browser printed it, not the fallback
    finally:
        printer.close()
    for name in ("alone", "piped"):
        assert "Durham inspection paragraph 59." in pdf_text(tmp_path / f"{name}.pdf")[1], name
