"""Case grades: how many audited cases were good, adequate, requires improvement or inadequate.

Reports state them in prose ("Of these, 11 were good, 20 required improvement and three were
inadequate"), in parentheses ("(11 good, 8 requires improvement, 14 inadequate)"), as a subset
("five of the seven cases ... required improvement"), as percentages and in tables, whose rows the
reader gives as lines ("Good 11"). Figures are recorded as stated: a sum that misses its stated
total keeps both numbers and raises a warning rather than being "fixed".

Prose is read in two steps: ``mentions.py`` finds what a sentence mentions (counts, shares,
approximations, grade labels in all their wordings) and ``shapes.py`` pairs them by a table of
named shapes. This module adds what a sentence alone does not say: the case set a figure belongs
to (its total, subset, who graded it, and which report it describes, carried from the sentences
before), remainders (derived), and the statements that could not be read for certain, which go to
``unread_statements`` instead of becoming a figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reportkit.extract.counts import COUNT, has_count
from reportkit.extract.sentences import Span, lines, sentences, window
from reportkit.extract.shapes import Item, read_sentence, sentence_totals, why
from reportkit.read.document import Document
from reportkit.vocabulary import GRADE_WORDS, GRADES, words

GRADE_RE = re.compile(
    r"\b(?P<g>(?:requir(?:es|ed|ing|e)|needs?|needed)\s+improvement\s+or\s+(?:(?:was|were)\s+)?"
    r"inadequate|outstanding|good|adequate|inadequate"
    r"|(?:requir(?:es|ed|ing|e)|needs?|needed|needing)\s+(?:some\s+)?improvement)\b"
    r"(?!\s+(?:practice|progress|example|work|amount|quality|reason|start|understanding|and\s+"
    r"improving))", re.I)
_CASE_WORDS = re.compile(r"\b(cases?|graded|grading|assessed|judged|rated|audit\w*|sample)\b", re.I)
_CARRY = re.compile(r"^\W*(?:of\s+(?:these|those|them|the\s+\w+)|these|in\s+these|the\s+same)\b", re.I)
_GENERAL = re.compile(r"\bof\s+(?:all\s+)?(?:the\s+)?cases\b", re.I)  # about every case, not the last set
_SUBSETS = [
    ("custody", re.compile(r"custody|\bdetain|\bdetention", re.I)),
    ("cse", re.compile(r"sexual(?:ly)?\s+exploit|\bCSE\b", re.I)),
    ("missing", re.compile(r"\bmissing\b", re.I)),
    ("care_home", re.compile(r"care\s+homes?", re.I)),
    ("further", re.compile(r"\bin\s+addition\s+to\b|(?<!\bin\sa\s)\b(?:further|additional|another|other)\s+"
                           r"(?:\w+\s+){0,3}?cases", re.I)),
    # the cases the force audited (and the inspectorate re-graded), not any audit inspectors made
    ("audit", re.compile(r"\b(?:force|constabulary)(?:'s)?\s+(?:had\s+|has\s+)?(?:own\s+)?audit"
                         r"|\b(?:its|their|our)\s+own\s+(?:\w+\s+){0,2}?(?:cases|audit)|\bown\s+"
                         r"(?:audit|assess)|\baudited\s+by\s+the\s+(?:force|constabulary)|self-assess"
                         r"|re-?grad|the\s+same\s+(?:\w+\s+){0,2}?cases|internal(?:ly)?\s+(?:audit|assess)"
                         r"|assessed\s+internally|cases\s+the\s+force\s+had\s+audited", re.I)),
]
# Who graded: a force-side subject (the force, its auditors, reviewers, assessors, its own review
# team, its self-assessment, "internally") or the inspectorate's (below). The agents are nouns, so
# any verb after them ("had graded", "said", "judged", "scored") is theirs.
_AGENTS = (r"(?:auditors?|reviewers?|assessors?|graders?|quality\s+assurance|"
           r"(?:review|audit|assessment|assurance)\s+(?:team|unit|staff)s?)")
_GRADERS = rf"(?:{_AGENTS}|auditing|reviewing|team)"  # after "force's": its team is the force's
_FORCE_CUE = re.compile(
    r"\b(?:own\s+assessors?|force\s+assessors?|its\s+assessors?|ourselves"
    rf"|(?:force|constabulary)(?:['\u2019]s)?\s+(?:own\s+)?(?:[\w-]+\s+)?{_GRADERS}"
    rf"|(?:its|their|our)\s+own\s+(?:[\w-]+\s+){{0,2}}?(?:{_GRADERS}|audit\w*|grading|assessment|"
    r"review|checks)"
    rf"|(?:its|their)\s+(?:[\w-]+\s+)?{_AGENTS}"  # not "HMICFRS and its team"
    rf"|own\s+(?:[\w-]+\s+)?{_GRADERS}|assessed\s+internally|internally|"
    r"internal\s+(?:[\w-]+\s+)?(?:audit|review|assessment|grading|quality)\w*|self[\s-]?assess\w*"
    r"|force(?:['\u2019]s)?\s+own\s+(?:assessment|grading|audit\w*)"
    r"|the\s+(?:force|constabulary)\s+(?:itself\s+)?(?:had\s+|has\s+)?(?:graded|assessed|rated|"
    r"judged|scored|classed|classified|deemed|considered|marked|said|says|reported|claimed|"
    r"believed|thought|felt|found|put)"
    r"|(?:graded|assessed|rated|judged|scored)\s+by\s+(?:the\s+)?(?:force|constabulary))", re.I)
# Weak: "the force had audited" names the force's work, and its grading only when no one else grades
_WEAK_FORCE_CUE = re.compile(r"\bthe\s+force\s+(?:had\s+|has\s+)?audited\b", re.I)
_INSP_CUE = re.compile(
    r"\b(?:HMICFRS|HMIC|inspectors?|inspectorate|we\s+(?:graded|assessed|found|judged|rated)|"
    r"re-?grad\w*)\b",
    re.I)
_CLAUSE_END = re.compile(r"[,;:.()]|\s(?:but|while|whilst|whereas|although|though)\s", re.I)
UNCLEAR = "unclear"  # the sentence names both graders, neither before the figure
ASSESSOR_UNCLEAR = why("assessor not clear")
NO_BASE = why("percentage without a base")
REMAINDER = why("remainder without a total")
EARLIER = why("the earlier report's figures")
CONTRADICTED = why("contradictory figures")
_ROW_RE = re.compile(
    r"^(?P<label>outstanding|good|adequate|inadequate|requires?\s+improvement|total|all\s+cases)"
    r"\s*[:|]?\s+(?P<nums>(?:(?:\d+(?:\.\d+)?\s*%?|-)\s*){1,4})$", re.I)
_COL_RE = re.compile(
    r"\b(?P<force>force|self)|\b(?P<insp>HMICFRS|HMIC|inspectors?|inspectorate)|(?P<pc>%|per\s*cent"
    r"|percentage)|\b(?P<n>number(?:\s+of\s+cases)?|cases|count|n)\b", re.I)
# A combined "requires improvement or inadequate" count is a figure of its own: claims always keep
# it; the case_grades table keeps it once schema.GRADES allows it (its validation would refuse it).
COMBINED = "requires_improvement_or_inadequate"
SUBSET_CUES = tuple(s for s, _ in _SUBSETS)
# Every GRADE_RE match holds one of these: a substring test rules out most sentences at once.
_GRADE_WORDS = ("good", "adequate", "outstanding", "improvement", "well")


def has_grade_word(text: str) -> bool:
    """False when ``text`` cannot hold a grade (a cheap filter to run before GRADE_RE)."""
    low = text.lower()
    return any(w in low for w in _GRADE_WORDS)


# Which report a figure or case set describes: ("earlier" | "latest" | "year" | "prior", year,
# kind), where "year" is a bare year, "prior" the earlier report if the document is a review (see
# _PRIOR), and the year and the kind ("inspection", "review" ...) may be unstated.
ReportCue = tuple[str, int | None, str | None]


@dataclass
class _Context:
    """What the previous sentences said about the case set the next figures belong to."""

    total: int | None = None
    subset: str = "all"
    assessor: str = "inspectorate"
    total_quote: str | None = None
    report: ReportCue | None = None  # which report the set belongs to
    fresh: bool = False  # set by the sentence just before: a share without a base may take it
    page_totals: tuple[int, ...] = ()  # every case-set size the page states, to tell subsets


def grade_slug(word: str) -> str:
    word = word.lower()
    if "improvement" in word:
        return "requires_improvement_or_inadequate" if "inadequate" in word else "requires_improvement"
    return word


def _subset(text: str) -> str | None:
    return next((slug for slug, rx in _SUBSETS if rx.search(text)), None)


# A set of cases qualified by what they involve ("of the 12 cases involving online abuse", "among
# 9 cases of neglect"): a subset when the page states a larger set, whatever its topic.
_QUALIFIED = re.compile(
    r"\b(?:among|amongst|of|in|for|within)\s+(?:the\s+|these\s+|those\s+)?[\w-]+\s+"
    r"(?:[\w-]+\s+){0,2}?(?:cases?|case\s+files|referrals|investigations)\s+"
    r"(?:involving|of|concerning|relating\s+to|related\s+to|about|where|in\s+which|with|"
    r"featuring|linked\s+to|that\s+involved|which\s+involved)\b", re.I)
_AMONG = re.compile(r"\b(?:among|amongst)\s+(?:the\s+|these\s+|those\s+)?[\w-]+\s+"
                    r"(?:[\w-]+\s+){0,2}?cases?\b", re.I)
OTHER = "other"  # a subset the text names but SUBSET_CUES does not know
_THESE = re.compile(r"^\W*(?:(?:of|in|among|amongst)\s+)?(?:these|those|them)\b", re.I)


def _other_subset(text: str, total: int | None, ctx: _Context) -> bool:
    """True when the sentence's own set is a part of a larger one the page states: never merged
    into the main set, whose total it would clash with."""
    if total is None or not (_QUALIFIED.search(text) or _AMONG.search(text)):
        return False
    if _names_report(text):
        return False  # a set of another report, kept apart by its report
    larger = [t for t in (*ctx.page_totals, ctx.total or 0) if t > total]
    return bool(larger) or bool(_AMONG.search(text))


# A grader named after its figure: "18 were good according to the force's reviewers", "8 in the
# inspectors' view", "..., the force's auditors said, ...". Such a cue is the figure's before it.
_BACK_BEFORE = re.compile(r"(?:according\s+to|in\s+the\s+(?:view|opinion|eyes)\s+of|,)\s*"
                          r"(?:the\s+)?$", re.I)
_BACK_IN = re.compile(r"\bin\s+(?:the\s+)?$", re.I)
_BACK_BY = re.compile(rf"\b{COUNT}\s+(?:cases?\s+|good\s+|grades?\s+)?by\s+(?:the\s+)?$", re.I)  # "7 by HMIC"
_BACK_VIEW = re.compile(r"(?:['\u2019]s?|s['\u2019])?\s+(?:view|opinion|eyes|judge?ment)\b", re.I)
_BACK_SAID = re.compile(r"\s*(?:(?:had\s+)?(?:said|says|found|judged|concluded|reported|believed|"
                        r"thought|felt|stated)\s*)?(?:[.;,]|$)", re.I)
# "the force's assessors and inspectors graded ...": two graders as one subject
_JOINT = re.compile(r"^[\s'\u2019s]*(?:and|or|&|as\s+well\s+as|with|together\s+with)\s+"
                    r"(?:the\s+)?$", re.I)


def _back(text: str, m: re.Match[str]) -> bool:
    """True when the cue ``m`` names the grader of the figure before it, not after it."""
    before = text[max(0, m.start() - 40):m.start()]
    if before.rstrip().endswith(","):  # ", inspectors found." but not ", inspectors found 7"
        return bool(_BACK_SAID.match(text, m.end()))
    if _BACK_BEFORE.search(before) or _BACK_BY.search(before):
        return True
    return bool(_BACK_IN.search(before) and _BACK_VIEW.match(text, m.end()))


# "We had graded 20 good; inspectors judged 12 good": beside the inspectors named in the third
# person, "we" is the force speaking (its statement, its commissioner's letter)
_WE = re.compile(r"\bwe\s+(?:had\s+|have\s+|ourselves\s+)?(?:graded|assessed|rated|judged|scored|"
                 r"audited|reviewed|considered|thought|believed)\b", re.I)
_THIRD_PERSON_INSP = re.compile(r"\b(?:HMICFRS|HMIC|inspectors?|inspectorate)\b", re.I)


def _cues(text: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, grader, names the figure before it) for every grader the sentence names."""
    we = "force" if _THIRD_PERSON_INSP.search(text) else "inspectorate"
    found = [(m, "force") for m in _FORCE_CUE.finditer(text)] + [
        (m, "inspectorate") for m in _INSP_CUE.finditer(text) if not _WE.match(text, m.start())] + [
        (m, we) for m in _WE.finditer(text)]
    return sorted((m.start(), m.end(), who, _back(text, m)) for m, who in found)


