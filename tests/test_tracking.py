"""Recommendation progress: due dates, the follow-up's rating, and what stands out."""
from __future__ import annotations

import pandas as pd
import pytest
from test_compare import facts_tables, typed

from reportkit.analysis import progress

BASE = "west-yorkshire-ncpi-2015-01-13"
REVIEW = "west-yorkshire-pir-2016-03-08"


def _tables() -> dict:
    t = facts_tables()
    t["recommendations"] = typed(pd.DataFrame([
        {"doc_id": BASE, "force": "west-yorkshire", "number": n, "text": f"Recommendation {n}",
         "timescale": ts, "timescale_days": d, "due": pd.NaT, "page": 30, "quote": "q"}
        for n, ts, d in [(1, "immediately", 0), (2, "within three months", 91),
                         (3, "within six months", 182)]]), "recommendations")
    t["progress"] = typed(pd.DataFrame([
        {"doc_id": REVIEW, "force": "west-yorkshire", "recommendation": "1",
         "rating": "no_progress", "page": 5, "quote": "no progress against this"},
        {"doc_id": REVIEW, "force": "west-yorkshire", "recommendation": "Recommendation 2",
         "rating": "good_progress", "page": 9, "quote": "good progress"},
        {"doc_id": REVIEW, "force": "west-yorkshire", "recommendation": "Custody",
         "rating": "some_progress", "page": 12, "quote": "some progress"},
    ]), "progress")
    return t


def test_progress_joins_ratings_and_computes_due_dates():
    out = progress.progress_table(_tables(), "west-yorkshire")
    recs = out[out["doc_id"] == BASE].set_index("number")
    assert recs.at[1, "rating"] == "no_progress" and recs.at[1, "stands_out"]
    assert recs.at[2, "rating"] == "good_progress" and not recs.at[2, "stands_out"]
    assert recs.at[3, "rating"] == "not_followed_up"
    # "within three months" of 13 January is 13 April (calendar months), not 91 days later
    assert recs.at[2, "due"] == pd.Timestamp("2015-04-13") and recs.at[2, "due_precision"] == "day"
    assert recs.at[3, "due"] == pd.Timestamp("2015-07-13")
    assert recs.at[1, "due"] == pd.Timestamp("2015-01-13")
    assert recs.at[2, "due_source"] == "publication + time limit"
    assert recs.at[1, "progress_quote"] == "no progress against this"


def test_progress_notes_without_a_recommendation_are_kept():
    out = progress.progress_table(_tables(), "west-yorkshire")
    orphan = out[out["doc_id"].isna()]
    assert len(orphan) == 1 and orphan["rating"].iloc[0] == "some_progress"
    assert "Custody" in orphan["text"].iloc[0]


def test_summary_counts_each_rating():
    summary = progress.progress_summary(progress.progress_table(_tables(), "west-yorkshire"))
    counts = summary.set_index("rating")["recommendations"]
    assert counts["no_progress"] == 1 and counts["not_followed_up"] == 1
    assert counts.sum() == 4 and abs(summary["share"].sum() - 1) < 1e-9


def test_a_second_follow_up_gives_the_latest_rating_and_no_orphans():
    """The Metropolitan pattern: an update and a later review both rate the same recommendation."""
    t = _tables()
    docs = t["documents"]
    later = docs[docs["doc_id"] == REVIEW].assign(doc_id="west-yorkshire-update-2017",
                                                  published=pd.Timestamp("2017-06-01"))
    t["documents"] = pd.concat([docs, later], ignore_index=True)
    t["progress"] = typed(pd.concat([t["progress"], pd.DataFrame([
        {"doc_id": "west-yorkshire-update-2017", "force": "west-yorkshire", "recommendation": "1",
         "rating": "achieved", "page": 2, "quote": "now achieved"}])], ignore_index=True), "progress")
    out = progress.progress_table(t, "west-yorkshire")
    rec1 = out[(out["doc_id"] == BASE) & (out["number"] == 1)]
    assert len(rec1) == 1 and rec1.iloc[0]["rating"] == "achieved"
    assert not out["text"].astype(str).str.contains("not in the corpus) 1", regex=False).any()


# ---- due dates: calendar months, and no day a document never gave --------------------------------

@pytest.mark.parametrize(("published", "precision", "limit", "due", "due_precision"), [
    ("2015-01-13", "day", "Within three months", "2015-04-13", "day"),  # not 91 days: 14 April
    ("2015-01-13", "day", "Within six months", "2015-07-13", "day"),
    ("2014-08-31", "day", "Within six months", "2015-02-28", "day"),  # no 31 February
    ("2015-01-13", "day", "Within six weeks", "2015-02-24", "day"),
    ("2015-01-13", "day", "Immediately", "2015-01-13", "day"),
    ("2015-01-13", "day", "By the end of March 2016", "2016-03-31", "day"),
    ("2015-01-01", "month", "Within three months", "2015-04-01", "month"),  # January -> April
    ("2015-01-01", "month", "Immediately", "2015-01-01", "month"),
])
def test_due_dates_count_calendar_months_at_the_publication_date_precision(
        published, precision, limit, due, due_precision):
    got = progress.due_date(pd.Timestamp(published), precision, limit)
    assert got == (pd.Timestamp(due), due_precision)


def test_a_due_date_the_documents_do_not_fix_is_unknown():
    # six weeks from some day in January 2015 is some day from 12 February to 14 March
    assert pd.isna(progress.due_date(pd.Timestamp("2015-01-01"), "month", "Within six weeks")[0])
    assert pd.isna(progress.due_date(pd.Timestamp("2015-01-13"), "day",
                                     "within 20 working days")[0])
    assert pd.isna(progress.due_date(pd.NaT, "day", "Within three months")[0])


def test_limit_shapes_read_their_examples():
    for name, (shape, examples) in progress.LIMIT_SHAPES.items():
        for example in examples:
            assert shape.search(example), (name, example)


def test_extraction_files_due_dates_in_calendar_months_only_from_a_known_day():
    from reportkit.pipeline import _due_dates

    recs = [{"doc_id": "a", "timescale": "Within three months", "timescale_days": 91},
            {"doc_id": "b", "timescale": "Within three months", "timescale_days": 91}]
    docs = [{"doc_id": "a", "published": "2015-01-13", "published_precision": "day"},
            {"doc_id": "b", "published": "2015-01-01", "published_precision": "month"}]
    _due_dates(recs, docs)
    assert str(recs[0]["due"]) == "2015-04-13" and recs[1]["due"] is None


def test_a_month_publication_gives_a_due_month_in_the_progress_table():
    t = _tables()
    docs = t["documents"]
    docs.loc[docs["doc_id"] == BASE, "published_precision"] = "month"
    out = progress.progress_table(t, "west-yorkshire")
    rec2 = out[(out["doc_id"] == BASE) & (out["number"] == 2)].iloc[0]
    assert rec2["due"] == pd.Timestamp("2015-04-01") and rec2["due_precision"] == "month"
