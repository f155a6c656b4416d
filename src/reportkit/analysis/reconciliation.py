"""Source checks: each figure a press article or commissioner quotes, against the report's figure.

A claim names a measure (``cases_total``, ``good``, ``custody_total``,
``custody_requires_improvement``, ``baseline_good`` ...). It is checked against the case grades
of the report it describes: the one its text names (``about_doc_id``: "the first inspection",
"the 2016 review"), else the report its document answers (``answers_doc_id``), else the force's
last report published on or before it. A claim about a report that is not in the corpus is never
compared with another one. Disagreements are shown with both values, never smoothed over.
"""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import COMBINED_GRADES, documents_index, frame
from reportkit.analysis.memo import per_tables
from reportkit.tables import schema
from reportkit.tables.schema import REPORT_KINDS
from reportkit.vocabulary import ANNOUNCING_GENRES

TOLERANCE_POINTS = 0.5  # a quoted percentage agrees when it rounds to the report's share


# Longest first, so that 'requires_improvement_or_inadequate' is not read as '..._inadequate'.
_GRADE_WORDS = sorted({*schema.GRADES, *COMBINED_GRADES}, key=len, reverse=True)


def parse_measure(measure: str) -> tuple[str | None, str | None, str]:
    """(subset, grade, assessor): ('all', 'good', 'inspectorate') for 'good',
    ('custody', None, 'inspectorate') for 'custody_total'."""
    m = str(measure).strip().lower()
    m = m.removeprefix("baseline_")  # which report it describes is in about_*, not the measure
    if m in ("cases_total", "total", "cases"):
        return "all", None, "inspectorate"
    if m.endswith("_total"):
        return m[: -len("_total")], None, "inspectorate"
    for grade in _GRADE_WORDS:
        if m == grade:
            return "all", grade, "inspectorate"
        if m.endswith("_" + grade):
            return m[: -len(grade) - 1], grade, "inspectorate"
    return m, None, "inspectorate"


def readings(measure: str) -> list[tuple[str | None, str | None, str]]:
    """Every way to read a measure, most literal first: 'force_good' is a subset named 'force'
    or, failing that, the force's own grading of whatever set it audited."""
    out = [parse_measure(measure)]
    m = str(measure).strip().lower().removeprefix("baseline_")
    if m.startswith("force_"):
        subset, grade, _ = parse_measure(m[len("force_"):])
        out.append((None if subset == "all" else subset, grade, "force"))
    return out


def report_for(docs: pd.DataFrame, claim_doc: str, force: str, claim: pd.Series | None = None):
    """The report a claim refers to: the one it names, the linked one, else the nearest before
    the claim; None when the claim names a report that is not in the corpus."""
    if claim is not None:
        named = claim.get("about_doc_id")
        if pd.notna(named) and named in docs.index:
            return named
        if pd.notna(claim.get("about_kind")) or pd.notna(claim.get("about_year")):
            return None  # it describes a report we do not hold: comparing with another misleads
    if claim_doc in docs.index:
        linked = docs.at[claim_doc, "answers_doc_id"]
        if pd.notna(linked) and linked in docs.index:
            return linked
        when = docs.at[claim_doc, "published"]
    else:
        when = pd.NaT
    reports = docs[(docs["force"] == force) & docs["kind"].isin(REPORT_KINDS)]
    if "genre" in reports:
        reports = reports[~reports["genre"].isin(ANNOUNCING_GENRES).fillna(False).astype(bool)]
    if pd.notna(when):
        reports = reports[reports["published"] <= when]
    if reports.empty:
        return None
    return reports.sort_values("published", kind="stable").index[-1]


