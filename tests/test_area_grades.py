"""Graded areas (issue 13): the five topics reports have graded since April 2024, read from
headings, summary tables, prose, counts and press, in real PDFs (reportlab and LibreOffice) and
HTML; a count names no area; an area statement is never a case grade or a claim."""
from __future__ import annotations

import re

import pytest
from tests import wordpdf
from tests.pdfmaker import make_pdf

from reportkit.extract import area_grades as ag
from reportkit.extract.parse import parse_document
from reportkit.read.reader import read_document


def _areas(parsed) -> set[tuple]:
    return {(r["area"], r["grade"], r["areas"], r["basis"]) for r in parsed.area_grades}


@pytest.mark.parametrize("shape", ag.SHAPES, ids=lambda s: s.name)
def test_every_shape_example_reads_one_area_and_grade(shape):
    for example in shape.examples:
        found = ag.pairs_in(example, on_lines=shape.on_lines)
        assert len(found) == 1, (shape.name, example, found)
        assert found[0][0] in ag.AREA_WORDINGS and found[0][1] in ag.GRADE_WORDINGS


@pytest.mark.parametrize("area", list(ag.AREA_WORDINGS))
def test_every_area_wording_example_is_that_area(area):
    for example in ag.AREA_WORDINGS[area][1]:
        assert ag.pairs_in(f"{example}: good", on_lines=True)[0][:2] == (area, "good"), example


def test_the_issue_examples():
    assert ag.pairs_in("Investigation: requires improvement", on_lines=True)[0][:2] == (
        "investigation", "requires_improvement")
    assert ag.pairs_in("It was rated adequate for its initial response.", on_lines=False)[0][:2] == (
        "initial_response", "adequate")
    assert ag.pairs_in("Working with partners: good", on_lines=True)[0][:2] == ("partnership", "good")
    assert ag.pairs_in("Risk assessment and referral of cases: inadequate", on_lines=True)[0][:2] == (
        "risk_assessment", "inadequate")
    assert ag.counts_in("We graded the force as good in two areas and adequate in three.") == [
        ("good", 2), ("adequate", 3)]


@pytest.mark.parametrize("sentence", [
    "Practice was judged good in 19 cases, requiring improvement in 22 and inadequate in 11.",
    "We found good practice in two cases and inadequate practice in three.",  # cases, not areas
    "Leadership, management and governance",
    "The force has made good progress in investigation.",  # progress, not a grade
    "We graded the force as good in four areas and adequate in three.",  # seven areas of five
])
def test_what_is_not_an_area_grade(sentence):
    assert not ag.counts_in(sentence) and not ag.pairs_in(sentence)


def test_counts_before_the_grade():
    assert ag.counts_in("Two areas were graded good and three adequate.") == [("good", 2), ("adequate", 3)]


NEW_STYLE_PAGES = [
    ["Northshire Police", "National Child Protection Inspection", "Northshire Police 3-14 March 2025",
     "June 2025"],
    ["# Summary",
     "We graded Northshire Police as good in one area, adequate in two and requires improvement "
     "in two.",
     "| Area | Grade", "| Leadership | Good", "| Partnership working | Adequate",
     "| Initial response | Adequate", "| Risk assessment and referral | Requires improvement",
     "| Investigation | Requires improvement",
     "# Case-file review",
     "We reviewed 40 case files. Of these, 12 were good, 20 required improvement and eight were "
     "inadequate."],
    ["# 4. Investigation: requires improvement",
     "Officers did not always seek the views of the child before deciding what to do next."],
]


def test_a_new_style_report_pdf(tmp_path):
    pdf = make_pdf(tmp_path / "northshire.pdf", NEW_STYLE_PAGES)
    doc = read_document(pdf)
    parsed = parse_document(doc)
    assert _areas(parsed) == {
        ("leadership", "good", None, "stated"), ("partnership", "adequate", None, "stated"),
        ("initial_response", "adequate", None, "stated"),
        ("risk_assessment", "requires_improvement", None, "stated"),
        ("investigation", "requires_improvement", None, "stated")}  # five areas: no count rows
    # the case-file review goes to case_grades as before; the count sentence gives no case grade
    assert {(g["grade"], g["cases"], g["total"]) for g in parsed.case_grades} == {
        ("good", 12, 40), ("requires_improvement", 20, 40), ("inadequate", 8, 40)}
    for r in parsed.area_grades:
        assert r["quote"] in doc.pages[r["page"] - 1].text


def test_counts_only_are_filed_without_an_area(tmp_path):
    pdf = make_pdf(tmp_path / "gmp.pdf", [
        ["Greater Manchester Police", "National Child Protection Inspection", "December 2024"],
        ["# Summary", "We reviewed 48 case files. We graded the force as good in two areas and "
                      "adequate in three."]])
    parsed = parse_document(read_document(pdf))
    assert _areas(parsed) == {(None, "good", 2, "count"), (None, "adequate", 3, "count")}
    assert parsed.case_grades == []  # "adequate in three" is no count of three adequate cases


