"""The fault suite (issue 6): every hostile input in tests/hostile.py, beside a healthy corpus,
through ``extract_corpus`` and through ``python -m reportkit extract``.

For each input: the run finishes, the healthy documents are still extracted, the input's log row
says plainly what is wrong (no traceback, no library exception names) and data/raw is unchanged.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from tests import hostile as h

from reportkit import config, pipeline
from reportkit.forces import UnknownForce
from reportkit.pipeline import extract_corpus, process_file
from reportkit.tables.store import load_tables, save_table
from reportkit.tables.validate import SchemaError

ROOT = Path(__file__).resolve().parents[1]
# Signs that a message was written by a library or an interpreter, not for an analyst.
CLASS_NAME = re.compile(r"\b[A-Z]\w*(?:Error|Exception|Warning)\b")
MACHINE = re.compile(r"Traceback|File \"|line \d+, in |<module>|\\x[0-9a-f]{2}"
                     r"|\b(?:pypdfium2|pdfium|pdfminer|pikepdf|lxml|trafilatura|pyarrow|errno)\b",
                     re.I)


def unplain(text: str) -> list[str]:
    return [m.group(0) for rx in (CLASS_NAME, MACHINE) for m in rx.finditer(text)]


@pytest.fixture(scope="module")
def api_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fault-api-cache")


@pytest.fixture(scope="module")
def cli_cache(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fault-cli-cache")


@pytest.fixture()
def short_time_limit(monkeypatch):
    """A hang shows up as a time-out in the log, not as a stuck test."""
    monkeypatch.setattr(config, "MAX_SECONDS_PER_DOCUMENT", 60)


def corpus_with(tmp_path: Path, *cases: h.Hostile) -> tuple[Path, dict[str, list[str]]]:
    raw = tmp_path / "raw"
    h.build_control(raw)
    return raw, {c.name: c.build(raw) for c in cases}


def run_cli(raw: Path, out: Path, cache: Path, *extra: str, env: dict | None = None):
    cmd = [sys.executable, "-m", "reportkit", "extract", "--raw", str(raw), "--out", str(out),
           "--cache", str(cache), "--jobs", "1", "-q", *extra]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={**os.environ, **(env or {})})


def apply_limits(cases, monkeypatch) -> None:
    for case in cases:
        for env, value in case.limits:
            monkeypatch.setattr(config, h.LIMIT_ATTRS[env], int(value))


# --- checks -------------------------------------------------------------------------------------

def log_rows(log: pd.DataFrame, path: str) -> pd.DataFrame:
    pattern = h.path_pattern(path)
    return log[log["path"].map(lambda p: bool(pattern.match(str(p))))]


def check_control(tables: dict[str, pd.DataFrame]) -> None:
    docs = tables["documents"].set_index("path")
    for path in ("west-yorkshire/control-review.pdf", "greater-manchester/control-letter.txt"):
        assert path in docs.index, f"the healthy {path} is missing from documents"
        assert docs.loc[path, "status"] != "error", f"{path}: {docs.loc[path, 'message']}"
    grades = tables["case_grades"]
    mine = grades[grades["doc_id"] == docs.loc["west-yorkshire/control-review.pdf", "doc_id"]]
    assert set(zip(mine["grade"], mine["cases"])) >= h.GOOD_REVIEW_GRADES


def check_case(case: h.Hostile, paths: list[str], tables: dict[str, pd.DataFrame]) -> None:
    log = tables["extraction_log"]
    for path in paths:
        rows = log_rows(log, path)
        assert len(rows), f"{case.name}: no extraction_log row for {path!r}"
        for row in rows.itertuples():
            assert row.status in case.statuses, f"{case.name}: {path}: {row.status}: {row.message}"
            assert re.search(case.expect, str(row.message), re.I | re.S), \
                f"{case.name}: {path}: message does not say what is wrong: {row.message!r}"
    EXTRA.get(case.name, lambda t, p: None)(tables, paths)


def check_plain(tables: dict[str, pd.DataFrame]) -> None:
    for msg in tables["extraction_log"]["message"]:
        assert isinstance(msg, str) and msg.strip(), "an empty message in the extraction log"
    for table in ("extraction_log", "documents"):
        for msg in tables[table]["message"].dropna():
            assert not unplain(msg), f"{table} message is not plain: {msg!r}"


def run_and_check(cases, tmp_path, cache, monkeypatch, jobs=1):
    apply_limits(cases, monkeypatch)
    raw, built = corpus_with(tmp_path, *cases)
    before = h.snapshot(raw)
    tables = extract_corpus(raw, tmp_path / "out", jobs=jobs, cache=cache)
    assert h.snapshot(raw) == before, "data/raw changed (a file altered, added or removed)"
    check_control(tables)
    for case in cases:
        check_case(case, built[case.name], tables)
    check_plain(tables)
    written = load_tables(tmp_path / "out")
    assert all(len(written[t]) == len(tables[t]) for t in tables)


@pytest.mark.parametrize("case", h.CASES, ids=[c.name for c in h.CASES])
def test_hostile_input_through_the_api(case, tmp_path, api_cache, short_time_limit, monkeypatch):
    # under a lowered limit, a fresh cache: the shared one may hold another limit's verdict
    run_and_check([case], tmp_path, tmp_path / "cache" if case.limits else api_cache, monkeypatch)


@pytest.mark.slow
@pytest.mark.parametrize("case", h.CASES, ids=[c.name for c in h.CASES])
def test_hostile_input_through_the_cli(case, tmp_path, cli_cache):
    raw, built = corpus_with(tmp_path, case)
    before = h.snapshot(raw)
    cache = tmp_path / "cache" if case.limits else cli_cache
    res = run_cli(raw, tmp_path / "out", cache, env=dict(case.limits))
    assert h.snapshot(raw) == before, "data/raw changed (a file altered, added or removed)"
    assert res.returncode in (0, 1), res.stderr[-2000:]
    assert not unplain(res.stderr), f"stderr is not plain:\n{res.stderr[-2000:]}"
    expected_code = 1 if case.statuses == h.FAILED else None
    if expected_code is not None:
        assert res.returncode == expected_code, "a file that cannot be read must give exit 1"
    tables = load_tables(tmp_path / "out")
    check_control(tables)
    check_case(case, built[case.name], tables)
    check_plain(tables)


@pytest.mark.slow
def test_every_hostile_input_at_once_in_parallel(tmp_path, short_time_limit, monkeypatch):
    """One corpus holding all of them, two processes, no cache."""
    cases = list(h.CASES)
    run_and_check(cases, tmp_path, None, monkeypatch, jobs=2)


# --- case-specific checks --------------------------------------------------------------------------

def _doc(tables, path: str) -> pd.Series:
    docs = log_rows(tables["documents"], path)
    assert len(docs) == 1, f"expected one documents row for {path!r}, got {len(docs)}"
    return docs.iloc[0]


def _cells(tables, doc_id: str | None = None) -> list[str]:
    """Every string cell of every table (of one document, when doc_id is given)."""
    out = []
    for df in tables.values():
        if doc_id is not None and "doc_id" in df.columns:
            df = df[df["doc_id"] == doc_id]
        for col in df.columns:
            if pd.api.types.is_string_dtype(df[col]):
                out += [str(v) for v in df[col].dropna()]
    return out


def _pages(n):
    def check(tables, paths):
        assert _doc(tables, paths[0])["pages"] == n, "the document was not read in full"
    return check


def _markup_verbatim(tables, paths):
    doc = _doc(tables, paths[0])
    assert h.SCRIPT in doc["title"] and h.IMG in doc["title"], doc["title"]
    for cell in _cells(tables, doc["doc_id"]):
        assert "&lt;" not in cell and "&gt;" not in cell, f"escaped too early: {cell!r}"
        if "alert(1)" in cell:
            assert h.SCRIPT in cell or h.IMG in cell, f"markup mangled: {cell!r}"


def _javascript_not_run(tables, paths):
    doc = _doc(tables, paths[0])
    grades = tables["case_grades"]
    mine = grades[grades["doc_id"] == doc["doc_id"]]
    assert set(zip(mine["grade"], mine["cases"])) >= h.GOOD_REVIEW_GRADES
    assert not any("app.alert" in c or "submitForm" in c for c in _cells(tables))


def _cp1252(tables, paths):
    doc = _doc(tables, paths[0])
    assert doc["title"] == "Commissioner's reply - \u00a32m more for child protection", doc["title"]
    for cell in _cells(tables, doc["doc_id"]):
        assert "\ufffd" not in cell and "\u00e2\u20ac" not in cell, f"mis-decoded: {cell!r}"


def _letter_text(tables, paths):
    doc = _doc(tables, paths[0])
    assert doc["title"].startswith("Office of the Police and Crime Commissioner"), doc["title"]
    assert doc["force"] == "greater-manchester"
    assert not any("\x00" in c for c in _cells(tables)), "a NUL byte reached a table"


def _one_document_two_paths(tables, paths):
    docs = tables["documents"][tables["documents"]["path"].isin(paths)]
    assert len(docs) == 1, "the same bytes under two names must be one document"
    read, other = docs.iloc[0]["path"], (set(paths) - {docs.iloc[0]["path"]}).pop()
    assert other in docs.iloc[0]["message"], "the second path is not kept"
    log = tables["extraction_log"].set_index("path")
    assert f"same content as {read}" in log.loc[other, "message"]


def _unicode_path_kept(tables, paths):
    assert _doc(tables, paths[0])["status"] != "error"


def _outside_not_read(tables, paths):
    assert not any("root:" in c for c in _cells(tables)), "/etc/passwd was read"
    assert not tables["documents"]["path"].str.contains("etc/").any()


def _manifest_rows(tables, paths):
    msgs = " | ".join(log_rows(tables["extraction_log"], "manifest.csv")["message"])
    for line in h.MANIFEST_BAD_LINES:
        assert f"line {line}:" in msgs, f"manifest.csv line {line} is bad but not reported: {msgs}"
    assert "line 2:" not in msgs, "the good row was reported"
    doc = _doc(tables, "loose-letter.txt")
    assert (doc["force"], doc["kind"]) == ("greater-manchester", "pcc_response")
    assert str(doc["published"].date()) == "2016-04-15", "the first row for a path wins"


EXTRA = {
    "broken-xref": _pages(2), "encrypted-owner-only": _pages(2),
    "script-text-pdf": _markup_verbatim, "pdf-with-javascript": _javascript_not_run,
    "html-cp1252": _cp1252, "text-nul-bytes": _letter_text, "text-utf16": _letter_text,
    "same-file-two-names": _one_document_two_paths, "unicode-file-name": _unicode_path_kept,
    "non-utf8-file-name": _unicode_path_kept, "symlink-outside-raw": _outside_not_read,
    "manifest-bad-rows": _manifest_rows,
}


# --- force names that try to leave the folder --------------------------------------------------

def test_force_that_climbs_out_is_refused_by_the_api(tmp_path):
    raw, _ = corpus_with(tmp_path)
    before = h.snapshot(raw)
    with pytest.raises(UnknownForce, match=re.escape("../../etc")):
        extract_corpus(raw, tmp_path / "out", jobs=1, cache=None, forces=["../../etc"])
    assert not (tmp_path / "out").exists()
    assert h.snapshot(raw) == before


@pytest.mark.parametrize("command", ["extract", "briefings"])
def test_force_that_climbs_out_is_a_usage_error(command, tmp_path):
    raw, _ = corpus_with(tmp_path)
    before = h.snapshot(raw)
    flag = "--force" if command == "extract" else "--forces"
    cmd = [sys.executable, "-m", "reportkit", command, "--raw", str(raw), "--out",
           str(tmp_path / "out"), flag, "../../etc", "-q"]
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert res.returncode == 2, res.stderr
    assert "../../etc" in res.stderr and not unplain(res.stderr), res.stderr
    assert not (tmp_path / "out").exists()
    assert h.snapshot(raw) == before


# --- limits: the defaults read a long document, and a limit's verdict is not kept ------------------

@pytest.mark.slow
def test_the_default_page_limit_reads_2000_pages(tmp_path):
    raw, built = corpus_with(tmp_path, h.by_name("pdf-2000-pages"))
    tables = extract_corpus(raw, None, jobs=1, cache=None)
    doc = _doc(tables, built["pdf-2000-pages"][0])
    assert doc["status"] != "error" and doc["pages"] == h.BIG_PAGES, doc["message"]


def blocking(path_part: str, real=process_file):
    """process_file, but reading any file whose path holds ``path_part`` blocks for ten minutes:
    a document made slow on purpose (as a reading library stuck in a loop would be), so whether
    the deadline trips never depends on the machine's speed or load."""
    def slowed(abspath: str, sha256: str):
        if path_part in abspath:
            time.sleep(600)
        return real(abspath, sha256)

    return slowed


