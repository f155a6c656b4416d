"""Findings by inspection area: a force's latest report, what changed since its baseline, and the
areas most often of concern across forces.

A summary statement that restates a finding of the detail (``duplicate_of``) is counted once: the
detail's row stands for both. Whether an area "resolved" is derived: the later report covers the
area and states no concern in it, which is not the same as the inspectorate saying so.
"""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import documents_index, frame
from reportkit.analysis.memo import per_tables
from reportkit.vocabulary import INSPECTION_AREAS, REPORT_KINDS

# change since the baseline per area (area_changes.change), in the order a reader wants them
CHANGES = ("persisting", "new", "resolved", "no_concern", "not_covered_now")
CHANGE_WORDS = {
    "persisting": "a concern then and now", "new": "a new concern",
    "resolved": "no concern stated now (derived)", "no_concern": "no concern then or now",
    "not_covered_now": "a concern then; the later report says nothing of the area",
}
_COLUMNS = ["force", "doc_id", "path", "title", "kind", "published", "published_precision",
            "finding", "area", "section", "polarity", "type", "recommendation", "text", "page"]


@per_tables
def findings_table(tables: dict, force: str | None = None) -> pd.DataFrame:
    """Findings of the inspectorate's reports with their document, each judgment once (duplicates
    dropped), in reading order."""
    f = frame(tables, "findings", force)
    if "duplicate_of" in f:
        f = f[f["duplicate_of"].isna()]
    docs = documents_index(tables)
    f = f[f["doc_id"].isin(docs.index)].copy()
    for col in ("path", "title", "kind", "published", "published_precision"):
        f[col] = f["doc_id"].map(docs[col]) if len(f) else pd.Series(dtype=object)
    f = f[f["kind"].astype("string").isin(REPORT_KINDS)]
    f = f.sort_values(["published", "doc_id", "finding"], kind="stable")
    return f.reindex(columns=_COLUMNS).reset_index(drop=True)


def _reports(f: pd.DataFrame) -> list[str]:
    """The force's reports that state findings, oldest first."""
    return list(f.drop_duplicates("doc_id").sort_values("published", kind="stable")["doc_id"])


@per_tables
def latest_findings(tables: dict, force: str) -> pd.DataFrame:
    """The strengths and concerns of the force's latest report with findings, by area then in
    reading order (quote in ``text``, ``page`` to cite)."""
    f = findings_table(tables, force)
    docs = _reports(f)
    if not docs:
        return f
    f = f[f["doc_id"] == docs[-1]].copy()
    f["_area"] = f["area"].map({a: i for i, a in enumerate(INSPECTION_AREAS)})
    return f.sort_values(["_area", "finding"], na_position="last", kind="stable").drop(
        columns="_area").reset_index(drop=True)


def _counts(f: pd.DataFrame) -> pd.DataFrame:
    return f.groupby(["area", "polarity"], observed=True).size().unstack(fill_value=0).reindex(
        columns=["strength", "concern"], fill_value=0)


@per_tables
def area_counts(tables: dict, force: str) -> pd.DataFrame:
    """Strengths and concerns per area in each of the force's reports (one row per report and area)."""
    f = findings_table(tables, force)
    rows = []
    for doc in _reports(f):
        mine = f[f["doc_id"] == doc]
        for area, r in _counts(mine).iterrows():
            rows.append({"doc_id": doc, "kind": mine["kind"].iloc[0],
                         "published": mine["published"].iloc[0], "area": area,
                         "strengths": int(r["strength"]), "concerns": int(r["concern"])})
    return pd.DataFrame(rows, columns=["doc_id", "kind", "published", "area", "strengths",
                                       "concerns"])


@per_tables
def area_changes(tables: dict, force: str) -> pd.DataFrame:
    """Per area, the force's earliest report with findings (the baseline) against its latest:
    concerns then and now and the change (CHANGES). Empty with fewer than two reports."""
    f = findings_table(tables, force)
    docs = _reports(f)
    cols = ["area", "concerns_then", "concerns_now", "strengths_then", "strengths_now", "change",
            "baseline_doc_id", "latest_doc_id"]
    if len(docs) < 2:
        return pd.DataFrame(columns=cols)
    then, now = (_counts(f[f["doc_id"] == d]) for d in (docs[0], docs[-1]))
    rows = []
    for area in [a for a in INSPECTION_AREAS if a in then.index or a in now.index]:
        ct, cn = (int(c.loc[area, "concern"]) if area in c.index else 0 for c in (then, now))
        st, sn = (int(c.loc[area, "strength"]) if area in c.index else 0 for c in (then, now))
        rows.append({"area": area, "concerns_then": ct, "concerns_now": cn, "strengths_then": st,
                     "strengths_now": sn, "change": _change(ct, cn, area in now.index),
                     "baseline_doc_id": docs[0], "latest_doc_id": docs[-1]})
    return pd.DataFrame(rows, columns=cols)


def _change(then: int, now: int, covered_now: bool) -> str:
    if then and now:
        return "persisting"
    if now:
        return "new"
    if then:
        return "resolved" if covered_now else "not_covered_now"
    return "no_concern"


def _latest_findings(tables: dict) -> tuple[pd.DataFrame, pd.Series]:
    """The findings of each force's latest report with findings (the national pseudo-force left
    out), and that report's doc_id by force."""
    f = findings_table(tables)
    f = f[f["force"].astype("string") != forces.NATIONAL]
    latest = f.sort_values("published", kind="stable").groupby("force", observed=True)[
        "doc_id"].last()
    return f[f["doc_id"].isin(set(latest))], latest


@per_tables
def national_concerns(tables: dict) -> pd.DataFrame:
    """Per area, across forces (the national pseudo-force left out), in each force's latest report:
    how many forces the area had a concern for, how many had findings in it, and the share.
    Most often of concern first."""
    f, latest = _latest_findings(tables)
    rows = []
    for area, g in f.groupby("area", observed=True):
        with_concern = g.loc[g["polarity"] == "concern", "force"].nunique()
        rows.append({"area": area, "forces_with_concern": int(with_concern),
                     "forces_with_findings": int(g["force"].nunique()),
                     "concerns": int((g["polarity"] == "concern").sum()),
                     "strengths": int((g["polarity"] == "strength").sum())})
    out = pd.DataFrame(rows, columns=["area", "forces_with_concern", "forces_with_findings",
                                      "concerns", "strengths"])
    out["share_of_forces"] = (out["forces_with_concern"] / out["forces_with_findings"]).astype(float)
    return out.sort_values(["forces_with_concern", "concerns"], ascending=False,
                           kind="stable").reset_index(drop=True)


@per_tables
def forces_by_area(tables: dict, area: str) -> pd.DataFrame:
    """For one area, each force's strengths and concerns in its latest report with findings."""
    f, latest = _latest_findings(tables)
    rows = []
    for force, doc in latest.items():
        g = f[(f["doc_id"] == doc) & (f["area"] == area)]
        rows.append({"force": force, "doc_id": doc, "strengths": int((g["polarity"] == "strength").sum()),
                     "concerns": int((g["polarity"] == "concern").sum())})
    return pd.DataFrame(rows, columns=["force", "doc_id", "strengths", "concerns"])
