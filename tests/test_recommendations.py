"""Recommendations: number, text, time limit as written and in days; earlier ones kept apart."""
import pytest

from reportkit.extract.recommendations import (
    START_SHAPES,
    document_recommendations,
    page_recommendations,
    rows,
    timescale_days,
)
from reportkit.read.document import Document, Page


@pytest.mark.parametrize("phrase, days", [
    ("Immediately", 0), ("within six weeks", 42), ("Within three months", 91), ("within six months", 182),
    ("within twelve months", 365), ("within a year", 365), ("within 28 days", 28), ("soon", None),
    ("within ten working days", None), ("by 31 March 2016", None), ("within 3 months", 91),
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


# ---- real-world shapes: each test text is written for this file ----------------------------

def _doc(*pages: str) -> Document:
    return Document(path="x.txt", sha256="0", format="txt",
                    pages=[Page(i, t) for i, t in enumerate(pages, 1)])


def _got(*pages: str, kind: str = "inspection") -> list[tuple]:
    return [(r["number"], r["timescale_days"]) for r in rows(document_recommendations(_doc(*pages), kind))]


@pytest.mark.parametrize("shape", sorted(START_SHAPES))
def test_every_start_shape_reads_its_examples(shape):
    rx, examples = START_SHAPES[shape]
    assert examples and all(rx.match(e) for e in examples), shape


def test_paragraph_numbers_are_not_recommendation_numbers():
    text = ("6. We read 40 case files; most were handled well.\n\n"
            "7. Officers did not always speak to the child.\n\n"
            "3. Recommendations\n\n"
            "8. Immediately, the force should stop detaining children overnight without cause.\n\n"
            "9. Within three months, the force should audit how officers record the child's voice.\n")
    assert _got(text) == [(1, 0), (2, 91)]


def test_a_list_numbered_from_its_own_start_keeps_its_numbers():
    text = ("Recommendations\n1. Immediately, the force should review missing-child cases.\n"
            "2. Within six months, the force should retrain its call handlers.\n")
    assert _got(text) == [(1, 0), (2, 182)]


def test_a_numbered_section_head_is_not_the_first_recommendation():
    text = ("4. Recommendations\nImmediately, Someshire Police should check every overnight detention.\n"
            "Within three months, the force should review its referral forms.\n")
    assert _got(text) == [(1, 0), (2, 91)]


def test_a_section_recommendation_without_a_time_limit():
    text = ("Recommendations\nWithin six weeks, the constabulary should publish a plan.\n"
            "The constabulary should also agree with partners how strategy meetings are held.\n\n"
            "Annex A\nThe force should be proud of its call handlers.\n")
    assert _got(text) == [(1, 42), (2, None)]


def test_sentences_made_to_no_one_and_wrapped_heads_are_not_recommendations():
    text = ("6. Recommendations\nThis report's recommendations should help the force put children first.\n"
            "Recommendation 1\nWithin three months, the force should train its supervisors.\n")
    assert _got(text) == [(1, 91)]
    review = ("3. Progress against the 2015\nrecommendations\n\nOfficers should now feel confident.\n"
              "Within six months, the force should review its custody figures.\n")
    assert _got(review) == [(1, 182)]


def test_a_section_runs_on_to_the_next_page():
    assert _got("Recommendations\nWithin three months, the force should audit referrals.\n",
                "The force should also publish its audit.\n") == [(1, 91), (2, None)]


def test_a_time_limit_inside_a_clause_is_left_empty():
    text = ("Recommendations\nThe force should make sure that strategy discussions are held within 14 days.\n"
            "The force should, within 28 days, brief every supervisor.\n")
    assert _got(text) == [(1, None), (2, 28)]


def test_a_head_over_unnumbered_sentences_gives_their_time_limit():
    text = ("Within three months\nThe force should review its missing-child policy.\n"
            "The force should train call handlers.\n\nWithin six months\nThe force should audit custody.\n")
    assert _got(text) == [(1, 91), (2, 91), (3, 182)]


def test_we_recommend_that_with_its_time_limit():
    text = "Recommendations\nWe recommend that, within six months, the force should review its staffing.\n"
    assert _got(text) == [(1, 182)]


def test_decimal_paragraphs_and_bullets():
    assert _got("5.3 Within three months, the force should check referrals.\n"
                "5.4 Within six months, the force should audit custody.\n") == [(1, 91), (2, 182)]
    assert _got("\u2022 Immediately, the force should stop overnight detentions.\n"
                "\u2022 Within six weeks, the force should send a plan.\n") == [(1, 0), (2, 42)]


def test_tracker_pages():
    assert _got("Recommendation 4 of 7\n\nWithin six weeks, the force should send an action plan.\n\n"
                "Status: complete\n") == [(4, 42)]
    assert _got("Recommendation 5\n\nSomeshire \u2013 National child protection inspection\n\n"
                "Within three months, Someshire Police should review its referrals.\n\nStatus: on\n") == [(5, 91)]
    assert _got("Someshire - Child protection inspection\nRecommendation 3 | Page 1 of 1\n\n"
                "Within six months, the force should audit custody.\n") == [(3, 182)]


def test_a_letter_restating_the_list_in_the_present_tense():
    text = ("The report made four recommendations to the force. In brief, they were:\n\n"
            "1. Someshire Police reviews how its control room grades calls about children.\n"
            "2. Within three months Someshire Police acts so that officers record what children say.\n"
            "3. Someshire Police immediately reviews how it handles missing children.\n")
    assert _got(text) == [(1, None), (2, 91), (3, 0)]


def test_present_tense_without_a_lead_in_is_not_a_recommendation():
    text = ("2. Inspectors visited the control room.\n"
            "3. The force responds immediately to calls about missing children.\n")
    assert _got(text) == []


def test_a_label_in_a_sentence_gives_its_number_to_nothing_else():
    text = ("Recommendation 2 has been achieved.\n"
            "Within six months, the force should review its custody figures.\n")
    assert _got(text) == [(1, 182)]


def test_what_should_have_happened_in_a_case_is_not_a_recommendation():
    text = "Immediately, the officer should have called children's services, but did not.\n"
    assert _got(text) == []


def test_openings_without_a_comma_of_publication_and_deadline_dates():
    text = ("Recommendations\nWithin three months the force should publish its missing-child policy.\n"
            "Within six months of the publication of this report, the force should audit custody.\n"
            "By 31 March 2017, the force should train every supervisor.\n"
            "Immediately after the call, the officer should ring the duty social worker.\n")
    got = document_recommendations(_doc(text))
    assert [(r.number, r.timescale, r.timescale_days) for r in got] == [
        (1, "Within three months", 91), (2, "Within six months", 182), (3, "By 31 March 2017", None)]


def test_a_singular_head_over_a_review_s_new_recommendation():
    assert _got("Recommendation\nThe force should agree a joint plan with its partners.\n") == [(1, None)]


def test_a_recommendations_head_ends_the_earlier_report_s_context():
    text = ("12. In 2015 we recommended that the force should improve supervision.\n"
            "13. The force has made some progress.\n"
            "Recommendations\n"
            "14. Within six months, the force should review supervision again.\n")
    assert _got(text, kind="review") == [(1, 182)]


def test_a_reported_view_is_not_a_subject():
    text = ("Recommendations\nThe report says the force should do better.\n"
            "The force should publish its plan.\n")
    assert _got(text) == [(1, None)]


def test_a_time_limit_head_carries_over_the_page_but_not_past_another_head():
    assert _got("Recommendations\nWithin three months\n1. The force should audit referrals.\n",
                "2. The force should train supervisors.\n") == [(1, 91), (2, 91)]
    text = ("Within six months\n1. The force should review custody.\n\nAnnex A\n"
            "Recommendation 2\nThe force should publish its plan.\n")
    assert _got(text) == [(1, 182), (2, None)]


def test_a_list_told_in_the_summary_and_again_in_its_section_is_made_once():
    summary = ("Summary\nWe make two recommendations.\n"
               "Within three months, the force should audit referrals.\n"
               "Within six months, the force should review custody.\n")
    section = ("Recommendations\nRecommendation 1\nWithin three months, the force should audit referrals.\n"
               "Recommendation 2\nWithin six months, the force should review custody.\n")
    assert _got(summary, section) == [(1, 91), (2, 182)]


def test_a_forecast_without_a_comma_outside_the_section_is_not_a_recommendation():
    text = ("Findings\nWithin a year the force should see the benefit of its new teams.\n\n"
            "Recommendations\nWithin three months the force should audit referrals.\n")
    assert _got(text) == [(1, 91)]


def test_numbers_without_a_dot_inside_a_recommendations_section():
    text = ("Recommendations\n\n"
            "1 Within three months, the force should review how it grades calls about missing children.\n"
            "2 Within six months, Someshire Constabulary should train supervisors in risk assessment.\n"
            "3 The force should immediately stop holding children in custody overnight without cause.\n\n"
            "1 The definition is the one the force uses in its own policy.\n")
    got = document_recommendations(_doc(text))
    assert [(r.number, r.timescale, r.timescale_days) for r in got] == [
        (1, "Within three months", 91), (2, "Within six months", 182), (3, "immediately", 0)]
    assert got[0].text.startswith("Within three months")  # the number is not part of the text


def test_numbers_without_a_dot_wrapped_over_lines_end_at_the_next_number():
    text = ("Recommendations\n"
            "1 Within six weeks, the constabulary should send us a plan that sets out how\n"
            "it will act on this report\n"
            "2 Within three months, the constabulary should audit its referrals.\n")
    got = document_recommendations(_doc(text))
    assert [(r.number, r.timescale_days) for r in got] == [(1, 42), (2, 91)]
    assert "audit" not in got[0].text


@pytest.mark.parametrize("text", [
    # a footnote never opens with a time limit or "[force] should"
    "Recommendations\nThe force should publish its plan.\n\n3 See the force's policy of 2015.\n"
    "4 Working Together to Safeguard Children, 2018.\n",
    # outside a Recommendations section a bare number before "Within" is not read
    "Findings\n12 Within three months of our visit, the force had trained its staff.\n",
])
def test_bare_numbers_that_are_not_recommendations(text):
    assert [r.number for r in document_recommendations(_doc(text))] in ([1], [])
    assert all(r.numbered_by != "item" for r in document_recommendations(_doc(text)))
