"""Recommendation progress: due dates, the follow-up's rating, and what stands out."""
from __future__ import annotations

import pandas as pd
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
    assert recs.at[2, "due"] == pd.Timestamp("2015-01-13") + pd.Timedelta(days=91)
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
