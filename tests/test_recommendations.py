"""Recommendations: number, text, time limit as written and in days; earlier ones kept apart."""
import pytest

from reportkit.extract.recommendations import (
    document_recommendations,
    page_recommendations,
    rows,
    timescale_days,
)
from reportkit.read.document import Document, Page


@pytest.mark.parametrize("phrase, days", [
    ("Immediately", 0), ("within six weeks", 42), ("Within three months", 91), ("within six months", 182),
    ("within twelve months", 365), ("within a year", 365), ("within 28 days", 28), ("soon", None),
])
def test_timescale_days(phrase, days):
    assert timescale_days(phrase) == days


def test_time_limit_first_with_bullets():
    text = ("Recommendations\n\nWithin three months, West Yorkshire Police should review its guidance so that:\n\n"
            "- officers record the child's demeanour; and\n- referrals are made within 24 hours.\n\n"
            "Immediately, the force should stop holding children overnight without cause.\n\nOther text.")
    got = rows(page_recommendations(text, page=3))
    assert [(r["timescale"], r["timescale_days"]) for r in got] == [("Within three months", 91), ("Immediately", 0)]
    assert "referrals are made within 24 hours" in got[0]["text"]
    assert all(r["quote"] in text and r["page"] == 3 for r in got)


def test_labels_and_list_numbering_under_time_heads():
    text = ("Immediately\n1. The force should take steps to ensure children are not detained.\n"
            "2. The force should improve recording.\nWithin six months\n3. The force should train staff in CSE.")
    got = [(r.number, r.timescale_days) for r in page_recommendations(text)]
    assert got == [(1, 0), (2, 0), (3, 182)]


def test_recommendation_labels_and_timescale_inside_the_sentence():
    text = ("Recommendation 1\nWithin six weeks, the force should produce an action plan.\n"
            "Recommendation 2\nThe force should, within 28 days, brief all staff.\n")
    got = [(r.number, r.timescale, r.timescale_days) for r in page_recommendations(text)]
    assert got == [(1, "Within six weeks", 42), (2, "within 28 days", 28)]


def test_review_separates_earlier_recommendations_from_its_own():
    p1 = ("In the 2015 report, HMIC recommended:\n\nImmediately, the force should improve how officers record the "
          "child's views.\n\nHMIC found that the force had made no progress against this recommendation.")
    p2 = ("Within three months, the force should audit the recording of children's views.\n\n"
          "Within six months, West Yorkshire Police should review its custody data.")
    doc = Document(path="r.pdf", sha256="0", format="pdf", pages=[Page(1, p1), Page(2, p2)])
    recs = document_recommendations(doc, "review")
    assert [r.earlier for r in recs] == [True, False, False]
    assert [(r["number"], r["timescale_days"]) for r in rows(recs)] == [(1, 91), (2, 182)]


def test_a_should_sentence_without_a_time_limit_is_not_a_recommendation():
    assert page_recommendations("The force should be proud of its staff. Officers should know this.") == []
