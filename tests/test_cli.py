import subprocess
import sys

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
