"""Dates as reports, press pages, letters and minutes write them, each with its precision.

Full dates (``find_dates``; shapes in ``_PATTERNS``, examples in ``EXAMPLES``): "25-28 August 2015",
"between 1 and 5 September 2014", "27 June - 8 July 2016", "8th March 2016", "2nd Nov 2022", a typo
such as "27nd June", "Tuesday, 8th March 2016", "March 8, 2016", "March 2016", "late February and early
March 2023" (a vague part of a month is kept to the month), "between October 2023 and January 2024",
"the week of 6 March 2020" (its first day, kept to the month: the end is not stated), "2016-03-08",
"08/03/2016" and "11.12.14" (day first, as in the UK) and, with ``years=True``, "during 2016" and
"early 2021" (kept to the year). "In the autumn" gives no date: it names no month.

Dates without a year (``find_yearless``, ``year_for``): "Thursday (June 28)", "Friday 30th August",
"15 March"; the year is the one the document's other dates imply and the weekday allows, or, without
a weekday, the last such day up to the document's own date. Relative dates (``find_relative``):
"last August", "in March this year", "last month", "earlier this year", "yesterday", "in September",
each resolved from the document's own date (``RELATIVE_EXAMPLES``).

Written here rather than with dateutil or htmldate: dateutil.parser reads one date per string and
fills a missing year from today (and month-first for "11.12.14" unless told), where documents carry
several dates per sentence, ranges and spans across months, and need the quote and offsets of each;
htmldate finds a web page's date from its markup, which the HTML reader already uses upstream.
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

_QUAL = r"(?:(?:early|mid|late|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?"  # vague part of a month
_YY = r"(?:(?:19|20)\d\d|\d\d)"  # numeric forms may give the year in two digits ("11.12.14")

# Each shape: (name, pattern). ``EXAMPLES`` below gives what each reads; tests check every one.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 30 September - 2 October 2014 / 30 September 2014 to 2 October 2014
    ("cross", re.compile(
        rf"\b(?:between\s+)?(?P<d1>{_DAY})(?:\s+of)?{_SP}(?P<m1>{_MONTH})(?:{_SP}(?P<y1>{_YEAR}))?"
        rf"{_DASH}(?P<d2>{_DAY})(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # 25-28 August 2015, between 1 and 5 September 2014, 8 to 19 October 2018
    ("range", re.compile(
        rf"\b(?:between\s+)?(?P<d1>{_DAY}){_DASH}(?P<d2>{_DAY})(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?"
        rf"{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # the week of 6 March 2020: the first day is stated, the end only to the month
    ("week", re.compile(
        rf"\b(?:the\s+)?week\s+(?:of|beginning|commencing|starting)\s+(?:Monday,?\s+)?(?P<d2>{_DAY})"
        rf"(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # Tuesday, 8th March 2016 / 8 March 2016 / 2nd Nov 2022 / 27nd June 2019 (a typo kept)
    ("day", re.compile(
        rf"\b{_WEEKDAY}?(?P<d2>{_DAY})(?:\s+of)?{_SP}(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # March 8, 2016
    ("us", re.compile(rf"\b{_WEEKDAY}?(?P<m2>{_MONTH})\s+(?P<d2>{_DAY}),\s*(?P<y2>{_YEAR})\b", re.I)),
    ("iso", re.compile(r"(?<![\d-])(?P<y2>(?:19|20)\d\d)-(?P<m2>[01]\d)-(?P<d2>[0-3]\d)(?![\d-])")),
    # 08/03/2016, 14/03/23: day first, as in the UK
    ("slash", re.compile(
        r"(?<![\d/])(?P<d2>[0-3]?\d)/(?P<m2>[01]?\d)/(?P<y2>(?:19|20)\d\d|(?<=\d/[01]\d/)\d\d)(?![\d/])")),
    # 11.12.14, 09.07.2015: day first; both parts zero-padded (so "3.1.12" stays a paragraph number)
    ("dotted", re.compile(r"(?<![\d.])(?P<d2>[0-3]\d)\.(?P<m2>[01]\d)\.(?P<y2>" + _YY + r")(?![\d.]|\.\d)")),
    # between October 2023 and January 2024 / from March 2016 to May 2016 (each month with its year)
    ("months", re.compile(
        rf"\b(?:(?P<lead>between|from)\s+)?{_QUAL}(?P<m1>{_MONTH}),?\s+(?P<y1>{_YEAR})\s*(?P<conn>-|\u2013|to|until|and)\s*"
        rf"{_QUAL}(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
    # March 2016 / March-April 2016 / late February and early March 2023: first month starts it
    ("month", re.compile(
        rf"\b{_QUAL}(?:(?P<m1>{_MONTH}){_DASH}{_QUAL})?(?P<m2>{_MONTH}),?{_SP}(?P<y2>{_YEAR})\b", re.I)),
]
EXAMPLES: dict[str, list[tuple[str, str, str, str]]] = {  # shape -> (text, start, end, precision)
    "cross": [("27 June \u2013 8 July 2016", "2016-06-27", "2016-07-08", "day"),
              ("30 December - 2 January 2015", "2014-12-30", "2015-01-02", "day")],
    "range": [("between 9 and 13 May 2022", "2022-05-09", "2022-05-13", "day"),
              ("3-14 July 2017", "2017-07-03", "2017-07-14", "day")],
    "week": [("in the week of 6 March 2023", "2023-03-06", "2023-03-06", "month")],
    "day": [("Published 2nd Nov 2022", "2022-11-02", "2022-11-02", "day"),
            ("Issued on: 23rd February 2021", "2021-02-23", "2021-02-23", "day"),
            ("dated 27nd June 2019", "2019-06-27", "2019-06-27", "day")],
    "us": [("June 28, 2018", "2018-06-28", "2018-06-28", "day")],
    "iso": [("2016-03-08", "2016-03-08", "2016-03-08", "day")],
    "slash": [("14/03/2023", "2023-03-14", "2023-03-14", "day"), ("Date: 04/11/16", "2016-11-04", "2016-11-04", "day")],
    "dotted": [("11.12.14", "2014-12-11", "2014-12-11", "day"), ("Posted 09.07.2015", "2015-07-09", "2015-07-09", "day")],
    "months": [("between October 2023 and January 2024", "2023-10-01", "2024-01-01", "month")],
    "month": [("June 2017", "2017-06-01", "2017-06-01", "month"),
              ("in late February and early March 2023", "2023-02-01", "2023-03-01", "month"),
              ("November-December 2019", "2019-11-01", "2019-12-01", "month")],
}
_NUMERIC = ("iso", "slash", "dotted")  # the forms without a month name
# every form ends in a year (four digits, or two after a numeric day and month): text without one holds no date
_HAS_YEAR = re.compile(rf"{_YEAR}|[0-3]\d[./][01]\d[./]\d\d")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR_ONLY = re.compile(rf"^\s*(?:in\s+)?({_YEAR})\s*$", re.I)
# with years=True: "during 2016", and "early 2021" (a vague part of a year is kept to the year)
_BARE_YEAR = re.compile(rf"(?:\b(?:early|mid|late)[\s-]+)?(?<![\d/.,-])\b{_YEAR}\b(?![\d/-])", re.I)


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


def _year(token: str) -> int:
    y = int(token)
    return y if y >= 100 else 2000 + y if y < 70 else 1900 + y  # two digits: 14 is 2014


def _day(token: str | None) -> int | None:
    if not token:
        return None
    return int(_digits(re.match(r"\d+", token), token))


def _digits(m: re.Match[str] | None, text: str) -> str:
    """The digits a pattern's group always holds (a day, a year): a miss is a bug in a pattern."""
    if m is None:
        raise ValueError(f"no digits in {text!r}")
    return m.group()


