"""Briefings: formatting and escaping, then a real batch (papermill) on the demo corpus.

The demo corpus is built and extracted once per session (``demo`` below, also used by
test_notebooks.py and test_browser.py). If extraction does not run yet, those tests fail and say so.
"""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from reportkit import config
from reportkit.report import briefing
from reportkit.report.batch import run_briefings
from reportkit.report.export import to_html

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


# ---- the shared demo corpus ---------------------------------------------------------------------

def demo_dirs(tmp_path_factory) -> tuple[Path, Path]:
    """(raw, processed) of the demo corpus, built and extracted once per session."""
    base = tmp_path_factory.getbasetemp() / "demo-corpus"
    raw, processed = base / "raw", base / "processed"
    if not (base / "ready").exists():
        shutil.rmtree(base, ignore_errors=True)
        try:
            from reportkit.demo import build_corpus
            from reportkit.pipeline import extract_corpus

            build_corpus(raw)
            extract_corpus(raw, processed, jobs=2, cache=base / "cache")
        except Exception as exc:  # the pipeline is not whole yet: fail loudly, never skip
            pytest.fail(f"the demo corpus could not be built and extracted, so briefings cannot "
                        f"be tested: {type(exc).__name__}: {exc}")
        (base / "ready").write_text("ok")
    return raw, processed


def demo_batch(tmp_path_factory) -> tuple[Path, int, dict]:
    """(reports folder, exit code, tables) of one batch over every demo force, once per session."""
    raw, processed = demo_dirs(tmp_path_factory)
    out = tmp_path_factory.getbasetemp() / "demo-reports"
    marker = out / "exit-code"
    if not marker.exists():
        shutil.rmtree(out, ignore_errors=True)
        code = run_briefings(forces=None, jobs=2, out=out, raw=raw, processed=processed,
                             progress=False)
        marker.write_text(str(code))
    return out, int(marker.read_text()), briefing.load(processed)


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    return demo_dirs(tmp_path_factory)


@pytest.fixture(scope="session")
def batch(tmp_path_factory):
    return demo_batch(tmp_path_factory)


# ---- formatting and escaping (no notebooks) -----------------------------------------------------

def test_formats_read_like_prose():
    assert briefing.fmt_date(pd.Timestamp("2016-03-08")) == "8 March 2016"
    assert briefing.fmt_date("2016-03-08", "month") == "March 2016"
    assert briefing.fmt_pct(11 / 34) == "32%"
    assert briefing.fmt_int(1234) == "1,234" and briefing.fmt_int(34.0) == "34"
    assert briefing.fmt_date(pd.NaT) == briefing.fmt_int(None) == briefing.MISSING


def test_table_escapes_document_text():
    df = pd.DataFrame({"text": [SCRIPT, IMG], "n": [1234, 5], "share": [0.5, 0.25]})
    out = briefing.table_html(df, {"text": ("Text", "text"), "n": ("N", "int"),
                                   "share": ("Share", "pct")})
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "1,234" in out and "50%" in out


def test_export_hides_code_drops_warnings_and_fetches_nothing():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("secret_code_marker = 1", outputs=[
            nbformat.v4.new_output("stream", name="stderr", text="FutureWarning: noisy\n"),
            nbformat.v4.new_output("display_data", data={"text/html": "<p>shown</p>"})]),
        nbformat.v4.new_code_cell("1/0", outputs=[nbformat.v4.new_output(
            "error", ename="ZeroDivisionError", evalue=SCRIPT, traceback=["Traceback (most..."])]),
    ]
    page = to_html(nb, "A title")
    assert "<p>shown</p>" in page and "A title" in page
    for bad in ("secret_code_marker", "FutureWarning", "Traceback", SCRIPT):
        assert bad not in page
    assert "could not be built" in page
    assert remote_refs(page) == []


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("src", "href") and value:
                self.refs.append((tag, value))


def refs(page: str) -> list[tuple[str, str]]:
    parser = _Refs()
    parser.feed(page)
    return parser.refs


def remote_refs(page: str) -> list[tuple[str, str]]:
    """Every src/href that would reach the network (http, https, protocol-relative)."""
    return [(t, v) for t, v in refs(page) if re.match(r"(?i)(https?:)?//", v.strip())]


def test_notes_cite_page_and_words_and_escape_them():
    from test_compare import facts_tables, typed

    t = facts_tables()
    grades = t["case_grades"].copy()
    grades.loc[grades.index[0], "quote"] = f"Of these, 9 were good {SCRIPT}"
    t["case_grades"] = typed(grades, "case_grades")
    force = grades["force"].iloc[0]
    notes = briefing.notes_table(t, force)
    assert notes["note"].tolist() == list(range(1, len(notes) + 1))
    page = str(briefing.show_notes(t, force).data)
    assert "<script" not in page and "&lt;script&gt;" in page
    assert 'id="note-1"' in page and ", page 1: \u201c" in page
    assert briefing.cite_html([5, 3, 3]) == (
        '<sup class="rk-cite">[<a href="#note-3">3</a>, <a href="#note-5">5</a>]</sup>')
    table = briefing.table_html(pd.DataFrame({"n": [1], "notes": [[2]]}),
                                {"n": ("N", "int"), "notes": ("Source", "cite")})
    assert 'href="#note-2"' in table


