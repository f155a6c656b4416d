"""Recommendation progress: each earlier recommendation, its due date, and what the follow-up says."""
from __future__ import annotations

import re

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import documents_index, frame
from reportkit.tables import schema

# Ratings that a reader must not miss.
STAND_OUT = ("no_progress", "limited_progress")
RATING_RANK = {r: i for i, r in enumerate(schema.RATINGS)}


def _key(value) -> str:
    """Match '2', 'Recommendation 2', 2.0 and '2.' alike; areas match on their words."""
    if value is None or pd.isna(value):
        return ""
    text = str(value).strip().lower()
    number = re.fullmatch(r"(?:recommendation\s*)?(\d+)(?:\.0)?\.?", text)
    return number.group(1) if number else re.sub(r"[^a-z0-9]+", " ", text).strip()


def _due(row: pd.Series, docs: pd.DataFrame):
    if pd.notna(row["due"]):
        return row["due"], "stated"
    pub = docs.at[row["doc_id"], "published"] if row["doc_id"] in docs.index else pd.NaT
    if pd.notna(pub) and pd.notna(row["timescale_days"]):
        return pub + pd.Timedelta(days=int(row["timescale_days"])), "publication + time limit"
    return pd.NaT, "unknown"


def progress_table(tables: dict, force: str) -> pd.DataFrame:
    """One row per recommendation (and per progress note that names no recommendation)."""
    slug = forces.resolve(force)
    docs = documents_index(tables)
    recs = frame(tables, "recommendations", slug)
    prog = frame(tables, "progress", slug)
    recs["key"] = recs["number"].map(_key)
    prog["key"] = prog["recommendation"].map(_key)
    recs["published"] = recs["doc_id"].map(lambda d: docs["published"].get(d, pd.NaT))
    prog["published"] = prog["doc_id"].map(lambda d: docs["published"].get(d, pd.NaT))
    rows, matched = [], set()
    for _, r in recs.iterrows():
        later = _later(r, prog)
        rows.append(_rec_row(r, later, docs))
        # every follow-up that rated it is accounted for, not only the latest word
        matched |= {f"{d}|{r['key']}" for d in later["doc_id"]}
    for _, p in prog.iterrows():
        if f"{p['doc_id']}|{p['key']}" not in matched:
            rows.append(_orphan_row(p, slug))
    out = pd.DataFrame(rows, columns=_COLUMNS)
    out["stands_out"] = out["rating"].isin(STAND_OUT)
    return out.drop(columns="key").reset_index(drop=True)


_COLUMNS = ["force", "doc_id", "number", "key", "text", "timescale", "timescale_days", "due",
            "due_source", "page", "followup_doc_id", "followup_published", "rating",
            "progress_page", "progress_quote"]


def _later(r: pd.Series, prog: pd.DataFrame) -> pd.DataFrame:
    """Progress notes on recommendation ``r`` from later documents, oldest first."""
    later = prog[(prog["key"] == r["key"]) & (prog["doc_id"] != r["doc_id"])]
    if pd.notna(r["published"]):
        later = later[~(later["published"] < r["published"])]
    return later.sort_values("published", kind="stable")


def _rec_row(r: pd.Series, later: pd.DataFrame, docs: pd.DataFrame) -> dict:
    due, source = _due(r, docs)
    hit = later.iloc[-1] if len(later) else None  # the latest word on it
    return {"force": r["force"], "doc_id": r["doc_id"], "number": r["number"], "key": r["key"],
            "text": r["text"], "timescale": r["timescale"],
            "timescale_days": r["timescale_days"], "due": due, "due_source": source,
            "page": r["page"],
            "followup_doc_id": hit["doc_id"] if hit is not None else "",
            "followup_published": hit["published"] if hit is not None else pd.NaT,
            "rating": hit["rating"] if hit is not None else "not_followed_up",
            "progress_page": hit["page"] if hit is not None else pd.NA,
            "progress_quote": hit["quote"] if hit is not None else ""}


def _orphan_row(p: pd.Series, slug: str) -> dict:
    """A progress note whose recommendation is not in the corpus: kept, not dropped."""
    return {"force": slug, "doc_id": pd.NA, "number": pd.NA, "key": p["key"],
            "text": f"(not in the corpus) {p['recommendation']}", "timescale": pd.NA,
            "timescale_days": pd.NA, "due": pd.NaT, "due_source": "unknown", "page": pd.NA,
            "followup_doc_id": p["doc_id"], "followup_published": p["published"],
            "rating": p["rating"], "progress_page": p["page"], "progress_quote": p["quote"]}


def progress_summary(table: pd.DataFrame) -> pd.DataFrame:
    """Recommendations per rating, best first, with the rating's share."""
    order = [*schema.RATINGS, "not_followed_up"]
    counts = table["rating"].value_counts().reindex(order, fill_value=0)
    out = counts.rename("recommendations").rename_axis("rating").reset_index()
    total = out["recommendations"].sum()
    out["share"] = out["recommendations"] / total if total else 0.0
    return out
