"""What a document is, whom it is about and when: kind, genre, title, force, publication and
fieldwork dates.

Kind and genre come from the cues in extract/genre.py. The document's own date depends on its genre:
a report's "Published on:" line (or "Published on 30th June 2015", a "Published | 13 February 2020"
row, or the label on one line and the date alone on the next, as HTML's <dt>/<dd> come out) or cover
month (a web copy re-dated later than its cover is named
as a conflict, and the earlier date kept); a press page's dateline (its metadata is a fallback, and
a disagreement is named); a letter's date above "Dear"; a panel minute's meeting; none for a
tracker page (its dates are status updates). A date with no year takes it from the document's
other dates, with the weekday checked.

Fieldwork is read for report kinds: the cover line ("Kent Police 3-14 July 2017", on one line, two
lines, or a cover that lost its breaks), else prose statements. ``FIELD_CUES`` is a table of named
cues; the cue nearest a date says whose fieldwork it is (this document's, the earlier inspection's,
or a publication date), so "In March 2022 HMICFRS inspected the force. In April 2023 we went back"
gives a review its April. Statements that disagree are returned as warnings naming both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reportkit import forces
from reportkit.extract import dates, genre
from reportkit.extract.dates import DateMatch, find_dates
from reportkit.extract.sentences import lines, sentences
from reportkit.read.document import Document

_COVER_CHARS = 1500


@dataclass
class Dated:
    """A date found in a document, with what is needed to cite it."""

    start: date
    end: date
    precision: str
    page: int
    quote: str


def _cover(doc: Document) -> str:
    first = doc.pages[0].text if doc.pages else ""
    return f"{doc.title}\n{first[:_COVER_CHARS]}"


def is_letter(doc: Document) -> bool:
    text = doc.text
    return bool(re.search(r"^\s*Dear\s+\w", text, re.M)) and bool(
        re.search(r"Yours\s+(?:sincerely|faithfully)|Kind\s+regards", text, re.I))


def kind(doc: Document) -> str:
    """One of vocabulary.KINDS, from the genre's cues (see extract/genre.py)."""
    return genre.kind_of(doc, genre.classify(doc))


def kind_and_genre(doc: Document) -> tuple[str, str]:
    """(kind, genre): a publication page's kind is its report's, a news article's is press."""
    g = genre.classify(doc)
    return genre.kind_of(doc, g), g


def force(doc: Document, kind_: str | None = None) -> str | None:
    """The force a document is about: the cover's force, else the most mentioned, else None."""
    if (kind_ or kind(doc)) == "thematic":
        return forces.NATIONAL
    cover = forces.mentions(_cover(doc))
    counts = cover or genre.text_mentions(doc.text)
    if not counts:  # a page titled by its area ("Norfolk: National child protection inspection")
        return _title_area(doc) or _area(doc.text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) >= 4 and ranked[0][1] < 2 * ranked[3][1]:
        return forces.NATIONAL
    return ranked[0][0]


_AREA = re.compile(r"(?=[fio])\b(?:for|in|of)\s+((?:the\s+)?[A-Z][\w&'-]*(?:\s+(?:and\s+)?[A-Z][\w&'-]*){0,3})")


def _title_area(doc: Document) -> str | None:
    first = doc.pages[0].text.lstrip().split("\n", 1)[0] if doc.pages else ""
    area = genre.TITLE_AREA.match(doc.title or first)
    slug = forces.try_resolve(area.group(1)) if area else None
    return slug if slug != forces.NATIONAL else None


def _area(text: str) -> str | None:
    """A force named only by its area ("Commissioner for West Yorkshire", "in Lancashire")."""
    for m in _AREA.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            slug = forces.try_resolve(" ".join(words[:n]))
            if slug and slug != forces.NATIONAL:
                return slug
    return None


# Genres whose text copies open with a masthead and menus before the headline
_HEADLINED = ("news", "press_release", "force_statement")


