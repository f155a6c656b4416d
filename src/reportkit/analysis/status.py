"""Each recommendation's status over time, on one ordered scale (vocabulary.REC_STATUSES).

``status_history(tables, force)`` is one row per status a source gives, each tied to the report
that made the recommendation (``report_doc_id``, derived here and said so in ``linked_by``):
a tracker page to the force's report published the day (else the month) its recommendation was;
a review's rating to the force's latest inspection before it; a commissioner's letter to the report
it answers (and, when that is a review, to the inspection the review followed up). Unlinked rows
keep their own source as the start. ``status_spans`` turns the history into steps from the
report's publication to the latest source, for the chart.
"""
from __future__ import annotations

from difflib import SequenceMatcher

import pandas as pd

from reportkit.analysis.memo import per_tables
from reportkit.vocabulary import ANNOUNCING_GENRES, REC_STATUS_WORDS, REC_STATUSES, REPORT_KINDS

_SAME_TEXT = 0.9  # share of matching characters for two wordings to be one recommendation
COLUMNS = ["recommendation", "tracker_id", "report_doc_id", "report_published", "report_title", "linked_by",
           "date", "precision", "status", "status_text", "status_words", "source", "comment",
           "doc_id", "page", "quote"]


def _reports(docs: pd.DataFrame, force: str) -> pd.DataFrame:
    keep = ((docs["force"] == force) & docs["kind"].isin(REPORT_KINDS)
            & ~docs["genre"].isin(ANNOUNCING_GENRES) & docs["published"].notna())
    return docs[keep].sort_values("published")


def _followed_up(reports: pd.DataFrame, published) -> pd.Series | None:
    """The latest inspection (or re-inspection) published before ``published``."""
    earlier = reports[reports["kind"].isin(("inspection", "reinspection"))
                      & (reports["published"] < published)]
    return earlier.iloc[-1] if len(earlier) else None


def _tracked(reports: pd.DataFrame, published) -> pd.Series | None:
    """The report published the same day as the tracker's recommendation, else the same month."""
    if pd.isna(published):
        return None
    for same in (reports["published"] == published,
                 reports["published"].dt.to_period("M") == pd.Timestamp(published).to_period("M")):
        if same.sum() == 1:
            return reports[same].iloc[0]
    return None


def _same_text(a, b) -> bool:
    """Two wordings of one recommendation: the same words, give or take a few (a tracker page
    restates the report's recommendation, sometimes with its punctuation or a bullet changed)."""
    if not isinstance(a, str) or not isinstance(b, str):
        return False
    a, b = " ".join(a.lower().split()), " ".join(b.lower().split())
    return SequenceMatcher(None, a, b, autojunk=False).ratio() >= _SAME_TEXT


def _by_text(tables: dict, tracker_doc: str, reports: pd.DataFrame) -> tuple[pd.Series | None, str | None]:
    """(report, number) whose recommendation the tracker page restates, when exactly one does."""
    recs = tables.get("recommendations")
    if recs is None or recs.empty:
        return None, None
    own = recs[recs["doc_id"] == tracker_doc]["text"]
    theirs = recs[recs["doc_id"].isin(reports["doc_id"])]
    found = [(r.doc_id, r.number) for r in theirs.itertuples() if len(own) and _same_text(own.iloc[0], r.text)]
    if len(found) != 1:
        return None, None
    doc_id, number = found[0]
    return reports[reports["doc_id"] == doc_id].iloc[0], (None if pd.isna(number) else str(int(number)))


def _link(row: pd.Series, doc: pd.Series, docs: pd.DataFrame, reports: pd.DataFrame):
    """(report row, how it was linked) for one status row."""
    if row["source"] == "tracker":
        return _tracked(reports, doc["published"]), "tracker published with the report"
    if row["source"] == "review":
        return _followed_up(reports, doc["published"]), "the inspection the review followed up"
    answered = docs[docs["doc_id"] == doc.get("answers_doc_id")]
    if answered.empty:
        return None, ""
    report = answered.iloc[0]
    if report["kind"] in ("review", "update"):
        return _followed_up(reports, report["published"]), "the inspection behind the review the letter answers"
    return report, "the report the letter answers"


