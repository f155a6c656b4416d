"""Recommendation progress: each earlier recommendation, its due date, and what the follow-up says."""
from __future__ import annotations

import re

import pandas as pd

from reportkit import forces
from reportkit.analysis.comparison import documents_index, frame
from reportkit.analysis.memo import per_tables
from reportkit.analysis.timeliness import bounds, computed_date
from reportkit.extract.counts import COUNT, parse_count
from reportkit.tables import schema
from reportkit.vocabulary import ANNOUNCING_GENRES

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


_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
# A time limit as a recommendation states it: name -> (pattern, examples). Months and years are
# calendar ones ("within three months" of 13 January is 13 April, not 91 days later).
LIMIT_SHAPES: dict[str, tuple[re.Pattern[str], list[str]]] = {
    "now": (re.compile(r"\bimmediate(?:ly)?\b", re.I), ["Immediately", "with immediate effect"]),
    "within": (re.compile(rf"""\b(?P<n>{COUNT}|an?) \s+ (?:calendar\s+)?
                               (?P<unit>day|week|month|year)s?\b""", re.I | re.X),
               ["Within three months", "within 6 weeks", "within a year"]),
    "by": (re.compile(rf"""\bby \s+ (?P<end>the \s+ end \s+ of \s+)?
                           (?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)? \s+)?
                           (?P<month>{_MONTH}) \s+ (?P<year>\d{{4}})""", re.I | re.X),
           ["By 31 March 2016", "by the end of June 2017", "by March 2016"]),
}
_UNIT_OFFSET = {"day": "days", "week": "weeks", "month": "months", "year": "years"}


def _limit_bounds(lo: pd.Timestamp, hi: pd.Timestamp, timescale, days):
    """Earliest and latest due day for a publication between ``lo`` and ``hi``."""
    text = "" if timescale is None or pd.isna(timescale) else str(timescale)
    if "working" in text.lower():
        return pd.NaT, pd.NaT  # working days are not calendar days
    if LIMIT_SHAPES["now"][0].search(text):
        return lo, hi
    by = LIMIT_SHAPES["by"][0].search(text)
    if by:
        month = pd.Timestamp(f"1 {by['month']} {by['year']}")
        if by["day"]:
            return (month.replace(day=int(by["day"])),) * 2
        end = month + pd.offsets.MonthEnd(0)
        return (end, end) if by["end"] else (month, end)
    within = LIMIT_SHAPES["within"][0].search(text)
    n = None
    if within:
        n = 1 if within["n"].lower() in ("a", "an") else parse_count(within["n"])
    if n is not None and within:
        step = pd.DateOffset(**{_UNIT_OFFSET[within["unit"].lower()]: int(n)})
        return lo + step, hi + step
    if days is not None and not pd.isna(days):  # no wording to go by: the days extraction gave
        return lo + pd.Timedelta(days=int(days)), hi + pd.Timedelta(days=int(days))
    return pd.NaT, pd.NaT


def due_date(published, precision, timescale, days=None) -> tuple[pd.Timestamp, str | None]:
    """(due date, its precision) for a recommendation: calendar months from the publication date,
    as precise as that date is (a publication known to the month gives a due month); NaT when
    the limit or the date does not fix a day or a month."""
    lo, hi = bounds(published, precision)
    if pd.isna(lo):
        return pd.NaT, None
    return computed_date(*_limit_bounds(lo, hi, timescale, days))


def _due(row: pd.Series, docs: pd.DataFrame):
    if pd.notna(row["due"]):
        return row["due"], "day", "stated"
    pub = docs.at[row["doc_id"], "published"] if row["doc_id"] in docs.index else pd.NaT
    prec = docs.at[row["doc_id"], "published_precision"] if row["doc_id"] in docs.index else None
    due, due_prec = due_date(pub, None if pd.isna(prec) else str(prec), row["timescale"],
                             row["timescale_days"])
    if pd.notna(due):
        return due, due_prec, "publication + time limit"
    return pd.NaT, None, "unknown"


@per_tables
def progress_table(tables: dict, force: str) -> pd.DataFrame:
    """One row per recommendation (and per progress note that names no recommendation)."""
    slug = forces.resolve(force)
    docs = documents_index(tables)
    recs = frame(tables, "recommendations", slug)
    # a tracker or publication page restates its report's recommendations: not more of them
    pages = docs.index[docs["genre"].isin(ANNOUNCING_GENRES).fillna(False).astype(bool)] if (
        "genre" in docs) else []
    recs = recs[~recs["doc_id"].isin(list(pages))]
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
            "due_precision", "due_source", "page", "quote", "followup_doc_id",
            "followup_published", "rating", "progress_page", "progress_quote"]


def _later(r: pd.Series, prog: pd.DataFrame) -> pd.DataFrame:
    """Progress notes on recommendation ``r`` from later documents, oldest first."""
    later = prog[(prog["key"] == r["key"]) & (prog["doc_id"] != r["doc_id"])]
    if pd.notna(r["published"]):
        later = later[~(later["published"] < r["published"])]
    return later.sort_values("published", kind="stable")


def _rec_row(r: pd.Series, later: pd.DataFrame, docs: pd.DataFrame) -> dict:
    due, due_prec, source = _due(r, docs)
    hit = later.iloc[-1] if len(later) else None  # the latest word on it
    return {"force": r["force"], "doc_id": r["doc_id"], "number": r["number"], "key": r["key"],
            "text": r["text"], "timescale": r["timescale"],
            "timescale_days": r["timescale_days"], "due": due, "due_precision": due_prec,
            "due_source": source,
            "page": r["page"], "quote": r["quote"],
            "followup_doc_id": hit["doc_id"] if hit is not None else "",
            "followup_published": hit["published"] if hit is not None else pd.NaT,
            "rating": hit["rating"] if hit is not None else "not_followed_up",
            "progress_page": hit["page"] if hit is not None else pd.NA,
            "progress_quote": hit["quote"] if hit is not None else ""}


def _orphan_row(p: pd.Series, slug: str) -> dict:
    """A progress note whose recommendation is not in the corpus: kept, not dropped."""
    return {"force": slug, "doc_id": pd.NA, "number": pd.NA, "key": p["key"],
            "text": f"(not in the corpus) {p['recommendation']}", "timescale": pd.NA,
            "timescale_days": pd.NA, "due": pd.NaT, "due_precision": None, "due_source": "unknown",
            "page": pd.NA, "quote": pd.NA,
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