def _group(g: dict[str, str | None], name: str) -> str:
    """A group the shape always captures: ``y2``, ``m2`` (all but "year"), ``m1`` ("cross")."""
    value = g.get(name)
    if value is None:
        raise ValueError(f"date shape without its {name!r} group")
    return value


def _safe_date(y: int, m: int | None, d: int | None) -> date | None:
    if m is None:
        return None
    try:
        return date(y, m, d or 1)
    except ValueError:
        return None


def _build(kind: str, g: dict[str, str | None], whole: str) -> tuple[date, date, str] | None:
    if kind == "year":
        y = int(_digits(re.search(r"\d{4}", whole), whole))
        return date(y, 1, 1), date(y, 1, 1), "year"
    y2 = _year(_group(g, "y2"))
    m2 = _month(_group(g, "m2"))
    if kind == "months" and (g.get("conn") or "").lower() == "and" and not g.get("lead"):
        return None  # "in March 2016 and January 2017": two months, not a span
    if kind in ("month", "months"):
        m1 = _month(m1_text) if (m1_text := g.get("m1")) else m2
        y1 = int(y1_text) if (y1_text := g.get("y1")) else (y2 - 1 if m1 and m2 and m1 > m2 else y2)
        first, last = _safe_date(y1, m1, 1), _safe_date(y2, m2, 1)
        if first is None or last is None or first > last or (last - first).days > 366:
            return None
        return first, last, "month"  # a month is dated by its first day, as precision says
    if kind == "week":
        start = _safe_date(y2, m2, _day(g["d2"]))
        return (start, start, "month") if start else None  # the end is only known to the month
    end = _safe_date(y2, m2, _day(g["d2"]))
    if end is None:
        return None
    if kind == "cross":
        start = _safe_date(int(g["y1"] or y2), _month(_group(g, "m1")), _day(g["d1"]))
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


