"""Progress ratings against the earlier report's recommendations."""
import pytest

from reportkit.extract.ratings import RATING_SHAPES, document_progress, rating_of
from reportkit.extract.recommendations import document_recommendations
from reportkit.read.document import Document, Page
from reportkit.tables.schema import RATINGS


@pytest.mark.parametrize("sentence, rating", [
    ("HMIC found that the force had made no progress against this recommendation.", "no_progress"),
    ("The force has made good progress in implementing this recommendation.", "good_progress"),
    ("Some progress has been made against the recommendation.", "some_progress"),
    ("The force had made limited progress.", "limited_progress"),
    ("This recommendation has been achieved.", "achieved"),
    ("The recommendation has been fully implemented.", "achieved"),
    ("This recommendation had not been achieved.", None),
    ("The weather was good.", None),
])
def test_rating_of(sentence, rating):
    assert rating_of(sentence) == rating
    assert rating is None or rating in RATINGS


def test_ratings_tie_to_the_reviewed_recommendation_before_them():
    text = ("Recommendation 1\nImmediately, the force should record the child's views.\n\n"
            "HMIC found that the force had made no progress against this recommendation.\n\n"
            "Recommendation 2\nWithin three months, the force should review custody data.\n\n"
            "The force has made good progress in implementing this recommendation.")
    doc = Document(path="r.pdf", sha256="0", format="pdf", pages=[Page(1, text)])
    recs = document_recommendations(doc, "review")
    got = document_progress(doc, recs)
    assert [(r["recommendation"], r["rating"]) for r in got] == [("1", "no_progress"), ("2", "good_progress")]
    assert all(r["quote"] in text for r in got)


@pytest.mark.parametrize("slug", sorted(RATING_SHAPES))
def test_every_rating_shape_reads_its_examples(slug):
    assert all(rating_of(e) == slug for e in RATING_SHAPES[slug][1]), slug


@pytest.mark.parametrize("sentence, rating", [
    ("Inspectors found that the constabulary had met this recommendation.", "achieved"),
    ("We judge this recommendation to be discharged.", "achieved"),
    ("Progress on the recommendation about missing children was slow.", "limited_progress"),
    ("The force had not yet made sufficient progress against this recommendation.", "limited_progress"),
    ("The force had made no significant progress against this recommendation.", "no_progress"),
    # two degrees in one sentence, or progress without a degree: no rating rather than a guess
    ("The force has made good progress on referrals but limited progress on custody.", None),
    ("The force has made progress against this recommendation.", None),
    ("The constabulary has not met this recommendation.", None),
    ("The force has not yet fully implemented this recommendation.", None),
])
def test_rating_shapes_seen_in_reviews(sentence, rating):
    assert rating_of(sentence) == rating


def test_a_tracker_page_of_a_review_states_its_own_status_not_progress():
    text = ("Someshire - National child protection inspection: post-inspection review | HMICFRS\n\n"
            "Recommendation 3 of 5\n\nWithin six months, the force should audit custody records.\n\n"
            "Status | Complete\n\nForce update: This recommendation has been achieved.")
    doc = Document(path="t.txt", sha256="0", format="txt", pages=[Page(1, text)])
    recs = document_recommendations(doc, "review")
    assert [(r.number, r.earlier) for r in recs] == [(3, False)]  # the tracker's own, not an earlier one
    assert document_progress(doc, recs) == []


def test_a_review_page_with_two_recommendations_is_still_rated():
    # a review's page that opens with a label is not a tracker: its ratings stand
    text = ("Recommendation 1\nImmediately, the force should record the child's views.\n\n"
            "This recommendation has been achieved.\n\n"
            "Recommendation 2\nWithin three months, the force should review custody data.\n\n"
            "Status: the force has made limited progress against this recommendation.")
    doc = Document(path="r.pdf", sha256="0", format="pdf", pages=[Page(1, text)])
    recs = document_recommendations(doc, "review")
    assert [r.earlier for r in recs] == [True, True]
    assert [g["rating"] for g in document_progress(doc, recs)] == ["achieved", "limited_progress"]
