"""Findings: the inspectorate's own judgments, each with its area, polarity, type and place.

A finding is a sentence in which the inspectorate states a judgment in its own voice, in one of the
``FINDING_SHAPES`` ("HMIC is concerned that ...", "... remains a weakness", "We found good practice
in ...", "... was a strength"), or rates an earlier recommendation (ratings.RATING_SHAPES). A word
alone is not a finding: "good practice guides", "concerns were referred to social care", a case
study's "raised concerns", a contents line, a caption and someone else's quoted words are not.

Each finding gets (see ``_Walk``):

- ``area`` from the heading of the section it sits in (areas.AREA_HEADINGS), else from what it is
  about (its recommendation's text, a finding it restates, its own phrases: areas.AREA_PHRASES);
- ``type``: progress (rates an earlier recommendation, or is said of one within its block; linked
  by ``recommendation``), summary (under a summary heading, or "In summary, ..."), else practice;
- ``duplicate_of``: a summary statement that restates a finding of the detail points at it, so the
  same judgment is not counted twice.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reportkit.extract import areas
from reportkit.extract.grades import GRADE_RE, has_grade_word, page_figures
from reportkit.extract.ratings import rating_of
from reportkit.extract.sentences import Span, headings, lines, sentences
from reportkit.read.document import Document
from reportkit.vocabulary import RATING_POLARITY

if TYPE_CHECKING:
    from reportkit.extract.recommendations import Rec

_US = r"(?:HMICFRS|HMIC|HM\s+Inspectorate\s+of\s+Constabulary|we|inspectors|the\s+inspectorate|the\s+(?:inspection|review)\s+team)"
_BE = r"(?:is|are|was|were|remains?|remained)"
# name -> (polarity, pattern, examples). Concerns first: "found good practice, but is concerned
# that ..." is a concern. Every pattern is re.VERBOSE and case-insensitive.
FINDING_SHAPES: dict[str, tuple[str, str, list[str]]] = {
    "we-are-concerned": ("concern", rf"""\b{_US} \s+ {_BE} \s+ (?:(?:very|particularly|seriously
        |deeply|also|still|greatly)\s+)? concerned \s+ (?:that|about|by|at|to\s+find)\b""",
        ["HMIC is concerned that children were held overnight in cells.",
         "We were particularly concerned about the backlog of referrals."]),
    "we-have-concerns": ("concern", rf"""\b{_US} \s+ (?:has|have|had|found|identified) \s+
        (?:(?:serious|significant|some|particular|continuing|real)\s+)? concerns? \s+
        (?:that|about|over|regarding|with)\b""",
        ["Inspectors had serious concerns about the supervision of investigations."]),
    "remains-a-weakness": ("concern", r"""\b(?:is|was|are|were|remains|remained) \s+ an? \s+
        (?:(?:particular|significant|serious|continuing|notable|clear|key|real)\s+)?
        (?:weakness|area \s+ (?:of|for) \s+ (?:concern|improvement)|cause \s+ for \s+ concern)\b""",
        ["The handling of lower-risk referrals remains a weakness.",
         "Supervision was an area for improvement."]),
    "of-concern": ("concern", r"""(?:^|[,;]\s*)(?:of \s+ (?:particular|serious|real|significant
        |great) \s+ concern \s+ (?:is|was|were|are)\b)""",
        ["Of particular concern was the use of cells for children."]),
    "we-found-weaknesses": ("concern", rf"""\b{_US} \s+ (?:found|identified|saw) \s+
        (?:(?:serious|significant|some|several|a\s+number\s+of|widespread|persistent)
           (?:,?\s+(?:and\s+)?(?:serious|significant|widespread|persistent|systemic))?\s+)?
        (?:weakness(?:es)?|shortfalls?|failings?|poor\s+practice)\b""",
        ["We found serious weaknesses in the way referrals were assessed.",
         "We found serious and widespread failings in the way the force protects children."]),
    "we-are-disappointed": ("concern", rf"\b{_US} \s+ {_BE} \s+ disappointed\b",
                            ["HMIC was disappointed that little had changed."]),
    "we-found-good-practice": ("strength", rf"""\b{_US} \s+ (?:found|saw|identified|noted|observed)
        \s+ (?:(?:some|much|many\s+examples\s+of|examples\s+of|evidence\s+of)\s+)?
        (?:good|notable|effective|innovative|strong|positive)(?:,?\s+(?:and\s+)?[\w-]+){{0,2}}?
        \s+ (?:practice|work)\b (?!\s+(?:guides?|guidance|notes?|manuals?|documents?))""",
        ["HMIC found good practice in the planning of interviews with children.",
         "We saw effective work with schools.",
         "Norfolk Constabulary is committed, and we found examples of strong, child-centred work."]),
    "was-a-strength": ("strength", r"""\b(?:is|was|are|were|remains|remained) \s+ an? \s+
        (?:(?:particular|notable|real|clear|significant|key|considerable)\s+)? strength\b""",
        ["The training provided to frontline officers was a strength in the cases examined."]),
    "we-found-strengths": ("strength", rf"""\b{_US} \s+ (?:found|identified|saw) \s+
        (?:(?:many|some|several|clear|particular|real)\s+)? strengths\b""",
        ["Inspectors found several strengths in the work of the hub."]),
    "we-are-impressed": ("strength", rf"""\b{_US} \s+ {_BE} \s+ (?:(?:particularly|very|greatly)\s+)?
        (?:impressed|encouraged|pleased) \s+ (?:by|with|that|to)\b""",
        ["We were impressed by the commitment of staff in the hub."]),
    "we-commend": ("strength", rf"\b{_US} \s+ commend(?:s|ed)?\b",
                   ["HMIC commends the force for its work with schools."]),
}
_SHAPE_RES = [(name, pol, re.compile(rx, re.I | re.X)) for name, (pol, rx, _) in FINDING_SHAPES.items()]
_CONCERN_RE = re.compile("|".join(f"(?:{rx})" for _, (p, rx, _) in FINDING_SHAPES.items()
                                  if p == "concern"), re.I | re.X)
_STRENGTH_RE = re.compile("|".join(f"(?:{rx})" for _, (p, rx, _) in FINDING_SHAPES.items()
                                   if p == "strength"), re.I | re.X)
# Every shape above needs one of these (lower case): a cheap test before the patterns (keep in step).
_CONCERN_STEMS = ("concern", "weakness", "improvement", "shortfall", "failing", "poor practice",
                  "disappointed")
_STRENGTH_STEMS = ("practice", "work", "strength", "impressed", "encouraged", "pleased", "commend")

# Not the inspectorate's words, or not a finding: a hypothesis, someone quoted or reported.
_HYPOTHETICAL = re.compile(r"^\W*(?:If|Where|When|Whether|Should|Unless)\b", re.I)
_REPORTED = re.compile(r"""\b(?:said|says|say|told \s+ (?:us|inspectors|HMICF?R?S?|the\s+\w+)|according
    \s+ to|in \s+ the \s+ words \s+ of|described \s+ (?:it|this) \s+ as|believed|felt|claimed)\b""",
                       re.I | re.X)
_QUOTED = re.compile(r"[\"\u201c][^\"\u201d]{3,}[\"\u201d]|(?<!\w)['\u2018][^'\u2019]{12,}['\u2019](?!\w)")
_CAPTION = re.compile(r"^\W*(?:Figure|Table|Chart|Graph|Source|Note|Box|Case\s+study)\s*\d*\s*[:.\-\u2013]", re.I)
_FIGURES = re.compile(r"\b\d+\s+(?:of|out\s+of)\s+(?:the\s+|these\s+)?\d+\b|\b\d+\s*(?:%|per\s*cent)"
                      r"|\b\d+\s+(?:cases|case\s+files)\b", re.I)
_DIGIT = re.compile(r"\d")  # every _FIGURES shape holds one: a quick scan rules most sentences out
_PARA_NO = re.compile(r"^\d{1,2}(?:\.\d{1,3})+\.?\s+|^\d{1,3}\.\s+(?=[A-Z])")
_IN_SUMMARY = re.compile(r"^\W*(?:In\s+summary|To\s+summarise|Overall|In\s+conclusion)\s*,", re.I)


def _dotted(text: str) -> bool:
    r"""A contents line's leaders (four dots, or three spaced ones): the regex ``\.{4,}|(?:\. ){3,}``
    as two substring tests, the same answer in a tenth of the time."""
    return "...." in text or ". . . " in text


def _shape(sentence: str) -> tuple[str, str] | None:
    low = sentence.lower()
    may = {"concern": any(w in low for w in _CONCERN_STEMS),  # once per sentence, not per shape
           "strength": any(w in low for w in _STRENGTH_STEMS)}
    if not (may["concern"] or may["strength"]):
        return None
    for _name, polarity, rx in _SHAPE_RES:
        if may[polarity]:
            m = rx.search(sentence)
            if m and not _spoken(sentence, m.start()):
                return polarity, " ".join(m.group().split())
    return None


def _spoken(sentence: str, at: int) -> bool:
    """Whether the words at ``at`` are someone else's: inside quotation marks or reported speech."""
    if any(q.start() <= at < q.end() for q in _QUOTED.finditer(sentence)):
        return True
    return bool(_REPORTED.search(sentence, 0, at))