DEADLINE = 10.0  # far above what the healthy control documents take, even on a loaded machine


def test_the_time_limit_refuses_a_stuck_document_and_the_corpus_is_written(tmp_path, monkeypatch):
    raw, built = corpus_with(tmp_path, h.by_name("pdf-2000-pages"))
    slow = built["pdf-2000-pages"][0]
    monkeypatch.setattr(config, "MAX_SECONDS_PER_DOCUMENT", DEADLINE)
    monkeypatch.setattr(pipeline, "process_file", blocking("annex-2000-pages"))
    began = time.monotonic()
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    assert time.monotonic() - began < 300, "the stuck worker was not stopped at its deadline"
    doc = _doc(tables, slow)
    assert doc["status"] == "error" and "gave up after 10 s" in doc["message"], doc["message"]
    check_control(tables)
    written = load_tables(tmp_path / "out")
    assert all(len(written[t]) == len(tables[t]) for t in tables)
    # refused for these bytes and these limits: the next run does not spend the limit again
    marks = tmp_path / "parsed"

    def marking(abspath, sha):
        with open(marks, "a") as fh:
            fh.write(abspath + "\n")
        return process_file(abspath, sha)

    monkeypatch.setattr(pipeline, "process_file", marking)
    again = extract_corpus(raw, None, jobs=1, cache=tmp_path / "cache")
    assert "gave up after" in _doc(again, slow)["message"]
    assert not marks.exists(), "a refused document was read again for the same content and limits"


