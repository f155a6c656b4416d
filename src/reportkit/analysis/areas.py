"""Graded areas across reports and forces, and which method each report used.

``report_methods`` says, per report, whether it graded the five areas (the method used since April
2024), graded audited cases (four grades in 2014-15, three later) or states no graded figure;
``latest_method`` gives a force's latest report and its headline in those terms (area grades, or
case shares: never one put in the other's terms). ``area_grid`` is one row per force: the grade of
each area in the force's latest report that grades areas. Only the inspectorate's reports count:
a press page's area grades are claims about a report, kept in ``area_table(..., press=True)``.
"""
from __future__ import annotations

import pandas as pd

from reportkit.analysis.memo import per_tables
from reportkit.vocabulary import (
    ANNOUNCING_GENRES,
    AREA_SCALE,
    GRADE_WORDS,
    GRADED_AREAS,
    REPORT_KINDS,
)

_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five"}


def _reports(tables: dict, force: str | None = None) -> pd.DataFrame:
    docs = tables["documents"]
    keep = docs["kind"].isin(REPORT_KINDS) & ~docs["genre"].isin(ANNOUNCING_GENRES)
    if force is not None:
        keep &= docs["force"] == force
    return docs[keep]


@per_tables
def area_table(tables: dict, force: str | None = None, press: bool = False) -> pd.DataFrame:
    """Area rows (stated and counted) with their document's kind, title and publication date,
    oldest report first; ``press`` adds the rows press pages and letters state."""
    rows = tables.get("area_grades")
    cols = ["doc_id", "force", "area", "grade", "areas", "basis", "page", "quote"]
    if rows is None or rows.empty:
        return pd.DataFrame(columns=cols + ["kind", "title", "published", "path"])
    docs = tables["documents"] if press else _reports(tables)
    meta = docs[["doc_id", "kind", "title", "published", "path"]]
    out = rows[cols].merge(meta, on="doc_id", how="inner")
    if force is not None:
        out = out[out["force"] == force]
    return out.sort_values(["published", "doc_id", "area"], na_position="last").reset_index(drop=True)


def _case_scale(tables: dict, doc_id: str) -> str | None:
    grades = tables["case_grades"]
    mine = grades[grades["doc_id"] == doc_id]
    if mine.empty:
        return None
    scales = mine["scale"].dropna()
    return str(scales.iloc[0]) if len(scales) else "three"


@per_tables
def report_methods(tables: dict, force: str) -> pd.DataFrame:
    """One row per report of ``force``, oldest first: its method (vocabulary.METHOD_WORDS codes:
    areas, four, three, none) and its headline in that method's own terms."""
    areas = area_table(tables, force)
    rows = []
    for r in _reports(tables, force).sort_values("published", na_position="last").itertuples():
        mine = areas[areas["doc_id"] == r.doc_id]
        method = "areas" if len(mine) else (_case_scale(tables, r.doc_id) or "none")
        headline = area_headline(mine) if len(mine) else case_headline(tables, r.doc_id)
        rows.append({"doc_id": r.doc_id, "kind": r.kind, "title": r.title, "published": r.published,
                     "published_precision": r.published_precision, "method": method,
                     "headline": headline})
    return pd.DataFrame(rows, columns=["doc_id", "kind", "title", "published", "published_precision",
                                       "method", "headline"])


@per_tables
def latest_method(tables: dict, force: str, graded: bool = False) -> dict | None:
    """The force's latest report (by publication) with its method and headline, or None;
    ``graded``: the latest that states graded figures (areas or cases)."""
    methods = report_methods(tables, force).dropna(subset=["published"])
    if graded:
        methods = methods[methods["method"] != "none"]
    return methods.iloc[-1].to_dict() if len(methods) else None


def areas_per_grade(rows: pd.DataFrame) -> dict[str, int]:
    """Areas per grade, best first: counted from the stated areas, else as the count rows say."""
    stated = rows[rows["basis"] == "stated"]
    if len(stated):
        counts = stated["grade"].astype(str).value_counts().to_dict()
    else:
        counts = {str(g): int(n) for g, n in zip(rows["grade"], rows["areas"], strict=True) if pd.notna(n)}
    return {g: counts[g] for g in AREA_SCALE if g in counts}


def area_headline(rows: pd.DataFrame) -> str:
    """'good in two areas and adequate in three' (from the area grades, never the case grades)."""
    counts = areas_per_grade(rows)
    parts = [f"{GRADE_WORDS[g]} in {_NUMBER_WORDS.get(n, str(n))}" for g, n in counts.items()]
    if not parts:
        return ""
    parts[0] += " area" if next(iter(counts.values())) == 1 else " areas"
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    stated = (rows["basis"] == "stated").sum()
    if stated and stated < len(GRADED_AREAS):
        text += f" (of the {stated} areas whose grade is stated)"
    return text


def case_headline(tables: dict, doc_id: str) -> str:
    """'34 cases: 32% good, 59% requires improvement, 9% inadequate' for the inspectorate's main
    case set (all cases, else its largest set, named): stated percentages as stated, else shares
    worked out from the counts (derived, and said so)."""
    grades = tables["case_grades"]
    mine = grades[(grades["doc_id"] == doc_id) & (grades["assessor"] == "inspectorate")]
    if mine.empty:
        return ""
    sizes = mine.groupby("subset", observed=True)["total"].max()
    subset = "all" if "all" in sizes.index else str(sizes.fillna(0).idxmax())
    mine = mine[mine["subset"] == subset]
    total = mine["total"].dropna()
    named = "" if subset == "all" else f" ({subset.replace('_', ' ')})"
    if mine["cases"].notna().all() and len(total) and int(total.iloc[0]) > 0:
        base = int(total.iloc[0])
        parts = [f"{100 * int(c) / base:.0f}% {GRADE_WORDS.get(str(g), str(g))}"
                 for g, c in zip(mine["grade"], mine["cases"], strict=True)]
        return f"{base} cases{named}: " + ", ".join(parts) + " (shares worked out from the counts)"
    stated = mine[mine["percent"].notna()]
    parts = [f"{float(p):.0f}% {GRADE_WORDS.get(str(g), str(g))}"
             for g, p in zip(stated["grade"], stated["percent"], strict=True)]
    size = f"{int(total.iloc[0])} cases{named}: " if len(total) else ""
    return size + ", ".join(parts) if parts else ""


@per_tables
def area_grid(tables: dict) -> pd.DataFrame:
    """One row per force with area grades: the grade code of each area in its latest report that
    grades areas (columns in vocabulary.GRADED_AREAS order), that report's doc_id and date, and
    ``counts_only``: the report's counts ("good in two areas and adequate in three") when it
    names no area's grade (its cells stay empty: no area is guessed)."""
    rows_all = area_table(tables)
    cols = ["force", *GRADED_AREAS, "doc_id", "published", "counts_only"]
    if rows_all.empty:
        return pd.DataFrame(columns=cols)
    latest = rows_all.sort_values("published").groupby("force", observed=True)["doc_id"].last()
    rows = []
    for force, doc_id in latest.items():
        mine = rows_all[rows_all["doc_id"] == doc_id]
        stated = mine[mine["basis"] == "stated"]
        grade = dict(zip(stated["area"].astype(str), stated["grade"].astype(str), strict=True))
        rows.append({"force": force, **{a: grade.get(a) for a in GRADED_AREAS}, "doc_id": doc_id,
                     "published": mine["published"].iloc[0],
                     "counts_only": None if len(stated) else area_headline(mine)})
    return pd.DataFrame(rows, columns=cols).sort_values("force").reset_index(drop=True)