def title(doc: Document, genre_: str | None = None) -> str:
    if doc.format == "txt" and genre_ in _HEADLINED and (head := _headline(doc)):
        return head
    if doc.title.strip():
        return " ".join(doc.title.split())[:200]
    if is_letter(doc):
        m = re.search(r"^\s*Dear[^\n]*\n+\s*([^\n]{5,150})\n", doc.text, re.M)
        if m:
            return m.group(1).strip()
    heads: list[str] = []
    for span in lines(doc.pages[0].text)[:4] if doc.pages else []:
        if find_dates(span.text) or (heads and span.text[-1:] in ".!?"):
            break
        heads.append(span.text)
    return " ".join(heads)[:200]


def _headline(doc: Document) -> str | None:
    """A news page saved as text opens with the masthead and the site's menu, then the headline:
    the first one-line paragraph of four words or more before the article's first paragraph of
    several lines; menus ("News | Crime"), bylines and datelines are passed over."""
    for para in re.split(r"\n\s*\n", doc.pages[0].text if doc.pages else "")[:12]:
        lines = [" ".join(ln.split()) for ln in para.splitlines() if ln.strip()]
        if len(lines) > 1 or (lines and len(lines[0].split()) > 25):
            return None  # the article has begun: no headline stood before it
        text = lines[0] if lines else ""
        if (len(text.split()) >= 4 and "|" not in text and not find_dates(text)
                and not text.lower().startswith("by ")):
            return text[:200]
    return None


_REPORTED = re.compile(r"\b(?:report(?:ed)?|published|issued|released|revealed)\b", re.I)


# ---------------------------------------------------------------------------------------------
# every date a sentence states: full dates, dates without a year, dates relative to the document's

def _all_dates(text: str, anchor: date | None, years: list[int] | None = None,
               bare_years: bool = True) -> list[DateMatch]:
    """Full dates (bare years too, when asked), then year-less and relative ones resolved against
    the document's own date, left to right."""
    found = list(find_dates(text, years=bare_years))
    for p in dates.find_yearless(text):
        when = dates.year_for(p, years or [], anchor)
        if when:  # "the week of 6 March": its first day, and the end only to the month
            week = re.search(r"\bweek\s+(?:of|beginning|commencing|starting)\s+$", text[:p.span[0]], re.I)
            found.append(DateMatch(when, when, "month" if week else "day", p.span, p.quote))
    found += dates.find_relative(text, anchor)
    found = [d for d in found if not any(o is not d and o.span[0] <= d.span[0] and d.span[1] <= o.span[1]
                                         and o.span != d.span for o in found)]
    return sorted(found, key=lambda d: d.span)


def _dated(d: DateMatch, page: int, quote: str) -> Dated:
    return Dated(d.start, d.end, d.precision, page, quote[:300])


# ---------------------------------------------------------------------------------------------
# fieldwork: when the inspectors were in the force

# (name, role, pattern, example). The cue nearest before a date (else after it) says whose
# fieldwork the date is: this document's ("current"), the earlier inspection's ("earlier"), or
# "inspected" (current in an inspection report, earlier in a review of it).
_TOOK_PLACE = r"(?: took\s+place | was\s+(?:carried\s+out|conducted|undertaken|held) | ran | lasted )"

