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
