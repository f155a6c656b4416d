"""Press and commissioner figures against the report they refer to."""
from __future__ import annotations

import pandas as pd
from test_compare import facts_tables, typed

from reportkit.analysis import reconciliation

PRESS = "wy-press-2016-03-08"


def _claims(rows: list[tuple]) -> pd.DataFrame:
    return typed(pd.DataFrame([{"doc_id": d, "force": f, "measure": m, "value": v, "page": 1,
                                "quote": q, "unit": u} for d, f, m, v, q, u in rows]), "claims")


def test_seed_press_article_agrees_with_the_review():
    t = facts_tables()
    t["claims"] = _claims([
        (PRESS, "west-yorkshire", "cases_total", 34, "34 child protection cases", None),
        (PRESS, "west-yorkshire", "good", 11, "good in 11", None),
        (PRESS, "west-yorkshire", "requires_improvement", 20, "requiring improvement in 20", None),
        (PRESS, "west-yorkshire", "inadequate", 3, "inadequate in three", None),
        (PRESS, "west-yorkshire", "custody_total", 7, "five of the seven", None),
        (PRESS, "west-yorkshire", "custody_requires_improvement", 5, "five of the seven", None),
    ])
    out = reconciliation.check_claims(t, "west-yorkshire")
    assert list(out["status"]) == ["agrees"] * 6
    assert set(out["report_doc_id"]) == {"west-yorkshire-pir-2016-03-08"}
    assert out["report_value"].tolist() == [34, 11, 20, 3, 7, 5]


def test_disagreement_shows_both_values_and_missing_figures_are_not_found():
    t = facts_tables()
    t["documents"] = typed(pd.concat([t["documents"], pd.DataFrame([
        {"doc_id": "sy-press", "force": "south-yorkshire", "kind": "press",
         "published": pd.Timestamp("2015-07-22"), "published_precision": "day"}])]), "documents")
    t["claims"] = _claims([
        ("sy-press", "south-yorkshire", "cases_total", 27, "27 cases", None),
        ("sy-press", "south-yorkshire", "inadequate", 7, "seven inadequate", None),
        (PRESS, "west-yorkshire", "adequate", 4, "four adequate", None),
        (PRESS, "west-yorkshire", "missing_total", 9, "nine missing children", None),
    ])
    out = reconciliation.check_claims(t).set_index(["force", "measure"])
    sy = out.loc[("south-yorkshire", "cases_total")]
    assert sy["status"] == "differs" and sy["claimed"] == 27 and sy["report_value"] == 28
    assert "27" in sy["explanation"] and "28" in sy["explanation"]
    # No answers_doc_id: the nearest report before the article is the 2015 review.
    assert sy["report_doc_id"] == "south-yorkshire-pir-2015-07-21"
    assert out.loc[("south-yorkshire", "inadequate"), "status"] == "agrees"
    assert out.loc[("west-yorkshire", "adequate"), "status"] == "not_found"
    assert out.loc[("west-yorkshire", "missing_total"), "status"] == "not_found"


def test_percent_claims_compare_with_the_share():
    t = facts_tables()
    t["documents"] = typed(pd.concat([t["documents"], pd.DataFrame([
        {"doc_id": "met-press", "force": "metropolitan", "kind": "press",
         "published": pd.Timestamp("2017-11-27"), "published_precision": "day"}])]), "documents")
    t["claims"] = _claims([
        ("met-press", "metropolitan", "inadequate", 45, "45% inadequate", "percent"),
        ("met-press", "metropolitan", "good", 12, "12% good", "percent"),
    ])
    out = reconciliation.check_claims(t, "metropolitan").set_index("measure")
    assert out.loc["inadequate", "status"] == "agrees"
    assert out.loc["good", "status"] == "differs"
    assert abs(out.loc["good", "report_value"] - 100 * 10 / 135) < 1e-9


def test_parse_measure():
    insp = "inspectorate"
    assert reconciliation.parse_measure("cases_total") == ("all", None, insp)
    assert reconciliation.parse_measure("custody_requires_improvement") == (
        "custody", "requires_improvement", insp)
    assert reconciliation.parse_measure("inadequate") == ("all", "inadequate", insp)
    assert reconciliation.parse_measure("requires_improvement_or_inadequate") == (
        "all", "requires_improvement_or_inadequate", insp)
    assert reconciliation.readings("force_good") == [("force", "good", insp), (None, "good", "force")]