def test_a_month_stays_a_month_in_sources_and_timeline():
    from test_compare import facts_tables

    t = facts_tables()
    sources = visible_text(str(briefing.show_sources(t, "south-yorkshire").data))
    assert "September 2014" in sources and "1 September 2014" not in sources
    lags = visible_text(str(briefing.show_timeliness(t, "south-yorkshire").data))
    assert "September 2014" in lags and "1 September 2014" not in lags


def test_national_overview_uses_the_thematic_and_gives_ranges(demo_tables):
    page = visible_text(str(briefing.show_national(demo_tables).data))
    assert "states its own pooled figures" in page and "of 576 cases, 177 good (31%)" in page
    assert "Inadequate at baseline" in page and "(four grades)" in page
    assert "Median" not in page and "135\u2013165 days" in page
    assert "74% requires improvement or inadequate (the only figure given)" in page
    assert "42% (as the report states it)" in page  # West Midlands: a share, not a count


def test_index_figures_keep_a_stated_share_a_share(demo_tables):
    wm = briefing.headline_figures(demo_tables, "west-midlands")
    assert wm["latest"]["inadequate"] is None  # 48 is derived from "about 42%": never shown as a count
    assert wm["inadequate_shown"] == "about 42%, a share: no count given"
    wy = briefing.headline_figures(demo_tables, "west-yorkshire")
    assert wy["latest"]["good"] == 11 and wy["good_shown"] == "11 (32%)" and not wy["four_grade"]
    assert wy["claims_differ"] == 0 and wy["claims_checked"] >= 20
    sy = briefing.headline_figures(demo_tables, "south-yorkshire")
    assert sy["claims_differ"] == 1
    gm = briefing.headline_figures(demo_tables, "greater-manchester")
    assert gm["four_grade"] and gm["good_shown"] == "8 (27%) (four-grade scale)"


def test_grade_table_shows_what_was_said_and_marks_what_was_derived(demo_tables):
    rows = briefing.grade_rows(demo_tables, "west-midlands").set_index(["subset", "grade"])
    said = rows.loc[("all", "inadequate")]
    assert said["share_shown"] == "42% (as stated)"
    assert said["cases_shown"] == "48 (derived from 42% of 115)"
    rest = rows.loc[("all", "not_stated")]
    assert rest["grade_shown"] == "grade not given" and "as stated" not in rest["share_shown"]
    assert rest["share_shown"].endswith("(derived)") and rest["notes"]
    assert rows.loc[("cse", "inadequate"), "subset_shown"] == "sexual exploitation cases"
    page = visible_text(str(briefing.show_comparison(demo_tables, "west-midlands").data))
    for jargon in ("Check:", " cse ", "not_stated", "cases total"):
        assert jargon not in page, jargon


# ---- the batch on the demo corpus ---------------------------------------------------------------

@pytest.mark.slow
def test_batch_builds_every_force(batch, demo):
    out, code, tables = batch
    assert code == 0
    docs = tables["documents"]
    expected = sorted(set(docs[docs["status"] != "error"]["force"]) - {"national", "unknown"})
    assert expected, "the demo corpus names no force"
    for slug in [*expected, "national"]:
        assert (out / "briefings" / f"{slug}.html").stat().st_size > 10_000
        nb = nbformat.read(out / "notebooks" / f"{slug}.ipynb", as_version=4)
        assert nb.metadata["papermill"]["parameters"]["processed_dir"]


@pytest.mark.slow
def test_briefing_pages_hold_figures_and_nothing_technical(batch):
    out, _, tables = batch
    for page in sorted((out / "briefings").glob("*.html")):
        html = page.read_text(encoding="utf-8")
        text = visible_text(html)
        for bad in ("Traceback", "Warning:", "FutureWarning", "UserWarning", "briefing.show_",
                    "import ", "jp-InputPrompt", "In&nbsp;[", "processed_dir"):
            assert bad not in text, f"{page.name} shows {bad!r}"
        code_input = re.search(r'class="[^"]*(jp-CodeMirrorEditor|highlight hl-)', html)
        assert not code_input, f"{page.name} keeps code input"
        assert remote_refs(html) == [], f"{page.name} fetches from the network"
        if page.stem in ("index", "national"):
            continue
        figures = briefing.headline_figures(tables, page.stem)
        latest = figures["latest"]
        if latest:
            assert f"graded {briefing.fmt_int(latest['cases'])} cases" in text
            if latest["good"] is not None:
                assert f"{briefing.fmt_int(latest['good'])} good" in text


@pytest.mark.slow
def test_west_yorkshire_headline_matches_the_published_review(batch):
    """The 2016 review graded 34 cases, 11 good (public figures, shared/facts)."""
    out, _, _ = batch
    text = visible_text((out / "briefings" / "west-yorkshire.html").read_text(encoding="utf-8"))
    assert "graded 34 cases: 11 good (32%)" in text


