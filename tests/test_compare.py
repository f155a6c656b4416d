"""Baseline against follow-up on tables built from the public facts (ncpi-publications.csv)."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from reportkit.analysis import comparison
from reportkit.config import PACKAGE_DATA
from reportkit.tables.store import coerce

KINDS = {"ncpi": "inspection", "pir": "review", "quarterly update": "update",
         "thematic": "thematic"}
GRADE_COLS = ("good", "adequate", "requires_improvement", "inadequate")


def _date(text: str):
    """'2014-08' -> (2014-08-01, 'month'); '2016' -> year; '2016-03-08' -> day."""
    if not isinstance(text, str) or not text:
        return pd.NaT, None
    parts = text.count("-")
    prec = {0: "year", 1: "month", 2: "day"}[parts]
    full = text + {"year": "-01-01", "month": "-01", "day": ""}[prec]
    return pd.Timestamp(full), prec


def _doc_id(row) -> str:
    return f"{row['force']}-{row['report'].replace(' ', '-')}-{row['published']}"


def facts_tables() -> dict[str, pd.DataFrame]:
    """documents, case_grades and events from the public facts, plus the two seed documents."""
    facts = pd.read_csv(PACKAGE_DATA / "ncpi-publications.csv", dtype=str)
    docs, grades, events = {}, [], []
    for _, r in facts.iterrows():
        doc_id = _doc_id(r)
        pub, pub_prec = _date(r["published"])
        fw_end, fw_prec = _date(r["fieldwork_end"])
        fw_start, _ = _date(r["fieldwork_start"])
        docs[doc_id] = {"doc_id": doc_id, "force": r["force"], "kind": KINDS[r["report"]],
                        "title": f"{r['force']} {r['report']}", "published": pub,
                        "published_precision": pub_prec, "fieldwork_start": fw_start,
                        "fieldwork_end": fw_end, "answers_doc_id": pd.NA}
        if fw_prec:
            events.append({"force": r["force"], "doc_id": doc_id, "event": "fieldwork_end",
                           "date": fw_end, "precision": fw_prec})
        total = int(r["total"]) if isinstance(r["total"], str) else pd.NA
        subset = (r["subset"] if isinstance(r["subset"], str) else "all").replace(" ", "_")
        for g in GRADE_COLS:
            if isinstance(r[g], str):
                grades.append({"doc_id": doc_id, "force": r["force"], "assessor": r["assessor"],
                               "subset": subset, "grade": g, "cases": int(r[g]), "total": total,
                               "page": 1, "quote": f"{r[g]} {g}", "percent": pd.NA,
                               "scale": r["scale"]})
    review = "west-yorkshire-pir-2016-03-08"
    docs["wy-press-2016-03-08"] = {
        "doc_id": "wy-press-2016-03-08", "force": "west-yorkshire", "kind": "press",
        "title": "Children still being left at risk", "published": pd.Timestamp("2016-03-08"),
        "published_precision": "day", "answers_doc_id": review}
    docs["wy-pcc-2016-04-15"] = {
        "doc_id": "wy-pcc-2016-04-15", "force": "west-yorkshire", "kind": "pcc_response",
        "title": "HMIC Response", "published": pd.Timestamp("2016-04-15"),
        "published_precision": "day", "answers_doc_id": review}
    built = {"documents": pd.DataFrame(list(docs.values())),
             "case_grades": pd.DataFrame(grades), "events": pd.DataFrame(events)}
    return {name: typed(df, name) for name, df in built.items()}


def typed(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """The dtypes load_tables gives (string columns with pd.NA, datetime64[s]), as in real use."""
    return coerce(df, table)


def wilson_by_formula(k: int, n: int) -> tuple[float, float]:
    z = 1.959963984540054
    p = k / n
    centre = p + z**2 / (2 * n)
    half = z * math.sqrt(p * (1 - p) / n + z**2 / (4 * n**2))
    return (centre - half) / (1 + z**2 / n), (centre + half) / (1 + z**2 / n)


@pytest.fixture(scope="module")
def wy():
    return comparison.compare(facts_tables(), "West Yorkshire Police")


def test_wilson_matches_scipy_and_formula():
    from scipy.stats import binomtest

    for k, n in [(11, 34), (0, 28), (28, 28), (61, 135)]:
        ci = binomtest(k, n).proportion_ci(method="wilson")
        assert comparison.wilson(k, n) == pytest.approx((ci.low, ci.high), abs=1e-9)
    assert all(math.isnan(x) for x in comparison.wilson(0, 0))


def test_west_yorkshire_review_counts_shares_and_intervals(wy):
    g = wy.grades
    review = g[(g["doc_id"] == "west-yorkshire-pir-2016-03-08") & (g["subset"] == "all")
               & (g["view"] == "main")].set_index("grade")
    assert list(review.index) == ["good", "requires_improvement", "inadequate"]
    assert review["cases"].tolist() == [11, 20, 3]
    assert set(review["n"]) == {34}
    for grade, k in (("good", 11), ("requires_improvement", 20), ("inadequate", 3)):
        assert review.at[grade, "share"] == pytest.approx(k / 34)
        lo, hi = wilson_by_formula(k, 34)
        assert review.at[grade, "ci_low"] == pytest.approx(lo)
        assert review.at[grade, "ci_high"] == pytest.approx(hi)
    assert review["sums_to_total"].all() and (review["flag"] == "").all()


def test_2014_inspectorate_audit_flagged_not_fixed(wy):
    g = wy.grades
    audit = g[(g["subset"] == "force_audit") & (g["assessor"] == "inspectorate")
              & (g["view"] == "main")]
    assert audit["cases"].tolist() == [9, 8, 7, 10]  # kept as stated
    assert set(audit["stated_total"]) == {33} and set(audit["counted_total"]) == {34}
    assert not audit["sums_to_total"].any()
    assert "sum to 34" in audit["flag"].iloc[0] and "33" in audit["flag"].iloc[0]
    assert "sum to 34" in wy.verdict
    force_audit = g[(g["subset"] == "force_audit") & (g["assessor"] == "force")]
    assert force_audit["sums_to_total"].all()


def test_mapping_is_explicit_and_views_differ(wy):
    m = wy.mapping.set_index(["scale", "grade"])
    assert m.loc[("four", "adequate"), "main"] == "adequate"
    assert m.loc[("four", "adequate"), "adequate_as_good"] == "good"
    assert m.loc[("four", "adequate"), "adequate_as_ri"] == "requires_improvement"
    g = wy.grades
    base = g[(g["subset"] == "further_cases") & (g["assessor"] == "inspectorate")]
    good = base[base["grade"] == "good"].set_index("view")["cases"]
    assert good["main"] == 17 and good["adequate_as_ri"] == 17 and good["adequate_as_good"] == 37
    ri = base[base["grade"] == "requires_improvement"].set_index("view")["cases"]
    assert ri["adequate_as_ri"] == 32 and ri["main"] == 12


def test_change_uses_fisher_and_states_sample_limits(wy):
    from scipy.stats import fisher_exact

    c = wy.changes
    main_good = c[(c["view"] == "main") & (c["grade"] == "good")].iloc[0]
    assert main_good["baseline_subset"] == "further_cases"  # largest graded set in 2014
    assert (main_good["baseline_cases"], main_good["baseline_n"]) == (17, 64)
    assert (main_good["followup_cases"], main_good["followup_n"]) == (11, 34)
    expected = fisher_exact([[17, 47], [11, 23]]).pvalue
    assert main_good["fisher_p"] == pytest.approx(expected)
    assert main_good["change_points"] == pytest.approx(100 * (11 / 34 - 17 / 64))
    assert 20 < main_good["min_detectable_points"] < 35
    assert "no evidence of change" in wy.verdict
    assert f"{main_good['min_detectable_points']:.0f} points" in wy.verdict
    assert set(c["view"]) == set(comparison.VIEWS)


def test_force_against_inspectorate_gap(wy):
    gap = wy.gap.set_index("grade")
    assert gap.at["good", "force_cases"] == 17 and gap.at["good", "inspectorate_cases"] == 9
    assert gap.at["good", "gap_points"] == pytest.approx(100 * (17 / 33 - 9 / 34))
    assert gap.at["inadequate", "gap_points"] < 0  # the force found fewer inadequate cases


def test_south_yorkshire_and_metropolitan_follow_ups():
    t = facts_tables()
    sy = comparison.grade_table(t, "south-yorkshire")
    sy = sy[(sy["view"] == "main") & (sy["kind"] == "review")]
    assert set(sy["n"]) == {28} and sy["cases"].sum() == 28
    met = comparison.grade_table(t, "metropolitan")
    upd = met[(met["kind"] == "update") & (met["view"] == "main")].set_index("grade")
    assert upd.at["inadequate", "cases"] == 61 and upd.at["inadequate", "n"] == 135
    assert upd.at["inadequate", "ci_low"] == pytest.approx(wilson_by_formula(61, 135)[0])


def test_significant_change_is_called_so():
    t = facts_tables()
    cg = t["case_grades"]
    # A hypothetical follow-up with 30 of 34 good must read as a real change.
    extra = cg[cg["doc_id"] == "west-yorkshire-pir-2016-03-08"].copy()
    extra["cases"] = extra["grade"].map({"good": 30, "requires_improvement": 3, "inadequate": 1})
    t["case_grades"] = pd.concat([cg[cg["doc_id"] != "west-yorkshire-pir-2016-03-08"], extra])
    result = comparison.compare(t, "west-yorkshire")
    assert "unlikely to be chance" in result.verdict


def test_percentages_become_counts_and_incomplete_sets_show_not_stated():
    t = facts_tables()
    g = comparison.grade_table(t, "west-yorkshire")
    cse = g[(g["subset"] == "cse") & (g["view"] == "main")].set_index("grade")
    assert cse.at["inadequate", "cases"] == 9 and cse.at["not_stated", "cases"] == 6
    assert "only 9 of 15" in cse.at["inadequate", "flag"]
    pct = pd.DataFrame([{"doc_id": "x", "force": "lancashire", "assessor": "inspectorate",
                         "subset": "all", "grade": "inadequate", "cases": pd.NA, "total": 79,
                         "percent": 38.0, "scale": "three"}])
    lan = comparison.grade_table({"case_grades": pct}, "lancashire")
    assert lan["cases"].iloc[0] == 30 and "percentages" in lan["flag"].iloc[0]


def test_grade_missing_from_an_incomplete_set_is_not_compared_as_zero():
    # Metropolitan 2016 gives only "278 of 374 requires improvement or inadequate".
    t = facts_tables()
    base = typed(pd.DataFrame([{"doc_id": "metropolitan-ncpi-2016-11-25", "force": "metropolitan",
                                "assessor": "inspectorate", "subset": "all",
                                "grade": "requires_improvement_or_inadequate", "cases": 278,
                                "total": 374, "scale": "three"}]), "case_grades")
    t["case_grades"] = pd.concat([t["case_grades"], base], ignore_index=True)
    result = comparison.compare(t, "metropolitan")
    g = result.grades[result.grades["view"] == "main"]
    combined = g[g["grade"] == "requires_improvement_or_inadequate"]
    assert combined["cases"].tolist() == [278] and "only 278 of 374" in combined["flag"].iloc[0]
    # neither good nor inadequate is known at baseline: only the combined measure it states
    assert set(result.changes["grade"]) == {"requires_improvement_or_inadequate"}
    main = result.changes[result.changes["view"] == "main"].iloc[0]
    # the 2017 update: 64 requires improvement + 61 inadequate of 135, added up (derived)
    assert (main["baseline_cases"], main["baseline_n"], main["baseline_basis"]) == (278, 374,
                                                                                    "stated")
    assert (main["followup_cases"], main["followup_n"], main["followup_basis"]) == (125, 135,
                                                                                    "derived")
    assert main["fisher_p"] < 0.001 and main["change_points"] > 0
    assert "Requires improvement or inadequate: 278 of 374" in result.verdict
    assert "derived: the grades added up" in result.verdict and "p < 0.001" in result.verdict


def test_harmonise_takes_dataframes_first_and_chains_with_pipe():
    t = {name: typed(df, name) for name, df in facts_tables().items()
         if name in ("documents", "case_grades")}
    chained = t["case_grades"].pipe(comparison.harmonise, t["documents"])
    one = comparison.grade_table(t, "west-yorkshire")
    mine = chained[chained["force"] == "west-yorkshire"].reset_index(drop=True)
    pd.testing.assert_frame_equal(mine, one)
    assert comparison.harmonise(t["case_grades"].iloc[0:0], t["documents"]).empty


PAGE_HTML = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Kent: National Child Protection Inspection post-inspection review - HMICFRS</title></head>
<body><header><a href="/">HMICFRS</a> <a href="/publications">Publications</a></header><main>
<h1>Kent: National Child Protection Inspection post-inspection review</h1>
<p>Published on: 12 May 2021</p>
<p>We returned to Kent Police to see what progress it had made. Of the 40 cases we audited, 14
were good, 18 required improvement and 8 were inadequate.</p>
<p><a href="/files/kent-pir.pdf">Get the report (PDF, 900KB)</a></p></main>
<footer>Cookies | Accessibility</footer></body></html>"""