FIELD_CUES: tuple[tuple[str, str, re.Pattern[str], str], ...] = tuple(
    (name, role, re.compile(rx, re.I | re.X), example) for name, role, rx, example in (
        ("returned", "current",
         r"""\b(?: returned | went\s+back | came\s+back | re-?visited | re-?inspected
               | follow-?up\s+(?:inspection|visit) )\b""",
         "We returned to the force between 9 and 13 May 2022"),
        ("assessed-progress", "current",
         r"""\b(?:we|inspectors) \s+ (?:assessed|checked|examined) \s+
             (?: the\s+(?:force|constabulary)'s\s+ | its\s+ )? progress \b""",
         "In October 2020 we assessed the force's progress"),
        ("fieldwork", "current",  # "fieldwork" saying when it was, not "the fieldwork date it gives"
         r"""\bfieldwork\b (?= \s+ (?:[\w-]+\s+){0,4}?
                              (?: took\s+place | was | were | ran | lasted | in | during | between | from | on )\b )
             | \bcarried\s+out \s+ (?:our\s+|the\s+|its\s+)? fieldwork \b""",
         "our fieldwork in the week of 6 March"),
        ("this-review", "current",
         rf"""\b(?:this|the|our) \s+ (?:post-inspection\s+)? (?:review|revisit|re-?inspection|visit) \b
               (?= [^.]{{0,120}} \b(?: {_TOOK_PLACE} | was\s+in )\b )
             | \bre-?inspection\b (?= [^.]{{0,120}} \bwhich\s+took\s+place\b )""",
         "The review took place in late January 2016"),
        ("inspection-took-place", "inspected",  # this document's in a report, the earlier one's in a review
         rf"""\b(?:the|this|our|its) \s+ (?:[\w-]+\s+){{0,3}}? inspection \b (?= [^.]{{0,60}} \b{_TOOK_PLACE}\b )
             | (?<!-)\binspection\b (?= [^.]{{0,80}} \bwhich\s+took\s+place\b )
             | \b(?:carried\s+out|conducted|undertook) \s+ (?:our|the|its|an?|this) \s+ inspection \b""",
         "The inspection took place in November 2021"),
        ("inspected", "inspected",
         r"""\b(?: inspected | inspectors\s+visited | we\s+visited | visited\s+the\s+(?:force|constabulary) )\b
             | \b(?: inspectors | we | the\s+(?:inspection\s+)?team ) \s+ (?:were|was) \s+
                 (?: on\s+site | in\s+the\s+(?:force|constabulary) )\b
             | \binspection\s+carried\s+out\b""",
         "HMIC inspected the force in May 2016"),
        ("report-published", "published",  # a date next to these is the report's, not fieldwork
         r"""\b(?:issued|published) \s+ (?:its|the|our|a|their) \s+ (?:\w+\s+)? (?:report|findings) \b
             | \bwe\s+published\b | \breported\s+in\b
             | \breport(?:ed)? \s+ (?: followed | came\s+out | was\s+published | was\s+issued )\b
             | (?: (?<=\n) | \A ) [ \t]* (?: (?:first\s+)?published | issued | posted | (?:last\s+)?updated )\b""",
         "and published its report in November 2016"),
        ("earlier", "earlier",
         r"""\b(?:original|first|initial|earlier|previous|prior|that) \s+ (?:child\s+protection\s+)? inspection \b
             | \b(?:first|originally|initially|previously) \s+ (?:inspected|visited|reported)
             | \b(?:last|a)\s+year\b (?= [^.]{0,40} \binspect )
             | \binspect\w*\b [^.]{0,30} \blast\s+year\b""",
         "Our first inspection was in May 2021"),
    ))
_FIELD_ANY = re.compile("|".join(f"(?:{c[2].pattern})" for c in FIELD_CUES), re.I | re.X)
_EARLIER = re.compile(
    r"\b(?:original|originally|earlier|previous|first|initial|last\s+year|that\s+inspection"
    r"|(?:19|20)\d\d\s+inspection)\b", re.I)

_REVIEWS = ("review", "reinspection", "update")


def _role(text: str, at: int, kind_: str | None) -> str | None:
    """Whose fieldwork the date at offset ``at`` is: the nearest cue before it, else after it."""
    before, after = None, None  # (end of the cue, role); "earlier" wins a tie ("first inspected")
    for _name, role, rx, _ex in FIELD_CUES:
        for m in rx.finditer(text):
            key = (m.end(), role == "earlier")
            if m.start() <= at and (before is None or key > before[0]):
                before = (key, role)
            elif m.start() > at and (after is None or m.start() < after[0][0]):
                after = ((m.start(), False), role)
    hit = before or after
    if hit is None:
        return None
    role = hit[1]
    if role == "inspected":
        role = "earlier" if kind_ in _REVIEWS else "current"
    return role


