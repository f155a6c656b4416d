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


# ---- the commissioner's formal response, statements, computed dates, conflicting dates ----------

def _with_statement(title: str = "Statement on the HMIC post-inspection review",
                    formal: bool = True) -> dict:
    """The 2016 review answered by a same-day statement (and, if ``formal``, the 15 April letter)."""
    t = facts_tables()
    docs = t["documents"]
    if not formal:
        docs = docs[docs["doc_id"] != "wy-pcc-2016-04-15"]
    extra = [{"doc_id": "wy-pcc-statement", "force": "west-yorkshire", "kind": "pcc_response",
              "title": title, "path": "west-yorkshire/2016-03-08-pcc-statement.pdf",
              "published": pd.Timestamp("2016-03-08"), "published_precision": "day",
              "answers_doc_id": REVIEW}]
    t["documents"] = typed(pd.concat([docs, pd.DataFrame(extra)], ignore_index=True), "documents")
    return t


def test_the_formal_response_counts_and_a_same_day_statement_is_shown_apart():
    r = _row(timeliness.lag_table(_with_statement(), "west-yorkshire"), REVIEW)
    assert r["response_doc_id"] == "wy-pcc-2016-04-15"  # not the statement of the same day
    assert r["publication_to_response_min"] == 38 and r["publication_to_response"] == "38 days"
    assert r["statement_doc_id"] == "wy-pcc-statement"
    assert r["statement_published"] == pd.Timestamp("2016-03-08")


def test_only_a_statement_is_said_and_never_counted_as_the_response():
    r = _row(timeliness.lag_table(_with_statement(formal=False), "west-yorkshire"), REVIEW)
    assert pd.isna(r["response_doc_id"]) and pd.isna(r["publication_to_response_min"])
    assert r["response_note"] == "only a public statement exists, no formal response"
    assert r["publication_to_response"] == r["response_note"]
    ev = timeliness.force_events(_with_statement(formal=False), "west-yorkshire")
    assert ev[ev["doc_id"] == "wy-pcc-statement"]["form"].tolist() == ["statement"]


@pytest.mark.parametrize("form", ["formal", "statement"])
def test_response_shapes_read_their_examples(form):
    shape, examples = timeliness.RESPONSE_SHAPES[form]
    for example in examples:
        assert timeliness.response_form(example) == form, example
    assert timeliness.response_form("Office of the Police and Crime Commissioner") == "unclear"


def test_a_date_computed_from_a_month_is_a_month_or_unknown_never_a_day():
    march = pd.Timestamp("2019-03-01")
    assert timeliness.days_after(pd.Timestamp("2016-03-08"), "day", 42) == (
        pd.Timestamp("2016-04-19"), "day")
    # six weeks after "March 2019" is some day from 12 April to 12 May: no one month
    assert pd.isna(timeliness.days_after(march, "month", 42)[0])
    assert timeliness.days_after(march, "month", 0) == (march, "month")
    r = _row(timeliness.lag_table(_with_2018_report(None, "month"), "west-yorkshire"), "wy-2018")
    assert pd.isna(r["action_plan_due"]) and pd.isna(r["action_plan_due_precision"])


def test_sources_that_disagree_on_fieldwork_are_both_kept():
    """Lancashire: the inspection says October 2017, the later review says May 2017."""
    from reportkit.analysis.conflicts import date_conflicts, date_statements

    t = facts_tables()
    insp = "lancashire-ncpi-2018-03-08"
    assert insp in set(t["documents"]["doc_id"]), "the facts hold Lancashire's 2018 inspection"
    review = {"doc_id": "lancs-review", "force": "lancashire", "kind": "review",
              "published": pd.Timestamp("2021-09-14"), "published_precision": "day"}
    t["documents"] = typed(pd.concat([t["documents"], pd.DataFrame([review])]), "documents")
    said = [{"force": "lancashire", "doc_id": "lancs-review", "event": "baseline_fieldwork",
             "date": pd.Timestamp(month), "precision": "month", "page": 1,
             "quote": f"The fieldwork for that inspection took place in {month}."}
            for month in ("May 2017",)]
    t["events"] = typed(pd.concat([t["events"], pd.DataFrame(said)]), "events")
    c = date_conflicts(t, "lancashire")
    assert len(c) == 1 and c.iloc[0]["report_doc_id"] == insp
    assert c.iloc[0]["b_date"] == pd.Timestamp("2017-05-01") and not c.iloc[0]["agrees"]
    assert c.iloc[0]["a_date"].month == 10  # the report's own October 2017 stays beside it
    # a review that agrees with the report is no conflict
    t["events"].loc[t["events"]["doc_id"] == "lancs-review", "date"] = pd.Timestamp("2017-10-01")
    assert date_conflicts(t, "lancashire").empty
    assert date_statements(t, "lancashire")["agrees"].all()
