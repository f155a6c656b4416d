"""Figures that came out wrong with confidence (issue 15, class 5), each in the shape that broke:
negated zeros ("Not one case out of 34 was good"), ages ("children aged 11 were good at ..."),
bounds ("fewer than 11"), numbers split by invisible or thin spaces, contents pages that list grade
sections, a review restating its baseline, a document contradicting itself, and a numbered
"2. Recommendations" heading. Read from text, from reportlab PDFs and from a LibreOffice PDF.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.pdfmaker import make_pdf
from tests.wordpdf import convert, soffice

from reportkit.extract.grades import dedupe, document_grades, page_grades
from reportkit.extract.parse import parse_document
from reportkit.extract.recommendations import document_recommendations
from reportkit.read import read_document
from reportkit.read.document import Document, Page
from reportkit.read.text import normalise
from reportkit.vocabulary import UNREAD_REASONS


def _read(text: str, review_year: int | None = None) -> tuple[set[tuple], list[str]]:
    unread: list[dict] = []
    rows = dedupe(page_grades(text, review_year=review_year, unread=unread))  # as documents do
    return {(r["grade"], r["cases"], r["total"]) for r in rows}, [u["reason"] for u in unread]


# --- negations: zero of the set, never the set's size -----------------------------------------
@pytest.mark.parametrize("text", [
    "Not one case out of 34 was good.",
    "Not one of 34 cases was good.",
    "Not a single one of the 34 cases was good.",
    "Not a single case of the 34 was good.",
    "Not even one of the 34 cases was good.",
    "Not any of the 34 cases was good.",
    "No case of the 34 was good.",
    "Not one in 34 cases was good.",
    "Inspectors examined 34 cases. Not one of them was good.",
    "Not one of the thirty-four cases was good.",
])
def test_a_negated_zero_is_zero_of_the_set(text):
    assert _read(text)[0] == {("good", 0, 34)}


@pytest.mark.parametrize("text", [
    "Of 34 cases, 11 were neither good nor inadequate.",
    "Of 34 cases, 11 were far from good.",
    "Of 34 cases, 11 failed to reach good.",
    "Of 34 cases, 11 fell short of good.",
    "Of 34 cases, 11 were not assessed as good.",
])
def test_a_negated_grade_is_no_figure(text):
    assert _read(text)[0] == set()


# --- ages ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Children aged 11 were good at describing the risks they faced.",
    "Children aged between 11 and 15 were good at describing the risks they faced.",
    "Children aged 11 to 15 were good at explaining where they had been.",
    "Children aged 11, 12 and 13 were good at explaining where they had been.",
    "Children of 11 were judged good at recognising danger.",
    "Pupils in Year 11 were good at recognising danger.",
    "At the age of 11 children were good at recognising danger.",
    "Children under the age of 11 were good at recognising danger.",
    "Girls as young as 12 were good at recognising danger.",
])
def test_an_age_is_not_a_count(text):
    got, _ = _read("Inspectors examined 34 cases. " + text)
    assert got == set(), text


def test_a_count_beside_an_age_is_still_read():
    got, _ = _read("Inspectors examined 34 cases of children aged 14 or over. Of these, 11 were "
                   "good, 20 required improvement and 3 were inadequate.")
    assert got == {("good", 11, 34), ("requires_improvement", 20, 34), ("inadequate", 3, 34)}


# --- bounds: never an exact count (documented in mentions.py: they go to unread) ---------------
@pytest.mark.parametrize("bound, n", [
    ("fewer than 11", 11), ("more than 20", 20), ("up to 3", 3), ("at least 5", 5),
    ("at most 11", 11), ("no more than 9", 9), ("no fewer than 11", 11), ("a minimum of 11", 11),
    ("11 or fewer", 11), ("20 or more", 20), ("11 at most", 11), ("20-plus", 20),
    ("as many as 20", 20),
])
def test_a_bound_is_never_an_exact_count(bound, n):
    got, unread = _read(f"Of 40 cases, {bound} were good, and 4 were inadequate.")
    assert got == {("inadequate", 4, 40)}
    assert unread == ["approximation"]


# --- numbers split by invisible marks or thin spaces -------------------------------------------
def test_the_text_layer_joins_digit_groups_and_drops_bidi_marks():
    assert normalise("1\u2009234 cases, 12\u202f345\u00a0678 calls") == "1,234 cases, 12,345,678 calls"
    assert normalise("3\u200f4 cases and \u202b11\u202c more") == "34 cases and 11 more"
    # two numbers stay two: a plain space, a group of other than three digits, a year before it
    assert normalise("in 2015\u00a0200 cases; 12\u00a034; 3 000") == "in 2015 200 cases; 12 34; 3 000"


def test_a_number_a_plain_space_may_have_split_is_not_read():
    got, unread = _read("Inspectors examined 1 234 cases. Of these, 1 000 were good.")
    assert got == set() and unread == ["number not clear"]


@given(st.integers(0, 34), st.sampled_from(["\u200e", "\u200f", "\u061c", "\u2066", "\u202c"]),
       st.integers(0, 2))
def test_a_bidi_mark_inside_a_count_changes_nothing(n, mark, at):
    digits = str(n)
    marked = digits[:at] + mark + digits[at:]
    plain = normalise(f"Of 34 cases, {digits} were good.")
    assert normalise(f"Of 34 cases, {marked} were good.") == plain
    assert _read(plain)[0] == {("good", n, 34)}


# --- contents pages ------------------------------------------------------------------------------
@pytest.mark.parametrize("page", [
    "Contents\nIntroduction ........ 3\nGood ........ 12\nRequires improvement ........ 14\n"
    "Inadequate ........ 16",
    "Contents\nIntroduction 3\nGood 12\nRequires improvement 14\nInadequate 16",
    "Introduction 3\nGood 12\nRequires improvement 14\nInadequate 16\nRecommendations 18",
    "Good . . . . 12\nRequires improvement . . . . 14\nInadequate . . . . 16",
    "Table of contents\nGood 12 Requires improvement 14 Inadequate 16",
])
def test_a_contents_list_of_grade_sections_is_not_grades(page):
    assert _read(page)[0] == set()


def test_a_grade_table_is_still_read():
    got, _ = _read("Table 2: grades\nGood 5\nRequires improvement 12\nInadequate 20\nTotal 37")
    assert got == {("good", 5, 37), ("requires_improvement", 12, 37), ("inadequate", 20, 37)}


# --- a review restating its baseline -------------------------------------------------------------
OWN = "In this review, of 34 cases, 11 were good, 20 required improvement and 3 were inadequate."
OWN_ROWS = {("good", 11), ("requires_improvement", 20), ("inadequate", 3)}


@pytest.mark.parametrize("baseline", [
    "Baseline: inspectors examined 60 cases, of which 20 were good, 25 required improvement and "
    "15 were inadequate.",
    "Previously, inspectors examined 60 cases: 20 were good, 25 required improvement and 15 were "
    "inadequate.",
    "When HMIC inspected the force, it examined 60 cases. Of these, 20 were good, 25 required "
    "improvement and 15 were inadequate.",
    "Our report of 2014 found that of 60 cases, 20 were good, 25 required improvement and 15 "
    "were inadequate.",
    "The 2014 findings were that 20 of the 60 cases were good.",
    "Of the 60 cases examined at the baseline, 20 were good.",
    "Grade Baseline Review\nGood 20 11\nRequires improvement 25 20\nInadequate 15 3",
    "Grade 2014 2016\nGood 20 11\nRequires improvement 25 20\nInadequate 15 3",
])
def test_a_review_restating_its_baseline_keeps_only_its_own_set(baseline):
    got, unread = _read(baseline + "\n\n" + OWN, review_year=2016)
    assert {(grade, cases) for grade, cases, _total in got} == OWN_ROWS
    assert "the earlier report's figures" in unread


def test_the_same_words_in_an_inspection_report_name_the_report_itself():
    got, _ = _read("When inspectors visited the force, they examined 60 cases. Of these, 20 were "
                   "good, 25 required improvement and 15 were inadequate.")
    assert got == {("good", 20, 60), ("requires_improvement", 25, 60), ("inadequate", 15, 60)}


# --- a document contradicting itself -------------------------------------------------------------
def _doc(*pages: str) -> Document:
    return Document("x.txt", "0", "text", [Page(i, t) for i, t in enumerate(pages, 1)])


def test_a_document_contradicting_itself_warns_and_keeps_neither_value():
    doc = _doc("Inspectors examined 34 cases. Of these, 11 were good, 20 required improvement and "
               "three were inadequate.",
               "Of the 34 cases inspectors examined, 14 were good, 17 required improvement and "
               "three were inadequate.")
    unread: list[dict] = []
    rows, warnings = document_grades(doc, unread=unread)
    assert {(r["grade"], r["cases"]) for r in rows} == {("inadequate", 3)}  # agreed: kept
    assert {(u["page"], u["reason"]) for u in unread} == {(1, "contradictory figures"),
                                                        (2, "contradictory figures")}
    assert len(warnings) == 2 and all("contradicts itself" in w for w in warnings)
    assert any("11 (page 1) and 14 (page 2)" in w for w in warnings)


def test_a_restatement_of_the_same_figures_is_no_contradiction():
    doc = _doc("Inspectors examined 34 cases. Of these, 11 were good.",
               "Of the 34 cases, 11 were good and 20 required improvement.")
    rows, warnings = document_grades(doc)
    assert {(r["grade"], r["cases"]) for r in rows} == {("good", 11), ("requires_improvement", 20)}
    assert warnings == []


# --- "2. Recommendations" --------------------------------------------------------------------------
@pytest.mark.parametrize("section", [
    "2. Recommendations\n1. Within three months, the force should check what officers record.",
    "2. Recommendations\nwithin three months, the force should check what officers record.",
    "2. Recommendations Within three months, the force should check what officers record.",
    "2. Recommendations: Within three months, the force should check what officers record.",
    "2. Recommendations\n(a) Within three months, the force should check what officers record.",
])
def test_a_numbered_recommendations_heading_is_not_a_recommendation(section):
    doc = _doc("Post-inspection review\n\nInspectors looked at 34 cases.", section)
    recs = document_recommendations(doc, "review")
    assert [r.number for r in recs] == [1]
    assert "Recommendations" not in recs[0].text


# --- real PDFs ---------------------------------------------------------------------------------------
REVIEW_PAGES = [
    ["Post-inspection review of child protection", "West Yorkshire Police",
     "Fieldwork 5-8 September 2016", "Published February 2017"],
    ["# Contents", "1. Background ........ 3", "Good ........ 3", "Requires improvement ........ 4",
     "Inadequate ........ 4", "2. Recommendations ........ 5"],
    ["# 1. Background",
     "Previously, inspectors examined 60 cases: 20 were good, 25 required improvement and 15 "
     "were inadequate.",
     "In this review, inspectors examined 34 cases. Of these, 11 were good and 23 required "
     "improvement. Not one case out of 34 was inadequate.",
     "Children aged 11 were good at describing the risks they faced. Children aged between 12 "
     "and 15 were good at telling officers where they had been."],
    ["# Cases in custody",
     "Of the 20 custody cases, fewer than 11 were good, more than 6 required improvement and up "
     "to 3 were inadequate.",
     "Across the region, 1\u2009234 cases were referred; of these, 1\u202f000 were good.",
     "| Grade | Baseline | Review", "| Good | 20 | 11", "| Requires improvement | 25 | 23",
     "| Inadequate | 15 | 0"],
    ["# 2. Recommendations", "1. Within three months, West Yorkshire Police should check that "
     "officers write down what each child says about their own situation."],
]


@pytest.fixture(scope="module")
def hostile_review(tmp_path_factory) -> Path:
    return make_pdf(tmp_path_factory.mktemp("confident") / "review.pdf", REVIEW_PAGES)


def test_a_hostile_review_pdf_gives_only_its_own_figures(hostile_review):
    parsed = parse_document(read_document(hostile_review))
    assert parsed.meta["kind"] == "review"
    assert {(r["assessor"], r["subset"], r["grade"], r["cases"], r["total"])
            for r in parsed.case_grades} == {
        ("inspectorate", "all", "good", 11, 34),
        ("inspectorate", "all", "requires_improvement", 23, 34),
        ("inspectorate", "all", "inadequate", 0, 34)}
    reasons = {(u["page"], u["reason"]) for u in parsed.unread_statements}
    assert reasons == {(3, "the earlier report's figures"), (4, "approximation"),
                       (4, "number not clear"), (4, "the earlier report's figures")}
    assert all(u["reason"] in UNREAD_REASONS for u in parsed.unread_statements)
    assert [r["number"] for r in parsed.recommendations] == [1]
    assert not [w for w in parsed.warnings if "sum to" in w]


def test_a_contradicting_pdf_says_so(tmp_path):
    pdf = make_pdf(tmp_path / "inspection.pdf", [
        ["National child protection inspection", "West Yorkshire Police", "Published May 2015"],
        ["# Summary", "Inspectors examined 34 cases. Of these, 11 were good, 20 required "
         "improvement and three were inadequate."],
        ["# Findings", "Of the 34 cases inspectors examined, 14 were good, 17 required "
         "improvement and three were inadequate."]])
    parsed = parse_document(read_document(pdf))
    assert {(r["grade"], r["cases"]) for r in parsed.case_grades} == {("inadequate", 3)}
    assert [w for w in parsed.warnings if "contradicts itself" in w]
    assert {u["page"] for u in parsed.unread_statements
            if u["reason"] == "contradictory figures"} == {2, 3}


# --- a LibreOffice PDF: a contents page with dot leaders, a numbered head, thin spaces -----------
@pytest.fixture(scope="module")
def word_review(tmp_path_factory) -> Path:
    exe = soffice()
    if exe is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from docx import Document as Docx
    from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
    from docx.shared import Cm

    out = tmp_path_factory.mktemp("confident-word")
    d = Docx()
    for line in ("Post-inspection review of child protection", "West Yorkshire Police",
                 "Fieldwork 5-8 September 2016", "Published February 2017"):
        d.add_paragraph(line)
    d.add_page_break()
    d.add_paragraph("Contents")
    for entry, page in (("1. Background", 3), ("Good", 3), ("Requires improvement", 3),
                        ("Inadequate", 4), ("2. Recommendations", 4)):
        p = d.add_paragraph(f"{entry}\t{page}")
        p.paragraph_format.tab_stops.add_tab_stop(Cm(15), WD_TAB_ALIGNMENT.RIGHT,
                                                  WD_TAB_LEADER.SPACES)  # no leader: "Good 3"
    d.add_page_break()
    d.add_heading("1. Background", level=1)
    d.add_paragraph("In this review, inspectors examined 34 cases. Of these, 11 were good, 20 "
                    "required improvement and three were inadequate. Children aged 11 were good "
                    "at describing the risks they faced.")
    d.add_paragraph("Across the region, 1\u2009234 cases were referred and 1\u202f000 were good.")
    d.add_heading("2. Recommendations", level=1)
    d.add_paragraph("1. Within three months, West Yorkshire Police should check that officers "
                    "write down what each child says.")
    d.add_paragraph("2. Within six months, the force should review how children are kept in "
                    "custody overnight.")
    src = out / "review.docx"
    d.save(src)
    convert(exe, [src], out)
    return out / "review.pdf"


def test_a_word_made_review_reads_right(word_review):
    doc = read_document(word_review)
    parsed = parse_document(doc)
    assert "Contents" in doc.pages[1].text  # the contents page is there to be misread
    assert {(r["grade"], r["cases"], r["total"]) for r in parsed.case_grades} == {
        ("good", 11, 34), ("requires_improvement", 20, 34), ("inadequate", 3, 34)}
    assert [(r["number"], r["timescale_days"]) for r in parsed.recommendations] == [(1, 91),
                                                                                  (2, 182)]
    assert "number not clear" in {u["reason"] for u in parsed.unread_statements}