def classify(sentence: str) -> tuple[str, str] | None:
    """(polarity, the words that state it) of a judgment sentence, or None."""
    if not isinstance(sentence, str) or len(sentence) < 25 or _HYPOTHETICAL.match(sentence):
        return None
    if (_DIGIT.search(sentence) and _FIGURES.search(sentence)) or (has_grade_word(sentence) and GRADE_RE.search(sentence)
                                     and page_figures(sentence)):
        return None  # "found good practice in 11 of the 32 cases": case figures (grades.py's)
    return _shape(sentence)


def _finding_text(text: str, skip: set[str]) -> bool:
    return (text not in skip and not _dotted(text) and not _CAPTION.match(text)
            and text.rstrip()[-1:] in ".!?\"'\u201d\u2019")


def _quote(text: str) -> str:
    """The sentence as one line, without the paragraph number a numbered report prints before it."""
    return _PARA_NO.sub("", " ".join(text.split()), count=1)


_ANNEX = re.compile(r"^(?:Annex|Appendix)\s+[A-Z0-9]{1,3}\b[^.!?]{0,80}$")


def page_heads(text: str) -> list[Span]:
    """Headings of a page, including a heading wrapped onto a second line ("4. Progress against
    the 2014 / recommendations"), which the sentence splitter sees as a line and its tail, and an
    annex's heading with its colon ("Annex A: Glossary") and a chapter's with its grade
    ("4. Leadership: good")."""
    found = {h.start: h for h in headings(text)}
    spans = lines(text)
    found.update({a.start: a for a in spans if _ANNEX.match(a.text) or (  # "Annex A: Glossary"
        ":" in a.text and areas.is_numbered(a.text) and areas.heading_area(a.text))})  # "4. Leadership: good"
    for a, b in zip(spans, spans[1:], strict=False):
        joined = f"{a.text} {b.text}"
        gap = text[a.end:b.start]
        if (a.start not in found and "\n\n" not in gap and b.text[:1].islower()
                and areas.is_numbered(a.text) and _headlike(joined)):
            found[a.start] = Span(a.start, b.end, joined)
    return [found[k] for k in sorted(found)]


