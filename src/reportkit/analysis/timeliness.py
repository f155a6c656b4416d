"""Timeliness per report: fieldwork to publication, publication to response, and the 56-day rule.

A date known only to the month (or year) makes every lag that uses it a range: the functions here
return the earliest and latest possible lag and say so, rather than pretending to a day.

A report is a document of a report kind whose genre is not a page that only announces or tracks
one (a publication page, a recommendation-tracker page): those never make a lane or lag row of
their own, but a publication page may lend its date to the one report it announces when that
report's own copy gives none.
"""
from __future__ import annotations

import pandas as pd

from reportkit import config, forces
from reportkit.analysis.comparison import documents_index, frame
from reportkit.tables.schema import REPORT_KINDS
from reportkit.vocabulary import ANNOUNCING_GENRES

RESPONSE_KINDS = ("pcc_response",)
RULE_FROM = pd.Timestamp(config.PCC_RESPONSE_RULE_FROM)


def bounds(ts, precision: str | None) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day a date of this precision may stand for."""
    if pd.isna(ts):
        return (pd.NaT, pd.NaT)
    ts = pd.Timestamp(ts).normalize()
    if precision == "month":
        return (ts.replace(day=1), ts.replace(day=1) + pd.offsets.MonthEnd(0))
    if precision == "year":
        return (ts.replace(month=1, day=1), ts.replace(month=12, day=31))
    return (ts, ts)


def lag(start, start_prec, end, end_prec) -> tuple[float, float]:
    """Shortest and longest possible number of days from start to end.

    The end follows the start (publication after fieldwork, a reply after the report), so when
    imprecise dates overlap the shortest possible lag is 0, not negative.
    """
    s0, s1 = bounds(start, start_prec)
    e0, e1 = bounds(end, end_prec)
    if pd.isna(s0) or pd.isna(e0):
        return (float("nan"), float("nan"))
    hi = float((e1 - s0).days)
    return (min(max(0.0, float((e0 - s1).days)), hi), hi)


def lag_text(lo: float, hi: float) -> str:
    if pd.isna(lo):
        return "unknown"
    if lo == hi:
        return f"{lo:.0f} days"
    return f"{lo:.0f}-{hi:.0f} days (a date is known only to the month or year)"


def _precision(tables: dict, doc_id: str, event: str, default: str = "day") -> str:
    """The precision of a document's date, from the events table when it records one."""
    ev = frame(tables, "events")
    hit = ev[(ev["doc_id"] == doc_id) & (ev["event"] == event)]["precision"].dropna()
    return str(hit.iloc[0]) if len(hit) else default


def _pub_precision(docs: pd.DataFrame, doc_id) -> str:
    value = docs.at[doc_id, "published_precision"] if doc_id in docs.index else None
    return "day" if value is None or pd.isna(value) else str(value)


def _is_report(docs: pd.DataFrame) -> pd.Series:
    mask = docs["kind"].isin(REPORT_KINDS)
    if "genre" in docs.columns:
        mask &= ~docs["genre"].isin(ANNOUNCING_GENRES).fillna(False).astype(bool)
    return mask


def report_documents(tables: dict) -> pd.DataFrame:
    """The documents index, with a report's missing publication date taken from the one
    publication page that announces it (same force and kind, and same fieldwork month where
    both give one); a page that matches no report, or more than one, lends nothing."""
    docs = documents_index(tables).copy()
    if "genre" not in docs.columns:
        return docs
    pages = docs[docs["kind"].isin(REPORT_KINDS) & (docs["genre"] == "publication_page")
                 & docs["published"].notna()]
    for doc_id, d in docs[_is_report(docs) & docs["published"].isna()].iterrows():
        same = pages[(pages["force"] == d["force"]) & (pages["kind"] == d["kind"])]
        if pd.notna(d.get("fieldwork_end")):
            same = same[same["fieldwork_end"].isna() | (
                pd.to_datetime(same["fieldwork_end"]).dt.to_period("M")
                == pd.Timestamp(d["fieldwork_end"]).to_period("M"))]
        if len(same) == 1:
            docs.at[doc_id, "published"] = same["published"].iloc[0]
            docs.at[doc_id, "published_precision"] = same["published_precision"].iloc[0]
    return docs


def responses_for(docs: pd.DataFrame, report_id: str) -> pd.DataFrame:
    """Commissioner responses to a report: linked by answers_doc_id, else the force's next one."""
    resp = docs[docs["kind"].isin(RESPONSE_KINDS)]
    linked = resp[resp["answers_doc_id"] == report_id]
    if len(linked):
        return linked.sort_values("published")
    report = docs.loc[report_id]
    later_reports = docs[(docs["force"] == report["force"]) & _is_report(docs)
                         & (docs["published"] > report["published"])]["published"]
    until = later_reports.min() if len(later_reports) else pd.Timestamp.max
    unlinked = resp[resp["answers_doc_id"].isna() & (resp["force"] == report["force"])
                    & (resp["published"] >= report["published"]) & (resp["published"] < until)]
    return unlinked.sort_values("published")


def rule_status(published, pub_prec, response, resp_prec) -> tuple[str, str]:
    """met / missed / not_applicable / uncertain / unknown for the 56-day response limit."""
    p0, p1 = bounds(published, pub_prec)
    if pd.isna(p0):
        return "unknown", "publication date unknown"
    if p1 < RULE_FROM:
        return "not_applicable", (f"published before {RULE_FROM:%d %B %Y}, when s.37 of the "
                                  "Policing and Crime Act 2017 brought in the 56-day limit")
    if p0 < RULE_FROM:
        return "uncertain", "publication month straddles the date the 56-day limit began"
    days = config.PCC_RESPONSE_DAYS
    if pd.isna(response):
        return "unknown", "no commissioner response found in the corpus"
    lo, hi = lag(published, pub_prec, response, resp_prec)
    if hi <= days:
        return "met", f"response after {lag_text(lo, hi)}, within {days}"
    if lo > days:
        return "missed", f"response after {lag_text(lo, hi)}, more than {days}"
    return "uncertain", f"response after {lag_text(lo, hi)}: may or may not be within {days}"


