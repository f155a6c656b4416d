"""Where each figure comes from: one numbered note per quoted passage (document, page, words).

``citation_table()`` numbers every distinct (document, page, quote) that the tables hold for a
force, in the order the documents were published, then by page: the same numbers whichever
section of a briefing asks, so each section cites on its own and the notes list ends the page.
A publication day that the document does not print (a manifest gave it) has a note of its own.
"""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import documents_index, frame
from reportkit.analysis.memo import per_tables

QUOTED_TABLES = ("case_grades", "recommendations", "progress", "events", "claims")
MANIFEST_NOTE = ("the day of publication comes from the corpus manifest (manifest.csv): the "
                 "document does not print it")
COLUMNS = ["note", "doc_id", "page", "quote", "detail", "title", "kind", "genre", "published",
           "published_precision", "path"]


def squash(text) -> str:
    """A quote on one line, as matched and shown (PDF text keeps its line breaks)."""
    return "" if text is None or pd.isna(text) else " ".join(str(text).split())


def _quoted(tables: dict, slug: str | None) -> pd.DataFrame:
    parts = []
    for name in QUOTED_TABLES:
        t = frame(tables, name, slug)
        if len(t):
            parts.append(t[["doc_id", "page", "quote"]].assign(detail=pd.NA))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["doc_id", "page", "quote", "detail"])


def _manifest_days(tables: dict, docs: pd.DataFrame, slug: str | None) -> pd.DataFrame:
    """Documents whose day of publication is known but printed only as a month (or not at all)."""
    ev = frame(tables, "events", slug)
    printed = set(ev[(ev["event"] == "published") & (ev["precision"] == "day")]["doc_id"])
    mine = docs if slug is None else docs[docs["force"] == slug]
    days = mine[(mine["published_precision"].astype("string") == "day")
                & mine["published"].notna() & ~mine.index.isin(list(printed))
                & ~mine["kind"].isin(("press", "pcc_response"))]
    return pd.DataFrame({"doc_id": days.index, "page": pd.NA, "quote": pd.NA,
                         "detail": MANIFEST_NOTE})


@per_tables
def citation_table(tables: dict, force: str | None = None) -> pd.DataFrame:
    """Every citable passage for a force (None: every force), numbered from 1."""
    slug = forces.resolve(force) if force else None
    docs = documents_index(tables)
    rows = pd.concat([_quoted(tables, slug), _manifest_days(tables, docs, slug)],
                     ignore_index=True)
    rows["quote"] = rows["quote"].map(squash).replace("", pd.NA)
    rows = rows.dropna(subset=["doc_id"])
    rows = rows[rows["quote"].notna() | rows["detail"].notna()]
    rows = rows.drop_duplicates(["doc_id", "page", "quote", "detail"])
    info = docs.reindex(rows["doc_id"])
    for col in ("title", "kind", "genre", "published", "published_precision", "path"):
        rows[col] = info[col].to_numpy() if col in info else pd.NA
    rows["_page"] = pd.to_numeric(rows["page"], errors="coerce").fillna(0)
    rows = rows.sort_values(["published", "doc_id", "_page"], kind="stable", na_position="last")
    rows = rows.drop(columns="_page").reset_index(drop=True)
    rows.insert(0, "note", range(1, len(rows) + 1))
    return rows[COLUMNS]


def _key(doc_id, page, quote) -> tuple:
    page = None if page is None or pd.isna(page) else int(page)
    return (str(doc_id), page, squash(quote))


def note_index(notes: pd.DataFrame) -> dict[tuple, int]:
    """(doc_id, page, quote on one line) -> note number; (doc_id, None, '') for a manifest note."""
    out: dict[tuple, int] = {}
    for r in notes.itertuples():
        out.setdefault(_key(r.doc_id, r.page, r.quote), int(r.note))
    return out


def notes_for(index: dict[tuple, int], doc_id, page=None, quote=None) -> list[int]:
    """The note of one passage ([] when none: a figure with no quote is never given a source)."""
    if doc_id is None or pd.isna(doc_id):
        return []
    hit = index.get(_key(doc_id, page, quote))
    return [hit] if hit else []