def _headlike(text: str) -> bool:
    return len(text.split()) <= 12 and text[-1:] not in ".!?:;," and text[:1].isalnum()


@dataclass
class _Place:
    """Where the walk is: the area and its heading, the nearest heading, summary or detail, and the
    earlier recommendation whose block (up to the next heading) the text is in."""

    area: str | None = None
    area_head: str = ""
    head: str = ""
    summary: bool = False
    block: Rec | None = None

    def enter(self, heading: str) -> None:
        self.head, self.block = heading, None
        area = areas.heading_area(heading)
        if area:
            self.area, self.area_head, self.summary = area, heading, False
        elif areas.SUMMARY_HEADING.fullmatch(areas.bare(heading)):
            self.summary = True
            if areas.leaves_area(heading):
                self.area, self.area_head = None, ""
        elif areas.DETAIL_HEADING.fullmatch(areas.bare(heading)):
            self.summary = False
        elif areas.leaves_area(heading):
            self.area, self.area_head, self.summary = None, "", False


def _earlier(recs: list[Rec], page: int, pos: int) -> Rec | None:
    prior = [r for r in recs if r.earlier and (r.page, r.start) <= (page, pos)]
    return prior[-1] if prior else None


def _inside(recs: list[Rec], page: int, pos: int) -> bool:
    return any(r.page == page and r.start <= pos < r.start + len(r.quote) for r in recs)


