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