def test_two_grades_for_one_area_file_neither(tmp_path):
    pdf = make_pdf(tmp_path / "two.pdf", [
        ["Northshire Police", "National Child Protection Inspection", "June 2025"],
        ["Investigation: inadequate", "Leadership: good", "", "Investigation: good"]])
    parsed = parse_document(read_document(pdf))
    assert _areas(parsed) == {("leadership", "good", None, "stated")}
    assert any("investigation given two grades" in w for w in parsed.warnings)


PRESS = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Watchdog grades Northshire Police | Northshire Echo</title>
<meta property="article:published_time" content="2025-06-12T09:00:00+00:00"></head>
<body><article><h1>Watchdog grades Northshire Police</h1>
<p class="byline">By A Reporter</p><p>Thursday 12 June 2025</p>
<p>Inspectors rated Northshire Police adequate for its initial response to children at risk.</p>
<p>The force was graded good in one area, adequate in two and requires improvement in two, the
inspectorate said.</p><p>The chief constable said the force accepted the findings.</p>
</article></body></html>"""


def test_press_states_one_area_and_the_counts(tmp_path):
    path = tmp_path / "northshire" / "echo.html"
    path.parent.mkdir()
    path.write_text(PRESS, encoding="utf-8")
    parsed = parse_document(read_document(path))
    assert parsed.meta["kind"] == "press"
    assert _areas(parsed) == {("initial_response", "adequate", None, "stated"),
                              (None, "good", 1, "count"), (None, "adequate", 2, "count"),
                              (None, "requires_improvement", 2, "count")}
    assert not [c for c in parsed.claims if c["measure"] in ("good", "adequate", "requires_improvement")]


def test_an_old_report_has_no_area_grades(tmp_path):
    pdf = make_pdf(tmp_path / "old.pdf", [
        ["West Shire Police", "National Child Protection Inspection", "West Shire Police 8-12 April 2014",
         "August 2014"],
        ["# Leadership, management and governance", "Leaders had set a clear direction.",
         "# Case file analysis", "HMIC examined 40 cases. Of these, 12 were good, 10 were adequate, "
         "9 required improvement and nine were inadequate."]])
    parsed = parse_document(read_document(pdf))
    assert parsed.area_grades == [] and len(parsed.case_grades) == 4


@pytest.mark.slow
def test_a_word_made_pdf_with_a_wrapping_table(tmp_path):
    if wordpdf.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    pytest.importorskip("docx")
    doc = wordpdf.WordDoc("areas", ["Northshire Police", "National Child Protection Inspection",
                                    "June 2025"], "Northshire Police: child protection", [
        wordpdf.heading("Our grades"),
        wordpdf.para("The table gives our grade for each area."),
        wordpdf.table([["Area", "Grade"], ["Leadership", "Outstanding"],
                       ["Working with partners", "Good"], ["Initial response", "Adequate"],
                       ["Risk assessment and referral of cases", "Requires improvement"],
                       ["Investigation", "Inadequate"]]),
        wordpdf.heading("Investigation: inadequate"),
        wordpdf.para("Investigations were often delayed.")])
    pdf = wordpdf.build([doc], tmp_path)["areas"]
    read = read_document(pdf)
    parsed = parse_document(read)
    assert {(r["area"], r["grade"]) for r in parsed.area_grades} == {
        ("leadership", "outstanding"), ("partnership", "good"), ("initial_response", "adequate"),
        ("risk_assessment", "requires_improvement"), ("investigation", "inadequate")}
    assert all(re.sub(r"\s+", " ", r["quote"]) for r in parsed.area_grades)


@pytest.mark.slow
@pytest.mark.parametrize("table", ["area_grades", "recommendation_status"])
def test_the_demo_gold_is_read_exactly(demo_raw, demo_tables, table):
    """The demo corpus's new-style reports, press page, tracker pages, reviews and letter: every
    area grade and every status found, nothing else (precision and recall 1.000)."""
    from reportkit.accuracy import load_gold, misses, score
    from reportkit.config import GOLD_FILE

    gold = load_gold(demo_raw / GOLD_FILE)
    row = score(demo_tables, gold).set_index("table").loc[table]
    missed, extra = misses(demo_tables, gold, table)
    assert row["gold"] >= 15, f"the demo gold has only {row['gold']} {table} rows"
    assert (row["precision"], row["recall"]) == (1.0, 1.0), (missed[:5], extra[:5])


def test_a_case_count_beside_an_area_stays_a_case_grade():
    assert not ag.is_area_statement("Its investigation was rated good in 12 of the 20 cases.")
    assert ag.is_area_statement("We graded the force as good in two areas and adequate in three.")
    assert ag.is_area_statement("Its investigation was graded as inadequate.")


def test_a_document_before_april_2024_grades_no_area(tmp_path):
    pdf = make_pdf(tmp_path / "2015.pdf", [
        ["West Shire Police", "National Child Protection Inspection", "March 2015"],
        ["Investigation: requires improvement", "Its initial response was judged good."]])
    assert parse_document(read_document(pdf)).area_grades == []
