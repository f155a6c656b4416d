"""The words reportkit uses for its facts: document kinds, grades, assessors, ratings, precisions,
event names, and the plain English each one is written as in a briefing, a chart or a verdict.

Every other module takes these from here (the tables' schema, the parsers, the charts, the
briefings), so a new kind or grade, or a better word for one, is added in one place. ``words()``,
``label()`` and ``date_words()`` are the only formatters of codes and dates for readers.
"""
from __future__ import annotations

KINDS = ("inspection", "review", "reinspection", "update", "thematic", "press", "pcc_response", "other")
REPORT_KINDS = KINDS[:5]  # the inspectorate's own publications, as opposed to reactions to them
GRADES = ("outstanding", "good", "adequate", "requires_improvement", "inadequate",
          "requires_improvement_or_inadequate")  # the last: a combined figure some reports give
ASSESSORS = ("inspectorate", "force")
POLARITIES = ("strength", "concern")
PRECISIONS = ("day", "month", "year")
STATUSES = ("ok", "warning", "error")
# Progress ratings used by post-inspection reviews, best first.
RATINGS = ("achieved", "good_progress", "some_progress", "limited_progress", "no_progress", "not_assessed")

# Finer than ``kind``: what sort of document it is, whoever wrote it.
GENRES = ("report", "news", "press_release", "force_statement", "publication_page",
          "recommendation_tracker", "panel_minutes", "letter")
# How a figure was read: stated in the text, or derived (a remainder, or a count from a stated share
# and total; the row's quote or note says which).
BASES = ("stated", "derived")
# The grading scale a document uses: four grades (2014-15), three (later), five (post-2024 topics).
SCALES = ("three", "four", "five")

# Since April 2024 a report grades five topics on the five-point scale, in this order (the
# wordings reports use for each are in extract's pattern tables; these are the codes and words).
GRADED_AREAS = ("leadership", "partnership", "initial_response", "risk_assessment", "investigation")
AREA_SCALE = GRADES[:5]  # outstanding, good, adequate, requires improvement, inadequate

# Dated events (events.event), in the order they happen to a report.
EVENTS = ("fieldwork_start", "fieldwork_end", "published", "action_plan_due", "response_published",
          "press_published")
# The event a document's own publication is, by kind (a report's is plain "published").
PUBLICATION_EVENT = {"press": "press_published", "pcc_response": "response_published"}

# ---- plain English ------------------------------------------------------------------------------
# Lower case, as in a sentence; label() capitalises for a chart legend or a table heading.
# "not_stated" and "not_followed_up" are not table values: analysis uses them for what is missing.

GRADE_WORDS = {
    "outstanding": "outstanding", "good": "good", "adequate": "adequate",
    "requires_improvement": "requires improvement", "inadequate": "inadequate",
    "requires_improvement_or_inadequate": "requires improvement or inadequate",
    "not_stated": "not stated",
}
RATING_WORDS = {
    "achieved": "achieved", "good_progress": "good progress", "some_progress": "some progress",
    "limited_progress": "limited progress", "no_progress": "no progress",
    "not_assessed": "not assessed", "not_followed_up": "not followed up",
}
KIND_WORDS = {
    "inspection": "inspection", "review": "post-inspection review", "reinspection": "re-inspection",
    "update": "update", "thematic": "thematic report", "press": "press article",
    "pcc_response": "commissioner's response", "other": "other document",
}
GRADED_AREA_WORDS = {
    "leadership": "leadership", "partnership": "partnership working",
    "initial_response": "initial response", "risk_assessment": "risk assessment and referral",
    "investigation": "investigation",
}
GENRE_WORDS = {
    "news": "press article", "press_release": "inspectorate's press release",
    "force_statement": "force statement", "recommendation_tracker": "recommendation tracker page",
    "panel_minutes": "police and crime panel minutes",
}