# ", finding 12 good": the participle's subject is the main clause's, not the last grader named
_PARTICIPLE = re.compile(r",\s*(?:and\s+)?(?:finding|rating|judging|grading|assessing|concluding|"
                         r"deeming|scoring|and\s+(?:found|rated|judged|graded|assessed))\b", re.I)


def _participle(text: str, pos: int, cues: list) -> str | None:
    """The grader of a figure after ", finding ...", with no grader named since: the one the
    sentence names before it, or UNCLEAR when it names both ("Inspectors re-graded the cases the
    force's reviewers had graded, finding 12 good"). None when no participle leads the figure."""
    lead = [m for m in _PARTICIPLE.finditer(text, 0, pos)]
    if not lead or any(lead[-1].end() <= c[0] < pos for c in cues):
        return None
    kinds = {k for at, _e, k, back in cues if at < lead[-1].start() and not back}
    if not kinds:
        return None
    return kinds.pop() if len(kinds) == 1 else UNCLEAR


def _assessor(text: str, pos: int, lo: int = 0) -> str | None:
    """Who graded the figure at ``pos``: a cue just after it that names it ("according to the
    force's reviewers"); else the last cue before it (since the previous figure ``lo`` first:
    "...; in the same cases, inspectors found 7 good, 12 ..."); else a cue after it in its
    clause, else the only grader the sentence names, else a weak cue. Where two remain (two
    graders as one subject, or named only after it), UNCLEAR: never a guess."""
    cues = _cues(text)
    lead = _participle(text, pos, cues)
    if lead is not None:
        return lead
    clause_end = pos + len(_CLAUSE_END.split(text[pos:], maxsplit=1)[0])
    nxt = next((c for c in cues if c[0] >= pos), None)
    forward = [c for c in cues if not c[3]]
    near = [c for c in forward if lo <= c[0] < pos] or [c for c in forward if c[0] < pos]
    if nxt and nxt[3] and (not near or nxt[0] <= clause_end + 2):
        if near and lo <= near[-1][0] and near[-1][2] != nxt[2]:
            return UNCLEAR  # "the force's auditors had examined ... were good, inspectors found"
        return nxt[2]
    if near:
        last = near[-1]
        prev = [c for c in cues if c[1] <= last[0]]
        if prev and prev[-1][2] != last[2] and _JOINT.match(text[prev[-1][1]:last[0]]):
            return UNCLEAR
        return last[2]
    if cues:  # named only after the figure: in its clause ("30 good ourselves, but ..."), or
        # the only grader the sentence names; two graders, neither before it, and it is not known
        kinds = {k for at, _e, k, _b in cues if at < clause_end} or {k for _s, _e, k, _b in cues}
        return kinds.pop() if len(kinds) == 1 else UNCLEAR
    return "force" if _WEAK_FORCE_CUE.search(text) else None