def _statements(doc: Document, kind_: str | None, anchor: date | None, want: str,
                pages: int = 4) -> list[tuple[Dated, str]]:
    """(date, source) for every prose statement of fieldwork whose role is ``want``."""
    years = dates.years_in(doc.text[:20000])
    out = []
    for p in doc.pages[:pages]:
        for span in sentences(p.text):
            text = span.text
            if not _FIELD_ANY.search(text):
                continue
            found = [d for d in _all_dates(text, anchor, years) if not _inside_cue(text, d)
                     and _role(text, d.span[0], kind_) == want]
            if found:  # a year alone only where the sentence gives nothing finer
                best = next((d for d in found if d.precision != "year"), found[0])
                out.append((_dated(best, p.number, text), "text"))
    return out


def _inside_cue(text: str, d: DateMatch) -> bool:
    """A year that names a report ("our 2018 report", "the 2019 inspection") is not a date; nor is
    the year of a season ("the autumn of 2019" names no month, so it gives no fieldwork date)."""
    return d.precision == "year" and bool(
        re.match(r"\s*(?:\w+\s+){0,2}?(?:inspection|report|review|programme)", text[d.span[1]:])
        or re.search(r"\b(?:spring|summer|autumn|winter|fall)\s+(?:of\s+)?$", text[:d.span[0]], re.I))


def _cover_lines(doc: Document) -> list[tuple[Dated, str]]:
    """The cover's force and fieldwork ("Kent Police 3-14 July 2017"), on one line or two, or run
    together with the rest of a cover that lost its line breaks."""
    out = []
    for p in doc.pages[:1]:
        spans = lines(p.text[:3000])
        for i, span in enumerate(spans[:40]):
            for d in find_dates(span.text):
                if d.precision != "day" or not d.is_range:  # fieldwork is a span of days
                    continue
                rest = (span.text[:d.span[0]]).strip(" ,:-\u2013")
                prev = spans[i - 1].text if i and not rest and not span.text[d.span[1]:].strip(" ,.") else ""
                named = _force_named(rest) or (prev and forces.try_resolve(prev.strip()))
                if named:
                    quote = span.text if rest else f"{prev}\n{span.text}"
                    out.append((_dated(d, p.number, quote), "cover"))
                    return out
    return out


def _force_named(text: str) -> bool:
    """``text`` ends with a force's name ("... National Child Protection Inspections Kent Police")."""
    words = text.split()
    for n in range(1, min(6, len(words)) + 1):
        slug = forces.try_resolve(" ".join(words[-n:]))
        if slug and slug != forces.NATIONAL:
            return True
    return False


def _vague_year(d: Dated) -> bool:
    return bool(re.search(rf"\b(?:early|mid|late)[\s-]+{d.start.year}\b", d.quote, re.I))


def fieldwork_and_conflicts(doc: Document, kind_: str | None = None,
                            anchor: date | None = None) -> tuple[Dated | None, list[str]]:
    """This document's fieldwork (the cover line, else the first statement of it in prose) and a
    warning naming the first other statement of it that disagrees (never resolved silently)."""
    # a force's line in a national report is that force's fieldwork, not the report's
    cover = _cover_lines(doc) if kind_ != "thematic" else []
    found = cover + _statements(doc, kind_, anchor, "current")
    # a vague part of a year ("early 2021") names no month: no fieldwork date (a plain "during
    # 2016" is kept, to the year)
    found = [f for f in found if not (f[0].precision == "year" and _vague_year(f[0]))]
    if not found:
        return None, []
    chosen = found[0][0]
    notes = []
    for other, _src in found[1:]:
        if not _overlap(chosen, other):
            notes.append(f"fieldwork dates disagree: {_cite(chosen)} but {_cite(other)}; "
                         f"the first is used")
            break
    return chosen, notes


def _cite(d: Dated) -> str:
    return f"'{' '.join(d.quote.split())[:120]}' (page {d.page})"


