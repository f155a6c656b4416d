"""Dates as reports, press pages and letters write them, each with its precision.

Handled: "25-28 August 2015", "between 1 and 5 September 2014", "8 to 19 October 2018",
"30 September - 2 October 2014", "8th March 2016", "Tuesday, 8th March 2016", "March 8, 2016",
"March 2016", "2016-03-08", "08/03/2016" (day first, as in the UK) and, for parse_date only, "2016".
Text is expected after the reader's normalisation (dashes as "-"); en dashes are accepted anyway.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    m.lower(): i for i, m in enumerate(calendar.month_name) if m
} | {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m} | {"sept": 9}

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December" \
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)"
_DASH = r"\s*(?:-|\u2013|\u2014|to|until|and)\s*"
_SP = r"[ \t]*\n?[ \t]*"  # a date may wrap onto the next line, never across a blank line

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 30 September - 2 October 2014 / 30 September 2014 to 2 October 2014
    ("cross", re.compile(
        rf"\b(?:between\s+)?(?P<d1>{_DAY})(?:\s+of)?{_SP}(?P<m1>{_MONTH})(?:{_SP}(?P<y1>{_YEAR}))?"
        rf"{_DASH}(?P<d2>{_DAY})(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # 25-28 August 2015, between 1 and 5 September 2014, 8 to 19 October 2018
    ("range", re.compile(
        rf"\b(?:between\s+)?(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?"
        rf"{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # Tuesday, 8th March 2016 / 8 March 2016
    ("day", re.compile(
        rf"\b{_WEEKDAY}?(?P<d2>{_DAY})(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # March 8, 2016
    ("us", re.compile(rf"\b{_WEEKDAY}?(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),\s*(?P<y2>{_YEAR})\b", re.I)),
    ("iso", re.compile(r"(?<![\d-])(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?![\d-])")),
    ("slash", re.compile(r"(?<![\d/])(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)/(?P<y2>(?:19|20)\d\d)(?![\d/])")),
    # March 2016 (also "March-April 2016": the first month starts the span)
    ("month", re.compile(
        rf"\b(?:(?P<m1>{_MONTH}){_DASH})?(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
]
_NUMERIC = ("iso", "slash")  # the forms without a month name
_HAS_YEAR = re.compile(_YEAR)  # every form ends in a year: text without one holds no date
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_ONLY = re.compile(rf"^\s*(?:in\s+)?({_YEAR})\s*$", re.I)
_BARE_YEAR = re.compile(rf"(?<![\d/.,-])\b{_YEAR}\b(?![\d/-])")


@dataclass(frozen=True)
class DateMatch:
    start: date
    end: date
    precision: str  # day, month or year (a month or year is dated by its first day)
    span: tuple[int, int]  # character offsets in the searched text
    quote: str  # the matched text exactly as it appears

    @property
    def is_range(self) -> bool:
        return self.start != self.end


def _month(token: str) -> int | None:
    token = token.lower().rstrip(".")
    if token.isdigit():
        n = int(token)
        return n if 1 <= n <= 12 else None
    return MONTHS.get(token)


def _day(token: str | None) -> int | None:
    return int(re.match(r"\d+", token).group()) if token else None


def _safe_date(y: int, m: int | None, d: int | None) -> date | None:
    if m is None:
        return None
    try:
        return date(y, m, d or 1)
    except ValueError:
        return None


def _build(kind: str, g: dict[str, str | None], whole: str) -> tuple[date, date, str] | None:
    if kind == "year":
        return date(int(whole), 1, 1), date(int(whole), 1, 1), "year"
    y2 = int(g["y2"])
    m2 = _month(g["m2"])
    if kind == "month":
        first = _safe_date(y2, _month(g["m1"]) if g.get("m1") else m2, 1)
        last = _safe_date(y2, m2, 1)
        if first is None or last is None or first > last:
            return None
        return first, last, "month"  # a month is dated by its first day, as precision says
    end = _safe_date(y2, m2, _day(g["d2"]))
    if end is None:
        return None
    if kind == "cross":
        start = _safe_date(int(g["y1"] or y2), _month(g["m1"]), _day(g["d1"]))
        if start is not None and start.month > end.month and not g["y1"]:
            start = _safe_date(y2 - 1, start.month, start.day)  # "30 December - 2 January 2015"
    elif kind == "range":
        start = _safe_date(y2, m2, _day(g["d1"]))
    else:
        start = end
    if start is None or start > end or (end - start).days > 366:
        return None
    return start, end, "day"


def find_dates(text: str, years: bool = False) -> list[DateMatch]:
    """Every date or date range in ``text``, left to right, without overlaps (longest form wins).
    With ``years``, a bare year ("during 2016") is a date of precision year."""
    if not isinstance(text, str) or not _HAS_YEAR.search(text):
        return []
    found: list[DateMatch] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in _patterns(text, years):
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            built = _build(kind, m.groupdict(), m.group())
            if built is None:
                continue
            taken.append(m.span())
            found.append(DateMatch(built[0], built[1], built[2], m.span(), m.group()))
    return sorted(found, key=lambda d: d.span)


def _patterns(text: str, years: bool) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns worth trying on ``text``, in order: those with a month name need one."""
    low = text.lower()
    named = any(m in low for m in _MONTH_STEMS)
    out = [(k, p) for k, p in _PATTERNS if named or k in _NUMERIC]
    return [*out, ("year", _BARE_YEAR)] if years else out


def parse_date(text: str) -> tuple[date, str] | None:
    """The first date in ``text`` (a range gives its start) and its precision, or None."""
    if not isinstance(text, str):
        return None
    found = find_dates(text)
    if found:
        return found[0].start, found[0].precision
    m = _YEAR_ONLY.match(text)
    return (date(int(m.group(1)), 1, 1), "year") if m else None


def parse_range(text: str) -> tuple[date, date, str] | None:
    """Start, end and precision of the first date or range in ``text``, or None."""
    found = find_dates(text) if isinstance(text, str) else []
    return (found[0].start, found[0].end, found[0].precision) if found else None