@dataclass
class Figure:
    """A grade figure as stated: cases or percent, the set's total, and the quotes for both."""

    grade: str
    cases: int | None
    percent: float | None
    total: int | None
    subset: str
    assessor: str
    quote: str
    total_quote: str | None = None
    pos: int = 0  # offset on the page, to keep figures in reading order
    basis: str = "stated"  # or "derived": the remainder of a stated total
    report: str | None = None  # "earlier" or "latest" when the text says which report it describes
    report_year: int | None = None
    report_kind: str | None = None


def _sentence_rows(page: str, span: Span, ctx: _Context, unread: list[dict]) -> list[Figure]:
    """The figures one sentence states, read by the shapes in ``shapes.py``; a sentence they
    cannot read for certain gives no figure and an entry in ``unread``."""
    text = span.text
    reading = read_sentence(text)
    if reading.unread:
        unread.append({"quote": _whole(page, span), "reason": reading.unread})
        return []
    for reason in reading.aside:  # an approximation beside stated figures does not cloud them
        unread.append({"quote": _whole(page, span), "reason": reason})
    items = reading.items
    total = here = reading.total if reading.total is not None else next(
        (i.total for i in items if i.total is not None), None)
    if items and _no_base(text, items, total, ctx):
        unread.append({"quote": _whole(page, span), "reason": NO_BASE})
        return []
    if not items or (len(items) < 2 and not (_CASE_WORDS.search(text) or ctx.total)):
        return []
    # "Of these ...", no new total, or the same total again: the figures belong to the last set
    named = _subset(text) or (OTHER if _other_subset(text, here, ctx) else None)
    if named is None and here is None and _QUALIFIED.search(text) and not _THESE.search(text):
        named = OTHER  # "In the 14 cases involving online abuse, 6 ...": not the last set
    carried = bool(_CARRY.search(text)) or total == ctx.total or (
        total is None and not _GENERAL.search(text))
    if total is None and named not in (None, ctx.subset):
        carried = False  # "Of the custody cases, 5 ...": not the last set, and its size unsaid
    subset = named or (ctx.subset if carried else "all")
    total_quote = span.text if total is not None else (ctx.total_quote if carried else None)
    total = total if total is not None else (ctx.total if carried else None)
    rows, lo = [], 0
    for item in items:
        assessor = _assessor(text, item.grade_at, lo) or (
            ctx.assessor if carried else "inspectorate")
        if assessor == UNCLEAR:  # never guess the inspectorate
            unread.append({"quote": _whole(page, span), "reason": ASSESSOR_UNCLEAR})
            lo = item.end
            continue
        report = _item_report(item, _report(text, item.start, lo)) or (
            ctx.report if carried else None)
        lo = item.end
        focus = (span.start + item.start, span.start + item.end)
        own_total = item.total if item.total is not None else total
        own_quote = total_quote
        if item.report == "comparison" and item.total is None:
            own_total = own_quote = None  # "up from 10 in 2015": another set, its size unsaid
        elif here is None and report and report != ctx.report:
            own_total = own_quote = None  # another report's figure: the last set is not its set
        rows.append(Figure(item.grade, item.cases, item.percent, own_total, subset, assessor,
                           window(page, span, focus), own_quote, focus[0], item.basis,
                           *(report or (None, None, None))))
    return _remainders(rows, page, span, unread)


