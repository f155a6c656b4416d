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


# ---------------------------------------------------------------------------------------------
# the phrasebook's shapes (issue 11), each in our own words, with the exact rows it must give

def _read(text):
    return {(r["assessor"], r["grade"], r["cases"], r["percent"], r["total"], r["basis"])
            for r in page_grades(text)}


def _three(good, ri, inad, total, assessor="inspectorate"):
    return {(assessor, "good", good, None, total, "stated"),
            (assessor, "requires_improvement", ri, None, total, "stated"),
            (assessor, "inadequate", inad, None, total, "stated")}


def test_grade_before_number_pairs_each_grade_with_the_number_after_it():
    text = ("We looked at 50 cases. Officers' work was judged good in 16 cases, requiring "
            "improvement in 21 and inadequate in 13.")
    assert _read(text) == _three(16, 21, 13, 50)


def test_grade_before_number_with_capitalised_quoted_labels_and_cases_each_time():
    text = ("Of 47 cases, the force's handling was rated \u2018Good\u2019 in 12 cases, "
            "\u201cRequiring Improvement\u201d in 20 cases, and 'Inadequate' in 15 cases.")
    assert _read(text) == _three(12, 20, 15, 47)


def test_in_a_further_n_and_in_n_of_them():
    assert _read("Of 44 cases, practice was good in 9 cases, required improvement in a further "
                 "20 cases, and was inadequate in 15.") == _three(9, 20, 15, 44)
    assert _read("Inspectors examined 39 cases, rating the work 'good' in 14 of them, "
                 "'requiring improvement' in 16 and 'inadequate' in nine.") == _three(14, 16, 9, 39)


def test_verbless_list_after_a_total_in_the_sentence_before():
    text = "Inspectors looked at 52 cases. 18 cases were seen as good, 20 cases requiring improvement, 14 cases as inadequate."
    assert _read(text) == _three(18, 20, 14, 52)


def test_one_bullet_per_grade_with_the_total_in_the_paragraph_above():
    text = "The force's work on the 45 cases we reviewed was as follows:\n\u2022 11 were good\n\u2022 22 required improvement\n\u2022 12 were inadequate"
    assert _read(text) == _three(11, 22, 12, 45)


def test_word_grades_that_are_not_the_labels():
    text = "Of the 70 cases, 22 cases were handled well, 30 needed improvement and 18 were inadequate."
    assert _read(text) == _three(22, 30, 18, 70)


def test_number_words_and_zero_in_words():
    assert _read("Of the 30 cases, eleven were good, 12 required improvement and seven were "
                 "inadequate.") == _three(11, 12, 7, 30)
    assert _read("We examined 60 cases. Thirty eight were inadequate and 22 required improvement.") == {
        ("inspectorate", "inadequate", 38, None, 60, "stated"),
        ("inspectorate", "requires_improvement", 22, None, 60, "stated")}
    assert _read("We examined 21 cases. None of these cases was assessed as good.") == {
        ("inspectorate", "good", 0, None, 21, "stated")}


def test_the_remainder_is_derived_from_the_stated_total():
    text = "We audited 40 cases: 10 were good, 18 required improvement and the rest were inadequate."
    assert _read(text) == {("inspectorate", "good", 10, None, 40, "stated"),
                           ("inspectorate", "requires_improvement", 18, None, 40, "stated"),
                           ("inspectorate", "inadequate", 12, None, 40, "derived")}


def test_a_remainder_without_a_total_is_not_read():
    unread = []
    rows = page_grades("Ten were good, 18 required improvement and the rest were inadequate.", unread=unread)
    assert {(r["grade"], r["cases"]) for r in rows} == {("good", 10), ("requires_improvement", 18)}
    assert [u["reason"] for u in unread] == ["remainder without a total"]


def test_combined_grades_count_and_percent_and_percentages_only():
    assert _read("Twelve out of 17 cases were judged 'inadequate' or 'required improvement'.") == {
        ("inspectorate", "requires_improvement_or_inadequate", 12, None, 17, "stated")}
    assert _read("Of the 60 cases, 45 \u2013 or 75 per cent \u2013 were rated inadequate or requires "
                 "improvement.") == {
        ("inspectorate", "requires_improvement_or_inadequate", 45, 75.0, 60, "stated")}
    assert _read("Only 27 percent of the cases inspectors looked at were good.") == {
        ("inspectorate", "good", None, 27.0, None, "stated")}


def test_a_subset_with_its_own_total():
    rows = page_grades("Out of 9 cases of sexual exploitation examined, inspectors found four to be inadequate.")
    assert [(r["subset"], r["grade"], r["cases"], r["total"]) for r in rows] == [("cse", "inadequate", 4, 9)]


def test_the_force_own_grading_against_the_inspectorate_on_the_same_cases():
    text = ("Of 26 cases assessed internally, the force's assessors rated 14 good, 9 requiring "
            "improvement and 3 inadequate. In the same 26 cases, inspectors found 6 good, 12 "
            "requiring improvement and 8 inadequate.")
    assert _read(text) == _three(14, 9, 3, 26, "force") | _three(6, 12, 8, 26)


