"""Timeliness per report: fieldwork to publication, publication to response, and the 56-day rule.

A date known only to the month (or year) makes every lag that uses it a range: the functions here
return the earliest and latest possible lag and say so, rather than pretending to a day.

A report is a document of a report kind whose genre is not a page that only announces or tracks
one (a publication page, a recommendation-tracker page): those never make a lane or lag row of
their own, but a publication page may lend its date to the one report it announces when that
report's own copy gives none.
"""
from __future__ import annotations

import re

import pandas as pd

from reportkit import config, forces
from reportkit.analysis.comparison import documents_index, frame
from reportkit.analysis.memo import per_tables
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


@per_tables
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


# What a commissioner's document is, read from its title and file name, formal shapes first: the
# response that counts is the formal comments the law asks for (s.55 of the Police Act 1996), a
# letter to the Home Secretary; a same-day public statement is not it. name -> (pattern, examples)
RESPONSE_SHAPES: dict[str, tuple[re.Pattern[str], list[str]]] = {
    "formal": (re.compile(r"""home \s+ secretary | section \s+ 55 | \bs\.? \s? 55\b
                              | formal \s+ (?:response|comments) | \bcomments \s+ on\b
                              | ^response \s+ to\b""", re.I | re.X),
               ["Letter to the Home Secretary", "Comments under section 55",
                "Response to the HMIC child protection report on West Yorkshire Police",
                "south-yorkshire/2015-09-17-pcc-letter-to-home-secretary.txt"]),
    "statement": (re.compile(r"\bstatement\b | press \s+ release | \bnews\b | \bwelcomes?\b",
                             re.I | re.X),
                  ["Statement on the HMIC post-inspection review of child protection",
                   "west-yorkshire/2015-01-13-pcc-statement.pdf", "PCC welcomes report"]),
}


def response_form(title, path=None) -> str:
    """formal, statement or unclear (vocabulary.RESPONSE_FORMS) for a commissioner's document."""
    for text in (title, path):
        if text is None or pd.isna(text):
            continue
        plain = re.sub(r"[-_/.]+", " ", str(text))
        for form, (shape, _) in RESPONSE_SHAPES.items():
            if shape.search(plain.strip()):
                return form
    return "unclear"


def responses_for(docs: pd.DataFrame, report_id: str) -> pd.DataFrame:
    """Commissioner documents about a report (linked by answers_doc_id, else the force's next
    ones), each with its ``form``: formal responses first, then unclear ones, then statements."""
    resp = docs[docs["kind"].isin(RESPONSE_KINDS)]
    linked = resp[resp["answers_doc_id"] == report_id]
    if linked.empty:
        report = docs.loc[report_id]
        later_reports = docs[(docs["force"] == report["force"]) & _is_report(docs)
                             & (docs["published"] > report["published"])]["published"]
        until = later_reports.min() if len(later_reports) else pd.Timestamp.max
        linked = resp[resp["answers_doc_id"].isna() & (resp["force"] == report["force"])
                      & (resp["published"] >= report["published"]) & (resp["published"] < until)]
    out = linked.assign(form=[response_form(t, p) for t, p in
                              zip(linked["title"], linked["path"], strict=True)])
    rank = out["form"].map({"formal": 0, "unclear": 1, "statement": 2})
    return out.assign(_rank=rank).sort_values(["_rank", "published"], kind="stable").drop(
        columns="_rank")


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


def computed_date(lo, hi) -> tuple[pd.Timestamp, str | None]:
    """A date worked out from an imprecise one, at the precision both bounds share: the same day
    or the same month. Wider than a month it is unknown (NaT): a chart would draw a year's date
    on 1 January, and "within six weeks of March" is no single month."""
    if pd.isna(lo) or pd.isna(hi):
        return pd.NaT, None
    if lo == hi:
        return lo, "day"
    if (lo.year, lo.month) == (hi.year, hi.month):
        return lo.replace(day=1), "month"
    return pd.NaT, None


def days_after(ts, precision, days: int) -> tuple[pd.Timestamp, str | None]:
    """``days`` after a date of some precision, at the precision the result is certain to."""
    lo, hi = bounds(ts, precision)
    if pd.isna(lo):
        return pd.NaT, None
    return computed_date(lo + pd.Timedelta(days=days), hi + pd.Timedelta(days=days))


