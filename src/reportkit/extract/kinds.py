"""What a document is, whom it is about and when: kind, title, force, publication and fieldwork dates.

Reports announce themselves on the cover (series title, "Force 25-28 August 2015" fieldwork line,
the month of publication on a line of its own); web reports say "Published on:"; press pages carry
a dateline or metadata; commissioners' letters are dated above "Dear ...".
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reportkit import forces
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


_COMMISSIONER = re.compile(
    r"Police\s+(?:and|&)\s+Crime\s+Commissioner|\bPCC\b|\bOPCC\b|Police,\s+Fire\s+and\s+Crime"
    r"\s+Commissioner|\bMayor'?s\s+Office\s+for\s+Policing", re.I)


def from_commissioner(doc: Document) -> bool:
    """A short document with the commissioner's letterhead or sign-off: a statement or letter."""
    if len(doc.pages) > 6 or not doc.pages:
        return False
    head, tail = doc.pages[0].text[:300], doc.pages[-1].text[-500:]
    return bool(_COMMISSIONER.search(head) or _COMMISSIONER.search(tail)
                or _COMMISSIONER.search(doc.meta.get("Author", "")))


def _is_report_html(doc: Document) -> bool:
    text = doc.text
    return bool(re.search(r"Published\s+on:?", text, re.I)) and len(
        re.findall(r"\brecommendation", text, re.I)) >= 2


def kind(doc: Document) -> str:
    """One of schema.KINDS, from the cover, the layout and the format."""
    cover = _cover(doc)
    if is_letter(doc):
        return "pcc_response" if _COMMISSIONER.search(doc.text) else "other"
    if from_commissioner(doc):
        return "pcc_response"
    if doc.format in ("html", "txt") and not _is_report_html(doc) and not _series(cover):
        return "press"
    return _series(cover) or ("thematic" if _multi_force(doc) else "other")


def _series(cover: str) -> str | None:
    low = cover.lower()
    if re.search(r"re-?inspection", low):
        return "reinspection"
    if re.search(r"post[- ]inspection\s+review|\brevisit\b", low):
        return "review"
    if re.search(r"\b(?:quarterly\s+)?update\b", low) and re.search(r"inspection|hmic", low):
        return "update"
    if re.search(r"in\s+harm'?s\s+way|thematic|national\s+overview|lessons\s+from", low):
        return "thematic"
    if re.search(r"child\s+protection\s+inspection|inspection\s+of\s+\w", low):
        return "inspection"
    return None


def _multi_force(doc: Document) -> bool:
    counts = forces.mentions(doc.text)
    return len([c for c in counts.values() if c >= 2]) >= 4


def force(doc: Document, kind_: str | None = None) -> str | None:
    """The force a document is about: the cover's force, else the most mentioned, else None."""
    if (kind_ or kind(doc)) == "thematic":
        return forces.NATIONAL
    cover = forces.mentions(_cover(doc))
    counts = cover or forces.mentions(doc.text)
    if not counts:
        return _area(doc.text)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) >= 4 and ranked[0][1] < 2 * ranked[3][1]:
        return forces.NATIONAL
    return ranked[0][0]


_AREA = re.compile(r"\b(?:for|in|of)\s+((?:the\s+)?[A-Z][\w&'-]*(?:\s+(?:and\s+)?[A-Z][\w&'-]*){0,3})")


def _area(text: str) -> str | None:
    """A force named only by its area ("Commissioner for West Yorkshire", "in Lancashire")."""
    for m in _AREA.finditer(text):
        words = m.group(1).split()
        for n in range(len(words), 0, -1):
            slug = forces.try_resolve(" ".join(words[:n]))
            if slug and slug != forces.NATIONAL:
                return slug
    return None


def title(doc: Document) -> str:
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


_MONTH_NAMES = ("January|February|March|April|May|June|July|August|September|October|November"
                "|December")
_LAST_MONTH = re.compile(rf"\b(?:last|this\s+past)\s+({_MONTH_NAMES})\b")
_REPORTED = re.compile(r"\b(?:report(?:ed)?|published|issued|released|revealed)\b", re.I)


def _relative_month(text: str, today: date | None) -> tuple[date, str] | None:
    """"Last August" in an article of 8 March 2016 means August 2015."""
    m = _LAST_MONTH.search(text)
    if not m or today is None:
        return None
    month = _MONTH_NAMES.split("|").index(m.group(1)) + 1
    year = today.year if month < today.month else today.year - 1
    return date(year, month, 1), m.group()


def about(doc: Document, when: Dated | None) -> tuple[Dated | None, Dated | None]:
    """(publication, fieldwork) of the report a press page or letter refers to."""
    today = when.start if when else None
    pub = field = None
    for p in doc.pages:
        for span in sentences(p.text):
            if _EARLIER.search(span.text):
                continue
            dates = [d for d in find_dates(span.text) if d.start != today]
            if field is None and _FIELD_CUE.search(span.text):
                field = _about_date(dates, span.text, today, p.number)
            if pub is None and _REPORTED.search(span.text) and not _FIELD_CUE.search(span.text):
                if dates:
                    pub = Dated(dates[0].start, dates[0].end, dates[0].precision, p.number,
                                span.text[:300])
                elif today and re.search(r"\btoday\b", span.text, re.I):
                    pub = Dated(today, today, "day", p.number, span.text[:300])
    return pub, field


