"""Recommendations: a time limit, then "[the force] should ...", numbered, sometimes with bullets.

Where one starts is read by the shapes in ``START_SHAPES`` (each with examples, checked by the
tests): "Recommendation 3" labels (a tracker's "Recommendation 2 of 5", or a label over a title
line), list numbering (in a Recommendations section also without a dot: "1 Within three months,
the force should"), numbered paragraphs ("3.12"), paragraphs that open with a time limit, and
"[subject] should" sentences inside a "Recommendations" section (which may state no time limit).
A letter that restates a report's list may word each item as "the force reviews ..." rather than
"should review": read only under a lead-in that names the recommendations.

The time limit is the one at the head of the recommendation ("Within three months, ..."), beside
its verb ("should, within 28 days, ..."), or on a head line over a list ("Immediately"). A limit
inside a subordinate clause ("... make sure that referrals are assessed within 28 days") may be
the referrals' and not the recommendation's, and working days are not calendar days: both are
left empty rather than guessed. A deadline date ("By 31 March 2016") is kept as written, no days.

Reports that number every paragraph number their recommendations as paragraphs ("9.", "10."):
those are then numbered by their order. A list told twice (summary, then section) is made once.
In reviews, the recommendations quoted from the earlier report are marked ``earlier`` so that
they go to the progress table instead of this report's own list (not on a tracker page, whose one
recommendation's status is not a review's judgment of it).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportkit.extract import genre
from reportkit.extract.counts import COUNT, parse_count
from reportkit.extract.ratings import rating_of
from reportkit.extract.sentences import is_heading
from reportkit.read.document import Document

_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November"
          r"|December)")
# A deadline date ("by 31 March 2016") is kept as written; its days depend on the publication day.
TIMESCALE = (
    rf"(?:immediately|with\s+immediate\s+effect|(?:with)?in\s+(?:the\s+next\s+)?(?:{COUNT}|an?)"
    r"\s+(?:calendar\s+|working\s+)?(?:days?|weeks?|months?|years?)"
    rf"|by\s+(?:the\s+end\s+of\s+)?(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{_MONTH}\s+\d{{4}})"
)
_TS_RE = re.compile(rf"\b{TIMESCALE}\b", re.I)
_UNIT_DAYS = {"day": 1, "week": 7, "month": 365 / 12, "year": 365}

_BULLET = r"(?:[\u2022\u25cf\u25aa\u2013*-][ \t]+)"
# who a recommendation is made to: "This report's recommendations should help" is made to no one
_ACTOR = (r"(?i:force|forces|constabulary|police|service|chief[ \t]+constables?|commissioner"
          r"|college[ \t]+of[ \t]+policing|council|home[ \t]+office)\b")

# Where a recommendation starts: name -> (pattern, examples that must match). Group ``n`` is its
# number where the shape gives one; ``pre`` words before a label ("2014", "Original").
START_SHAPES: dict[str, tuple[re.Pattern[str], list[str]]] = {
    "label": (re.compile(
        r"""^[ \t]*(?P<pre>(?:[\w'-]+[ \t]+){0,3}?)Recommendation[ \t]+(?P<n>\d{1,2})\b
            (?:[ \t]+of[ \t]+\d{1,2}\b)?          # a tracker's "Recommendation 2 of 5"
            [ \t]*[:.\-]?\s*""", re.I | re.M | re.X),
        ["Recommendation 3\n", "2014 recommendation 3: ", "Recommendation 2 of 5\n"]),
    "item": (re.compile(r"^\s*\(?(?P<n>\d{1,2})[.)]\s+(?=\S)", re.M),
             ["1. The force should", "(2) Within three months", "  3. Kent Police immediately"]),
    # a number without a dot or bracket: "1 Within three months, ..." / "2 The force should ...".
    # Only inside a Recommendations section and only before a time limit or a "[force] should"
    # clause, which a footnote ("1 See annex A") never opens with
    "bare_item": (re.compile(
        rf"""^[ \t]*(?P<n>\d{{1,2}})[ \t]+
            (?=(?i:{TIMESCALE})[ \t]*(?:,|:|[\u2013\u2014-][ \t])
              |(?:The[ \t]+)?(?:[A-Z][\w'\u2019&-]*[ \t]+){{0,4}}?{_ACTOR}(?:,[^,.\n]{{1,60}},)?[ \t]+(?:should|must)\b)""",
        re.M | re.X),
        ["1 Within three months, the force should", "2 Durham Constabulary should",
         "3 The force should immediately"]),
    # a section's numbered paragraph: the number is the paragraph's, so none is kept
    "decimal_paragraph": (re.compile(r"^[ \t]*\d{1,2}\.\d{1,3}\.?[ \t]+(?=\S)", re.M),
                          ["3.12 Within three months", "4.1. The force should"]),
    "time_opening": (re.compile(
        rf"""(?:^|(?<=\n))[ \t]*(?:{_BULLET}|\(?[a-h][.)][ \t]+)?{TIMESCALE}
             (?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:publication|date|receipt)\b[^,\n]{{0,40}})?  # "of the"
             (?:[ \t]*(?:,|:|[\u2013\u2014-][ \t])
                |(?<![Ii]mmediately)[ \t]+(?=the[ \t]|[A-Z]))  # no comma: not "Immediately after"
        """, re.I | re.X),
        ["Within six weeks, the force", "Immediately: the force", "Within 3 months - the",
         "\u2022 Within three months, the force", "Within three months the force", "(a) Within a year, the",
         "Within six months of the publication of this report, Kent Police", "By 31 March 2016, the"]),
    # only inside a Recommendations section, and only at the start of a sentence
    "subject_should": (re.compile(
        rf"""^[ \t]*{_BULLET}?(?:(?:HMI\w*|We|The\s+inspectorate)\s+recommends?\s+that\s*,?\s*
                              (?:{TIMESCALE}\s*,\s*)?)?
            (?P<subject>(?:[A-Z][\w'\u2019&-]*[ \t]+)?(?:[\w'\u2019&-]+[ \t]+){{0,4}}?{_ACTOR}
                        |(?:The[ \t]+)?[A-Z]{{2,6}})            # "The force", "Kent Police", "The MPS"
            (?:,[^,.\n]{{1,60}},)?[ \t]+(?:should|must)\b""", re.M | re.X),
        ["The force should also", "Kent Police should", "The constabulary, with its partners, must",
         "HMIC recommends that the force should", "All forces should", "The MPS should",
         "We recommend that, within six months, the force should", "- The force should"]),
}
_LABEL, _ITEM, _BARE_ITEM, _PARA, _TS_OPENING, _SUBJECT_SHOULD = (
    START_SHAPES[k][0] for k in START_SHAPES)
# words a sentence's subject never holds: "In this section we set out what the force should do"
_NOT_SUBJECT = re.compile(r"\b(?:we|what|how|that|this\s+section|if|whether|who|says?|said|found|"
                          r"believes?|thinks?|expects?|considers?|agreed|report)\b", re.I)

# "should have been done" tells what went wrong in a case; it recommends nothing
_SHOULD = re.compile(r"\bshould\b(?!\s+(?:not\s+)?have\s+(?:been|had|[a-z]+ed)\b)|\bmust\b|\bis\s+to\b"
                     r"|\bneeds?\s+to\b", re.I)
# a letter restating the list: "Within three months Kent Police acts so that ...", "The force reviews"
_RESTATED = re.compile(
    rf"""^(?:{TIMESCALE}[ \t]*,?[ \t]*)?
        (?:the[ \t]+(?:force|constabulary)|(?:[A-Z][\w'&-]*[ \t]+){{1,3}}(?:Police|Constabulary))
        [ \t]+(?:immediately[ \t]+)?(?!has\b|is\b|was\b|does\b)[a-z]+s\b""", re.I | re.X)
_EARLIER_CUE = re.compile(
    r"\b(?:(?:original|earlier|previous|initial|first|last)\s+(?:\w+\s+){0,3}?(?:report|inspection)"
    r"|(?:19|20)\d\d\s+(?:\w+\s+){0,3}?(?:report|inspection)|we\s+recommended|HMI\w*\s+recommended"
    r"|recommendations?\s+(?:made\s+)?in\s+(?:the\s+|our\s+)?(?:19|20)\d\d|(?:was|were)\s+recommended)",
    re.I)
_EARLIER_LABEL = re.compile(r"(?:19|20)\d\d|original|earlier|previous|initial|first", re.I)
_HEAD_TS = re.compile(rf"^\s*({TIMESCALE})\s*:?\s*$", re.I | re.M)  # "Within three months"
# "Recommendations", "3. Recommendations", "Our recommendations:" (not a contents line: no page no.)
# A capital: a lower-case "recommendations" line ends a head wrapped over two lines.
_REC_HEAD = re.compile(
    r"^[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?[ \t]+)?(?:(?:Our|New|Summary[ \t]+of)[ \t]+recommendations"
    r"|Recommendations?|RECOMMENDATIONS?)[ \t]*:?[ \t]*$", re.M)
# the words of a numbered Recommendations head after its number, with whatever a layout ran into
# its line ("2. Recommendations Within three months, the force should ...")
_NUMBERED_HEAD = re.compile(
    r"(?:(?:Our|New|Summary[ \t]+of)[ \t]+recommendations|Recommendations?|RECOMMENDATIONS?)"
    r"[ \t]*:?[ \t]*(?:$|(?P<run_in>(?=[A-Z\u2022(\"'-])\S))", re.M)
# a line that opens the next recommendation (or a head over the next ones)
_STOP = re.compile(
    rf"""^\s*(?:Recommendation\s+\d|\(?\d{{1,2}}[.)]\s|\d{{1,2}}[ \t]+{TIMESCALE}\s*[,:]|\d{{1,2}}\.\d{{1,3}}\.?\s
         |(?:Immediately|Within\s+\S+\s+\S+)\s*:?\s*$|{_BULLET}{TIMESCALE}\s*[,:])""",
    re.I | re.M | re.X)
# a clause that may own a time limit standing after it: "... make sure that X is done within 28 days"
_CLAUSE = re.compile(r"\b(?:that|so|where|when|which|who|whose|if|until|after|before|once)\b", re.I)
_PREAMBLE = re.compile(r"^(?:HMI\w*|we|the\s+inspectorate)\s+recommends?\s+that\b\W*", re.I)
_BULLET_LINE = re.compile(r"[ \t]*(?:[\u2022\u25cf\u25aa*-]|[a-z][.)])\s")


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
    numbered_by: str | None = None  # "label" or "item": where ``number`` came from


def timescale_days(phrase: str | None) -> int | None:
    """Days a time limit allows: immediately 0, six weeks 42, three months 91, a year 365.
    Working days are not calendar days, and a deadline date depends on the publication day:
    both are None."""
    if not isinstance(phrase, str):
        return None
    text = phrase.lower()
    if "working" in text:
        return None
    if "immediate" in text:
        return 0
    m = re.search(rf"(?P<n>{COUNT}|an?)\s+(?:calendar\s+|working\s+)?(?P<u>day|week|month|year)",
                  text)
    if not m:
        return None
    n = 1 if m.group("n") in ("a", "an") else parse_count(m.group("n"))
    return None if n is None else int(n * _UNIT_DAYS[m.group("u")])


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


def _own_timescale(quote: str) -> str | None:
    """The time limit the recommendation states for itself: the first one, unless a clause that
    could own it stands before it (then the limit is read two ways and left empty)."""
    m = _TS_RE.search(quote)
    if not m:
        return None
    before = _PREAMBLE.sub("", quote[:m.start()].lstrip())
    return None if _CLAUSE.search(before) else m.group()


def _is_heading_item(body: str) -> bool:
    """ "3. Recommendations" over the first recommendation: a numbered section head, not an item."""
    first, _, rest = body.partition("\n")
    return (bool(rest.strip()) and rest.lstrip()[:1].isupper() and is_heading(first)
            and not _SHOULD.search(first) and not _TS_RE.search(first))


def _rec(text: str, start: int, number: int | None, page: int, head_ts: str | None) -> Rec | None:
    a, b = _body(text, start)
    body = text[a:b].strip()
    if not (_SHOULD.search(body[:400]) or _RESTATED.match(body)) or _is_heading_item(body):
        return None
    phrase = _own_timescale(_quote(body)) or head_ts
    clean = " ".join(body.split())
    return Rec(number, clean, phrase, timescale_days(phrase), page, _quote(body),
               a + (len(text[a:b]) - len(text[a:b].lstrip())))


def _head_timescale(text: str, pos: int, carried: str | None = None) -> str | None:
    """The time-limit head line ("Within three months") over the item at ``pos``: the nearest
    above it, unless another head comes between; ``carried`` from the page before."""
    for line in reversed(text[:text.rfind("\n", 0, pos) + 1].splitlines()):
        bare = line.strip()
        head = _HEAD_TS.match(bare)
        if head:
            return head.group(1)
        if is_heading(bare) and not _LABEL.match(bare) and not _SHOULD.search(bare):
            return None  # "Annex A", "Progress against the 2015 recommendations"
    return carried


def _sections(text: str, open_at_start: bool) -> list[tuple[int, int]]:
    """Spans of the page under a "Recommendations" head or a time-limit head ("Within three
    months"), to the next other head (or the page's end); ``open_at_start`` when the section
    began on an earlier page."""
    spans, start = [], 0 if open_at_start else None
    pos = 0
    for line in text.splitlines(keepends=True):
        bare = line.strip()
        if _REC_HEAD.match(line) or _HEAD_TS.match(line):
            start = pos + len(line) if start is None else start
        elif (start is not None and is_heading(bare) and not _LABEL.match(bare)
              and not _SHOULD.search(bare)):
            spans.append((start, pos))
            start = None
        pos += len(line)
    if start is not None:
        spans.append((start, len(text)))
    return spans


def _sentence_starts(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Lines in the sections that open a "[subject] should" sentence."""
    out = []
    for a, b in spans:
        for m in _SUBJECT_SHOULD.finditer(text, a, b):
            prev = text[a:m.start()].rstrip()
            if prev and prev[-1] not in ".!?" and not _HEAD_TS.match(prev.rsplit("\n", 1)[-1]):
                continue  # the middle of a sentence wrapped over lines
            if not _NOT_SUBJECT.search(m.group("subject")):
                out.append(m.start() + len(m.group()) - len(m.group().lstrip()))
    return out


def _lead_in(text: str, pos: int) -> bool:
    """The line before the list that holds ``pos`` names recommendations ("they were: -")."""
    for line in reversed(text[:text.rfind("\n", 0, pos) + 1].splitlines()):
        if line.strip() and not _ITEM.match(line + " "):
            return "recommend" in line.lower()
    return False


# what may follow a label on its own line: a tracker's "Recommendation 2 | Page 1 of 1"
_BARE_LABEL_REST = re.compile(r"[ \t]*(?:of[ \t]+\d{1,2})?[ \t]*(?:\|[^\n]*)?$")


def _after_earlier_cue(text: str, pos: int) -> bool:
    """An earlier report is named just before ("In 2015 we recommended"), after the last
    Recommendations head: a head opens this report's own list."""
    lo = max(0, pos - 300)
    heads = list(_REC_HEAD.finditer(text, lo, pos))
    return bool(_EARLIER_CUE.search(text, heads[-1].end() if heads else lo, pos))


def _starts(text: str) -> tuple[dict[int, tuple[int | None, str | None]], set[int], set[int]]:
    """Where the shapes open a recommendation: offset -> (number, "label" | "item" | None); the
    labels that name an earlier report's recommendation ("2014 recommendation 3"); the labels
    alone on their line (a heading, whose number may go to the text under a title line)."""
    starts: dict[int, tuple[int | None, str | None]] = {}
    labelled_earlier: set[int] = set()
    bare: set[int] = set()
    for m in _LABEL.finditer(text):
        starts[m.end()] = (int(m.group("n")), "label")
        if _EARLIER_LABEL.search(m.group("pre")):
            labelled_earlier.add(m.end())
        eol = text.find("\n", m.end("n"))
        if _BARE_LABEL_REST.match(text[m.end("n"):len(text) if eol < 0 else eol]):
            bare.add(m.end())
    for m in _ITEM.finditer(text):
        head = _NUMBERED_HEAD.match(text, m.end())
        if head:  # "2. Recommendations": the section's number, never a recommendation's
            if head.group("run_in"):  # "2. Recommendations Within three months, ..."
                starts.setdefault(head.start("run_in"), (None, None))
            continue
        if not any(abs(m.end() - s) < 3 for s in starts):
            starts[m.end()] = (int(m.group("n")), "item")
    for m in _BARE_ITEM.finditer(text):
        if not any(abs(m.end() - s) < 3 for s in starts):
            starts[m.end()] = (int(m.group("n")), "bare_item")  # kept only inside a section
    for m in _PARA.finditer(text):
        starts.setdefault(m.end(), (None, None))
    for m in _TS_OPENING.finditer(text):
        s = m.start() + len(m.group()) - len(m.group().lstrip())
        if not any(abs(s - k) < 12 for k in starts):
            # "Within a year the force should see ..." with no comma: only in a Recommendations
            # section, where it cannot be a finding's forecast
            starts[s] = (None, None if m.group().rstrip()[-1:] in ",:-\u2013\u2014" else "bare")
    return starts, labelled_earlier, bare


# where a number came from, as ``Rec.numbered_by`` says it: a bare start gives none
_NUMBERED_BY: dict[str | None, str | None] = {"bare": None, "bare_item": "item"}


def _page_recs(text: str, page: int, in_section: bool,
               head: str | None = None) -> tuple[list[Rec], bool, str | None]:
    """Recommendations on one page, whether its Recommendations section runs on, and the
    time-limit head over its last lines; ``in_section`` and ``head`` from the page before."""
    starts, labelled_earlier, bare_labels = _starts(text)
    sections = _sections(text, in_section)
    out: list[Rec] = []
    spans: list[tuple[int, int]] = []
    label: tuple[int, int] | None = None  # a label over a title line: "Recommendation 6" on a tracker
    for s in sorted(starts):
        number, source = starts[s]
        rec = _rec(text, s, number, page, _head_timescale(text, s, head))
        if rec is None:
            # a label alone on its line always has its number
            label = (number, s) if s in bare_labels and number is not None else None
            continue
        if number is None and label and s - label[1] < 200:
            number, source, rec.number = label[0], "label", label[0]
        label = None
        listed = number is not None and (_near_label(text, s) or _lead_in(text, s))
        inside = any(a <= s < b for a, b in sections)
        made_to = inside and _SUBJECT_SHOULD.match(rec.text)
        if source in ("bare", "bare_item") and not inside:
            continue
        if not (rec.timescale or listed or made_to):
            continue  # "6.1 HMIC will return ... The report's actions should help ..." is not one
        if not _SHOULD.search(rec.text[:400]) and not _lead_in(text, s):
            continue  # "The force reviews ..." is a recommendation only in a restated list
        rec.numbered_by = _NUMBERED_BY.get(source, source)
        rec.earlier = s in labelled_earlier or _after_earlier_cue(text, s)
        out.append(rec)
        spans.append(_body(text, s))
    for s in _sentence_starts(text, sections):
        if any(a - 12 < s < b for a, b in spans):
            continue  # already read, or a line of one read
        rec = _rec(text, s, None, page, _head_timescale(text, s, head))
        if rec:
            rec.earlier = _after_earlier_cue(text, s)
            out.append(rec)
            spans.append(_body(text, s))
    out.sort(key=lambda r: r.start)
    runs_on = bool(sections) and sections[-1][1] == len(text)
    return out, runs_on, _head_timescale(text, len(text), head) if runs_on else None


def page_recommendations(text: str, page: int = 1) -> list[Rec]:
    """Recommendations on one page, by label, numbered item, time-limit opening or section."""
    if not isinstance(text, str):
        return []
    return _page_recs(text, page, False)[0]


def _near_label(text: str, pos: int) -> bool:
    return bool(re.search(r"recommendation", text[max(0, pos - 40):pos], re.I))


def document_recommendations(doc: Document, kind: str = "inspection",
                             genre_: str | None = None) -> list[Rec]:
    """All recommendations in reading order; in reviews those of the earlier report are flagged
    (``genre_``: the document's genre, when known)."""
    recs: list[Rec] = []
    in_section, head = False, None
    for p in doc.pages:
        if not isinstance(p.text, str):
            continue
        found, in_section, head = _page_recs(p.text, p.number, in_section, head)
        recs += found
    # a tracker page of a review's recommendation states that one's status: it is not an earlier one
    if kind in ("review", "reinspection", "update") and not genre.is_tracker_page(doc, len(recs), genre_):
        _flag_reviewed(doc, recs)
    recs = _once(recs)
    _number(doc, recs)
    return recs


def _once(recs: list[Rec]) -> list[Rec]:
    """A report that lists its recommendations in the summary and again in their section makes
    each once: the first telling is kept. An earlier report's are all kept, as each telling may
    be followed by its own progress judgment."""
    seen: set[str] = set()
    out = []
    for r in recs:
        key = re.sub(r"\W+", " ", r.text.lower()).strip()
        if r.earlier or key not in seen:
            seen.add(key)
            out.append(r)
    return out


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


def _paragraph_numbers(doc: Document, group: list[Rec]) -> bool:
    """Numbers that go on from the paragraphs before ("8. Eleven of the cases ..." then "9.
    Immediately, ..."): the report numbers paragraphs, not recommendations."""
    first = next((r for r in group if r.numbered_by), None)
    if first is None or first.numbered_by != "item" or not first.number or first.number < 2:
        return False
    if any(r.numbered_by == "label" for r in group):
        return False
    before = "\n".join(p.text for p in doc.pages if p.number < first.page and isinstance(p.text, str))
    page = next(p.text for p in doc.pages if p.number == first.page)
    before += "\n" + page[:first.start]
    prev = list(re.finditer(rf"^[ \t]*\(?{first.number - 1}[.)][ \t]+(?=\S)", before, re.M))
    if not prev:
        return False
    a, b = _body(before, prev[-1].end())
    body = before[a:b]
    restated = _RESTATED.match(body) and _lead_in(before, prev[-1].end())
    return not (_SHOULD.search(body) or restated)  # else a recommendation left unread


def _number(doc: Document, recs: list[Rec]) -> None:
    """Unnumbered recommendations take their order within their group (earlier or this report)."""
    for earlier in (True, False):
        group = [r for r in recs if r.earlier == earlier]
        if group and (all(r.number is None for r in group) or _paragraph_numbers(doc, group)):
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