def test_a_review_does_not_file_its_earlier_inspection_figures_as_its_own():
    text = ("At the original inspection, 20 of 60 cases were inadequate. This time we audited "
            "30 cases: 12 were good, 15 required improvement and 3 were inadequate.")
    unread = []
    rows = page_grades(text, review_year=2017, unread=unread)
    assert {(r["grade"], r["cases"], r["total"]) for r in rows} == {
        ("good", 12, 30), ("requires_improvement", 15, 30), ("inadequate", 3, 30)}
    assert [u["reason"] for u in unread] == ["the earlier report's figures"]
    assert all(u["quote"] in text for u in unread)


def test_numbers_that_are_not_case_grades_give_nothing():
    for text in ("We rated 17 forces as requiring improvement and five as inadequate.",
                 "A 14-year-old was held for 19 hours; 17 days later nothing was good.",
                 "The force spent \u00a32.5m and nearly 120 officers were trained to a good level.",
                 "The commissioner noted one outstanding recommendation and good progress on 4.",
                 "Just one in five cases was good, the first eight inspections found.",
                 "See page 12: good practice in 2016 was noted in paragraph 3."):
        assert page_grades(text) == [], text


def test_approximations_are_never_counts_and_are_recorded():
    unread = []
    rows = page_grades("Of 40 cases, nearly a third were inadequate and almost 15 required improvement.", unread=unread)
    assert rows == [] and [u["reason"] for u in unread] == ["approximation"]


def test_an_approximation_beside_a_stated_share_keeps_the_share():
    unread = []
    rows = page_grades("Only 22 per cent of cases were judged good, and roughly a quarter inadequate.", unread=unread)
    assert {(r["grade"], r["percent"]) for r in rows} == {("good", 22.0)}
    assert [u["reason"] for u in unread] == ["approximation"]


def test_a_sentence_with_two_readings_gives_no_figure_and_says_why():
    unread = []
    text = "We examined 30 cases, 12 good in 9 cases requiring improvement."
    assert page_grades(text, unread=unread) == []
    assert [u["reason"] for u in unread] == ["ambiguous pairing"]


def test_grades_joined_without_a_name_on_the_scale_are_not_read():
    unread = []
    assert page_grades("Inspectors rated the work good or adequate in 30 of the 60 cases.", unread=unread) == []
    assert [u["reason"] for u in unread] == ["combined grades"]


def test_a_figure_compared_with_an_earlier_one_does_not_take_this_set_total():
    from reportkit.extract.grades import page_figures

    text = "The review found 12 of the 36 cases were inadequate, up from 10 in 2015."
    assert {(f.grade, f.cases, f.total, f.report) for f in page_figures(text)} == {
        ("inadequate", 12, 36, None), ("inadequate", 10, None, "earlier")}
    unread = []  # a report does not file the earlier figure as its own
    assert [(r["cases"], r["total"]) for r in page_grades(text, unread=unread)] == [(12, 36)]
    assert [u["reason"] for u in unread] == ["the earlier report's figures"]


def test_an_approximate_share_of_a_stated_total_is_not_a_count():
    unread = []
    assert page_grades("Over half of the 45 cases were inadequate.", unread=unread) == []
    assert [u["reason"] for u in unread] == ["approximation"]


def test_none_of_the_cases_is_zero_without_a_total():
    assert _read("None of the cases we examined in custody were good.") == {
        ("inspectorate", "good", 0, None, None, "stated")}


def test_a_named_subset_does_not_take_the_main_set_total():
    rows = page_grades("Inspectors examined 60 cases. Of the custody cases, 5 were inadequate.")
    assert [(r["subset"], r["grade"], r["cases"], r["total"]) for r in rows] == [
        ("custody", "inadequate", 5, None)]


# ---------------------------------------------------------------------------------------------
# who graded, shares with a base, totals beside approximations, sets outside the known subsets

def _by_assessor(text, unread=None):
    return {(r["assessor"], r["grade"], r["cases"], r["total"])
            for r in page_grades(text, unread=unread)}


def test_a_force_side_subject_with_a_new_verb_keeps_its_count():
    text = ("Ahead of the fieldwork the constabulary's own review team had scored 18 of the same "
            "42 cases as good; inspectors judged 9 good.")
    assert _by_assessor(text) == {("force", "good", 18, 42), ("inspectorate", "good", 9, 42)}


def test_the_force_auditors_count_is_never_the_inspectorate():
    unread = []
    text = "Of 25 cases, the force's reviewers said 15 were good; HMICFRS agreed on only seven."
    assert _by_assessor(text, unread) == {("force", "good", 15, 25)}
    assert [u["reason"] for u in unread] == ["agreement without a grade"]
    assert all(u["quote"] in text for u in unread)