def report_value(grades: pd.DataFrame, report: str, subset: str | None, grade: str | None,
                 unit: str | None, assessor: str = "inspectorate"):
    """The report's figure for a measure, with its page and quote; None when it has none."""
    rows = grades[(grades["doc_id"] == report).fillna(False)]
    if subset is not None:
        rows = rows[(rows["subset"].astype("string") == subset).fillna(False)]
    rows = rows[(rows["assessor"] == assessor).fillna(False)]
    if grade is None:
        tot = rows.dropna(subset=["total"])
        if tot.empty:
            return None
        r = tot.iloc[0]
        return float(r["total"]), r["page"], r["quote"]
    hit = rows[rows["grade"] == grade]
    if hit.empty:
        return None
    r = hit.iloc[0]
    if unit == "percent":
        if pd.notna(r["percent"]):
            return float(r["percent"]), r["page"], r["quote"]
        if pd.notna(r["cases"]) and pd.notna(r["total"]) and r["total"]:
            return 100 * float(r["cases"]) / float(r["total"]), r["page"], r["quote"]
        return None
    if pd.isna(r["cases"]):
        return None
    return float(r["cases"]), r["page"], r["quote"]


@per_tables
def check_claims(tables: dict, force: str | None = None) -> pd.DataFrame:
    """One row per claim: agrees, differs (both values) or not_found, with both quotes."""
    slug = forces.resolve(force) if force else None
    docs = documents_index(tables)
    claims = frame(tables, "claims", slug)
    grades = frame(tables, "case_grades")
    rows = [_check(c, docs, grades) for _, c in claims.iterrows()]
    return pd.DataFrame(rows, columns=_COLUMNS)


_COLUMNS = ["force", "claim_doc_id", "claim_kind", "claim_genre", "claim_published", "measure", "unit",
            "claimed", "claim_basis", "claim_page", "claim_quote", "report_doc_id", "report_value", "report_page",
            "report_quote", "status", "explanation"]


def _check(c: pd.Series, docs: pd.DataFrame, grades: pd.DataFrame) -> dict:
    unit = None if pd.isna(c["unit"]) else str(c["unit"])
    report = report_for(docs, c["doc_id"], c["force"], c)
    found = None
    for subset, grade, assessor in readings(c["measure"]) if report else []:
        found = report_value(grades, report, subset, grade, unit, assessor)
        if found is not None:
            break
    row = {"force": c["force"], "claim_doc_id": c["doc_id"],
           "claim_kind": docs["kind"].get(c["doc_id"], pd.NA),
           "claim_genre": docs["genre"].get(c["doc_id"], pd.NA) if "genre" in docs else pd.NA,
           "claim_published": docs["published"].get(c["doc_id"], pd.NaT),
           "measure": c["measure"], "unit": unit, "claimed": c["value"],
           "claim_basis": c.get("basis", "stated"),
           "claim_page": c["page"], "claim_quote": c["quote"], "report_doc_id": report or pd.NA,
           "report_value": pd.NA, "report_page": pd.NA, "report_quote": pd.NA}
    if found is None and report is None and _names_report(c):
        return {**row, "status": "not_found",
                "explanation": f"describes {_named(c)}, which is not in the corpus"}
    if found is None:
        where = f"in {report}" if report else "in any earlier report of the force"
        return {**row, "status": "not_found", "explanation": f"no {c['measure']} figure {where}"}
    value, page, quote = found
    row.update(report_value=value, report_page=page, report_quote=quote)
    tol = TOLERANCE_POINTS if unit == "percent" else 0.0
    if pd.notna(c["value"]) and abs(float(c["value"]) - value) <= tol:
        return {**row, "status": "agrees", "explanation": f"report says {value:g} too"}
    return {**row, "status": "differs",
            "explanation": f"claim says {c['value']:g}, report says {value:g}"}


def _names_report(c: pd.Series) -> bool:
    return pd.notna(c.get("about_kind")) or pd.notna(c.get("about_year"))


def _named(c: pd.Series) -> str:
    kind = c.get("about_kind")
    year = c.get("about_year")
    what = "the " + (str(kind) if pd.notna(kind) else "report")
    return what + (f" of {int(year)}" if pd.notna(year) else "")