def _no_base(text: str, items: list, total: int | None, ctx: _Context) -> bool:
    """Shares only ("Nearly half (44%) were inadequate."), of no case set the sentence names or
    the sentence before stated: a percentage of nothing known."""
    if total is not None or any(i.cases is not None for i in items):
        return False
    return not (_CASE_WORDS.search(text) or (ctx.total and ctx.fresh))


def _item_report(item: Item, cue: ReportCue | None) -> ReportCue | None:
    """The shape's own word on the report ("fallen from N ... to M") over the text's cues; a
    comparison's dated figure ("compared with 13 of 55 at the 2019 inspection") is the earlier."""
    if item.report in ("earlier", "latest"):
        return (item.report, cue[1] if cue and item.report == "earlier" else None,
                "inspection" if item.report == "earlier" else "review")
    if item.report == "comparison" and cue and cue[0] == "year":
        return ("earlier", cue[1], cue[2] or "inspection")
    return cue


def _whole(page: str, span: Span) -> str:
    return window(page, span, (span.start, span.start + min(len(span.text), 300)))


def _remainders(rows: list[Figure], page: str, span: Span, unread: list[dict]) -> list[Figure]:
    """"the rest were inadequate": the total less the other counts of the set, marked derived;
    without a total, or with other counts missing, no figure."""
    derived = [r for r in rows if r.basis == "derived"]
    if not derived:
        return rows
    stated = [r.cases for r in rows if r.basis == "stated" and r.cases is not None]
    total = next((r.total for r in rows if r.total is not None), None)
    rest = None if total is None or len(derived) > 1 or not stated else total - sum(stated)
    if rest is None or rest < 0:
        unread.append({"quote": _whole(page, span), "reason": REMAINDER})
        return [r for r in rows if r.basis == "stated"]
    derived[0].cases = rest
    return rows