def test_a_publication_page_does_not_count_its_reports_figures_twice(tmp_path):
    """Page and report both in the corpus: the comparison shows the report's set once."""
    from pdfmaker import make_pdf

    from reportkit.pipeline import extract_corpus

    raw = tmp_path / "raw" / "kent"
    raw.mkdir(parents=True)
    (raw / "pir-2021-page.html").write_text(PAGE_HTML, encoding="utf-8")
    make_pdf(raw / "pir-2021-report.pdf", [
        ["National Child Protection Inspection Post-Inspection Review",
         "Kent Police 8\u201312 March 2021", "May 2021"],
        ["Case file analysis", "Of the 40 cases we audited, 14 were good, 18 required improvement "
         "and 8 were inadequate."],
    ])
    tables = extract_corpus(tmp_path / "raw", None, jobs=1, cache=None, progress=False)
    docs = tables["documents"].set_index("path")
    assert docs.loc["kent/pir-2021-page.html", "genre"] == "publication_page"
    grades = tables["case_grades"]
    assert grades["doc_id"].nunique() == 2  # both documents state the figures: both are kept
    shown = comparison.grade_table(tables, "kent", views=("main",))
    assert set(shown["doc_id"]) == {docs.loc["kent/pir-2021-report.pdf", "doc_id"]}
    assert shown.set_index("grade")["cases"].to_dict() == {"good": 14, "requires_improvement": 18,
                                                           "inadequate": 8}