def _row(place: _Place, polarity: str, kind: str, text: str, cue: str, page: int,
         rec: Rec | None) -> dict:
    area = place.area
    if area is None and rec is not None:
        area = areas.topic_area(rec.text)
    return {"area": area, "section": place.area_head or place.head, "polarity": polarity,
            "type": kind, "recommendation": _rec_ref(rec), "duplicate_of": None,
            "text": text, "cue": cue, "page": page}


def _rec_ref(rec: Rec | None) -> str | None:
    if rec is None:
        return None
    return str(rec.number) if rec.number is not None else None


def _judge(span: Span, place: _Place, recs: list[Rec], page: int) -> dict | None:
    text = _quote(span.text)
    rating = rating_of(span.text) if any(r.earlier for r in recs) else None
    if rating in RATING_POLARITY:  # a review's rating of an earlier recommendation
        rec = _earlier(recs, page, span.start)
        return _row(place, RATING_POLARITY[rating], "progress", text, rating, page, rec)
    found = classify(span.text)
    if not found:
        return None
    if place.block is not None:  # said of the earlier recommendation just restated
        return _row(place, found[0], "progress", text, found[1], page, place.block)
    kind = "summary" if place.summary or _IN_SUMMARY.match(text) else "practice"
    return _row(place, found[0], kind, text, found[1], page, None)


def document_findings(doc: Document, skip_quotes: set[str] | None = None,
                      recs: list[Rec] | None = None) -> list[dict]:
    """The findings of a report in reading order, numbered, with area, type and links."""
    skip, recs = skip_quotes or set(), recs or []
    out: list[dict] = []
    place = _Place()
    for p in doc.pages:
        heads, k = page_heads(p.text), 0
        starts = {h.start for h in heads}
        for span in sentences(p.text):
            while k < len(heads) and heads[k].start <= span.start:
                place.enter(heads[k].text)
                k += 1
            rec = _rec_at(recs, p.number, span)
            if rec is not None:  # an earlier recommendation restated: its block runs to a heading
                place.block = rec
            if span.start in starts or not _finding_text(span.text, skip) \
                    or _inside(recs, p.number, span.start):
                continue
            row = _judge(span, place, recs, p.number)
            if row:
                out.append(row)
    return link_duplicates(out)


def _rec_at(recs: list[Rec], page: int, span: Span) -> Rec | None:
    """The earlier recommendation that this sentence is (part of), if any."""
    return next((r for r in recs if r.earlier and r.page == page and (
        span.start <= r.start < span.end or r.start <= span.start < r.start + len(r.quote))), None)


_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_STOP = frozenset("""that this with were have been from they their there which when what while
    about into than then them these those also some such more most much many inspectors hmic
    hmicfrs concerned concern concerns strength weakness remains found good practice summary
    overall force police children child cases case""".split())


def _content(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in _STOP}


def _same(a: dict, b: dict) -> bool:
    if a["polarity"] != b["polarity"]:
        return False
    if a["recommendation"] and a["recommendation"] == b["recommendation"] and a["type"] == b["type"]:
        return True
    x, y = _content(a["text"]), _content(b["text"])
    return bool(x and y) and len(x & y) / min(len(x), len(y)) >= 0.7


def link_duplicates(rows: list[dict]) -> list[dict]:
    """Number the findings; a summary statement restating a finding of the detail links to it (and
    takes its area when its own section names none)."""
    for i, r in enumerate(rows, 1):
        r["finding"] = i
    detail = [r for r in rows if r["type"] != "summary"]
    for r in rows:
        if r["type"] != "summary":
            continue
        twin = next((d for d in detail if _same(r, d)), None)
        if twin is not None:
            r["duplicate_of"] = twin["finding"]
            if r["area"] is None:
                r["area"] = twin["area"]
        if r["area"] is None:
            r["area"] = areas.topic_area(r["text"])
    for r in rows:
        if r["area"] is None:
            r["area"] = areas.topic_area(r["text"])
    return rows