_EARLIER = re.compile(
    r"\b(?:first|initial|original|earlier|previous|last|baseline|(?P<y1>20[0-3]\d))\s+"
    r"(?:national\s+)?(?:child\s+protection\s+)?(?P<k1>inspection|visit|report|review)\b"
    r"|\bfirst\s+(?:visited|inspected|looked)\b|\blast\s+year'?s\s+(?:inspection|report)\b|\b(?:in|during|at)\s+(?:the\s+)?(?:(?:january|"
    r"february|march|april|may|june|july|august|september|october|november|december)\s+)?"
    r"(?P<y2>20[0-3]\d)\b(?!\s+(?:national\s+)?(?:child\s+protection\s+)?(?:inspection|visit|report|review))"
    # a dated report in other words: "our report of 2014", "the 2014 findings"
    r"|\b(?P<k3>inspection|report|visit)\s+(?:of|in)\s+(?:(?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december)\s+)?(?P<y3>20[0-3]\d)\b"
    r"|\b(?P<y4>20[0-3]\d)\s+(?:findings|figures|results|grades|grading|sample)\b",
    re.I)
# The baseline restated in other words. In a review these name the earlier inspection; in an
# inspection report the same words may name the report itself ("when inspectors visited"), so
# they count only in a review: report "prior".
_PRIOR = re.compile(
    r"\bbaseline\b(?!\s+(?:against|for|from\s+which))|^\W*previously\b"
    r"|\bpreviously\s+(?:found|examined|graded|rated|assessed|judged)\b|\boriginally\b"
    r"|\bwhen\s+(?:HMIC|HMICFRS|inspectors|we|the\s+inspectorate|it|they)\s+(?:had\s+)?"
    r"(?:first\s+|last\s+|originally\s+)?(?:inspected|visited)\b|\blast\s+(?:inspected|visited)\b"
    r"|\bat\s+the\s+time\s+of\s+the\s+(?:original\s+|first\s+)?inspection\b"
    r"|\bearlier\s+(?:work|findings|figures|results|grading)\b", re.I)
_LATEST = re.compile(
    r"\b(?:latest|this|new|follow-up|return|second|recent|most\s+recent|subsequent)\s+"
    r"(?:case\s+file\s+)?(?P<k>review|inspection|visit|report|re-?inspection|audit)\b|\bthis\s+time\b"
    r"|\b(?:in|at|during|by)\s+the\s+(?P<k2>review|revisit|re-?inspection)\b"
    r"|\bpost-inspection\s+review\b|\bre-?inspection\b|\brevisit(?:ed)?\b|\breturned\b"
    r"|\b(?:on|at)\s+(?:its|their)\s+return\b", re.I)


def _names_report(text: str) -> bool:
    return bool(_EARLIER.search(text) or _LATEST.search(text) or _PRIOR.search(text))


def _report_cues(text: str) -> list[tuple[int, ReportCue]]:
    cues: list[tuple[int, ReportCue]] = []
    for m in _EARLIER.finditer(text):
        year = m.group("y1") or m.group("y2") or m.group("y3") or m.group("y4")
        noun = (m.group("k1") or m.group("k3") or "").lower()  # a bare year ("in 2016") names no kind
        kind = "review" if noun == "review" else "inspection" if noun or not year else None
        cues.append((m.start(), ("earlier" if not year else "year",
                                 int(year) if year else None, kind)))
    cues += [(m.start(), ("prior", None, None)) for m in _PRIOR.finditer(text)]  # kind unsaid
    for m in _LATEST.finditer(text):
        kind = "reinspection" if re.search(r"re-?inspection", m.group(), re.I) else (
            "inspection" if (m.group("k") or "").lower() == "inspection" else "review")
        cues.append((m.start(), ("latest", None, kind)))
    return sorted(cues)


def _report(text: str, pos: int, lo: int = 0) -> ReportCue | None:
    """Which report the figure at ``pos`` describes: the last cue since the previous figure, else
    a cue after it in the same clause ("34 out of 70 at the original inspection"), else the
    sentence's first cue. "year" is a bare year: earlier or latest only beside another set."""
    cues = _report_cues(text)
    if not cues:
        return None
    near = [c for at, c in cues if lo <= at < pos]
    if near:
        return _named_first(near)
    clause_end = len(re.split(r"[,;.]|\bcompared\b", text[pos:], maxsplit=1)[0]) + pos
    after = [c for at, c in cues if pos <= at < clause_end]
    before = [c for at, c in cues if at < pos]
    # the second figure of "At the first inspection in 2014, ... 17 were good and 15 inadequate"
    # describes the report the first one does: the same preference, not the nearer bare year
    return after[0] if after else (_named_first(before) if before else None)


def _named_first(cues: list[ReportCue]) -> ReportCue:
    """A named report ("when inspectors first visited") over a bare date in the same stretch; the
    date, when there is one, gives the named report its year ("the first inspection in 2014")."""
    named = next((c for c in reversed(cues) if c[0] != "year"), None)
    if named is None:
        return cues[-1]
    year = next((c[1] for c in cues if c[0] == "year"), None)
    if named[0] == "earlier" and named[1] is None and year is not None:
        return (named[0], year, named[2])
    return named


def _total(text: str) -> int | None:
    found = sentence_totals(text) if has_count(text) else []
    return found[0][0] if found else None


