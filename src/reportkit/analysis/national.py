"""All forces in the corpus side by side: grades at baseline and follow-up, progress and lag."""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import (
    FOLLOW_UP_KINDS,
    compare,
    frame,
    headline_subset,
    pair_documents,
)
from reportkit.analysis.progress import progress_table
from reportkit.analysis.timeliness import lag_spread


def corpus_forces(tables: dict) -> list[str]:
    """Forces with at least one document, in alphabetical order, without the national pseudo-force."""
    docs = frame(tables, "documents")
    found = {f for f in docs["force"].dropna().astype(str) if f != forces.NATIONAL}
    return sorted(found)


def national_grades(tables: dict) -> pd.DataFrame:
    """Per force and stage (baseline, follow-up): main-view shares of each grade with intervals."""
    rows = []
    for slug in corpus_forces(tables):
        grades = compare(tables, slug).grades
        base, follows = pair_documents(grades)
        if base is None:  # no graded inspection: show the latest graded follow-up alone
            graded = grades[grades["kind"].isin(FOLLOW_UP_KINDS)].sort_values("published")
            follows = list(graded["doc_id"].drop_duplicates())
        stages = [("baseline", base)] + ([("follow_up", follows[-1])] if follows else [])
        for stage, doc in stages:
            if doc is None:
                continue
            subset = headline_subset(grades, doc)
            sel = grades[(grades["doc_id"] == doc) & (grades["subset"] == subset)
                         & (grades["view"] == "main") & (grades["assessor"] == "inspectorate")]
            for r in sel.itertuples():
                rows.append({"force": slug, "stage": stage, "doc_id": doc, "subset": subset,
                             "published": r.published, "grade": r.grade, "cases": r.cases,
                             "n": r.n, "share": r.share, "ci_low": r.ci_low,
                             "ci_high": r.ci_high, "flag": r.flag})
    return pd.DataFrame(rows, columns=["force", "stage", "doc_id", "subset", "published", "grade",
                                       "cases", "n", "share", "ci_low", "ci_high", "flag"])


def national_progress(tables: dict) -> pd.DataFrame:
    """Recommendations per force and rating."""
    parts = []
    for slug in corpus_forces(tables):
        t = progress_table(tables, slug)
        if len(t):
            counts = t.groupby("rating", observed=True).size().rename("recommendations").reset_index()
            counts.insert(0, "force", slug)
            parts.append(counts)
    if not parts:
        return pd.DataFrame(columns=["force", "rating", "recommendations"])
    return pd.concat(parts, ignore_index=True)


def national_summary(tables: dict) -> pd.DataFrame:
    """One row per force: latest shares of good and inadequate, progress and median lag."""
    grades = national_grades(tables)
    prog = national_progress(tables)
    lags = lag_spread(tables)
    rows = []
    for slug in corpus_forces(tables):
        row: dict[str, object] = {"force": slug, "name": forces.display_name(slug)}
        for stage in ("baseline", "follow_up"):
            g = grades[(grades["force"] == slug) & (grades["stage"] == stage)]
            row[f"{stage}_n"] = g["n"].iloc[0] if len(g) else pd.NA
            for grade in ("good", "inadequate"):
                hit = g[g["grade"] == grade]["share"]
                row[f"{stage}_{grade}_share"] = hit.iloc[0] if len(hit) else pd.NA
        p = prog[prog["force"] == slug]
        row["recommendations"] = int(p["recommendations"].sum())
        row["no_progress"] = int(p[p["rating"] == "no_progress"]["recommendations"].sum())
        lg = lags[lags["force"] == slug]["fieldwork_to_publication_mid"]
        row["reports_with_lag"] = len(lg)
        row["median_fieldwork_to_publication_days"] = lg.median() if len(lg) else pd.NA
        rows.append(row)
    return pd.DataFrame(rows)