def _report_row(tables: dict, docs: pd.DataFrame, doc_id: str) -> dict:
    d = docs.loc[doc_id]
    pub_prec = _pub_precision(docs, doc_id)
    fw_prec = _precision(tables, doc_id, "fieldwork_end")
    fw_lo, fw_hi = lag(d["fieldwork_end"], fw_prec, d["published"], pub_prec)
    resp = responses_for(docs, doc_id)
    r_date = resp["published"].iloc[0] if len(resp) else pd.NaT
    r_prec = _pub_precision(docs, resp.index[0]) if len(resp) else "day"
    r_lo, r_hi = lag(d["published"], pub_prec, r_date, r_prec)
    status, reason = rule_status(d["published"], pub_prec, r_date, r_prec)
    due = d["published"] + pd.Timedelta(days=config.ACTION_PLAN_DAYS)
    return {
        "force": d["force"], "doc_id": doc_id, "kind": d["kind"], "title": d["title"],
        "fieldwork_end": d["fieldwork_end"], "fieldwork_precision": fw_prec,
        "published": d["published"], "published_precision": pub_prec,
        "fieldwork_to_publication_min": fw_lo, "fieldwork_to_publication_max": fw_hi,
        "fieldwork_to_publication": lag_text(fw_lo, fw_hi),
        "action_plan_due": due, "action_plan_days": config.ACTION_PLAN_DAYS,
        "response_doc_id": resp.index[0] if len(resp) else pd.NA, "response_published": r_date,
        "publication_to_response_min": r_lo, "publication_to_response_max": r_hi,
        "publication_to_response": lag_text(r_lo, r_hi),
        "rule_56_days": status, "rule_reason": reason,
    }


def lag_table(tables: dict, force: str | None = None) -> pd.DataFrame:
    """One row per report: lags (as ranges where a date is imprecise) and the 56-day rule."""
    docs = report_documents(tables)
    slug = forces.resolve(force) if force else None
    reports = docs[_is_report(docs)]
    if slug:
        reports = reports[reports["force"] == slug]
    rows = [_report_row(tables, docs, d) for d in reports.sort_values("published").index]
    out = pd.DataFrame(rows)
    if out.empty:
        return pd.DataFrame(columns=list(_empty_columns()))
    return out.reset_index(drop=True)


def _empty_columns():
    return ("force", "doc_id", "kind", "title", "fieldwork_end", "fieldwork_precision",
            "published", "published_precision", "fieldwork_to_publication_min",
            "fieldwork_to_publication_max", "fieldwork_to_publication", "action_plan_due",
            "action_plan_days", "response_doc_id", "response_published",
            "publication_to_response_min", "publication_to_response_max",
            "publication_to_response", "rule_56_days", "rule_reason")


def lag_spread(tables: dict) -> pd.DataFrame:
    """Across forces: fieldwork-to-publication lag per report with a midpoint for ranking."""
    t = lag_table(tables)
    t = t[t["fieldwork_to_publication_min"].notna()].copy()
    t["fieldwork_to_publication_mid"] = (
        t["fieldwork_to_publication_min"] + t["fieldwork_to_publication_max"]) / 2
    return t[["force", "doc_id", "kind", "published", "fieldwork_to_publication_min",
              "fieldwork_to_publication_max", "fieldwork_to_publication_mid",
              "fieldwork_to_publication"]].reset_index(drop=True)


def force_events(tables: dict, force: str) -> pd.DataFrame:
    """Every dated event of one force for its timeline: one row per event with its precision."""
    slug = forces.resolve(force)
    docs = report_documents(tables)
    t = lag_table(tables, slug)
    rows = []
    for r in t.itertuples():
        start = docs.at[r.doc_id, "fieldwork_start"]
        fs_prec = _precision(tables, r.doc_id, "fieldwork_start")
        rows += [
            _event(r, "fieldwork_start", start, fs_prec),
            _event(r, "fieldwork_end", r.fieldwork_end, r.fieldwork_precision),
            _event(r, "published", r.published, r.published_precision),
            _event(r, "action_plan_due", r.action_plan_due, r.published_precision),
        ]
        if r.rule_56_days not in ("not_applicable", "unknown") and pd.notna(r.published):
            end = r.published + pd.Timedelta(days=config.PCC_RESPONSE_DAYS)
            rows.append(_event(r, "response_due", end, r.published_precision))
    mine = docs[(docs["force"] == slug) & docs["kind"].isin(("press", "pcc_response"))]
    for doc_id, d in mine.iterrows():
        name = "response_published" if d["kind"] == "pcc_response" else "press_published"
        rows.append({"force": slug, "doc_id": doc_id, "report_doc_id": d["answers_doc_id"],
                     "kind": d["kind"], "event": name, "date": d["published"],
                     "precision": _pub_precision(docs, doc_id)})
    out = pd.DataFrame(rows, columns=["force", "doc_id", "report_doc_id", "kind", "event", "date",
                                      "precision"])
    return out.dropna(subset=["date"]).sort_values("date", kind="stable", ignore_index=True)


def _event(r, event: str, date, precision: str) -> dict:
    return {"force": r.force, "doc_id": r.doc_id, "report_doc_id": r.doc_id, "kind": r.kind,
            "event": event, "date": date, "precision": precision}