def _update(ctx: _Context, span: Span, found: list[Figure]) -> _Context:
    if found:
        last = found[-1]
        report = (last.report, last.report_year, last.report_kind) if last.report else None
        return _Context(last.total, last.subset, last.assessor, last.total_quote, report, True,
                        ctx.page_totals)
    stale = replace(ctx, fresh=False) if ctx.fresh else ctx  # contexts are never changed in place
    if not _CASE_WORDS.search(span.text) or not has_count(span.text):  # cheap tests first
        return stale
    total = _total(span.text)
    if total is not None:  # a new case set: its report is the one this sentence names, if any
        assessor = _assessor(span.text, len(span.text))
        assessor = "inspectorate" if assessor in (None, UNCLEAR) else assessor
        report = _report(span.text, 0) if _names_report(span.text) else None
        subset = _subset(span.text) or (OTHER if _other_subset(span.text, total, ctx) else "all")
        return _Context(total, subset, assessor, span.text, report, True, ctx.page_totals)
    return stale


# A contents page lists sections and their pages: sections named after grades ("Good ........
# 12", "Requires improvement 14") are no grades. An entry is a (numbered) label and a page number,
# maybe after leader dots; a run of entries is a contents list when a "Contents" heading stands
# over it, when most of its lines have leaders, or when its page numbers never go down and it
# names a section that is no grade ("Introduction 3 ... Good 12 ... Recommendations 18").
_ENTRY = re.compile(r"""^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?  # a section number
    (?P<label>[^\W\d_][^\d]{0,80}?)
    (?P<leader>\s*(?:\.\s?){2,}|\s*(?:_\s?){2,}|\s*(?:\u2026\s?)+)?\s*
    (?P<page>\d{1,3})$""", re.X)
_CONTENTS_HEAD = re.compile(r"^(?:table\s+of\s+)?contents?(?:\s+page)?:?$|^in\s+this\s+report:?$",
                            re.I)
_NOT_ENTRY = re.compile(r"^(?:table|figure|chart|graph|annex|appendix|page)\b", re.I)


def _entry(text: str) -> re.Match[str] | None:
    m = _ENTRY.match(text)
    return m if m and not _NOT_ENTRY.match(m.group("label")) else None


def _contents_runs(spans: list[Span]) -> list[tuple[int, int]]:
    """(first, last + 1) line indices of each contents list on the page."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        under = i > 0 and bool(_CONTENTS_HEAD.match(spans[i - 1].text))
        j = i
        while under and j < len(spans) and spans[j].text[-1:].isdigit():  # a page number ends
            j += 1  # each line under the heading, however the entries were run together
        while j < len(spans) and _entry(spans[j].text):
            j += 1
        if (under and j > i) or (j - i >= 2 and _is_contents(spans, i, j)):
            runs.append((i, j))
        i = max(j, i + 1)
    return runs


def _is_contents(spans: list[Span], i: int, j: int) -> bool:
    entries = [m for s in spans[i:j] if (m := _entry(s.text))]
    if sum(1 for m in entries if m.group("leader")) * 2 > len(entries):
        return True
    pages = [int(m.group("page")) for m in entries]
    rising = all(a <= b for a, b in zip(pages, pages[1:], strict=False)) and len(set(pages)) >= 3
    return rising and any(not _ROW_RE.match(s.text) for s in spans[i:j])


def _table_rows(page: str, ctx_text: str) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Grade rows laid out as lines ("Good 11", "Requires improvement 20 61%"): one block at a
    time. A contents list is no table: its lines are returned as used, so prose skips them too."""
    found: list[Figure] = []
    spans = lines(page)
    runs = _contents_runs(spans) if has_grade_word(page) else []
    used = [(spans[a].start, spans[b - 1].end) for a, b in runs]
    skip = {k for a, b in runs for k in range(a, b)}
    i = 0
    while i < len(spans):
        block: list[Span] = []
        while (i + len(block) < len(spans) and i + len(block) not in skip
               and _ROW_RE.match(spans[i + len(block)].text)):
            block.append(spans[i + len(block)])
        if len(block) >= 2:
            header = _header(spans[max(0, i - 3):i])
            caption = " ".join(s.text for s in spans[max(0, i - 3):i]) or ctx_text
            found += _block_rows(block, header, caption)
            used.append((block[0].start, block[-1].end))
        i += max(1, len(block))
    return found, used


def _header(above: list[Span]) -> str:
    """The header row over a table block; a cell that wraps puts words on the lines around the
    "Grade ..." line, so that line's columns come first and the wrapped words after it."""
    cells: list[str] = []
    for s in reversed(above):
        if len(s.text) > 60 or s.text[-1:] in ".:" or re.match(r"(?:Figure|Table)\b", s.text):
            break
        cells.insert(0, s.text)
    main = [c for c in cells if re.match(r"(?i)grade", c)]
    return " ".join(main + [c for c in cells if c not in main])