@pytest.mark.slow
def test_the_time_limit_holds_with_two_workers_each_stuck(tmp_path, monkeypatch):
    raw, built = corpus_with(tmp_path, h.by_name("pdf-2000-pages"))
    copy = raw / "lancashire" / "annex-2000-pages-copy.pdf"
    copy.parent.mkdir(parents=True, exist_ok=True)
    copy.write_bytes((raw / built["pdf-2000-pages"][0]).read_bytes() + b"\n%another copy\n")
    monkeypatch.setattr(config, "MAX_SECONDS_PER_DOCUMENT", DEADLINE)
    monkeypatch.setattr(pipeline, "process_file", blocking("annex-2000-pages"))
    tables = extract_corpus(raw, tmp_path / "out", jobs=2, cache=None)
    for path in (built["pdf-2000-pages"][0], "lancashire/annex-2000-pages-copy.pdf"):
        assert "gave up after 10 s" in _doc(tables, path)["message"]
    check_control(tables)


@pytest.mark.slow
@pytest.mark.parametrize("attr", ["MAX_PAGES", "MAX_SECONDS_PER_DOCUMENT"])
def test_raising_a_limit_then_rerunning_reads_the_document(attr, tmp_path, monkeypatch):
    """A document refused for a limit is refused by this run's settings, not by its bytes:
    the cache must not keep that verdict once the limit is raised."""
    raw, built = corpus_with(tmp_path, h.by_name("pdf-2000-pages"))
    path = built["pdf-2000-pages"][0]
    value = 1000 if attr == "MAX_PAGES" else DEADLINE
    with monkeypatch.context() as m:
        m.setattr(config, attr, value)
        if attr == "MAX_SECONDS_PER_DOCUMENT":
            m.setattr(pipeline, "process_file", blocking("annex-2000-pages"))
        first = extract_corpus(raw, None, jobs=1, cache=tmp_path / "cache")
    assert _doc(first, path)["status"] == "error"
    again = _doc(extract_corpus(raw, None, jobs=1, cache=tmp_path / "cache"), path)
    assert again["status"] != "error", f"still refused: {again['message']}"
    assert again["pages"] == h.BIG_PAGES