@pytest.mark.slow
def test_index_lists_every_force_and_every_link_resolves(batch):
    out, _, tables = batch
    index = out / "briefings" / "index.html"
    html = index.read_text(encoding="utf-8")
    links = [v for t, v in refs(html) if t == "a"]
    assert "national.html" in links
    for link in links:
        assert (index.parent / link).is_file(), f"index links to missing {link}"
    state = json.loads((out / "briefings" / "index.json").read_text())
    for slug, entry in state.items():
        assert f"{slug}.html" in links
        if slug != "national" and entry["good"] is not None:
            assert f"{briefing.fmt_int(entry['good'])} (" in html


def visible_text(html: str) -> str:
    """The page's text as a reader sees it (no tags, no style or script bodies)."""
    html = re.sub(r"(?is)<(style|script)\b.*?</\1>", " ", html)
    text = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"\s+", " ", text.replace("&nbsp;", " "))


# ---- hostile text, failures and bad parameters --------------------------------------------------

@pytest.mark.slow
def test_script_in_a_document_reaches_html_only_escaped(demo, tmp_path):
    raw, _ = demo
    mine = tmp_path / "raw"
    shutil.copytree(raw, mine)
    folder = mine / "west-yorkshire"
    folder.mkdir(exist_ok=True)
    (folder / f"notes {IMG}.txt").write_text(
        f"West Yorkshire Police briefing note {SCRIPT}\n\nPublished 8 March 2016.\n\n"
        f"West Yorkshire Police said {SCRIPT} that 11 of 34 cases were good.\n", encoding="utf-8")
    out = tmp_path / "reports"
    code = run_briefings(forces=["west-yorkshire"], jobs=1, out=out, raw=mine,
                         processed=tmp_path / "processed", progress=False)
    assert code == 0
    pages = [p.read_text(encoding="utf-8") for p in (out / "briefings").glob("*.html")]
    for page in pages:
        assert SCRIPT not in page and "<img src=x" not in page
    escaped = "&lt;img src=x onerror=alert(1)&gt;"
    assert any(escaped in p for p in pages), "the hostile file name never reached a briefing"


@pytest.mark.slow
def test_one_failing_force_is_marked_and_the_others_are_built(demo, tmp_path):
    raw, processed = demo
    bad, good = slugs = ["south-yorkshire", "west-yorkshire"]  # both in the demo corpus
    nb = nbformat.read(config.NOTEBOOKS_DIR / "force_briefing.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        f"if force == {bad!r}:\n    raise RuntimeError('this force breaks the notebook')"))
    custom = tmp_path / "breaks_one.ipynb"
    nbformat.write(nb, str(custom))
    out = tmp_path / "reports"
    code = run_briefings(forces=slugs, jobs=2, out=out, raw=raw, processed=processed,
                         progress=False, notebook=custom)
    assert code == 1
    assert (out / "notebooks" / f"{bad}.ipynb").is_file()
    failed_page = (out / "briefings" / f"{bad}.html").read_text(encoding="utf-8")
    assert "could not be built" in failed_page and "Traceback" not in failed_page
    state = json.loads((out / "briefings" / "index.json").read_text())
    assert state[bad]["ok"] is False and "RuntimeError" in state[bad]["error"]
    assert state[good]["ok"] is True
    index = (out / "briefings" / "index.html").read_text(encoding="utf-8")
    row = next(r for r in index.split("<tr") if f'href="{bad}.html"' in r)
    assert 'class="status-failed"' in row


def test_unknown_force_or_parameter_stops_before_anything_runs(tmp_path, capsys):
    out = tmp_path / "reports"
    assert run_briefings(forces=["atlantis"], out=out, raw=tmp_path / "raw",
                         processed=tmp_path / "p", progress=False) == 2
    assert "unknown force" in capsys.readouterr().err
    assert run_briefings(forces=["west-yorkshire"], out=out, raw=tmp_path / "raw",
                         processed=tmp_path / "p", progress=False,
                         parameters={"colour": "red"}) == 2
    assert "unknown notebook parameter" in capsys.readouterr().err
    assert not out.exists()


def test_cli_rejects_a_path_as_a_force(tmp_path):
    from reportkit.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["briefings", "--forces", "../../etc", "--out", str(tmp_path / "r")])
    assert exc.value.code == 2
    assert not (tmp_path / "r").exists()


@pytest.mark.slow
def test_a_reused_kernel_forgets_the_last_notebook():
    from reportkit.report import batch

    try:
        batch.warm_kernel()
        kc = batch._local.kernel[1]
        batch._silent(kc, "left_over = 1")
        batch.warm_kernel()
        seen = []
        kc.execute_interactive("print('left_over' in globals())",
                               output_hook=lambda m: seen.append(m["content"].get("text", "")))
        assert "".join(seen).split()[0] == "False"
    finally:
        batch.stop_kernel()
