"""From a read Document to rows of the tidy tables (without doc_id and force: the caller adds them).

``parse_document`` is the one entry point the orchestrator calls. Reports give case grades,
recommendations, findings and (reviews) progress; press pages and commissioners' letters give
claims and the report they are about. Every row with a figure or a date carries its page and an
exact quote from that page's normalised text.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportkit.extract import (
    area_grades,
    findings,
    genre,
    grades,
    kinds,
    ratings,
    recommendations,
    sentences,
    tracker,
)
from reportkit.extract.claims import document_claims
from reportkit.extract.kinds import Dated
from reportkit.read.document import Document
from reportkit.vocabulary import ANNOUNCING_GENRES

REPORT_KINDS = ("inspection", "review", "reinspection", "update", "thematic", "other")
REVIEW_KINDS = ("review", "reinspection", "update")


@dataclass
class Parsed:
    meta: dict
    case_grades: list[dict] = field(default_factory=list)
    recommendations: list[dict] = field(default_factory=list)
    findings: list[dict] = field(default_factory=list)
    progress: list[dict] = field(default_factory=list)
    events: list[dict] = field(default_factory=list)
    claims: list[dict] = field(default_factory=list)
    unread_statements: list[dict] = field(default_factory=list)
    area_grades: list[dict] = field(default_factory=list)
    recommendation_status: list[dict] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _event(name: str, when: Dated | None, end: bool = False) -> dict | None:
    if when is None:
        return None
    cited = bool(when.quote)
    return {"event": name, "date": when.end if end else when.start, "precision": when.precision,
            "page": when.page if cited else None, "quote": when.quote if cited else None}


def _meta(doc: Document) -> tuple[dict, Dated | None, Dated | None]:
    kind, genre = kinds.kind_and_genre(doc)
    pub, notes = kinds.published_and_conflicts(doc, kind, genre)
    work = None
    if kind in REPORT_KINDS:  # a press text or letter saying when inspectors visited quotes the report
        work, more = kinds.fieldwork_and_conflicts(doc, kind, pub.start if pub else None)
        notes += more
    # two sources that disagree are shown on the document's row, never resolved silently
    doc.warnings.extend(n for n in notes if n not in doc.warnings)
    meta = {
        "kind": kind, "title": kinds.title(doc, genre), "force": kinds.force(doc, kind),
        "published": pub.start if pub else None,
        "published_precision": pub.precision if pub else None,
        "fieldwork_start": work.start if work else None,
        "fieldwork_end": work.end if work else None,
        "fieldwork_precision": work.precision if work else None,
        "genre": genre, "text_source": doc.meta.get("text_source"),
        "about": None, "about_published": None, "about_fieldwork": None,
    }
    if kind in ("press", "pcc_response"):
        about_pub, about_work = kinds.about(doc, pub)
        meta["about_published"] = about_pub.start if about_pub else None
        meta["about_fieldwork"] = about_work.start if about_work else None
        meta["about"] = _about_text(about_pub, about_work)
    return meta, pub, work


def _about_text(pub: Dated | None, work: Dated | None) -> str | None:
    parts = []
    if pub:
        parts.append("report published " + _when(pub))
    if work:
        parts.append("fieldwork " + _when(work))
    return "; ".join(parts) or None


def _when(d: Dated) -> str:
    return d.start.strftime("%-d %B %Y" if d.precision == "day" else "%B %Y")


def _events(kind: str, pub: Dated | None, work: Dated | None) -> list[dict]:
    name = {"press": "press_published", "pcc_response": "response_published"}.get(kind, "published")
    rows = [_event(name, pub), _event("fieldwork_start", work), _event("fieldwork_end", work, True)]
    return [r for r in rows if r is not None]


def parse_document(doc: Document) -> Parsed:
    """Every row reportkit extracts from one document, plus plain-English warnings."""
    sentences.clear_cache()  # the modules share one split of each page, for this document only
    genre.text_mentions.cache_clear()
    try:
        return _parse(doc)
    finally:
        sentences.clear_cache()
        genre.text_mentions.cache_clear()


def _distinct(unread: list[dict]) -> list[dict]:
    """Each unread statement once (a summary and the body may both state it)."""
    seen, out = set(), []
    for u in unread:
        key = (u["page"], u["quote"], u["reason"])
        if key not in seen:
            seen.add(key)
            out.append({"page": u["page"], "quote": u["quote"], "reason": u["reason"]})
    return out


def _parse(doc: Document) -> Parsed:
    meta, pub, work = _meta(doc)
    out = Parsed(meta=meta, events=_events(meta["kind"], pub, work))
    if meta["kind"] in REVIEW_KINDS:
        base = _event("baseline_fieldwork", kinds.baseline_fieldwork(doc))
        out.events += [base] if base else []
    if pub is None:
        out.warnings.append("no publication date found")
    if meta["kind"] in ("press", "pcc_response"):
        out.claims = document_claims(doc, out.unread_statements)
        out.unread_statements = _distinct(out.unread_statements)
        _areas_and_statuses(doc, out, pub)
        return out
    year = (meta["fieldwork_start"] or meta["published"]) if meta["kind"] in REVIEW_KINDS else None
    out.case_grades, grade_warnings = grades.document_grades(
        doc, review_year=year.year if year else None, unread=out.unread_statements)
    out.unread_statements = _distinct(out.unread_statements)
    out.warnings += grade_warnings
    recs = recommendations.document_recommendations(doc, meta["kind"], meta["genre"])
    out.recommendations = recommendations.rows(recs)
    if meta["kind"] in REVIEW_KINDS:
        out.progress = ratings.document_progress(doc, recs, meta["genre"])
    if meta["genre"] not in ANNOUNCING_GENRES:  # a page announcing a report restates its findings
        out.findings = findings.document_findings(doc, {r.quote for r in recs}, recs)
    _areas_and_statuses(doc, out, pub, tracked=genre.is_tracker_page(doc, len(recs), meta["genre"]))
    return out


def _areas_and_statuses(doc: Document, out: Parsed, pub: Dated | None, tracked: bool = False) -> None:
    """Graded areas (and no case grade or claim read from an area statement: "adequate in three"
    counts areas), and recommendation statuses from a tracker, a review's ratings or a letter."""
    if tracked:
        out.recommendation_status = tracker.tracker_status(doc)
        return
    if pub is None or pub.start.year >= area_grades.FIRST_YEAR:  # no graded areas before 2024
        out.case_grades = [r for r in out.case_grades if not area_grades.is_area_statement(r["quote"])]
        out.claims = [c for c in out.claims if not area_grades.is_area_statement(c["quote"])]
        out.area_grades, notes = area_grades.document_areas(doc)
        out.warnings += notes
    day, precision = (pub.start, pub.precision) if pub else (None, None)
    if out.progress:
        out.recommendation_status = tracker.review_status(out.progress, day, precision)
    elif out.meta["kind"] == "pcc_response":
        out.recommendation_status = tracker.letter_status(doc, day, precision)
