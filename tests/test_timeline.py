"""Timeliness: lags with their precision, and the 56-day rule only where the law applies."""
from __future__ import annotations

import pandas as pd
import pytest
from test_compare import facts_tables, typed

from reportkit.analysis import timeliness

REVIEW = "west-yorkshire-pir-2016-03-08"


def _with_2018_report(response_days: int | None, prec: str = "day") -> dict:
    t = facts_tables()
    docs = t["documents"]
    pub = pd.Timestamp("2018-06-12")
    extra = [{"doc_id": "wy-2018", "force": "west-yorkshire", "kind": "review",
              "published": pub, "published_precision": prec,
              "fieldwork_end": pd.Timestamp("2018-01-19")}]
    if response_days is not None:
        extra.append({"doc_id": "wy-pcc-2018", "force": "west-yorkshire", "kind": "pcc_response",
                      "published": pub + pd.Timedelta(days=response_days),
                      "published_precision": "day", "answers_doc_id": "wy-2018"})
    t["documents"] = typed(pd.concat([docs, pd.DataFrame(extra)], ignore_index=True), "documents")
    return t


def _row(t: pd.DataFrame, doc_id: str) -> pd.Series:
    return t.set_index("doc_id").loc[doc_id]


def test_west_yorkshire_review_lags_and_rule_not_applicable():
    r = _row(timeliness.lag_table(facts_tables(), "west-yorkshire"), REVIEW)
    expected = (pd.Timestamp("2016-03-08") - pd.Timestamp("2015-08-28")).days
    assert r["fieldwork_to_publication_min"] == r["fieldwork_to_publication_max"] == expected
    assert r["publication_to_response_min"] == 38 and r["response_doc_id"] == "wy-pcc-2016-04-15"
    assert r["action_plan_due"] == pd.Timestamp("2016-03-08") + pd.Timedelta(days=42)
    assert r["rule_56_days"] == "not_applicable"
    assert "31 January 2017" in r["rule_reason"]


@pytest.mark.parametrize(("days", "status"), [(60, "missed"), (56, "met"), (20, "met")])
def test_56_day_rule_for_reports_after_commencement(days, status):
    r = _row(timeliness.lag_table(_with_2018_report(days), "west-yorkshire"), "wy-2018")
    assert r["publication_to_response_min"] == days
    assert r["rule_56_days"] == status
    assert str(days) in r["rule_reason"]


def test_no_response_is_unknown_and_month_precision_is_uncertain():
    r = _row(timeliness.lag_table(_with_2018_report(None), "west-yorkshire"), "wy-2018")
    assert r["rule_56_days"] == "unknown" and "no commissioner response" in r["rule_reason"]
    # Published "June 2018" and answered 2018-08-07: 38 to 67 days, cannot say met or missed.
    r = _row(timeliness.lag_table(_with_2018_report(56, "month"), "west-yorkshire"), "wy-2018")
    answered = pd.Timestamp("2018-08-07")
    expected = ((answered - pd.Timestamp("2018-06-30")).days,
                (answered - pd.Timestamp("2018-06-01")).days)
    assert (r["publication_to_response_min"], r["publication_to_response_max"]) == expected
    assert r["rule_56_days"] == "uncertain" and "only to the month" in r["rule_reason"]


def test_month_precision_gives_a_lag_range():
    r = _row(timeliness.lag_table(facts_tables(), "south-yorkshire"),
             "south-yorkshire-ncpi-2014-09")
    lo = (pd.Timestamp("2014-09-01") - pd.Timestamp("2014-05-31")).days
    hi = (pd.Timestamp("2014-09-30") - pd.Timestamp("2014-05-01")).days
    assert (r["fieldwork_to_publication_min"], r["fieldwork_to_publication_max"]) == (lo, hi)
    assert "only to the month" in r["fieldwork_to_publication"]


def test_bounds_and_lag_never_negative():
    assert timeliness.bounds(pd.Timestamp("2016-02-10"), "month") == (
        pd.Timestamp("2016-02-01"), pd.Timestamp("2016-02-29"))
    assert timeliness.bounds(pd.Timestamp("2016-06-01"), "year")[1] == pd.Timestamp("2016-12-31")
    lo, hi = timeliness.lag(pd.Timestamp("2016-01-01"), "year", pd.Timestamp("2016-11-25"), "day")
    assert lo == 0 and hi == 329


def test_lag_spread_and_force_events():
    spread = timeliness.lag_spread(facts_tables())
    assert {"west-yorkshire", "south-yorkshire", "metropolitan"} <= set(spread["force"])
    assert (spread["fieldwork_to_publication_min"] <= spread["fieldwork_to_publication_max"]).all()
    ev = timeliness.force_events(_with_2018_report(60), "west-yorkshire")
    names = set(ev["event"])
    assert {"fieldwork_end", "published", "action_plan_due", "press_published",
            "response_published", "response_due"} <= names
    due = ev[ev["event"] == "response_due"]
    assert list(due["doc_id"]) == ["wy-2018"]  # the 56-day window only where the rule applies


def _with_pages(report_published: bool = True) -> dict:
    """A 2018 review, its publication page and one of its tracker pages."""
    t = facts_tables()
    pub = pd.Timestamp("2018-06-12")
    extra = [
        {"doc_id": "wy-2018", "force": "west-yorkshire", "kind": "review", "genre": "report",
         "published": pub if report_published else pd.NaT, "published_precision": "day",
         "fieldwork_end": pd.Timestamp("2018-01-19")},
        {"doc_id": "wy-2018-page", "force": "west-yorkshire", "kind": "review",
         "genre": "publication_page", "published": pub, "published_precision": "day",
         "fieldwork_end": pd.Timestamp("2018-01-01")},
        {"doc_id": "wy-2018-tracker", "force": "west-yorkshire", "kind": "inspection",
         "genre": "recommendation_tracker", "published": pd.Timestamp("2019-02-01"),
         "published_precision": "day"},
    ]
    t["documents"] = typed(pd.concat([t["documents"], pd.DataFrame(extra)], ignore_index=True),
                           "documents")
    return t


def test_publication_and_tracker_pages_make_no_report_of_their_own():
    t = _with_pages()
    lags = timeliness.lag_table(t, "west-yorkshire")
    assert "wy-2018" in set(lags["doc_id"])
    assert not {"wy-2018-page", "wy-2018-tracker"} & set(lags["doc_id"])
    ev = timeliness.force_events(t, "west-yorkshire")
    assert not {"wy-2018-page", "wy-2018-tracker"} & set(ev["doc_id"])
    assert not {"wy-2018-page", "wy-2018-tracker"} & set(timeliness.lag_spread(t)["doc_id"])


def test_a_publication_page_lends_its_date_to_the_report_it_announces():
    r = _row(timeliness.lag_table(_with_pages(report_published=False), "west-yorkshire"), "wy-2018")
    assert r["published"] == pd.Timestamp("2018-06-12")
    assert r["fieldwork_to_publication_min"] == (pd.Timestamp("2018-06-12") - pd.Timestamp("2018-01-19")).days