# ---------------------------------------------------------------------------------------------
# Dates written without their year, and dates relative to the document's own date.
#
# Written here, not taken from dateutil: dateutil.parser fills a missing year from today's date and
# ignores a stated weekday, where a report needs the year the document's other dates imply and
# the weekday to agree with it ("Thursday 6 February" beside "the 2019 inspection" is 2020).

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WD = r"(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)"
_NO_YEAR = r"(?!,?\s*(?:of\s+)?(?:19|20)?\d\d\b)(?!\s*[-\u2013/.]\s*\d)"
_NOT_RANGE_END = r"(?<![-\u2013\d])(?<![-\u2013]\s)(?<!\band\s)(?<!\bto\s)"  # not the "28 August" of "25-28 August"

YEARLESS: list[tuple[str, re.Pattern[str]]] = [
    # Thursday 16th July / Friday, 30th August / Thursday (28 June)
    ("weekday-day-month", re.compile(
        rf"\b{_WD},?\s*\(?(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH})\)?{_NO_YEAR}", re.I)),
    # Thursday (June 28) / Thursday, June 28
    ("weekday-month-day", re.compile(
        rf"\b{_WD},?\s*\(?(?P<m>{_MONTH})\s+(?P<d>{_DAY})\)?{_NO_YEAR}", re.I)),
    # 15 March, with no year and no weekday
    ("day-month", re.compile(rf"{_NOT_RANGE_END}\b(?P<d>{_DAY})(?:\s+of)?\s+(?P<m>{_MONTH}){_NO_YEAR}", re.I)),
]
YEARLESS_EXAMPLES = {
    "weekday-day-month": ["on Friday 30th August", "News | Thursday 16th July", "Thursday (28 June)"],
    "weekday-month-day": ["published on Thursday (June 28)"],
    "day-month": ["the meeting on 15 March"],
}


@dataclass(frozen=True)
class Partial:
    """A date written without its year: month, day and, where stated, the weekday (0 = Monday)."""

    month: int
    day: int
    weekday: int | None
    span: tuple[int, int]
    quote: str


def find_yearless(text: str) -> list[Partial]:
    """Day-and-month dates that give no year, outside any date that does."""
    if not isinstance(text, str) or not any(m in text.lower() for m in _MONTH_STEMS):
        return []
    taken = [d.span for d in find_dates(text)]
    out: list[Partial] = []
    for _name, pattern in YEARLESS:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            month, day = _month(m.group("m")), _day(m.group("d"))
            if month is None or not day or _safe_date(2000, month, day) is None:  # 2000: leap year
                continue
            wd = m.groupdict().get("wd")
            taken.append(m.span())
            out.append(Partial(month, day, _WEEKDAYS.index(wd.lower()) if wd else None, m.span(),
                               m.group()))
    return sorted(out, key=lambda p: p.span)


def year_for(p: Partial, years: list[int], anchor: date | None = None) -> date | None:
    """The date a year-less ``p`` stands for, or None when the context does not settle it.

    With a weekday: the one year among the document's years (and the year after each, since a
    statement follows what it cites) on which that day falls on that weekday. Without one: the
    last such day on or before ``anchor`` (the document's own date)."""
    if p.weekday is None:
        if anchor is None:
            return None
        when = _safe_date(anchor.year, p.month, p.day)
        if when and when > anchor:
            when = _safe_date(anchor.year - 1, p.month, p.day)
        return when
    pool = sorted({y for y in years} | {y + 1 for y in years})
    if anchor is not None:
        pool = [anchor.year - 1, anchor.year, anchor.year + 1]
    for group in ([max(years), max(years) + 1] if years and anchor is None else [], pool):
        hits = [y for y in group if (d := _safe_date(y, p.month, p.day)) and d.weekday() == p.weekday]
        if len(hits) == 1:
            return date(hits[0], p.month, p.day)
        if len(hits) > 1:
            return None  # two years fit: say nothing rather than guess
    return None


def years_in(text: str) -> list[int]:
    """The four-digit years a text mentions (the context for a year-less date)."""
    return sorted({int(y) for y in re.findall(rf"(?<!\d){_YEAR}(?!\d)", text or "")})


