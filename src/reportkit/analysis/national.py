"""All forces in the corpus side by side: grades at baseline and follow-up, progress and lag."""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import (
    FOLLOW_UP_KINDS,
    compare,
    frame,
    grade_table,
    headline_subset,
    pair_documents,
)
from reportkit.analysis.memo import per_tables
from reportkit.analysis.progress import progress_table
from reportkit.analysis.timeliness import lag_spread


@per_tables
def corpus_forces(tables: dict) -> list[str]:
    """Forces with at least one document, in alphabetical order, without the national pseudo-force."""
    docs = frame(tables, "documents")
    found = {f for f in docs["force"].dropna().astype(str) if f != forces.NATIONAL}
    return sorted(found)


@per_tables
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
            said = _stated_percent(tables, slug, doc, subset)
            for r in sel.itertuples():
                rows.append({"force": slug, "stage": stage, "doc_id": doc, "subset": subset,
                             "percent": said.get(str(r.grade), pd.NA),
                             "published": r.published, "grade": r.grade, "cases": r.cases,
                             "n": r.n, "share": r.share, "ci_low": r.ci_low,
                             "ci_high": r.ci_high, "flag": r.flag, "scale": r.scale,
                             "basis": r.basis})
    # ``scale`` "four" marks shares from the 2014-15 four-grade scale (good, adequate, requires
    # improvement, inadequate): a chart or table must say so beside them
    return pd.DataFrame(rows, columns=["force", "stage", "doc_id", "subset", "published", "grade",
                                       "cases", "n", "share", "ci_low", "ci_high", "flag",
                                       "scale", "basis", "percent"])


def _stated_percent(tables: dict, slug: str, doc, subset) -> dict[str, float]:
    """grade -> the percentage a document states for it (a share said, not a count)."""
    raw = frame(tables, "case_grades", slug)
    raw = raw[(raw["doc_id"] == doc) & (raw["subset"] == subset) & raw["percent"].notna()
              & (raw["assessor"] == "inspectorate")]
    return {str(g): float(v) for g, v in zip(raw["grade"], raw["percent"], strict=True)}


@per_tables
def thematic_figures(tables: dict) -> pd.DataFrame:
    """The national thematic's own pooled grades (main view), as it states them: one row per
    grade with its page and quote. Never rebuilt from the forces' reports."""
    grades = grade_table(tables, forces.NATIONAL, views=("main",))
    grades = grades[(grades["kind"] == "thematic") & (grades["assessor"] == "inspectorate")]
    raw = frame(tables, "case_grades", forces.NATIONAL)
    cite = raw.drop_duplicates(["doc_id", "subset", "grade"]).set_index(
        ["doc_id", "subset", "grade"])[["page", "quote"]]
    keys = list(zip(grades["doc_id"], grades["subset"], grades["grade"], strict=True))
    grades = grades.assign(page=[cite["page"].get(k, pd.NA) for k in keys],
                           quote=[cite["quote"].get(k, pd.NA) for k in keys])
    return grades.reset_index(drop=True)


@per_tables
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


def _lag_ranges(lags: pd.DataFrame) -> str:
    """Each report's fieldwork-to-publication lag as it is known: '135-165 days; 193 days'. A
    median of ranges would invent a figure no document supports."""
    texts = []
    for r in lags.sort_values("published").itertuples():
        lo, hi = r.fieldwork_to_publication_min, r.fieldwork_to_publication_max
        texts.append(f"{lo:.0f} days" if lo == hi else f"{lo:.0f}\u2013{hi:.0f} days")
    return "; ".join(texts)


COMBINED = "requires_improvement_or_inadequate"


def _share(g: pd.DataFrame, grade: str) -> tuple[object, object]:
    """(share, basis) of a grade in one graded set; the combined measure is the two grades added
    (derived) where the set states them apart, so a combined baseline has a follow-up to meet."""
    hit = g[g["grade"] == grade]
    if len(hit):
        return hit["share"].iloc[0], hit["basis"].iloc[0]
    parts = g[g["grade"].isin(("requires_improvement", "inadequate"))]
    if grade == COMBINED and len(parts) == 2 and not (g["grade"] == "not_stated").any():
        return parts["share"].sum(), "derived"
    return pd.NA, pd.NA


@per_tables
def national_summary(tables: dict) -> pd.DataFrame:
    """One row per force: baseline and latest shares of good and inadequate (the scale each
    comes from), progress, and each report's lag from fieldwork to publication as a range."""
    grades = national_grades(tables)
    prog = national_progress(tables)
    lags = lag_spread(tables)
    rows = []
    for slug in corpus_forces(tables):
        row: dict[str, object] = {"force": slug, "name": forces.display_name(slug)}
        for stage in ("baseline", "follow_up"):
            g = grades[(grades["force"] == slug) & (grades["stage"] == stage)]
            row[f"{stage}_n"] = g["n"].iloc[0] if len(g) else pd.NA
            row[f"{stage}_scale"] = g["scale"].iloc[0] if len(g) else pd.NA
            row[f"{stage}_published"] = g["published"].iloc[0] if len(g) else pd.NaT
            for grade in ("good", "inadequate", COMBINED):
                row[f"{stage}_{grade}_share"], row[f"{stage}_{grade}_basis"] = _share(g, grade)
                said = g[g["grade"] == grade]["percent"].dropna()
                row[f"{stage}_{grade}_percent"] = said.iloc[0] if len(said) else pd.NA
        p = prog[prog["force"] == slug]
        row["recommendations"] = int(p["recommendations"].sum())
        row["no_progress"] = int(p[p["rating"] == "no_progress"]["recommendations"].sum())
        row["followed_up"] = int(p[p["rating"] != "not_followed_up"]["recommendations"].sum())
        mine = lags[lags["force"] == slug]
        row["reports_with_lag"] = len(mine)
        row["fieldwork_to_publication"] = _lag_ranges(mine) if len(mine) else pd.NA
        rows.append(row)
    return pd.DataFrame(rows)
