"""Progress ratings against the earlier report's recommendations."""
import pytest

from reportkit.extract.ratings import document_progress, rating_of
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