def test_force_audit_claims_check_against_the_force_grading():
    t = facts_tables()
    base = "west-yorkshire-ncpi-2015-01-13"
    t["claims"] = _claims([
        ("wy-press-2016-03-08", "west-yorkshire", "force_good", 17, "rated 17 good", None),
        ("wy-press-2016-03-08", "west-yorkshire", "force_audit_good", 9, "9 good", None),
        ("wy-press-2016-03-08", "west-yorkshire", "force_inadequate", 5, "five", None),
    ])
    docs = t["documents"].copy()
    docs.loc[docs["doc_id"] == "wy-press-2016-03-08", "answers_doc_id"] = base
    t["documents"] = docs
    out = reconciliation.check_claims(t, "west-yorkshire")
    # The force's own grading said 17 good; the inspectorate's grading of that audit said 9.
    assert out["status"].tolist() == ["agrees", "agrees", "differs"]
    assert out["report_value"].tolist() == [17, 9, 3]


def test_a_claim_about_the_earlier_inspection_is_checked_against_that_report():
    """Two case sets in one article: each figure is compared with the report it describes."""
    t = facts_tables()
    earlier = "west-yorkshire-ncpi-2015-01-13"
    assert earlier in set(t["documents"]["doc_id"])
    claims = _claims([
        (PRESS, "west-yorkshire", "good", 11, "In the latest review, 11 were good", None),
        (PRESS, "west-yorkshire", "baseline_cse_total", 15, "At the first inspection, 15", None),
        (PRESS, "west-yorkshire", "baseline_good", 5, "In 2012, five were good", None),
    ])
    claims["about_kind"] = pd.Series(["review", "inspection", "inspection"], dtype="string")
    claims["about_year"] = pd.Series([2015, 2014, 2012], dtype="Int64")
    claims["about_doc_id"] = pd.Series([pd.NA, earlier, pd.NA], dtype="string")
    t["claims"] = claims
    out = reconciliation.check_claims(t, "west-yorkshire").set_index("measure")
    assert out.loc["baseline_cse_total", "report_doc_id"] == earlier
    assert out.loc["baseline_cse_total", "status"] == "agrees"
    # a report the corpus does not hold is named, never swapped for another one
    assert out.loc["baseline_good", "status"] == "not_found"
    assert pd.isna(out.loc["baseline_good", "report_doc_id"])
    assert "inspection of 2012" in out.loc["baseline_good", "explanation"]


def test_the_press_check_leads_with_disagreements_and_keeps_unchecked_apart():
    from reportkit.report import briefing
    from reportkit.report.headline import headline_text, measure_words

    t = facts_tables()
    t["documents"] = typed(pd.concat([t["documents"], pd.DataFrame([
        {"doc_id": "sy-press", "force": "south-yorkshire", "kind": "press", "genre": "news",
         "title": "Still falling short", "published": pd.Timestamp("2015-07-22"),
         "published_precision": "day"}])]), "documents")
    t["claims"] = _claims([
        ("sy-press", "south-yorkshire", "inadequate", 7, "seven inadequate", None),
        ("sy-press", "south-yorkshire", "missing_total", 9, "nine missing children", None),
        ("sy-press", "south-yorkshire", "cases_total", 27, "27 cases", None),
    ])
    rows = briefing.claim_rows(t, "south-yorkshire")
    assert rows["status"].tolist() == ["differs", "agrees", "not_found"]
    assert rows["status_shown"].tolist() == ["differs from the report", "agrees",
                                             "not in the report"]
    assert rows["measure_shown"].iloc[0] == "cases examined"
    page = str(briefing.show_claims(t, "south-yorkshire").data)
    assert page.index("Figures that differ") < page.index("agree with") < page.index("cannot be")
    assert 'class="rk-differs"' in page
    text = headline_text(t, "south-yorkshire")
    assert "1 of 2 figures quoted by the press or the commissioner differs" in text
    assert "gave 27 (cases examined), the report gives 28" in text
    assert "(1 more could not be checked: not in the report)" in text
    assert measure_words("baseline_further_good") == (
        "the earlier inspection's further cases the inspectorate chose: good")
    assert measure_words("custody_requires_improvement") == (
        "children held in custody: requires improvement")
    assert measure_words("force_good") == "cases the force graded itself: good"


def test_figures_about_a_report_not_in_the_corpus_are_never_counted_as_agreeing():
    from reportkit.report.headline import headline_text

    t = facts_tables()
    t["claims"] = _claims([
        (PRESS, "west-yorkshire", "missing_total", 9, "nine missing children", None),
        (PRESS, "west-yorkshire", "missing_inadequate", 5, "five inadequate", None)])
    text = headline_text(t, "west-yorkshire")
    assert ("None of the 2 figures the press or the commissioner quoted can be checked" in text)
    assert "none differs" not in text and "0 differ" not in text