def document_words(kind, genre=None) -> str:
    """What a reader should call a document: its genre where that says more than its kind ('force
    statement', not 'press article'; 'publication page of the inspection', not 'inspection')."""
    what = words(kind, KIND_WORDS)
    if _isna(genre) or genre in ("report", None):
        return what
    if genre == "publication_page":
        return f"publication page of the {what}"
    if genre == "letter":
        return "commissioner's letter" if kind == "pcc_response" else "letter"
    return GENRE_WORDS.get(str(genre), what)


# Where space is short (chart labels and titles): the same words, shorter where they can be.
KIND_SHORT_WORDS = {**KIND_WORDS, "review": "review", "pcc_response": "commissioner's response"}
EVENT_WORDS = {
    "fieldwork_start": "fieldwork started", "fieldwork_end": "fieldwork ended",
    "published": "published", "action_plan_due": "action plan due",
    "response_published": "commissioner's response", "press_published": "press",
}
ASSESSOR_WORDS = {"inspectorate": "inspectorate", "force": "force's own audit"}
# How the comparison counts the four-grade scale's "adequate" (analysis.comparison.VIEWS).
VIEW_WORDS = {
    "main": "adequate kept apart",
    "adequate_as_good": "adequate counted as good",
    "adequate_as_ri": "adequate counted as requires improvement",
}

MISSING = "\u2014"  # an em dash where a value is not known


def _isna(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, NaT and pd.NA without importing pandas
    except (TypeError, ValueError):
        return True  # pd.NA refuses bool()


def words(value, table: dict[str, str] | None = None) -> str:
    """A code such as 'requires_improvement' as plain words ('requires improvement')."""
    if _isna(value):
        return MISSING
    text = str(value)
    return (table or {}).get(text, text.replace("_", " "))


def label(value, table: dict[str, str] | None = None) -> str:
    """words() with a capital: 'Requires improvement'."""
    text = words(value, table)
    return text[:1].upper() + text[1:]


def date_words(value, precision: str | None = "day", *, short: bool = False,
               missing: str = MISSING) -> str:
    """A date as a reader writes it: '8 March 2016', 'March 2016' or '2016' when only the month or
    year is known; ``short`` abbreviates the month ('8 Mar 2016') for charts."""
    if _isna(value):
        return missing
    import pandas as pd

    ts = pd.Timestamp(value)
    month = f"{ts:%b}" if short else f"{ts:%B}"
    if precision == "year":
        return f"{ts:%Y}"
    if precision == "month":
        return f"{month} {ts:%Y}"
    return f"{ts.day} {month} {ts:%Y}"


def time_words(value, missing: str = MISSING) -> str:
    """A moment as '8\u00a0Mar\u00a02016, 14:05' (a run's time in the briefings index)."""
    if _isna(value) or value == "":
        return missing
    from datetime import datetime

    when = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return f"{when.day}\u00a0{when:%b}\u00a0{when:%Y}, {when:%H:%M}"

# Why a statement of figures was left unread (unread_statements.reason): where two readings remain,
# no figure is filed and the statement is kept with the first of these that applies.
UNREAD_REASONS = (
    "ambiguous pairing",  # one grade with two numbers, or one number with two grades
    "combined grades",  # "good or adequate in 30": a combination the scale has no name for
    "approximation",  # "nearly a third", "just under 90%", "almost 15": never a count
    "remainder without a total",  # "the rest were inadequate" with no total or other counts
    "percentage without a base",  # "Nearly half (44%) were inadequate." with no case set
    "assessor not clear",  # the force's grading or the inspectorate's: the text does not say
    "agreement without a grade",  # "inspectors agreed on just six": agreed with what
    "count without a grade",  # "the force said 25 were good; inspectors said 12": 12 what
    "the earlier report's figures",  # a review restating its earlier inspection's figures
    "two case sets, report not named",  # one measure, two values, no report to tell them apart
)

# Genres that announce or track a report without being one: they never make a report of their own.
ANNOUNCING_GENRES = ("publication_page", "recommendation_tracker")