def _months(d: Dated) -> tuple[int, int]:
    """The first and last month a statement covers, as month numbers (a year covers twelve)."""
    if d.precision == "year":
        return d.start.year * 12, d.end.year * 12 + 11
    return d.start.year * 12 + d.start.month - 1, d.end.year * 12 + d.end.month - 1


def _overlap(a: Dated, b: Dated) -> bool:
    """Do two statements of one span agree? They do when their months overlap: "3-14 July 2017"
    and "in July 2017" are the same fieldwork told at two precisions."""
    (a0, a1), (b0, b1) = _months(a), _months(b)
    return a0 <= b1 and b0 <= a1


def fieldwork(doc: Document, skip_earlier: bool = True, kind_: str | None = None,
              anchor: date | None = None) -> Dated | None:
    """Fieldwork dates: the cover line, else the first sentence that says when the work happened
    (``skip_earlier=False``: whichever fieldwork is stated first, the earlier inspection's too)."""
    if not skip_earlier:
        found = _cover_lines(doc) + _statements(doc, "inspection", anchor, "current")
        return found[0][0] if found else None
    return fieldwork_and_conflicts(doc, kind_ or kind(doc), anchor)[0]


def baseline_fieldwork(doc: Document, anchor: date | None = None) -> Dated | None:
    """In a review: when the fieldwork of the earlier inspection took place, where it says so."""
    found = _statements(doc, "review", anchor, "earlier")
    return found[0][0] if found else None


# ---------------------------------------------------------------------------------------------
# the document's own date

# the label of a line that states a publication date, whatever the form of the date: "Published
# on: 14 March 2023", "Published on 30th June 2015", a table row "| Published | 13 February 2020 |"
_PUBLISHED_LINE = re.compile(
    r"^\s*[-\u2022|]?\s*(?:(?:first\s+|date\s+)?published|issued|released|posted|publication\s+date"
    r"|date(?:\s+of\s+(?:publication|issue))?)\s*(?:on)?\s*[:|]?", re.I)
# a label alone on its line, its date on the next: only a label that names a publication (a bare
# "Date" over a table's column is not one)
_PUBLISHED_ALONE = re.compile(
    r"^\s*[-\u2022|]?\s*(?:(?:date\s+)?(?:first\s+)?published(?:\s+on)?|publication\s+date"
    r"|date\s+of\s+publication)\s*[:|]?[\s|]*$", re.I)
# what may stand between the label and its date: a time, a weekday, separators
_LABEL_TO_DATE = re.compile(
    r"[\s,:|]*(?:\d{1,2}[:.]\d\d\s*(?:[ap]m)?)?[\s,:|]*(?:\w+day,?)?[\s,:|]*", re.I)
# a line that is only a date, perhaps in a table cell or list item: "13/02/2020", "| 2 May 2019 |"
_CELL = re.compile(r"[\s|\u2022-]*")
_DATELINE_CUE = re.compile(
    r"^\s*(?:posted|published|updated|issued|date|news|press\s+office|by\s+[A-Z])|[\u00b7|]|\d{1,2}[:.]\d\d\s*(?:[ap]m)?\s*$",
    re.I)
_MEETING = re.compile(r"\bmeeting\s+(?:of\s+[^\n]{0,60}?\s+)?(?:held\s+)?(?:on|at)\b|^\s*(?:Date\s+of\s+meeting|Meeting\s+date)\b",
                      re.I | re.M)


def _line_dates(doc: Document, page_limit: int = 2,
                years: bool = False) -> list[tuple[int, str, DateMatch]]:
    out = []
    for p in doc.pages[:page_limit]:
        for span in lines(p.text):
            for d in find_dates(span.text, years=years):
                out.append((p.number, span.text, d))
    return out


def _published_line(doc: Document) -> Dated | None:
    """"Published on: ..." (or "Issued on:"), else the cover's month of publication."""
    return _stated_line(doc) or _cover_month(doc)