@per_tables
def status_history(tables: dict, force: str) -> pd.DataFrame:
    """The force's status rows, linked to their reports, in order of recommendation and date."""
    rows = tables.get("recommendation_status")
    if rows is None or rows.empty:
        return pd.DataFrame(columns=COLUMNS)
    docs = tables["documents"]
    reports = _reports(docs, force)
    by_id = docs.set_index("doc_id")
    out = []
    for _, r in rows[rows["force"] == force].iterrows():
        report, how = _link(r, by_id.loc[r["doc_id"]], docs, reports)
        r = r.copy()
        if r["source"] == "tracker" and (report is None or pd.isna(r["recommendation"])):
            matched, number = _by_text(tables, r["doc_id"], reports)
            if matched is not None and (report is None or matched["doc_id"] == report["doc_id"]):
                report, how = matched, "same recommendation text as the report's (matched)"
                r["recommendation"] = r["recommendation"] if pd.notna(r["recommendation"]) else number
        out.append({**r.to_dict(), "report_doc_id": None if report is None else report["doc_id"],
                    "report_published": None if report is None else report["published"],
                    "report_title": None if report is None else report["title"],
                    "linked_by": how if report is not None else "not linked",
                    "status_words": REC_STATUS_WORDS[str(r["status"])]})
    if not out:
        return pd.DataFrame(columns=COLUMNS)
    df = pd.DataFrame(out)
    df["status"] = pd.Categorical(df["status"].astype(str), categories=list(REC_STATUSES), ordered=True)
    df["report_published"] = pd.to_datetime(df["report_published"])
    key = df["report_doc_id"].fillna(df["doc_id"])
    df = df.assign(_key=key, _n=pd.to_numeric(df["recommendation"], errors="coerce"))
    df = df.sort_values(["report_published", "_key", "_n", "recommendation", "date"], na_position="last")
    return df[COLUMNS].reset_index(drop=True)


def status_spans(history: pd.DataFrame) -> pd.DataFrame:
    """One row per recommendation and status step: start, end (the next source's date, or the
    step's own date for the last one) and status. A recommendation starts at its report's
    publication (status not yet stated until its first source)."""
    out = []
    if history.empty:
        return pd.DataFrame(columns=["row", "label", "start", "end", "status", "source"])
    keyed = history.assign(_key=history["report_doc_id"].fillna(history["doc_id"]))
    for (key, rec), steps in keyed.groupby(["_key", "recommendation"], sort=False, dropna=False):
        steps = steps.sort_values("date")
        label = _label(steps.iloc[0], rec)
        first = steps.iloc[0]
        if pd.notna(first["report_published"]) and first["report_published"] < first["date"]:
            out.append({"row": f"{key}/{rec}", "label": label, "start": first["report_published"],
                        "end": first["date"], "status": None, "source": "published"})
        dates = list(steps["date"])
        for i, s in enumerate(steps.itertuples()):
            end = dates[i + 1] if i + 1 < len(dates) else s.date
            out.append({"row": f"{key}/{rec}", "label": label, "start": s.date, "end": end,
                        "status": str(s.status), "source": s.source})
    return pd.DataFrame(out)


def _label(first: pd.Series, rec) -> str:
    year = f" ({pd.Timestamp(first['report_published']).year} report)" if pd.notna(
        first["report_published"]) else ""
    if pd.isna(rec):  # a tracker page that states no number: named by the tracker's own
        return f"Tracker entry {first['tracker_id']}{year}" if pd.notna(first["tracker_id"]) else "Recommendation"
    return f"Recommendation {rec}{year}"