def test_self_assessment_and_internal_graders_are_the_force():
    text = ("In its self-assessment the force graded 11 of 24 cases good, while inspectors found "
            "4 of the 24 good.")
    assert _by_assessor(text) == {("force", "good", 11, 24), ("inspectorate", "good", 4, 24)}
    text = "Reviewing 16 cases internally, managers judged 10 to be good."
    assert {r["assessor"] for r in page_grades(text)} == {"force"}


def test_a_grader_named_after_its_figure_is_that_figure_grader():
    unread = []
    text = "Eight cases were good, the force's auditors said, but the inspectorate found three."
    assert {(r["assessor"], r["grade"], r["cases"]) for r in page_grades(text, unread=unread)} == {
        ("force", "good", 8)}
    assert [u["reason"] for u in unread] == ["count without a grade"]
    text = ("Of 30 cases, 18 were good according to the force's own review team, against 8 in "
            "the inspectors' view.")
    assert {(r["assessor"], r["cases"]) for r in page_grades(text)} == {
        ("force", 18), ("inspectorate", 8)}


def test_where_the_grader_cannot_be_told_there_is_no_figure():
    for text in ("The force's assessors and inspectors graded 30 cases; 12 were good.",
                 "Twenty of the 50 cases the force's auditors had examined were good, inspectors "
                 "found.",
                 "Inspectors re-graded the 30 cases the force's reviewers had audited, finding 12 "
                 "good."):
        unread = []
        assert not [r for r in page_grades(text, unread=unread) if r["cases"] in (12, 20)], text
        assert "assessor not clear" in {u["reason"] for u in unread}, text


def test_a_share_of_a_stated_total_never_makes_the_total_a_count():
    for text, grade, pc, total in (
            ("45 per cent of the 60 cases examined were judged good.", "good", 45.0, 60),
            ("30% of the 50 cases we looked at were inadequate.", "inadequate", 30.0, 50),
            ("Inspectors said 33 per cent of the 40 cases were good.", "good", 33.0, 40)):
        assert _read(text) == {("inspectorate", grade, None, pc, total, "stated")}, text


def test_a_total_stated_exactly_beside_an_approximate_share_is_read():
    unread = []
    text = ("Just over 80% of the 26 cases audited required improvement or were inadequate, and "
            "only 4 were good.")
    assert _read(text) == {("inspectorate", "good", 4, None, 26, "stated")}
    page_grades(text, unread=unread)
    assert [u["reason"] for u in unread] == ["approximation"]


def test_a_set_outside_the_known_subsets_is_not_merged_into_the_main_set():
    rows = page_grades("Inspectors examined 60 cases. Among 11 cases of neglect, three were good.")
    assert [(r["subset"], r["grade"], r["cases"], r["total"]) for r in rows] == [
        ("other", "good", 3, 11)]
    rows = page_grades("We audited 48 cases, 10 of them good. Of the 14 cases involving online "
                       "abuse, 6 were inadequate.")
    assert {(r["subset"], r["grade"], r["cases"], r["total"]) for r in rows} == {
        ("all", "good", 10, 48), ("other", "inadequate", 6, 14)}


def test_a_qualified_set_alone_is_the_main_set():
    rows = page_grades("Of 58 cases where officers had identified a risk, 14 were good.")
    assert [(r["subset"], r["total"]) for r in rows] == [("all", 58)]


def test_a_share_without_a_base_is_recorded_not_filed():
    unread = []
    assert page_grades("Nearly half (47%) were good.", unread=unread) == []
    assert [u["reason"] for u in unread] == ["percentage without a base"]
    assert _read("We examined 38 cases. Nearly half (47%) were good.") == {
        ("inspectorate", "good", None, 47.0, 38, "stated")}


def test_a_qualified_set_without_its_size_does_not_take_the_main_total():
    for text in ("We audited 48 cases. Of the cases involving online abuse, 6 were inadequate.",
                 "We audited 48 cases. In the 14 cases involving online abuse, 6 were inadequate."):
        rows = page_grades(text)
        assert [(r["subset"], r["cases"], r["total"]) for r in rows] == [("other", 6, None)], text
    rows = page_grades("We audited 48 cases. Of these cases, 6 were inadequate.")
    assert [(r["subset"], r["total"]) for r in rows] == [("all", 48)]


def test_a_share_of_people_has_no_case_base():
    rows = page_grades("Inspectors said 40 per cent of the 300 children were in cases judged good.")
    assert all(r["total"] is None and r["cases"] is None for r in rows)


def test_we_beside_the_inspectors_is_the_force_and_by_names_the_figure_before():
    text = "We had scored 21 of 50 cases good; inspectors judged 9 good."
    assert _by_assessor(text) == {("force", "good", 21, 50), ("inspectorate", "good", 9, 50)}
    text = "The force said its reviewers had graded 18 of 36 cases as good, against 7 by HMICFRS."
    assert {(r["assessor"], r["cases"]) for r in page_grades(text)} == {
        ("force", 18), ("inspectorate", 7)}
    text = "We examined 34 cases. Of these, we judged 11 good and 23 inadequate."
    assert {r["assessor"] for r in page_grades(text)} == {"inspectorate"}