def _stated_line(doc: Document) -> Dated | None:
    """A line that says it gives the publication date: "Published on: 14 March 2023", or the
    label on its own line and the date on the next (HTML that keeps them in two elements:
    ``<dt>Published on:</dt><dd>13/02/2020</dd>``)."""
    for p in doc.pages[:2]:
        spans = lines(p.text)
        for i, span in enumerate(spans):
            m = _PUBLISHED_LINE.match(span.text)
            if not m:
                continue
            # the date straight after the label ("Date of inspection: ..." is not a publication)
            for d in find_dates(span.text):
                if _LABEL_TO_DATE.fullmatch(span.text[m.end():d.span[0]]):
                    return Dated(d.start, d.start, d.precision, p.number, span.text)
            if _PUBLISHED_ALONE.match(span.text) and i + 1 < len(spans):
                found = _only_date(spans[i + 1].text)
                if found:
                    quote = p.text[span.start:spans[i + 1].end]
                    return Dated(found.start, found.start, found.precision, p.number, quote)
    return None


def _only_date(text: str) -> DateMatch | None:
    """The day or month a line holds and nothing else (bar table or list marks), or None (a
    span of days is not one publication date)."""
    found = find_dates(text)
    if len(found) == 1 and not found[0].is_range:
        a, b = found[0].span
        if _CELL.fullmatch(text[:a] + text[b:]):
            return found[0]
    return None


def _cover_month(doc: Document) -> Dated | None:
    """The cover's month of publication: on a line of its own, or just before the copyright line
    of a cover that lost its line breaks ("... 8-19 July 2019 October 2019 (c) HMICFRS")."""
    for page, line, d in _line_dates(doc, 1):
        if d.quote.strip() == line.strip() and d.precision == "month":
            return Dated(d.start, d.start, d.precision, page, line)
    for page, line, d in _line_dates(doc, 1):
        after = line[d.span[1]:d.span[1] + 40]
        if d.precision == "month" and not d.is_range and re.match(r"\s*(?:\u00a9|\(c\)|ISBN)", after, re.I):
            return Dated(d.start, d.start, d.precision, page, d.quote)
    return None


def _report_date(doc: Document) -> tuple[Dated | None, list[str]]:
    """A report's date: "Published on:" and the cover month, which a web copy of an old report can
    contradict (it is re-dated when put online, never back-dated): the earlier is kept, and the
    disagreement named."""
    stated, cover = _stated_line(doc), _cover_month(doc)
    if stated and cover and (stated.start.year, stated.start.month) != (cover.start.year, cover.start.month):
        first, other = sorted((stated, cover), key=lambda d: d.start)
        return first, [f"publication dates disagree: {_cite(stated)} but {_cite(cover)}; "
                       f"the earlier, {_when(first)}, is used"]
    return stated or cover, []


def _when(d: Dated) -> str:
    return d.start.strftime("%-d %B %Y" if d.precision == "day" else "%B %Y")


def _dateline(doc: Document, before: str | None = None, cue: bool = True) -> Dated | None:
    """The first full date near the top (a press dateline, a letter's date above "Dear"); a date
    without a year takes the year the document's other dates imply (and its weekday allows)."""
    years = dates.years_in(doc.text[:20000])
    for p in doc.pages[:1]:
        head = p.text[:2500]
        if before and (cut := re.search(before, head, re.M)):
            head = head[:cut.start()]
        for n, span in enumerate(lines(head)[:30]):
            text = span.text
            if len(text) > 120 or (cue and n >= 8 and not _DATELINE_CUE.search(text)):
                continue
            found = [d for d in find_dates(text) if d.precision == "day"]
            for part in dates.find_yearless(text):
                when = dates.year_for(part, years) if part.weekday is not None else None
                if when:
                    found.append(DateMatch(when, when, "day", part.span, part.quote))
            for d in sorted(found, key=lambda d: d.span):
                rest = (text[:d.span[0]] + text[d.span[1]:]).strip()
                if not cue or len(rest) <= 40 or _DATELINE_CUE.search(text):
                    return Dated(d.start, d.start, "day", p.number, text)
    return None


