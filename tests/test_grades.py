"""Case grades from prose, parentheses, number words, subsets, percentages and tables."""
from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit.extract.counts import spell
from reportkit.extract.grades import document_grades, page_grades
from reportkit.read.document import Document, Page


def _figures(rows):
    return {(r["assessor"], r["subset"], r["grade"], r["cases"], r["percent"], r["total"]) for r in rows}


def test_prose_with_number_words_and_a_total_in_the_sentence_before():
    text = "We examined 34 cases. Of these, 11 were good, 20 required improvement and three were inadequate."
    assert _figures(page_grades(text)) == {
        ("inspectorate", "all", "good", 11, None, 34),
        ("inspectorate", "all", "requires_improvement", 20, None, 34),
        ("inspectorate", "all", "inadequate", 3, None, 34),
    }


def test_grade_then_count_order():
    text = ("In the follow-up inspection 34 child protection cases were examined. Of these, the force's work "
            "was assessed as good in 11, requiring improvement in 20 and inadequate in three.")
    got = {(r["grade"], r["cases"], r["assessor"]) for r in page_grades(text)}
    assert got == {("good", 11, "inspectorate"), ("requires_improvement", 20, "inspectorate"),
                   ("inadequate", 3, "inspectorate")}


def test_parentheses():
    rows = page_grades("HMIC re-graded the 33 cases the force had audited (11 good, 8 requires improvement, 14 inadequate).")
    assert _figures(rows) == {
        ("inspectorate", "audit", "good", 11, None, 33),
        ("inspectorate", "audit", "requires_improvement", 8, None, 33),
        ("inspectorate", "audit", "inadequate", 14, None, 33),
    }


def test_subset_of_custody_cases():
    text = ("Although there was some good practice in this area, five of the seven cases inspectors looked at where "
            "a child was detained in custody were judged to require improvement.")
    assert _figures(page_grades(text)) == {("inspectorate", "custody", "requires_improvement", 5, None, 7)}


def test_force_and_inspectorate_grading_of_the_same_cases():
    text = ("The force's own assessors graded the 33 audited cases as 17 good, 8 adequate, 5 requiring improvement "
            "and 3 inadequate. HMIC graded the same cases as 9 good, 8 adequate, 7 requiring improvement and 10 "
            "inadequate.")
    rows = page_grades(text)
    force = {(r["grade"], r["cases"]) for r in rows if r["assessor"] == "force"}
    insp = {(r["grade"], r["cases"]) for r in rows if r["assessor"] == "inspectorate"}
    assert force == {("good", 17), ("adequate", 8), ("requires_improvement", 5), ("inadequate", 3)}
    assert insp == {("good", 9), ("adequate", 8), ("requires_improvement", 7), ("inadequate", 10)}
    assert {r["subset"] for r in rows} == {"audit"}


def test_percentages_are_not_counts():
    rows = page_grades("In 42 per cent of the cases we examined practice was good; in 30% it required improvement.")
    assert {(r["grade"], r["cases"], r["percent"]) for r in rows} == {
        ("good", None, 42.0), ("requires_improvement", None, 30.0)}


def test_table_rows_with_two_assessors_and_a_total_row():
    text = ("Table 2: the custody cases\nGrade Force HMIC\nGood 5 3\nRequires improvement 10 9\n"
            "Inadequate 5 8\nTotal 20 20\n\nThe table shows a gap between the two gradings.")
    rows = page_grades(text, page=4)
    assert _figures(rows) == {
        ("force", "custody", "good", 5, None, 20), ("inspectorate", "custody", "good", 3, None, 20),
        ("force", "custody", "requires_improvement", 10, None, 20),
        ("inspectorate", "custody", "requires_improvement", 9, None, 20),
        ("force", "custody", "inadequate", 5, None, 20), ("inspectorate", "custody", "inadequate", 8, None, 20),
    }
    assert all(r["page"] == 4 and r["quote"] in text for r in rows)


def test_prose_and_table_give_one_row_per_figure_and_the_scale():
    prose = "Of the 20 cases we examined, 5 were good, 4 adequate, 6 required improvement and 5 were inadequate."
    table = "Grade Number of cases\nGood 5\nAdequate 4\nRequires improvement 6\nInadequate 5"
    doc = Document(path="x.pdf", sha256="0", format="pdf", pages=[Page(1, prose), Page(2, table)])
    rows, warnings = document_grades(doc)
    assert len(rows) == 4 and all(r["page"] == 1 for r in rows)
    assert {r["scale"] for r in rows} == {"four"} and warnings == []


def test_a_sum_that_misses_its_total_keeps_both_and_warns():
    text = "HMIC graded the 33 cases the force had audited: 9 good, 8 adequate, 7 requiring improvement and 10 inadequate."
    doc = Document(path="x.pdf", sha256="0", format="pdf", pages=[Page(1, text)])
    rows, warnings = document_grades(doc)
    assert sum(r["cases"] for r in rows) == 34 and {r["total"] for r in rows} == {33}
    assert warnings == ["inspectorate grades for 'audit' sum to 34, stated total 33"]


def test_no_rows_from_grade_words_without_case_figures():
    text = ("HMIC found good practice in 2015 and the force made good progress on recommendation 3. "
            "Officers gave an adequate account on 12 March 2016.")
    assert page_grades(text) == []


_GRADE_WORDS = {"good": "good", "requires_improvement": "required improvement", "inadequate": "inadequate"}


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 120), min_size=3, max_size=3), st.booleans(), st.booleans())
def test_reads_back_generated_prose(counts, words, grade_first):
    fmt = spell if words else str
    parts = [(g, fmt(n)) for g, n in zip(_GRADE_WORDS, counts, strict=True)]
    if grade_first:
        body = ", ".join(f"{_GRADE_WORDS[g]} in {n}" for g, n in parts)
        text = f"We examined {sum(counts) or 1} cases. Of these, practice was {body}."
    else:
        body = ", ".join(f"{n} were {_GRADE_WORDS[g]}" for g, n in parts)
        text = f"We examined {sum(counts) or 1} cases. Of these, {body}."
    got = {(r["grade"], r["cases"]) for r in page_grades(text)}
    assert got == {(g, n) for g, n in zip(_GRADE_WORDS, counts, strict=True)}


@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(text):
    for r in page_grades(text):
        assert r["quote"] in text
