"""Figures quoted by press pages and letters, named as measures."""
from reportkit.extract.claims import page_claims


def test_measures_for_subsets_and_the_force_own_grading():
    text = ("The force's own assessors graded 17 of the 33 audited cases as good. "
            "Inspectors found that 20 of the 33 cases required improvement or were inadequate. "
            "In 42 per cent of cases practice was good, while 30 per cent required improvement.")
    got = {(c["measure"], c["value"], c["unit"]) for c in page_claims(text)}
    assert ("force_good", 17.0, "cases") in got
    assert ("audit_total", 33.0, "cases") in got
    assert ("audit_requires_improvement_or_inadequate", 20.0, "cases") in got
    assert ("good", 42.0, "percent") in got and ("requires_improvement", 30.0, "percent") in got
    assert all(c["quote"] in text for c in page_claims(text))


def _claims(text):
    return {(c["measure"], c["value"], c["unit"]) for c in page_claims(text)}


def test_two_case_sets_each_tied_to_its_report():
    text = ("At the first inspection, of 70 cases examined, 20 were good, 30 required improvement "
            "and 20 were inadequate. In the latest review, of the 32 cases audited, 14 were good, "
            "12 required improvement and six were inadequate.")
    rows = page_claims(text)
    got = {(c["measure"], c["value"]) for c in rows}
    assert got == {("baseline_cases_total", 70), ("baseline_good", 20),
                   ("baseline_requires_improvement", 30), ("baseline_inadequate", 20),
                   ("cases_total", 32), ("good", 14), ("requires_improvement", 12),
                   ("inadequate", 6)}
    kinds = {c["measure"]: c["about_kind"] for c in rows}
    assert kinds["baseline_good"] == "inspection" and kinds["good"] == "review"
    assert {c["basis"] for c in rows} == {"stated"}


def test_a_comparison_with_the_earlier_inspection():
    got = _claims("Seven cases out of 30 were inadequate, compared with 25 out of 62 at the original inspection.")
    assert got == {("inadequate", 7, "cases"), ("cases_total", 30, "cases"),
                   ("baseline_inadequate", 25, "cases"), ("baseline_cases_total", 62, "cases")}


def test_fallen_from_n_to_m():
    got = _claims("The number of inadequate cases has fallen from 28 at the first inspection to five.")
    assert got == {("baseline_inadequate", 28, "cases"), ("inadequate", 5, "cases")}


def test_a_bare_year_names_the_earlier_set_only_beside_another_year():
    text = ("In 2016, 18 of 58 cases were inadequate. In 2018, four of 31 cases were inadequate.")
    rows = page_claims(text, years={2016, 2018})
    got = {(c["measure"], c["value"], c["about_year"]) for c in rows}
    assert ("baseline_inadequate", 18, 2016) in got and ("inadequate", 4, 2018) in got


def test_the_force_own_grading_is_kept_apart():
    got = _claims("Our own reviewers had graded 16 of 28 cases good, but inspectors found 7 of the 28 good.")
    assert ("force_good", 16, "cases") in got and ("good", 7, "cases") in got


def test_count_and_percent_together_give_both_claims():
    got = _claims("Of the 50 cases, 35 \u2013 or 70 per cent \u2013 were rated inadequate or requires improvement.")
    assert got == {("requires_improvement_or_inadequate", 35, "cases"),
                   ("requires_improvement_or_inadequate", 70, "percent"), ("cases_total", 50, "cases")}


def test_statements_that_are_not_case_figures_give_no_claim():
    for text in ("The commissioner will follow up the one outstanding recommendation.",
                 "Inspectors rated 20 forces as requiring improvement and four as inadequate.",
                 "Just one in five cases was good.", "Nearly 500 cases were looked at.",
                 "A member said that roughly 20 cases had been found inadequate."):
        assert page_claims(text) == [], text


def test_unread_statements_are_recorded_with_their_quote():
    unread = []
    text = "Almost half of the cases were inadequate."
    assert page_claims(text, 3, unread=unread) == []
    assert unread == [{"page": 3, "quote": text, "reason": "approximation"}]


def test_beside_the_latest_review_a_dated_set_is_the_earlier_one():
    from reportkit.extract.claims import document_claims
    from reportkit.read.document import Document, Page

    text = ("In 2014 inspectors found that 30 of 60 cases were inadequate. This time, 10 of the 30 "
            "cases examined were inadequate.")
    doc = Document(path="x.txt", sha256="0", format="txt", pages=[Page(1, text)])
    got = {(c["measure"], c["value"]) for c in document_claims(doc)}
    assert got == {("baseline_inadequate", 30), ("baseline_cases_total", 60),
                   ("inadequate", 10), ("cases_total", 30)}


def test_the_same_grade_understood_for_a_second_dated_set():
    text = "In the 2015 inspection, 20 of 60 cases were inadequate; in the 2017 review, 5 of 30 were."
    got = {(c["measure"], c["value"], c["about_year"]) for c in page_claims(text)}
    assert ("baseline_inadequate", 20, 2015) in got and ("inadequate", 5, 2017) in got
    assert ("cases_total", 30, 2017) in got and ("baseline_cases_total", 60, 2015) in got


def test_the_force_own_reviewers_against_the_inspectors_on_the_same_cases():
    got = _claims("Before the visit the force's own reviewers had graded 19 of the same 44 cases "
                  "as good; inspectors judged 8 good.")
    assert ("force_good", 19, "cases") in got and ("audit_good", 8, "cases") in got
    assert ("audit_good", 19, "cases") not in got and ("good", 19, "cases") not in got


def test_an_agreement_without_a_grade_is_unread_and_the_force_count_stays_the_force():
    unread = []
    text = "Of 22 cases, the force's auditors said 13 were good; the inspectorate agreed in only four."
    got = {(c["measure"], c["value"]) for c in page_claims(text, unread=unread)}
    assert ("force_good", 13) in got
    assert not any(m in ("good", "audit_good") for m, _v in got)
    assert not any(v == 4 for _m, v in got)
    assert [u["reason"] for u in unread] == ["agreement without a grade"]


def test_a_share_with_its_base_gives_the_share_and_the_total_never_a_count():
    got = _claims("Only 35 per cent of the 60 cases reviewed were judged good.")
    assert got == {("good", 35, "percent"), ("cases_total", 60, "cases")}


def test_an_exact_total_and_count_beside_an_approximation():
    unread = []
    text = ("Just under 90% of the 29 cases reviewed had required improvement or been inadequate, "
            "and only 3 were good.")
    got = {(c["measure"], c["value"], c["unit"]) for c in page_claims(text, unread=unread)}
    assert got == {("cases_total", 29, "cases"), ("good", 3, "cases")}
    assert [u["reason"] for u in unread] == ["approximation"]


def test_a_set_of_its_own_is_not_the_main_total():
    got = _claims("Inspectors examined 70 cases. Among 9 cases of online abuse, 4 were good.")
    assert ("cases_total", 70, "cases") in got
    assert ("other_total", 9, "cases") in got and ("other_good", 4, "cases") in got
    assert ("cases_total", 9, "cases") not in got and ("good", 4, "cases") not in got
