"""Recommendations: a time limit, then "[the force] should ...", numbered, sometimes with bullets.

Forms read: "Recommendation 3" labels (the text on the same or next line), list numbering ("1.",
"(2)"), bare paragraphs that open with a time limit, and time-limit heads ("Within three months")
over numbered or bulleted items. In reviews, the recommendations quoted from the earlier report are
marked ``earlier`` so that they go to the progress table instead of this report's own list.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportkit.extract.counts import COUNT, parse_count
from reportkit.extract.ratings import rating_of
from reportkit.extract.sentences import is_heading
from reportkit.read.document import Document

TIMESCALE = (
    rf"(?:immediately|with\s+immediate\s+effect|(?:with)?in\s+(?:the\s+next\s+)?(?:{COUNT}|an?)"
    r"\s+(?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?)|by\s+the\s+end\s+of\s+\w+\s+\d{4})"
)
_TS_RE = re.compile(rf"\b{TIMESCALE}\b", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 365 / 12, "year": 365}
# "Recommendation 3", "2014 recommendation 3", "Original recommendation 3:" at the start of a line
_LABEL = re.compile(
    r"^[ \t]*(?P<pre>(?:[\w'-]+[ \t]+){0,3}?)Recommendation[ \t]+(?P<n>\d{1,2})\b[ \t]*[:.\-]?\s*",
    re.I | re.M)
_ITEM = re.compile(r"^\s*\(?(?P<n>\d{1,2})[.)]\s+(?=\S)", re.M)
_SHOULD = re.compile(r"\bshould\b|\bmust\b|\bis\s+to\b|\bneeds?\s+to\b", re.I)
_EARLIER_CUE = re.compile(
    r"\b(?:(?:original|earlier|previous|initial|first|last)\s+(?:\w+\s+){0,3}?(?:report|inspection)"
    r"|(?:19|20)\d\d\s+(?:\w+\s+){0,3}?(?:report|inspection)|we\s+recommended|HMI\w*\s+recommended"
    r"|recommendations?\s+(?:made\s+)?in\s+(?:the\s+|our\s+)?(?:19|20)\d\d|(?:was|were)\s+recommended)",
    re.I)
_EARLIER_LABEL = re.compile(r"(?:19|20)\d\d|original|earlier|previous|initial|first", re.I)
_HEAD_TS = re.compile(rf"^\s*({TIMESCALE})\s*:?\s*$", re.I | re.M)  # "Within three months"
_TS_OPENING = re.compile(rf"(?:^|(?<=\n))[ \t]*{TIMESCALE}\s*,", re.I)  # "Within six weeks, ..."
_PARA_END = re.compile(r"\n[ \t]*\n")
_STOP = re.compile(
    r"^\s*(?:Recommendation\s+\d|\(?\d{1,2}[.)]\s|(?:Immediately|Within\s+\S+\s+\S+)\s*:?\s*$)", re.I | re.M)


@dataclass
class Rec:
    number: int | None
    text: str
    timescale: str | None
    timescale_days: int | None
    page: int
    quote: str
    start: int  # offset of the recommendation in its page's text
    earlier: bool = False


def timescale_days(phrase: str | None) -> int | None:
    """Days a time limit allows: immediately 0, six weeks 42, three months 91, a year 365."""
    if not isinstance(phrase, str):
        return None
    text = phrase.lower()
    if "immediate" in text:
        return 0
    m = re.search(rf"(?P<n>{COUNT}|an?)\s+(?:calendar\s+|working\s+)?(?P<u>day|week|month|year)",
                  text)
    if not m:
        return None
    n = 1 if m.group("n") in ("a", "an") else parse_count(m.group("n"))
    return None if n is None else int(n * _UNIT_DAYS[m.group("u")])


_BULLET_LINE = re.compile(r"[ \t]*(?:[\u2022\u25cf\u25aa*-]|[a-z][.)])\s")


def _body(text: str, start: int) -> tuple[int, int]:
    """The recommendation that starts at ``start``: its lines up to the next label, item, time
    head or heading, a blank line, or the end of its sentence when no bullet point follows."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    while end < len(text):
        rest = text[end + 1:]
        line = rest.split("\n", 1)[0]
        prev = text[start:end].rstrip()
        if not line.strip():
            nxt = rest.lstrip("\n \t")
            if not _BULLET_LINE.match(nxt):
                break
        elif _STOP.match(line) or _LABEL.match(line) or is_heading(line) and prev[-1:] in ".:;":
            break
        elif prev[-1:] in ".!?" and not _BULLET_LINE.match(line):
            break
        end = end + 1 + len(line)
    return start, end