def _cells(nums: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?\s*%?|-", nums)


def _columns(header: str, width: int) -> list[tuple[str | None, bool]]:
    """(assessor, is_percent) for each numeric column, read from the header line when it names them."""
    cols: list[tuple[str | None, bool]] = []
    for m in _COL_RE.finditer(header):
        if m.group("pc") and cols and not cols[-1][1] and len(cols) >= width:
            continue
        assessor = "force" if m.group("force") else "inspectorate" if m.group("insp") else None
        cols.append((assessor, bool(m.group("pc"))))
    return cols if len(cols) == width else [(None, False)] * width


# Columns for two reports ("Grade 2014 2016", "Grade Baseline Review"): each column's figures
# belong to its report. Of dated columns the latest is the document's own (a report never states
# figures later than its own); the others are earlier reports'.
_REPORT_COL = re.compile(
    r"\b(?:(?P<year>20[0-3]\d)|(?P<early>baseline|original|first|initial|previous|earlier|then|"
    r"inspection)|(?P<late>review|follow-up|revisit|now|latest|current|re-?inspection))\b", re.I)


def _column_reports(header: str, width: int,
                    cols: list[tuple[str | None, bool]]) -> list[ReportCue | None]:
    found = list(_REPORT_COL.finditer(header))
    if len(found) != width or width < 2 or any(who for who, _pc in cols):
        return [None] * width  # "Force review | HMIC inspection": two graders, not two reports
    years = [int(m.group("year")) for m in found if m.group("year")]
    out: list[ReportCue | None] = []
    for m in found:
        if m.group("year"):
            y = int(m.group("year"))
            out.append(("year", y, None) if y == max(years) else ("earlier", y, "inspection"))
        else:
            out.append(("earlier", None, "inspection") if m.group("early") else
                       ("latest", None, "review"))
    return out if len(set(out)) == width else [None] * width


def _block_rows(block: list[Span], header: str, caption: str) -> list[Figure]:
    subset = _subset(caption) or "all"
    assessor = _assessor(caption, len(caption)) or "inspectorate"
    parsed = [(m, s) for s in block if (m := _ROW_RE.match(s.text))]  # _table_rows matched each
    width = max(len(_cells(m.group("nums"))) for m, _ in parsed)
    cols = _columns(header, width)
    reports = _column_reports(header, width, cols)
    totals: dict[int, int] = {}
    stated = _total(caption)
    for m, _ in parsed:
        if m.group("label").lower() in ("total", "all cases"):
            for k, cell in enumerate(_cells(m.group("nums"))):
                if cell != "-" and "%" not in cell and not cols[min(k, width - 1)][1]:
                    totals[k] = int(float(cell))
    out = []
    for m, s in parsed:
        if m.group("label").lower() in ("total", "all cases"):
            continue
        for k, cell in enumerate(_cells(m.group("nums"))):
            if cell == "-":
                continue
            col_assessor, col_pc = cols[min(k, width - 1)]
            is_pc = "%" in cell or col_pc
            value = float(cell.rstrip("% "))
            report = reports[min(k, width - 1)] or (None, None, None)
            out.append(Figure(grade_slug(m.group("label")), None if is_pc else int(value),
                              value if is_pc else None, totals.get(k, stated), subset,
                              col_assessor or assessor, s.text, caption if stated else None,
                              s.start, "stated", *report))
    return out


def page_reading(text: str) -> tuple[list[Figure], list[dict]]:
    """Every grade figure on one page of normalised text, with the quote that states its total,
    and the statements of figures that could not be read for certain ({quote, reason})."""
    if not isinstance(text, str):
        return [], []
    found, used = _table_rows(text, "")
    masked = text
    for a, b in used:  # table lines become paragraph breaks so prose never reads them twice
        masked = masked[:a] + "\n" * (b - a) + masked[b:]
    spans = sentences(masked)
    ctx = _Context(page_totals=_sizes(spans))
    unread: list[dict] = []
    for span in spans:
        rows = _sentence_rows(text, span, ctx, unread) if has_grade_word(span.text) else []
        found += rows
        ctx = _update(ctx, span, rows)
    return sorted(found, key=lambda f: f.pos), unread


def _sizes(spans: list[Span]) -> tuple[int, ...]:
    """Every case-set size the sentences state (cheap tests first: most sentences state none)."""
    return tuple(t for s in spans if _CASE_WORDS.search(s.text) and (t := _total(s.text)))


def page_figures(text: str) -> list[Figure]:
    """Every grade figure on one page of normalised text, with the quote that states its total."""
    return page_reading(text)[0]


def page_totals(text: str) -> list[tuple[int, str, str, str]]:
    """(total, subset, assessor, quote) of case sets stated on their own: "Inspectors examined 34
    cases." A press page or a statement may give the size of a sample without its grades."""
    return [(t, sub, who, quote) for t, sub, who, _report, quote in _page_totals(text)]


def page_total_sets(text: str) -> list[tuple[int, str, ReportCue | None, str]]:
    """(total, subset, report, quote): as ``page_totals``, with the report the set belongs to
    (("earlier" | "latest" | "year", year, kind) or None)."""
    return [(t, sub, report, quote) for t, sub, _who, report, quote in _page_totals(text)]


def _page_totals(text: str) -> list[tuple]:
    out = []
    report = None
    spans = sentences(text) if isinstance(text, str) else []
    ctx = _Context(page_totals=_sizes(spans))
    for span in spans:
        if _names_report(span.text):
            report = _report(span.text, 0)
        if has_grade_word(span.text) and read_sentence(span.text).items:
            continue  # a sentence with figures states its set's total with them (page_figures)
        total = _total(span.text)
        if total is not None:
            assessor = _assessor(span.text, len(span.text)) or "inspectorate"
            subset = _subset(span.text) or (
                OTHER if _other_subset(span.text, total, ctx) else "all")
            out.append((total, subset, assessor, report, _whole(text, span)))
    return out


def page_grades(text: str, page: int = 1, *, review_year: int | None = None,
                unread: list[dict] | None = None) -> list[dict]:
    """Case grade rows of one page (scale filled in by ``document_grades``). A report does not
    file an earlier report's figures it restates as its own: they go to ``unread``. In a review
    (``review_year``: the year of its own fieldwork or publication) a figure dated before that
    year is the earlier report's too."""
    figures, not_read = page_reading(text)
    sink = unread if unread is not None else []
    sink += [{"page": page, **u} for u in not_read]
    rows = []
    for f in figures:
        if f.grade not in GRADES:
            continue
        if _earlier(f, review_year):
            sink.append({"page": page, "quote": f.quote, "reason": EARLIER})
            continue
        rows.append(_row(f, page))
    return rows


def _earlier(f: Figure, year: int | None) -> bool:
    """A figure the text gives as an earlier report's: named so, or (in a review) dated before
    it or named in the words a review uses for its baseline."""
    if year is not None and f.report == "prior":
        return True
    return f.report == "earlier" or (f.report == "year" and f.report_year is not None
                                     and year is not None and f.report_year < year)


def _row(f: Figure, page: int) -> dict:
    return {"assessor": f.assessor, "subset": f.subset, "grade": f.grade, "cases": f.cases,
            "total": f.total, "page": page, "quote": f.quote, "percent": f.percent, "scale": None,
            "basis": f.basis}


def _same_figure(a: dict, b: dict) -> bool:
    if (a["assessor"], a["grade"], a["cases"], a["percent"]) != (
            b["assessor"], b["grade"], b["cases"], b["percent"]):
        return False
    return a["subset"] == b["subset"] or a["total"] == b["total"] or None in (a["total"], b["total"])


def dedupe(rows: list[dict]) -> list[dict]:
    """The same figure stated twice (prose and table, summary and body) is kept once, first quote.
    A restatement may not repeat which set it describes: the same total, or no total, is enough."""
    out: list[dict] = []
    for r in rows:
        if not any(_same_figure(r, kept) for kept in out):
            out.append(r)
    return out


def scale_of(rows: list[dict], text: str) -> str:
    if any(r["grade"] == "adequate" for r in rows):
        return "four"
    return "four" if re.search(r"\bgraded\b[^.]{0,80}\badequate\b", text, re.I) else "three"


def total_warnings(rows: list[dict], scale: str) -> list[str]:
    """Plain-English warnings for case sets whose counts do not add up to their stated total."""
    groups: dict[tuple, dict[str, int]] = {}
    for r in rows:
        if r["cases"] is not None and r["total"] is not None and r["grade"] != "outstanding":
            groups.setdefault((r["assessor"], r["subset"], r["total"]), {})[r["grade"]] = r["cases"]
    size = 4 if scale == "four" else 3
    out = []
    for (assessor, subset, total), counts in groups.items():
        s = sum(counts.values())
        if s > total or (s < total and len(counts) >= size):
            out.append(f"{assessor} grades for {subset!r} sum to {s}, stated total {total}")
    return out


def _clash_key(r: dict) -> tuple | None:
    """The case set and grade a figure is of, when its set's size is stated (else None: two
    figures without a size may be of two sets)."""
    if r["total"] is None:
        return None
    unit = "cases" if r["cases"] is not None else "percent"
    return (r["assessor"], r["subset"], r["total"], r["grade"], unit)


def contradictions(rows: list[dict]) -> tuple[list[dict], list[dict], list[str]]:
    """(kept, contradicted, warnings): a document that gives one grade of one case set (same
    grader, subset and total) two different values contradicts itself. Which is right it does
    not say, and a wrong figure is worse than a missing one: neither is kept, both go to
    unread_statements, and a warning names them."""
    values: dict[tuple, set] = {}
    for r in rows:
        if (key := _clash_key(r)) is not None:
            values.setdefault(key, set()).add(r["cases"] if key[-1] == "cases" else r["percent"])
    clashing = {k for k, v in values.items() if len(v) > 1}
    if not clashing:
        return rows, [], []
    kept = [r for r in rows if _clash_key(r) not in clashing]
    out = [r for r in rows if _clash_key(r) in clashing]
    warnings = [_clash_words(key, [r for r in out if _clash_key(r) == key])
                for key in sorted(clashing, key=str)]
    return kept, out, warnings


def _clash_words(key: tuple, rows: list[dict]) -> str:
    who, subset, total, grade, _unit = key
    cases = "all cases" if subset == "all" else f"the {words(subset)} cases"
    values = " and ".join(f"{_num(r)} (page {r['page']})" for r in rows)
    return (f"the document contradicts itself: {words(who)} grading of {cases} ({total}), "
            f"{words(grade, GRADE_WORDS)} given as {values}; neither kept")


def _num(r: dict) -> str:
    return str(r["cases"]) if r["cases"] is not None else f"{r['percent']:g}%"


def document_grades(doc: Document, *, review_year: int | None = None,
                    unread: list[dict] | None = None) -> tuple[list[dict], list[str]]:
    """All case grade rows of ``doc`` (deduplicated, with the document's scale) and warnings.
    Statements of figures not read for certain go to ``unread`` ({page, quote, reason}), with
    the figures the document contradicts itself on."""
    rows: list[dict] = []
    for p in doc.pages:
        rows += page_grades(p.text, p.number, review_year=review_year, unread=unread)
    rows, clashed, warnings = contradictions(dedupe(rows))
    if unread is not None:
        unread += [{"page": r["page"], "quote": r["quote"], "reason": CONTRADICTED} for r in clashed]
    scale = scale_of(rows, doc.text)
    for r in rows:
        r["scale"] = scale
    return rows, warnings + total_warnings(rows, scale)
