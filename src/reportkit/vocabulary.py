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

# What reports are organised by, the area a finding is about (findings.area): the 2014-2019
# chapters, the themes some reports give a chapter of their own, then the 2024+ graded topics.
# "investigation" and "leadership" are one code in both eras: the 2014 chapters ("Investigation",
# "Leadership, management and governance") and the 2024 topics cover the same work, so a 2024 report
# can be set beside its 2014 baseline. "initial_response" (2024: first contact and attendance) and
# "risk_assessment" (2024: assessment and referral) stay apart from "initial_contact" and
# "assessment_and_help", which split that work differently.
INSPECTION_AREAS = ("initial_contact", "assessment_and_help", "investigation", "decision_making",
                    "trusted_adult", "managing_risk", "police_detention", "leadership",
                    "case_file_analysis", "child_sexual_exploitation", "missing_children",
                    *[a for a in GRADED_AREAS if a not in ("investigation", "leadership")])
# What a finding is: what inspectors found of practice, how far an earlier recommendation got, or
# the report's own summary statement (which may restate a finding of the detail: then linked).
FINDING_TYPES = ("practice", "progress", "summary")
# A progress rating as a finding's polarity: a recommendation not achieved nor well advanced is still
# a concern ("some progress, although more remains to be done"); "not_assessed" is no finding.
RATING_POLARITY = {"achieved": "strength", "good_progress": "strength", "some_progress": "concern",
                   "limited_progress": "concern", "no_progress": "concern"}

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
AREA_WORDS = {
    **GRADED_AREA_WORDS,
    "initial_contact": "initial contact", "assessment_and_help": "assessment and help",
    "decision_making": "decision making", "trusted_adult": "trusted adult",
    "managing_risk": "managing those posing a risk to children",
    "police_detention": "police detention",
    "leadership": "leadership, management and governance",  # both eras' chapter, as 2014 words it
    "case_file_analysis": "case file analysis",
    "child_sexual_exploitation": "child sexual exploitation", "missing_children": "missing children",
}
FINDING_TYPE_WORDS = {"practice": "practice", "progress": "progress on a recommendation",
                      "summary": "summary statement"}
POLARITY_WORDS = {"strength": "strength", "concern": "concern"}
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
    "number not clear",  # "1 234": one number whose thin space was lost, or two numbers side by side
    "contradictory figures",  # the document gives one grade of one case set two different counts
)

# Genres that announce or track a report without being one: they never make a report of their own.
ANNOUNCING_GENRES = ("publication_page", "recommendation_tracker")

# ---- graded areas (since April 2024) and recommendation statuses (issue 13) ----------------------
# How an area_grades row was read: one area's grade, stated; or only how many areas had a grade
# ("good in two areas and adequate in three"): a count with no area, never an area guessed.
AREA_BASES = ("stated", "count")
# A recommendation's status, best first: one scale for tracker entries ("awaiting review", "will be
# progressed", "complete"), a review's rating and a commissioner's report of progress. "superseded"
# (closed without being completed) is off the progress scale and is drawn apart.
REC_STATUSES = ("complete", "being_progressed", "awaiting_review", "no_progress", "superseded")
REC_STATUS_WORDS = {
    "complete": "complete", "being_progressed": "being progressed",
    "awaiting_review": "awaiting review", "no_progress": "no progress",
    "superseded": "superseded",
}
# A review's progress rating as a status; "not_assessed" says nothing of the status.
RATING_STATUS = {"achieved": "complete", "good_progress": "being_progressed",
                 "some_progress": "being_progressed", "limited_progress": "being_progressed",
                 "no_progress": "no_progress"}
# Where a status was read: a tracker page, a follow-up report's rating, a commissioner's letter.
STATUS_SOURCES = ("tracker", "review", "letter")
STATUS_SOURCE_WORDS = {"tracker": "tracker page", "review": "follow-up report",
                       "letter": "commissioner's letter"}
# Which method a report used, in plain words (report.methods_view).
METHOD_WORDS = {
    "areas": "graded five areas on a five-point scale (the method used since April 2024)",
    "four": "graded the cases it examined on four grades (good, adequate, requires improvement, inadequate)",
    "three": "graded the cases it examined (its figures use three grades: good, requires improvement, inadequate)",
    "none": "states no graded figures",
}

# ---- briefings a reader can quote (issue 12) ----------------------------------------------------
# Which set of cases a grade counts (case_grades.subset), as a reader would name it.
SUBSET_WORDS = {
    "all": "all cases examined", "audit": "cases the force audited itself",
    "further": "further cases the inspectorate chose", "cse": "sexual exploitation cases",
    "missing": "cases of missing children", "custody": "children held in custody",
    "care_home": "children in residential care homes", "force": "cases the force graded itself",
}
# A claim's figure that counts a set rather than a grade ("cases_total", "custody_total").
TOTAL_WORDS = "cases examined"
# The scale a document grades on (case_grades.scale), said in full where a reader meets it.
SCALE_WORDS = {
    "four": "four grades (good, adequate, requires improvement, inadequate)",
    "three": "three grades (good, requires improvement, inadequate)",
    "five": "five grades (outstanding, good, adequate, requires improvement, inadequate)",
}
# What a commissioner's document is: the formal comments the law asks for (a letter to the Home
# Secretary, "comments under section 55"), a public statement, or a document that does not say.
RESPONSE_FORMS = ("formal", "statement", "unclear")
RESPONSE_FORM_WORDS = {
    "formal": "formal response", "statement": "public statement",
    "unclear": "commissioner's document (not clear whether it is the formal response)",
}
# How a press or commissioner figure compares with the report (reconciliation.check_claims).
CLAIM_STATUS_WORDS = {"differs": "differs from the report", "agrees": "agrees",
                      "not_found": "not in the report"}
# How precisely a computed date is known (a due date from a publication month is a month).
DUE_PRECISION_WORDS = {"day": "day", "month": "month", "year": "year",
                       "range": "between two dates"}
# The 56-day limit on the commissioner's formal response (timeliness.rule_status).
RULE_WORDS = {"met": "met", "missed": "missed", "uncertain": "cannot tell",
              "not_applicable": "did not apply yet", "unknown": "no formal response found"}
# A date that another document states about a report (events.event), for the conflicts table.
EVENT_WORDS["baseline_fieldwork"] = "fieldwork of the earlier inspection"
