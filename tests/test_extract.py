"""The extract orchestrator on a small corpus of real files: forces, manifest, duplicates, cache, exit codes."""
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.pdfmaker import make_pdf

from reportkit import pipeline as ex
from reportkit.tables.schema import TABLES

REVIEW_PAGES = [
    ["National Child Protection Inspection Post-Inspection Review",
     "West Yorkshire Police 25-28 August 2015", "March 2016"],
    ["# 1. Background", "HMIC examined 34 cases. Of these, 11 were good, 20 required improvement "
     "and three were inadequate."],
    ["# 2. Recommendations", "Within three months, West Yorkshire Police should review how "
     "officers record the views of children."],
]


def tree_hash(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture()
def corpus(tmp_path):
    raw = tmp_path / "raw"
    wy = raw / "west-yorkshire"
    wy.mkdir(parents=True)
    make_pdf(wy / "review.pdf", REVIEW_PAGES)
    shutil.copy(wy / "review.pdf", wy / "review copy.pdf")
    (wy / "empty.pdf").write_bytes(b"")
    (raw / "atlantis").mkdir()
    (raw / "atlantis" / "note.txt").write_text("West Yorkshire Police was inspected in August 2015.")
    (raw / "notes.docx").write_bytes(b"PK\x03\x04")
    (raw / "manifest.csv").write_text(
        "path,force,kind,published\n"
        "west-yorkshire/review.pdf,west-yorkshire,review,2016-03-08\n"
        "west-yorkshire/gone.pdf,west-yorkshire,review,2016-03-08\n"
        "west-yorkshire/review copy.pdf,Narnia,review,2016-03-08\n"
    )
    return raw


def run(corpus, tmp_path, **kw):
    return ex.extract_corpus(corpus, tmp_path / "out", jobs=1, cache=tmp_path / "cache", **kw)


def test_corpus_tables_and_log(corpus, tmp_path):
    before = tree_hash(corpus)
    tables = run(corpus, tmp_path)
    docs, log = tables["documents"], tables["extraction_log"]
    ok = docs[docs["status"] != "error"]
    assert len(ok) == 1, "the same bytes under two names are one document"
    review = ok.iloc[0]
    assert review["path"] == "west-yorkshire/review.pdf" and "review copy.pdf" in review["message"]
    assert str(review["published"].date()) == "2016-03-08" and review["published_precision"] == "day"
    assert review["kind"] == "review" and review["pages"] == 3
    msgs = dict(zip(log["path"], log["message"]))
    assert "names no force" in msgs["atlantis/note.txt"]
    assert "empty" in msgs["west-yorkshire/empty.pdf"].lower()
    assert "not a supported format" in msgs["notes.docx"]
    manifest_msgs = " ".join(log.loc[log["path"] == "manifest.csv", "message"])
    assert "gone.pdf" in manifest_msgs and "Narnia" in manifest_msgs
    grades = tables["case_grades"]
    assert set(zip(grades["grade"], grades["cases"])) >= {("good", 11), ("requires_improvement", 20), ("inadequate", 3)}
    rec = tables["recommendations"].iloc[0]
    assert rec["timescale_days"] == 91 and str(rec["due"].date()) == "2016-06-08"  # calendar months
    assert ex.summarise(tables)[0] == 1
    assert tree_hash(corpus) == before, "data/raw must never be modified"


def test_rerun_uses_the_cache_and_gives_identical_tables(corpus, tmp_path, monkeypatch):
    run(corpus, tmp_path)
    first = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}

    def must_not_parse(*args, **kwargs):
        raise AssertionError("a cached document was parsed again")

    monkeypatch.setattr(ex, "process_file", must_not_parse)
    run(corpus, tmp_path)
    second = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}
    assert first == second and len(first) == len(TABLES)
    assert not ex.is_stale(corpus, tmp_path / "out")


def test_a_changed_extractor_invalidates_the_cache(corpus, tmp_path, monkeypatch):
    run(corpus, tmp_path)
    parsed = tmp_path / "parsed"  # documents are parsed in worker processes: they leave a mark
    real = ex.process_file

    def marking(abspath, sha):
        with open(parsed, "a") as fh:
            fh.write(sha + "\n")
        return real(abspath, sha)

    monkeypatch.setattr(ex, "extractor_version", lambda: "another-version")
    monkeypatch.setattr(ex, "process_file", marking)
    run(corpus, tmp_path)
    assert parsed.exists() and parsed.read_text().split(), "a new extractor version must parse again"


def test_changed_raw_folder_makes_tables_stale(corpus, tmp_path):
    run(corpus, tmp_path)
    assert not ex.is_stale(corpus, tmp_path / "out")
    (corpus / "west-yorkshire" / "extra.txt").write_text("West Yorkshire Police, 8 March 2016.")
    assert ex.is_stale(corpus, tmp_path / "out")


def test_force_filter(corpus, tmp_path):
    tables = run(corpus, tmp_path, forces=["greater-manchester"])
    assert (tables["documents"]["force"] == "west-yorkshire").sum() == 0


@pytest.mark.slow
def test_cli_exit_code_and_summary(corpus, tmp_path):
    res = subprocess.run([sys.executable, "-m", "reportkit", "extract", "--raw", str(corpus), "--out",
                          str(tmp_path / "cli-out"), "--cache", str(tmp_path / "c"), "--jobs", "2", "-q"],
                         capture_output=True, text=True)
    assert res.returncode == 1
    assert "could not be read" in res.stderr and "empty.pdf" in res.stderr
    assert "Traceback" not in res.stderr
    assert (tmp_path / "cli-out" / "documents.parquet").exists()


def test_parallel_and_serial_runs_agree(corpus, tmp_path):
    serial = ex.extract_corpus(corpus, None, jobs=1, cache=None)
    parallel = ex.extract_corpus(corpus, None, jobs=2, cache=None)
    for name in serial:
        assert serial[name].equals(parallel[name]), name


def test_a_rewritten_file_of_the_same_size_is_seen(corpus, tmp_path):
    """The state file remembers (size, mtime, sha256); a rewrite changes the mtime, so it is hashed."""
    note = corpus / "west-yorkshire" / "note.txt"
    note.write_text("West Yorkshire Police, 8 March 2016.")
    run(corpus, tmp_path)
    assert not ex.is_stale(corpus, tmp_path / "out")
    note.write_text("West Yorkshire Police, 9 March 2016.")  # same size, new bytes
    assert ex.is_stale(corpus, tmp_path / "out")
