"""The batch around the notebooks: what the parent imports, how it reads a notebook's parameters,
and a real one-force run (one worker thread, one kernel, one Chromium) that closes what it opens."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import papermill as pm
import pytest
from tests.test_briefings import demo_dirs
from tests.test_pdf_print import chromium_pids, pdf_text

from reportkit import config
from reportkit.report.batch import UsageError, check_parameters, declared_parameters


def test_planning_a_batch_imports_no_analysis_and_no_notebook_machinery():
    probe = ("import sys, reportkit.report.batch, reportkit.report.export, reportkit.report; "
             "heavy = ['scipy.stats', 'pandera', 'dask', 'nbformat', 'nbconvert', 'papermill', "
             "'reportkit.analysis', 'reportkit.report.briefing', 'matplotlib']; "
             "print(' '.join(m for m in heavy if m in sys.modules) or 'none')")
    said = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert said.stdout.split() == ["none"]
    # the package's public names still resolve, on first use
    lazy = subprocess.run([sys.executable, "-c", "import reportkit.report as r; "
                           "print(r.run_briefings.__module__, r.show_status.__module__)"],
                          capture_output=True, text=True, check=True)
    assert lazy.stdout.split() == ["reportkit.report.batch", "reportkit.report.methods_view"]


def test_the_batch_skips_the_iri_grammar_and_notebooks_still_validate(tmp_path):
    bad = tmp_path / "bad.ipynb"
    bad.write_text('{"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": '
                   '[{"cell_type": "code", "source": 1}]}', encoding="utf-8")
    probe = ("import sys; from reportkit.report.runner import skip_unused_imports; "
             "skip_unused_imports(); import papermill, nbformat; "
             f"nbformat.validate(nbformat.read({str(config.NOTEBOOKS_DIR / 'force_briefing.ipynb')!r}, 4)); "
             "print('loaded' if sys.modules.get('rfc3987_syntax') else 'skipped'); "
             f"nbformat.validate(nbformat.read({str(bad)!r}, 4))")
    said = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert said.stdout.split() == ["skipped"]
    assert said.returncode != 0 and "ValidationError" in said.stderr  # the check still checks


def test_parameters_read_as_papermill_reads_them():
    for nb in sorted(config.NOTEBOOKS_DIR.glob("*.ipynb")):
        assert declared_parameters(nb) == set(pm.inspect_notebook(str(nb))), nb.name


def test_a_parameters_cell_with_a_magic_is_read_by_papermill(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("%matplotlib inline\nforce = 'x'\nyear: int = 2016")
    cell.metadata["tags"] = ["parameters"]
    nb.cells = [cell]
    nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "language": "python",
                                 "display_name": "reportkit"}
    path = tmp_path / "magic.ipynb"
    nbformat.write(nb, str(path))
    assert declared_parameters(path) == {"force", "year"}
    with pytest.raises(UsageError, match="'colour'.*it takes force, year"):
        check_parameters(path, {"force": 1, "colour": 2})


@pytest.mark.slow
def test_one_force_run_prints_both_pages_and_leaves_nothing_running(tmp_path_factory, tmp_path):
    raw, processed = demo_dirs(tmp_path_factory)
    out = tmp_path / "reports"
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # this run's kernels and browser profile here
    done = subprocess.run([sys.executable, "-m", "reportkit", "briefings", "--forces",
                           "west-yorkshire", "--jobs", "1", "--raw", str(raw), "--processed",
                           str(processed), "--out", str(out)], capture_output=True, text=True,
                          env=env, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "Could not destroy zmq context" not in done.stderr  # papermill's clients are closed
    assert "no PDF of" not in done.stderr
    folder = out / "briefings"
    for name, words in [("west-yorkshire", "West Yorkshire"), ("national", "All forces")]:
        pages, text, size = pdf_text(folder / f"{name}.pdf")
        assert pages >= 2 and words in text, name
        assert Path(folder / f"{name}.html").stat().st_mtime <= (folder / f"{name}.pdf").stat().st_mtime
    assert 'href="west-yorkshire.pdf"' in (folder / "index.html").read_text(encoding="utf-8")
    assert chromium_pids(str(tmp_path)) == []  # the browser, and its profile, are gone


@pytest.mark.slow
def test_a_batch_killed_while_printing_leaves_no_browser_and_no_kernel(tmp_path_factory, tmp_path):
    raw, processed = demo_dirs(tmp_path_factory)
    out = tmp_path / "reports"
    env = {**os.environ, "TMPDIR": str(tmp_path)}  # kernels' connection files, Chromium's profile
    proc = subprocess.Popen([sys.executable, "-m", "reportkit", "briefings", "--forces",
                             "west-yorkshire", "--jobs", "1", "--quiet", "--raw", str(raw),
                             "--processed", str(processed), "--out", str(out)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 300
        while not chromium_pids(f"{tmp_path}/rk-pdfpipe-") and time.monotonic() < deadline:
            assert proc.poll() is None, "the batch ended before its browser was seen"
            time.sleep(0.05)
        assert chromium_pids(str(tmp_path)), "no browser or kernel seen"
    finally:
        proc.kill()
        proc.wait()
    deadline = time.monotonic() + 15
    while chromium_pids(str(tmp_path)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert chromium_pids(str(tmp_path)) == []


@pytest.mark.slow
def test_a_browser_that_cannot_print_leaves_the_pages_the_reason_and_no_old_pdf(
        tmp_path_factory, tmp_path, monkeypatch, capsys):
    from reportkit.report.batch import run_briefings

    raw, processed = demo_dirs(tmp_path_factory)
    fake = tmp_path / "broken-chromium"
    fake.write_text("#!/bin/sh\necho 'cannot open display' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(fake))
    folder = tmp_path / "reports" / "briefings"
    folder.mkdir(parents=True)
    (folder / "west-yorkshire.pdf").write_bytes(b"%PDF-1.4 last month's print")
    code = run_briefings(forces=["west-yorkshire"], jobs=1, out=tmp_path / "reports", raw=raw,
                         processed=processed, progress=False)
    said = capsys.readouterr().err
    assert code == 0, said  # the briefings were built; only the prints failed
    assert "no PDF of west-yorkshire: RuntimeError" in said and "cannot open display" in said
    assert "no PDF of national" in said
    assert (folder / "west-yorkshire.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert not (folder / "west-yorkshire.pdf").exists()
    assert 'href="west-yorkshire.pdf"' not in (folder / "index.html").read_text(encoding="utf-8")


def test_forces_with_more_documents_run_first_and_ties_keep_their_order():
    import pandas as pd

    from reportkit.report.batch import longest_first

    docs = pd.DataFrame({"force": ["kent", "norfolk", "kent", "lancashire", "kent", "norfolk"]})
    order = longest_first(["norfolk", "lancashire", "kent", "cumbria", "suffolk"],
                          {"documents": docs})
    assert order == ["kent", "norfolk", "lancashire", "cumbria", "suffolk"]