# --- schema validation on write (issue 6 item 5) ------------------------------------------------

GOOD_GRADE = {"doc_id": "abc123", "force": "west-yorkshire", "assessor": "inspectorate",
              "subset": "all", "grade": "good", "cases": 11, "total": 34, "page": 2,
              "quote": "11 were good", "percent": 32.4, "scale": "four"}


@pytest.mark.parametrize("column,value", [
    ("cases", "eleven"), ("cases", -1), ("page", 0), ("grade", "excellent"),
    ("force", "../../etc"), ("percent", 140.0), ("doc_id", None), ("scale", "ten"),
])
def test_a_wrong_type_or_value_fails_loudly_and_writes_nothing(column, value, tmp_path):
    save_table(pd.DataFrame([GOOD_GRADE]), "case_grades", tmp_path / "good")
    assert (tmp_path / "good" / "case_grades.csv").exists(), "the good row must pass"
    bad = pd.DataFrame([{**GOOD_GRADE, column: value}])
    with pytest.raises(SchemaError, match=column):
        save_table(bad, "case_grades", tmp_path / "bad")
    assert not (tmp_path / "bad").exists() or not list((tmp_path / "bad").iterdir())


def test_a_parser_bug_that_breaks_the_schema_stops_the_write(tmp_path, monkeypatch):
    """A bad value from a parser must fail loudly and leave the previous tables whole."""
    from reportkit.extract import parse

    raw, _ = corpus_with(tmp_path)
    out = tmp_path / "out"
    extract_corpus(raw, out, jobs=1, cache=None)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    real = parse.parse_document

    def bad_grades(doc):
        parsed = real(doc)
        parsed.meta["title"] = "a title that would change documents.csv"
        parsed.case_grades = [{**g, "grade": "excellent"} for g in parsed.case_grades]
        return parsed

    monkeypatch.setattr("reportkit.pipeline.parse_document", bad_grades)
    # a changed parser is a new extractor version: the run does not take the unchanged shortcut
    monkeypatch.setattr("reportkit.pipeline.extractor_version", lambda: "a-buggy-version")
    with pytest.raises(SchemaError, match="grade"):
        extract_corpus(raw, out, jobs=1, cache=None)
    after = {p.name: p.read_bytes() for p in out.iterdir()}
    assert {k: v for k, v in after.items() if not k.startswith("_")} == \
        {k: v for k, v in before.items() if not k.startswith("_")}, \
        "some tables were replaced before the schema check failed"