_REL_MONTH = rf"(?P<m>{_MONTH})"
# (name, pattern, how): how = "last" (the latest such month before the anchor's), "this" (the
# anchor's year), "prev" (the year before), "last-month", "this-month", "last-year", "this-year",
# "yesterday", "today", "weekday" (the latest such day before the anchor), "in-month" (the latest
# such month up to the anchor's)
RELATIVE: list[tuple[str, re.Pattern[str], str]] = [
    ("last-month-name", re.compile(rf"\b(?:last|this\s+past)\s+{_REL_MONTH}\b", re.I), "last"),
    ("month-last-year", re.compile(rf"\b(?:in\s+)?{_QUAL}{_REL_MONTH}\s+(?:of\s+)?last\s+year\b", re.I), "prev"),
    ("month-this-year", re.compile(rf"\b(?:in\s+)?{_QUAL}{_REL_MONTH}\s+(?:of\s+)?this\s+year\b", re.I), "this"),
    ("last-month", re.compile(r"\blast\s+month\b", re.I), "last-month"),
    ("this-month", re.compile(r"\b(?:earlier\s+)?this\s+month\b", re.I), "this-month"),
    ("earlier-this-year", re.compile(r"\b(?:earlier|previously)\s+this\s+year\b", re.I), "this-year"),
    ("last-year", re.compile(r"\b(?:last\s+year|a\s+year\s+ago)\b", re.I), "last-year"),
    ("yesterday", re.compile(r"\byesterday\b", re.I), "yesterday"),
    # "published on Thursday" in an article of a Friday: the day before (same weekday: unsaid)
    ("on-weekday", re.compile(rf"\b(?:on|last)\s+{_WD}\b(?!,?\s*\(?(?:\d|{_MONTH}))", re.I), "weekday"),
    ("today", re.compile(r"\btoday\b", re.I), "today"),
    # "in September" with no year: the latest September up to the document's date
    ("in-month", re.compile(rf"\b(?:in|during)\s+{_QUAL}{_REL_MONTH}\b(?!\s*,?\s*(?:\d|this|last|next|of))",
                            re.I), "in-month"),
]
RELATIVE_EXAMPLES = {  # (text, anchor, start, precision)
    "last-month-name": [("inspectors visited last August", "2016-03-08", "2015-08-01", "month")],
    "month-last-year": [("In June last year we inspected", "2020-10-22", "2019-06-01", "month")],
    "month-this-year": [("We returned in March this year", "2019-07-02", "2019-03-01", "month")],
    "last-month": [("We returned last month", "2023-11-01", "2023-10-01", "month")],
    "this-month": [("published earlier this month", "2023-11-20", "2023-11-01", "month")],
    "earlier-this-year": [("a review earlier this year", "2021-09-01", "2021-01-01", "year")],
    "last-year": [("a critical report last year", "2019-03-14", "2018-01-01", "year")],
    "yesterday": [("a report published yesterday", "2016-08-24", "2016-08-23", "day")],
    "on-weekday": [("the report, published on Thursday, said", "2016-11-25", "2016-11-24", "day")],
    "today": [("HMIC has today published", "2020-03-03", "2020-03-03", "day")],
    "in-month": [("We returned to the force in September", "2015-12-01", "2015-09-01", "month")],
}


def find_relative(text: str, anchor: date | None) -> list[DateMatch]:
    """Dates stated relative to the document's own date (``anchor``), outside any full date."""
    if not isinstance(text, str) or anchor is None:
        return []
    taken = [d.span for d in find_dates(text)] + [p.span for p in find_yearless(text)]
    out: list[DateMatch] = []
    for _name, pattern, how in RELATIVE:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            built = _relative(how, m, anchor)
            if built is None:
                continue
            taken.append(m.span())
            out.append(DateMatch(built[0], built[0], built[1], m.span(), m.group()))
    return sorted(out, key=lambda d: d.span)


def _relative(how: str, m: re.Match, anchor: date) -> tuple[date, str] | None:
    month = _month(m.group("m")) if "m" in m.groupdict() and m.group("m") else None
    first = anchor.replace(day=1)
    if how in ("last", "in-month", "this", "prev"):
        if month is None:  # these shapes always name a month (_REL_MONTH), which _month reads
            raise ValueError(f"relative date without its month: {m.group()!r}")
        if how == "last":
            year = anchor.year if month < anchor.month else anchor.year - 1
            return date(year, month, 1), "month"
        if how == "in-month":
            year = anchor.year if month <= anchor.month else anchor.year - 1
            return date(year, month, 1), "month"
        if how == "this":
            return (date(anchor.year, month, 1), "month") if month <= anchor.month else None
        return date(anchor.year - 1, month, 1), "month"  # "prev"
    if how == "last-month":
        return (first.replace(year=first.year - 1, month=12) if first.month == 1
                else first.replace(month=first.month - 1)), "month"
    if how == "this-month":
        return first, "month"
    if how == "this-year":
        return date(anchor.year, 1, 1), "year"
    if how == "last-year":
        return date(anchor.year - 1, 1, 1), "year"
    if how == "yesterday":
        return date.fromordinal(anchor.toordinal() - 1), "day"
    if how == "today":
        return anchor, "day"
    if how == "weekday":
        back = (anchor.weekday() - _WEEKDAYS.index(m.group("wd").lower())) % 7
        return (date.fromordinal(anchor.toordinal() - back), "day") if back else None
    return None
