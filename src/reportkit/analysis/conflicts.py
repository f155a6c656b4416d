"""Dates two sources give differently: a report's own fieldwork against what a later review says
of it, a cover month against the day a manifest gives. Both are kept and shown; neither is chosen.

One row per pair of statements about the same date of the same report, ``agrees`` False where the
two cannot both be true (their spans do not overlap at the precision each states).
"""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import frame
from reportkit.analysis.memo import per_tables
from reportkit.analysis.timeliness import bounds, report_documents

FIELDWORK = ("fieldwork_start", "fieldwork_end")
# An event another document states about the earlier inspection (the review's "HMIC first
# inspected the force during August 2014").
ABOUT_EARLIER = {"baseline_fieldwork": "fieldwork"}
COLUMNS = ["force", "report_doc_id", "report_kind", "report_published", "what",
           "a_doc_id", "a_date", "a_precision", "a_page", "a_quote",
           "b_doc_id", "b_date", "b_precision", "b_page", "b_quote", "agrees"]


def _span(rows: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp]:
    spans = [bounds(r.date, r.precision) for r in rows.itertuples()]
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _statement(row) -> dict:
    return {"doc_id": row.doc_id, "date": row.date, "precision": row.precision,
            "page": row.page, "quote": row.quote}


def _pair(report, what: str, a: dict, b: dict, agrees: bool) -> dict:
    out = {"force": report["force"], "report_doc_id": report.name, "report_kind": report["kind"],
           "report_published": report["published"], "what": what, "agrees": agrees}
    out.update({f"a_{k}": v for k, v in a.items()})
    out.update({f"b_{k}": v for k, v in b.items()})
    return out


def _earlier_inspection(docs: pd.DataFrame, stating_doc: str):
    """The inspection a later document means by "the earlier inspection": the force's latest
    inspection published before it."""
    d = docs.loc[stating_doc]
    same = docs[(docs["force"] == d["force"]) & (docs["kind"] == "inspection")
                & (docs.index != stating_doc)]
    if "genre" in same:
        same = same[same["genre"].fillna("report") == "report"]
    if pd.notna(d["published"]):
        same = same[same["published"] < d["published"]]
    return same.sort_values("published").index[-1] if len(same) else None


def _fieldwork_pairs(docs: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    rows = []
    for ev in events[events["event"].isin(list(ABOUT_EARLIER))].itertuples():
        target = _earlier_inspection(docs, ev.doc_id) if ev.doc_id in docs.index else None
        own = events[(events["doc_id"] == target) & events["event"].isin(FIELDWORK)]
        if target is None or own.empty:
            continue
        lo, hi = _span(own)
        b0, b1 = bounds(ev.date, ev.precision)
        first = own.sort_values("event", ascending=False).iloc[0]  # its fieldwork_end line
        rows.append(_pair(docs.loc[target], "fieldwork", _statement(first), _statement(ev),
                          not (b1 < lo or b0 > hi)))
    return rows


def _publication_pairs(docs: pd.DataFrame, events: pd.DataFrame) -> list[dict]:
    """A cover's month against the day the documents table holds (from a manifest)."""
    rows = []
    for ev in events[events["event"] == "published"].itertuples():
        if ev.doc_id not in docs.index or ev.precision == "day":
            continue
        d = docs.loc[ev.doc_id]
        if pd.isna(d["published"]) or str(d.get("published_precision")) != "day":
            continue
        lo, hi = bounds(ev.date, ev.precision)
        held = {"doc_id": "manifest.csv", "date": d["published"], "precision": "day",
                "page": pd.NA, "quote": pd.NA}
        rows.append(_pair(d, "publication", _statement(ev), held,
                          bool(lo <= d["published"] <= hi)))
    return rows


@per_tables
def date_statements(tables: dict, force: str | None = None) -> pd.DataFrame:
    """Every pair of sources stating the same date of a report, agreeing or not."""
    docs = report_documents(tables)
    events = frame(tables, "events")
    if force:
        slug = forces.resolve(force)
        docs_f = docs[docs["force"] == slug]
        events = events[events["doc_id"].isin(docs_f.index)]
    rows = _fieldwork_pairs(docs, events) + _publication_pairs(docs, events)
    return pd.DataFrame(rows, columns=COLUMNS)


@per_tables
def date_conflicts(tables: dict, force: str | None = None) -> pd.DataFrame:
    """The pairs that cannot both be true: show both, with their quotes."""
    out = date_statements(tables, force)
    return out[~out["agrees"].astype(bool)].reset_index(drop=True)