def _about_date(dates: list[DateMatch], text: str, today: date | None, page: int) -> Dated | None:
    if dates:
        return Dated(dates[0].start, dates[0].end, dates[0].precision, page, text[:300])
    rel = _relative_month(text, today)
    if rel:
        return Dated(rel[0], rel[0], "month", page, text[:300])
    return None


def _line_dates(doc: Document, page_limit: int = 2,
                years: bool = False) -> list[tuple[int, str, DateMatch]]:
    out = []
    for p in doc.pages[:page_limit]:
        for span in lines(p.text):
            for d in find_dates(span.text, years=years):
                out.append((p.number, span.text, d))
    return out


def _fieldwork_line(doc: Document) -> Dated | None:
    """The cover line naming the force and the fieldwork dates ("West Yorkshire Police 25-28
    August 2015")."""
    for page, line, d in _line_dates(doc, 1, years=True):
        rest = (line[:d.span[0]] + line[d.span[1]:]).strip(" ,:-")
        if rest and forces.try_resolve(rest):
            return Dated(d.start, d.end, d.precision, page, line)
    return None


_FIELD_CUE = re.compile(
    r"\b(?:fieldwork\s+(?:\w+\s+){0,4}?(?:took\s+place|was\s+(?:carried\s+out|conducted|undertaken)"
    r"|ran|lasted)|fieldwork\s+(?:in|during|between|from|on)\b"
    r"|(?:inspection|review|visit)\s+(?:\w+\s+){0,3}?(?:took\s+place|was\s+(?:carried\s+out|conducted))"
    r"|carried\s+out\s+(?:\w+\s+){0,4}?(?:inspection|review|fieldwork)"
    r"|(?:inspected|revisited|visited|returned\s+to)\s+(?:[\w-]+\s+){0,4}?(?:in|during|between|from)"
    r"|(?:inspection|review|visit)\s+(?:in|during|last)\s+[A-Z0-9])", re.I)
_EARLIER = re.compile(
    r"\b(?:original|originally|earlier|previous|first|initial|last\s+year|that\s+inspection"
    r"|(?:19|20)\d\d\s+inspection)\b", re.I)


def fieldwork(doc: Document, skip_earlier: bool = True) -> Dated | None:
    """Fieldwork dates: the cover line, else the first sentence that says when the work happened."""
    found = _fieldwork_line(doc)
    if found:
        return found
    return _first_dated_sentence(doc, lambda text: bool(_FIELD_CUE.search(text)) and not (
        skip_earlier and _EARLIER.search(text)))


def baseline_fieldwork(doc: Document) -> Dated | None:
    """In a review: when the fieldwork of the earlier inspection took place, where it says so."""
    return _first_dated_sentence(
        doc, lambda text: bool(_FIELD_CUE.search(text) and _EARLIER.search(text)))


def _first_dated_sentence(doc: Document, wanted) -> Dated | None:
    """The first date in the first sentence that ``wanted(text)`` accepts and that holds a date."""
    for p in doc.pages:
        for span in sentences(p.text):
            if wanted(span.text):
                dates = find_dates(span.text, years=True)
                if dates:
                    d = dates[0]
                    return Dated(d.start, d.end, d.precision, p.number, span.text[:300])
    return None


def _published_line(doc: Document) -> Dated | None:
    """A line with only a month and year (the cover's publication month) or "Published on: ..."."""
    for page, line, d in _line_dates(doc):
        if re.match(r"(?i)^\s*(?:published|first\s+published|date\s+published)\s*(?:on)?\s*:?",
                    line):
            return Dated(d.start, d.start, d.precision, page, line)
    for page, line, d in _line_dates(doc, 1):
        if d.quote.strip() == line.strip() and d.precision == "month":
            return Dated(d.start, d.start, d.precision, page, line)
    return None


def _dateline(doc: Document, before: str | None = None) -> Dated | None:
    """The first full date near the top (a press dateline, a letter's date above "Dear")."""
    for p in doc.pages[:1]:
        head = p.text[:1200]
        if before and re.search(before, head, re.M):
            head = head[:re.search(before, head, re.M).start()]
        for span in lines(head):
            dates = [d for d in find_dates(span.text) if d.precision == "day"]
            if dates and len(span.text) <= 120:
                d = dates[0]
                return Dated(d.start, d.start, "day", p.number, span.text)
    return None


def published(doc: Document, kind_: str) -> Dated | None:
    """The date a document was published, with the quote that states it where there is one."""
    if kind_ == "pcc_response":
        return _dateline(doc, before=r"^\s*Dear\s") or _meta_date(doc)
    if kind_ == "press":
        return _meta_date(doc) or _dateline(doc)
    return _published_line(doc) or _meta_date(doc)


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