def _response_fields(docs: pd.DataFrame, resp: pd.DataFrame) -> dict:
    """The response that counts (formal, else one that does not say) and the statements apart."""
    counts = resp[resp["form"] != "statement"]
    said = resp[resp["form"] == "statement"]
    first = counts.iloc[0] if len(counts) else None
    note = ("" if first is not None else
            "only a public statement exists, no formal response" if len(said) else
            "no commissioner response in the corpus")
    return {"response_doc_id": counts.index[0] if first is not None else pd.NA,
            "response_published": first["published"] if first is not None else pd.NaT,
            "response_precision": _pub_precision(docs, counts.index[0]) if first is not None
            else "day",
            "response_form": first["form"] if first is not None else pd.NA,
            "response_title": first["title"] if first is not None else pd.NA,
            "statement_doc_id": said.index[0] if len(said) else pd.NA,
            "statement_published": said["published"].iloc[0] if len(said) else pd.NaT,
            "response_note": note}


def _report_row(tables: dict, docs: pd.DataFrame, doc_id: str) -> dict:
    d = docs.loc[doc_id]
    pub_prec = _pub_precision(docs, doc_id)
    fw_prec = _precision(tables, doc_id, "fieldwork_end")
    fw_lo, fw_hi = lag(d["fieldwork_end"], fw_prec, d["published"], pub_prec)
    resp = _response_fields(docs, responses_for(docs, doc_id))
    r_date, r_prec = resp["response_published"], resp["response_precision"]
    r_lo, r_hi = lag(d["published"], pub_prec, r_date, r_prec)
    status, reason = rule_status(d["published"], pub_prec, r_date, r_prec)
    if status == "unknown" and pd.notna(d["published"]) and resp["response_note"]:
        reason = resp["response_note"]
    due, due_prec = days_after(d["published"], pub_prec, config.ACTION_PLAN_DAYS)
    return {
        "force": d["force"], "doc_id": doc_id, "kind": d["kind"], "title": d["title"],
        "fieldwork_end": d["fieldwork_end"], "fieldwork_precision": fw_prec,
        "published": d["published"], "published_precision": pub_prec,
        "fieldwork_to_publication_min": fw_lo, "fieldwork_to_publication_max": fw_hi,
        "fieldwork_to_publication": lag_text(fw_lo, fw_hi),
        "action_plan_due": due, "action_plan_due_precision": due_prec,
        "action_plan_days": config.ACTION_PLAN_DAYS, **resp,
        "publication_to_response_min": r_lo, "publication_to_response_max": r_hi,
        "publication_to_response": lag_text(r_lo, r_hi) if pd.notna(r_date)
        else resp["response_note"],
        "rule_56_days": status, "rule_reason": reason,
    }


@per_tables
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
            "action_plan_due_precision", "action_plan_days", "response_doc_id",
            "response_published", "response_precision", "response_form", "response_title",
            "statement_doc_id", "statement_published", "response_note",
            "publication_to_response_min", "publication_to_response_max",
            "publication_to_response", "rule_56_days", "rule_reason")


@per_tables
def lag_spread(tables: dict) -> pd.DataFrame:
    """Across forces: fieldwork-to-publication lag per report with a midpoint for ranking."""
    t = lag_table(tables)
    t = t[t["fieldwork_to_publication_min"].notna()].copy()
    t["fieldwork_to_publication_mid"] = (
        t["fieldwork_to_publication_min"] + t["fieldwork_to_publication_max"]) / 2
    return t[["force", "doc_id", "kind", "published", "fieldwork_to_publication_min",
              "fieldwork_to_publication_max", "fieldwork_to_publication_mid",
              "fieldwork_to_publication"]].reset_index(drop=True)


@per_tables
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
            _event(r, "action_plan_due", r.action_plan_due, r.action_plan_due_precision),
        ]
        if r.rule_56_days not in ("not_applicable", "unknown") and pd.notna(r.published):
            end, prec = days_after(r.published, r.published_precision, config.PCC_RESPONSE_DAYS)
            rows.append(_event(r, "response_due", end, prec))
    mine = docs[(docs["force"] == slug) & docs["kind"].isin(("press", "pcc_response"))]
    for doc_id, d in mine.iterrows():
        response = d["kind"] == "pcc_response"
        rows.append({"force": slug, "doc_id": doc_id, "report_doc_id": d["answers_doc_id"],
                     "kind": d["kind"], "event": "response_published" if response
                     else "press_published", "date": d["published"],
                     "precision": _pub_precision(docs, doc_id),
                     "form": response_form(d["title"], d["path"]) if response else pd.NA})
    # ``form`` tells a commissioner's formal response from a public statement (RESPONSE_SHAPES)
    out = pd.DataFrame(rows, columns=["force", "doc_id", "report_doc_id", "kind", "event", "date",
                                      "precision", "form"])
    return out.dropna(subset=["date"]).sort_values("date", kind="stable", ignore_index=True)


def _event(r, event: str, date, precision: str | None) -> dict:
    return {"force": r.force, "doc_id": r.doc_id, "report_doc_id": r.doc_id, "kind": r.kind,
            "event": event, "date": date, "precision": precision, "form": pd.NA}