_FURNITURE = re.compile(r"\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?|\bUpdated:?|[|\u00b7,]", re.I)


def _standalone_date(doc: Document) -> Dated | None:
    """A press page whose dateline ended up below the article: a line that is only a date (with
    a time or "Updated ..." at most)."""
    for p in doc.pages[:1]:
        for span in lines(p.text[:8000]):
            found = [d for d in find_dates(span.text) if d.precision == "day"]
            if found and len(span.text) <= 80:
                rest = span.text
                for d in found:
                    rest = rest.replace(d.quote, "")
                if len(_FURNITURE.sub("", rest).strip(" -:")) <= 3:
                    return Dated(found[0].start, found[0].start, "day", p.number, span.text)
    return None


def _meeting(doc: Document) -> Dated | None:
    """A panel minute's date: the meeting's."""
    for p in doc.pages[:1]:
        for span in lines(p.text[:1500]):
            if _MEETING.search(span.text):
                found = [d for d in find_dates(span.text) if d.precision == "day"]
                if found:
                    return Dated(found[0].start, found[0].start, "day", p.number, span.text)
    return None


def published(doc: Document, kind_: str, genre_: str | None = None) -> Dated | None:
    """The date a document was published, with the quote that states it where there is one."""
    return published_and_conflicts(doc, kind_, genre_)[0]


def published_and_conflicts(doc: Document, kind_: str,
                            genre_: str | None = None) -> tuple[Dated | None, list[str]]:
    """The document's own date, by its genre, and a warning when its metadata and its text
    disagree (the text's date is kept: it is what the reader sees)."""
    g = genre_ or genre.classify(doc)
    if g == "recommendation_tracker":
        return None, []  # its dates are status updates, not a publication
    if g == "panel_minutes":
        return _meeting(doc) or _dateline(doc) or _meta_date(doc), []
    notes: list[str] = []
    if g == "letter" or kind_ == "pcc_response":
        dear = bool(re.search(r"^\s*Dear\s", doc.text[:3000], re.M))  # a letter's date sits above it
        found = (_dateline(doc, before=r"^\s*Dear\s", cue=False) if dear else None) or _dateline(doc)
    elif kind_ == "press":
        found = _dateline(doc) or _standalone_date(doc)
    else:
        found, notes = _report_date(doc)
    meta = _meta_date(doc)
    if found and meta and meta.start != found.start and found.precision == "day":
        notes.append(f"publication date disagrees: the page's metadata says {meta.start:%d %B %Y} "
                     f"but the text says {_cite(found)}; the text's date is used")
    return found or meta, notes


def _meta_date(doc: Document) -> Dated | None:
    """The date in the document's metadata, cited from the text when the text shows it too."""
    if not doc.published:
        return None
    try:
        when = date.fromisoformat(str(doc.published)[:10])
    except ValueError:
        return None
    for p in doc.pages[:1]:
        for span in lines(p.text[:2000]):
            if any(d.start == when and d.precision == "day" for d in find_dates(span.text)):
                return Dated(when, when, "day", p.number, span.text)
    return Dated(when, when, "day", doc.pages[0].number if doc.pages else 1, "")


# ---------------------------------------------------------------------------------------------
# the report a press page or letter is about

def about(doc: Document, when: Dated | None) -> tuple[Dated | None, Dated | None]:
    """(publication, fieldwork) of the report a press page or letter refers to."""
    today = when.start if when else None
    years = dates.years_in(doc.text[:20000])
    pub = field = None
    for p in doc.pages:
        for span in sentences(p.text):
            if _EARLIER.search(span.text):
                continue
            found = [d for d in _all_dates(span.text, today, years, bare_years=False)
                     if d.start != today or d.quote.lower() == "today"]
            for d in found:
                role = _role(span.text, d.span[0], "inspection")
                if role == "current" and field is None:
                    field = _dated(d, p.number, span.text)
                elif role in ("published", None) and pub is None and _REPORTED.search(span.text):
                    pub = _dated(d, p.number, span.text)
    return pub, field