def _quote(body: str) -> str:
    """The first sentence of the recommendation, at most 300 characters, as it stands in the text."""
    m = re.search(r"[.:;](?=\s|$)", body)
    first = body[:m.end()] if m and m.end() > 20 else body
    return first[:300].rstrip()


def _rec(text: str, start: int, number: int | None, page: int, head_ts: str | None) -> Rec | None:
    a, b = _body(text, start)
    body = text[a:b].strip()
    if not _SHOULD.search(body[:400]):
        return None
    ts = _TS_RE.search(_quote(body))
    phrase = ts.group() if ts else head_ts
    clean = " ".join(body.split())
    return Rec(number, clean, phrase, timescale_days(phrase), page, _quote(body),
               a + (len(text[a:b]) - len(text[a:b].lstrip())))


def _head_timescale(text: str, pos: int) -> str | None:
    """A time-limit head line ("Within three months") above the item at ``pos``, if any."""
    heads = list(_HEAD_TS.finditer(text, 0, pos))
    return heads[-1].group(1) if heads else None


def page_recommendations(text: str, page: int = 1) -> list[Rec]:
    """Recommendations on one page, by label, numbered item or time-limit opening."""
    if not isinstance(text, str):
        return []
    starts: dict[int, int | None] = {}
    labelled_earlier: set[int] = set()
    for m in _LABEL.finditer(text):
        starts[m.end()] = int(m.group("n"))
        if _EARLIER_LABEL.search(m.group("pre")):
            labelled_earlier.add(m.end())
    for m in _ITEM.finditer(text):
        if not any(abs(m.end() - s) < 3 for s in starts):
            starts[m.end()] = int(m.group("n"))
    for m in _TS_OPENING.finditer(text):
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        if not any(abs(s - k) < 12 for k in starts):
            starts[s] = None
    out = []
    for s in sorted(starts):
        rec = _rec(text, s, starts[s], page, _head_timescale(text, s))
        if rec and (rec.timescale or starts[s] is not None and _near_label(text, s)):
            rec.earlier = s in labelled_earlier or bool(_EARLIER_CUE.search(text[max(0, s - 300):s]))
            out.append(rec)
    return out


def _near_label(text: str, pos: int) -> bool:
    return bool(re.search(r"recommendation", text[max(0, pos - 40):pos], re.I))


def document_recommendations(doc: Document, kind: str = "inspection") -> list[Rec]:
    """All recommendations in reading order; in reviews those of the earlier report are flagged."""
    recs: list[Rec] = []
    for p in doc.pages:
        recs += page_recommendations(p.text, p.number)
    if kind in ("review", "reinspection", "update"):
        _flag_reviewed(doc, recs)
    _number(recs)
    return recs


def _flag_reviewed(doc: Document, recs: list[Rec]) -> None:
    """A recommendation followed by a progress judgment is one being reviewed, not a new one."""
    for i, rec in enumerate(recs):
        nxt = recs[i + 1] if i + 1 < len(recs) else None
        after = _text_between(doc, rec, nxt)
        if any(rating_of(s) for s in re.split(r"(?<=[.!?])\s+", after)):
            rec.earlier = True


def _text_between(doc: Document, rec: Rec, nxt: Rec | None) -> str:
    parts = []
    for p in doc.pages:
        if p.number < rec.page or (nxt and p.number > nxt.page):
            continue
        lo = rec.start + len(rec.quote) if p.number == rec.page else 0
        hi = nxt.start if nxt and p.number == nxt.page else len(p.text)
        parts.append(p.text[lo:hi])
    return "\n".join(parts)


def _number(recs: list[Rec]) -> None:
    """Unnumbered recommendations take their order within their group (earlier or this report)."""
    for earlier in (True, False):
        group = [r for r in recs if r.earlier == earlier]
        if group and all(r.number is None for r in group):
            for i, r in enumerate(group, 1):
                r.number = i
        else:
            last = 0
            for r in group:
                r.number = r.number if r.number is not None else last + 1
                last = r.number


def rows(recs: list[Rec], include_earlier: bool = False) -> list[dict]:
    """This report's own recommendations as table rows (the orchestrator adds doc_id, force, due).
    Those a review quotes from the earlier report are left out unless ``include_earlier``."""
    return [
        {"number": r.number, "text": r.text, "timescale": r.timescale,
         "timescale_days": r.timescale_days, "due": None, "page": r.page, "quote": r.quote}
        for r in recs if include_earlier or not r.earlier
    ]
