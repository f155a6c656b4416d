import subprocess
import sys
from pathlib import Path

import pytest

from reportkit.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "reportkit", *args], capture_output=True, text=True)


def test_help_teaches_the_workflow():
    out = run("--help").stdout
    for word in ("demo-corpus", "extract", "briefings", "data/raw/<force-slug>/"):
        assert word in out


def test_extract_help_explains_exit_codes_and_manifest():
    out = run("extract", "--help").stdout
    assert "manifest.csv" in out and "Exit status" in out


@pytest.mark.parametrize("bad", ["../../etc", "Atlantis"])
def test_bad_force_is_a_usage_error(bad, tmp_path):
    res = run("extract", "--raw", str(tmp_path), "--out", str(tmp_path / "out"), "--force", bad)
    assert res.returncode == 2
    assert "unknown force" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


def test_missing_raw_folder_is_a_usage_error(tmp_path, capsys):
    assert main(["extract", "--raw", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "does not exist" in capsys.readouterr().err


def test_forces_lists_slugs():
    out = run("forces").stdout
    assert "west-yorkshire" in out and "metropolitan" in out and len(out.splitlines()) == 44


def test_a_missing_extra_is_named_with_its_install_command(monkeypatch, capsys):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a: None if name == "reportlab" else real(name, *a))
    assert main(["demo-corpus", "--out", "unused"]) == 2
    err = capsys.readouterr().err
    assert "reportlab" in err and "pip install 'reportkit[demo]'" in err


def test_the_freshness_check_imports_neither_pandas_nor_pandera():
    """`reportkit extract` on an unchanged corpus answers from state.py before loading the stack."""
    code = ("import sys, reportkit.tables.state, reportkit.cli; "
            "print(sorted(m for m in ('pandas', 'pandera', 'matplotlib') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# ---- briefings: which forces (issue 12, item 13) ------------------------------------------------

def test_extract_and_briefings_take_the_same_force_spelling():
    from reportkit.cli import _forces_arg, build_parser

    spellings = [["extract", "--force", "West Yorkshire", "--force", "GMP"],
                 ["extract", "--forces", "west-yorkshire,greater manchester"],
                 ["briefings", "--forces", "west-yorkshire,GMP"],
                 ["briefings", "--force", "West Yorkshire Police", "--forces", "gmp"]]
    parser = build_parser()
    got = []
    for argv in spellings:
        args = parser.parse_args(argv)
        got.append(_forces_arg(args.force if argv[0] == "extract" else args.forces))
    assert got == [["west-yorkshire", "greater-manchester"]] * 4
    assert _forces_arg(parser.parse_args(["briefings"]).forces) is None  # absent: every force
    assert _forces_arg(parser.parse_args(["briefings", "--forces", "all"]).forces) is None


@pytest.mark.parametrize("command", ["briefings", "extract"])
def test_an_empty_force_list_is_a_usage_error_not_every_force(command, tmp_path):
    (tmp_path / "raw").mkdir()
    res = run(command, "--forces", "", "--raw", str(tmp_path / "raw"), "--out",
              str(tmp_path / "out"))
    assert res.returncode == 2, res.stderr
    assert "empty" in res.stderr and "Traceback" not in res.stderr
    assert not (tmp_path / "out").exists()


def test_briefings_refuse_a_force_with_no_documents_and_write_nothing(tmp_path_factory, capsys):
    from test_briefings import demo_dirs

    from reportkit import forces
    from reportkit.tables.store import load_tables

    raw, processed = demo_dirs(tmp_path_factory)
    present = set(load_tables(processed)["documents"]["force"].dropna().astype(str))
    absent = next(s for s in forces.slugs() if s not in present)  # (Kent has documents now)
    out = tmp_path_factory.mktemp("absent") / "reports"
    code = main(["briefings", "--forces", f"west-yorkshire,{absent}", "--raw", str(raw),
                 "--processed", str(processed), "--out", str(out), "--jobs", "1", "-q"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert f"no readable document about {forces.display_name(absent)}" in err
    assert "west-yorkshire" in err  # the forces that have documents, to choose from
    assert not out.exists()  # no page, no notebook, no index row


def test_the_index_keeps_to_the_forces_that_still_have_documents(tmp_path):
    import json

    from reportkit.report.batch import write_index

    folder = tmp_path / "briefings"
    folder.mkdir()
    for stem in ("kent", "west-yorkshire", "national"):
        (folder / f"{stem}.html").write_text("<html></html>")
    (folder / "west-yorkshire.pdf").write_bytes(b"%PDF-1.4")
    old = {"kent": {"ok": True, "name": "Kent Police", "run": "2026-01-01T10:00"}}
    (folder / "index.json").write_text(json.dumps(old))
    results = {"west-yorkshire": {"ok": True, "pdf": True}, "national": {"ok": True, "pdf": True}}
    figures = {"west-yorkshire": {"name": "West Yorkshire Police", "cases": 115,
                                  "inadequate_shown": "about 42%, a share: no count given",
                                  "claims_checked": 30, "claims_differ": 2,
                                  "claims_not_found": 3}}
    write_index(tmp_path, ["west-yorkshire"], results, figures, present=["west-yorkshire"])
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert "Kent" not in index and 'href="kent.html"' not in index
    assert 'href="west-yorkshire.html"' in index and 'href="west-yorkshire.pdf"' in index
    assert 'href="national.pdf"' not in index  # its PDF is not there: no link to nothing
    assert "about 42%, a share: no count given" in index  # what the report said, not a count
    assert '<strong class="differs">2 of 30 differ from the report</strong>; 3 not in the report' \
        in index
    assert set(json.loads((folder / "index.json").read_text())) == {"west-yorkshire", "national"}


def test_without_chromium_briefings_say_so_once_and_make_html_only(tmp_path, monkeypatch, capsys):
    from reportkit.report.batch import plan, with_pdfs
    from reportkit.report.export import find_browser

    todo = plan(["west-yorkshire", "lancashire"], tmp_path / "f.ipynb", tmp_path / "n.ipynb",
                tmp_path / "reports", tmp_path / "processed", {})
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(tmp_path / "no-such-browser"))
    assert [job.pdf for job in with_pdfs(todo, find_browser())] == [None, None, None]
    said = capsys.readouterr().err.strip().splitlines()
    assert len(said) == 1 and "no Chromium" in said[0] and "HTML only" in said[0]
    browser = tmp_path / "chromium"
    browser.write_text("#!/bin/sh\n")
    monkeypatch.setenv("REPORTKIT_CHROMIUM", str(browser))
    jobs = with_pdfs(todo, find_browser())
    assert [Path(j.pdf).name for j in jobs] == ["national.pdf", "west-yorkshire.pdf",
                                                 "lancashire.pdf"]
    assert all(Path(j.pdf).parent == Path(j.html).parent for j in jobs)
