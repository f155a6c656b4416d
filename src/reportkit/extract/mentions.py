"""Mentions in one sentence: counts, percentages, approximations, grade labels, remainders.

The case-grade reader works in two steps. This module is the first: it finds what a sentence
mentions, each as a ``Mention`` with its exact offsets, and writes the sentence as a *skeleton*: the
words in lower case, punctuation as tokens, and every mention as a token of its own (``N3`` a
count, ``P4`` a percentage, ``F2`` "11 of the 34", ``A5`` an approximation, ``G1`` a grade label,
``R6`` "the remainder"). ``shapes.py`` then assigns grades to numbers by patterns over skeletons,
which are short and regular where raw prose is not.

Written by hand (no library fits): the wordings are those of police inspection writing, and each
mention must keep its offsets so quotes stay exact. Numbers that are not case counts (dates, ages,
money, days, forces, officers, page and paragraph references, ordinals such as "the first eight
inspections") are left as plain words so no shape can pair them.

Three wordings are never an exact count, whatever shape they stand in: a bound ("fewer than 11",
"at least 5", "11 or more") is an approximation (unread: the tables have no column for a bound,
and a bound stored as a count is a wrong figure); a negated zero ("not one case out of 34") is 0
of the set, its number the set's size; and a number a plain space may have split ("1 000": the
thin space of 1,000 lost, or two numbers) is kind ``X``, which leaves its sentence unread.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from reportkit.extract.counts import COUNT, has_count, parse_count
from reportkit.extract.dates import find_dates


class Mention(NamedTuple):
    kind: str  # N count, P percent, F count of a total, A approximation, G grade, R remainder,
    # X a number the text may have split ("1 234")
    start: int
    end: int
    value: float | None = None  # N, P, F: the count or share; G: None
    total: int | None = None  # F: the total ("11 of the 34"); P, A: the base ("44% of the 31")
    grade: str | None = None  # G: the grade slug
    soft: bool = False  # G: a wording that is not the label ("handled well"), or "good practice"


_Q = r"[\"'\u2018\u2019\u201c\u201d`]{0,2}"  # any quote marks around a label
_RI = (r"(?:requir(?:es|ed|ing|e)|needs?|needed|needing|in\s+need\s+of)\s+(?:some\s+|further\s+)?"
       r"[\"'\u2018\u201c]?improvement|requires?\s+improvement")
_INAD = r"inadequate"
_LINK = r"\s*,?\s+or\s+(?:to\s+be\s+|be\s+|was\s+|were\s+|being\s+|as\s+|which\s+)?"
_COMBINED = (rf"(?:either\s+)?{_Q}(?:{_RI}){_Q}{_LINK}{_Q}{_INAD}{_Q}"
             rf"|(?:either\s+)?{_Q}{_INAD}{_Q}{_LINK}(?:to\s+)?{_Q}(?:{_RI}){_Q}")
# A label unquoted may be an ordinary adjective ("good progress"); these words after it say so.
_NOT_A_GRADE = (r"(?!\s+(?:practice(?!\s+(?:(?:was|were)\s+(?:found|seen|identified)\s+)?in\s+"
                r"[\w-]+(?:\s+[\w-]+){0,3}?\s+cases\b)|progress|example|examples|amount|quality|reason|start|understanding|"
                r"recommendations?|and\s+improving|news|faith|idea|enough|use|relationship|"
                r"working|partnership|deal|number|level|standard|account|job|work|record|overall|"
                r"response|responses|evidence|rating|grade)\b"
                # a skill, not a grade: "children were good at describing", "good at it"
                r"|\s+at\s+(?:[\w-]+ing|it|this|that)\b)")
_GRADE_RE = re.compile(
    rf"(?P<c>{_COMBINED})"
    rf"|(?P<q>[\"'\u2018\u201c`]{{1,2}})(?P<ql>good|adequate|inadequate|outstanding|{_RI})"
    rf"[\"'\u2019\u201d]{{1,2}}"
    rf"|\b(?P<l>good|adequate|inadequate|{_RI})\b{_NOT_A_GRADE}"
    r"|\b(?P<well>handled\s+well|dealt\s+with\s+well|to\s+an?\s+good\s+standard)\b"
    r"|\b(?P<adv>adequately)\b"
    r"|\b(?P<ident>improvement\s+(?:was\s+)?identified)\b", re.I)

_PC = r"\s*(?:per\s*cent|percent|%)"
# A bound is not a count: "fewer than 11", "at most 3", "no more than 9", "11 or more" say only
# that the figure lies on one side of a number. They are read as approximations (never a figure;
# the statement goes to unread_statements), since the tables have no column for a bound.
_APPROX = (r"(?:nearly|almost|around|about|roughly|approximately|approx\.?|some|over|more\s+than|"
           r"fewer\s+than|less\s+than|under|just\s+under|just\s+over|well\s+over|up\s+to|"
           r"at\s+least|close\s+to|getting\s+on\s+for|circa|c\.|at\s+most|(?:no|not)\s+"
           r"(?:more|fewer|less)\s+than|(?:a\s+)?(?:maximum|minimum)\s+of|upwards\s+of|"
           r"in\s+excess\s+of|as\s+(?:many|few)\s+as|below|above|in\s+the\s+region\s+of)")
# ... and after the number: "11 or fewer", "20 or more", "3 at most", "30-plus"
_BOUND_AFTER = (r"(?:\s+or\s+(?:fewer|more|less|over|under|so|thereabouts|above|below)\b"
                r"|\s+at\s+(?:most|least)\b|\s*-?\s*plus\b|\+)")
_FRACTION = (r"(?:a|one|two|three)[\s-]+(?:half|third|thirds|quarter|quarters|fifth|fifths)\b"
             r"|\bhalf\b|\b(?:one|two|three|four)\s+in\s+(?:every\s+)?(?:two|three|four|five|six|"
             r"seven|eight|nine|ten|\d+)\b|\bthe\s+majority\b|\bmost\b|\bmany\b|\ba\s+handful\b")
# "nearly a third of the 64 cases": the total goes with the approximation (never a count of its
# own); it is kept as the mention's ``total`` so the size of the set can still be read exactly.
def _of_total(name: str) -> str:
    return (rf"(?:\s+of\s+(?:the\s+same\s+|the\s+|these\s+|those\s+|its\s+|all\s+|our\s+)?"
            rf"(?P<{name}>{COUNT})\b)?")


# Zero said as a negation, with the set it is of: "none of the 34", "not one of the 34 cases",
# "not a single one of them", "not one case out of 34", "no case in the 34". The number after it
# is the set's size, never a count of the grade.
_SET = r"\s+(?:out\s+)?(?:of|in)\s+(?:the\s+|these\s+|those\s+|its\s+|all\s+|them\b)?"
_NOT_ONE = (r"\bnot\s+(?:even\s+)?(?:a\s+single|one|any(?=\s+(?:single\s+)?(?:one|cases?)?\s*"
            r"(?:out\s+)?of\b))(?:\s+(?:single\s+)?(?:one|case|case\s+file))?")
_NONE_OF = (rf"\bnone{_SET}|{_NOT_ONE}{_SET}"
            rf"|\bno\s+(?:single\s+)?(?:one|case|case\s+file){_SET}")
_NUM = re.compile(
    rf"(?P<fr>\b(?:{_APPROX}\s+)?(?:{_FRACTION}){_of_total('frt')})"
    rf"|(?P<ap>\b(?P<apw>{_APPROX})\s+(?P<apn>{COUNT})\b(?P<appc>{_PC})?{_of_total('apt')})"
    rf"|(?P<none>{_NONE_OF}|\bnone\b|{_NOT_ONE}\b|\bno\b(?=\s+(?:single\s+)?(?:cases?|case\s+files?)\b))"
    rf"(?P<nt>{COUNT}\b)?"
    rf"|(?P<bd>\b{COUNT}{_BOUND_AFTER})"
    # "1 234" with a plain space: the text layer lost the thin space of one number, or two numbers
    # stand side by side; which, the text does not say (a number, never a count: "1 000" is not 0)
    rf"|(?P<split>(?<![\d.,])\d{{1,3}}(?:[ \n]\d{{3}})+(?![\d,]|\.\d))"
    rf"|(?P<a>\b{COUNT}\b)(?P<of>\s+(?:\([^)]{{0,20}}\)\s+)?(?:cases\s+)?(?:out\s+)?of\s+(?:the\s+same\s+|the\s+|"
    rf"these\s+|those\s+|its\s+|all\s+|our\s+)?(?P<b>{COUNT})\b)?(?P<pc>{_PC})?"
    # "62 per cent of the 40 cases": a share with its base (the 40 is never a grade's count)
    rf"(?(pc){_of_total('pt')}|)", re.I)
_REMAINDER = re.compile(r"\b(?:the|all\s+the)\s+(?:remainder|rest|others|other\s+cases|remaining"
                        r"\s+cases)\b", re.I)
# After a number: it counts something other than cases, or is an age, a date part, a reference.
_UNIT_AFTER = re.compile(
    r"\s*(?:-|\u2010|\u2011)?\s*(?:forces?|officers?|staff|people|days?|weeks?|months?|years?|"
    r"hours?|minutes?|year-olds?|years?-old|recommendations?|areas?|inspections?|reports?|"
    r"pages?|million|m\b|bn\b|k\b|per\s+(?!cent)|times|teams?|police\s+forces|square|"
    r"constabular(?:y|ies)|units?|hubs?|posts?|steps?|action|actions|specialist|detectives?|"
    r"calls?|arrests?|incidents?|o['\u2019]clock|am\b|pm\b|[.:]\d)", re.I)
_REF_BEFORE = re.compile(
    r"(?:\b(?:recommendation|recommendations|paragraph|paras?|section|page|pages|p|pp|figure|"
    r"table|chapter|annex|appendix|no|number|issue|volume|footnote|isbn|first|second|third|last|"
    r"latest|next|top|bottom|aged|age)\.?\s*|[\u00a3$\u20ac#]\s*|\d[.,]?|\w[-/])$", re.I)


def _value(token: str | None) -> int | None:
    return parse_count(token) if token else None


def _unit_follows(text: str, end: int) -> bool:
    return bool(_UNIT_AFTER.match(text, end))


# "44% of the 300 children": a base that counts people, not cases, is no case-set size
_PEOPLE_AFTER = re.compile(r"\s+(?:children|young\s+people|people|victims|families|offenders|"
                           r"suspects|girls|boys)\b(?!['\u2019]s)", re.I)


def _base(m: re.Match[str], name: str) -> int | None:
    """The stated total a share or an approximation is of ("... of the 31 cases"), if any."""
    base = _value(m.group(name))
    if not base or _PEOPLE_AFTER.match(m.string, m.end()):
        return None  # a share of nothing is no set; nor a share of people
    return base


def _number(m: re.Match[str], text: str) -> Mention | None:
    if m.group("ap") and m.group("appc") and m.group("apw").lower() in ("about", "around"):
        value = _value(m.group("apn"))  # a share rounded to the nearest point is still stated
        return Mention("P", m.start(), m.end(), float(value), _base(m, "apt")) if (
            value is not None) else None
    if m.group("fr") or m.group("ap") or m.group("bd"):
        return Mention("A", m.start(), m.end(), total=_base(m, "frt" if m.group("fr") else "apt"))
    if m.group("split"):
        return Mention("X", m.start(), m.end())
    if m.group("none"):
        total = _value(m.group("nt"))
        if m.group("nt") and total is None:
            return None
        return Mention("F" if total is not None else "N", m.start(), m.end(), 0, total)
    if _REF_BEFORE.search(text, max(0, m.start() - 16), m.start()) or _unit_follows(text, m.end()):
        return None
    a = _value(m.group("a"))
    if a is None:
        return None
    if m.group("pc"):
        if m.group("of"):
            return None  # "3 of 4%": no reading
        return Mention("P", m.start(), m.end(), float(a), _base(m, "pt"))
    if m.group("of"):
        b = _value(m.group("b"))
        if b is None or a > b:
            return None
        return Mention("F", m.start(), m.end(), a, b)
    return Mention("N", m.start(), m.end(), a)


def _grade(m: re.Match[str]) -> Mention:
    if m.group("c"):
        return Mention("G", m.start(), m.end(), grade="requires_improvement_or_inadequate")
    if m.group("well"):
        return Mention("G", m.start(), m.end(), grade="good", soft=True)
    if m.group("adv"):
        return Mention("G", m.start(), m.end(), grade="adequate", soft=True)
    if m.group("ident"):
        return Mention("G", m.start(), m.end(), grade="requires_improvement", soft=True)
    word = (m.group("ql") or m.group("l")).lower()
    if word == "outstanding" and not m.group("q"):
        return Mention("G", m.start(), m.end(), grade=None)
    slug = "requires_improvement" if "improvement" in word else word
    return Mention("G", m.start(), m.end(), grade=slug)


# Ages are not counts: "children aged 11", "aged between 11 and 15", "aged 11, 12 or 13", "at the
# age of 11", "a girl of 14", "children under 11", "as young as 9", "pupils in Year 11". The whole
# phrase, every number in a range or list included, is kept from the shapes.
_AGE_LEAD = (r"(?:\baged|\bages?(?:\s+of)?|\bage\s+(?:of|range\s+of)|\bas\s+(?:young|old)\s+as|"
             r"\b(?:younger|older)\s+than|\b(?:under|over|below|above)\s+the\s+age\s+of|"
             r"(?-i:\bYear)|\bschool\s+year|\b(?:children|child|girls?|boys?|pupils|teenagers?|young\s+people|"
             r"sons?|daughters?)\s+(?:of|under|over|below|above))")
_AGE = re.compile(
    rf"{_AGE_LEAD}\s+(?:between\s+|from\s+|under\s+|over\s+|just\s+)?{COUNT}\b"
    rf"(?:\s*(?:-|to|and|or)\s*{COUNT}\b|,\s*{COUNT}\b(?=\s*(?:,|and\b|or\b)))*", re.I)


def _not_counts(text: str) -> list[tuple[int, int]]:
    """Spans whose numbers are dates or ages: never a count."""
    if not re.search(r"\d", text) and not has_count(text):
        return []
    spans = [d.span for d in find_dates(text)] if re.search(r"\d", text) else []
    return spans + [m.span() for m in _AGE.finditer(text)]


def find_mentions(text: str) -> list[Mention]:
    """Every mention in ``text`` (one sentence), in order, none overlapping, dates and ages left
    out."""
    dates = _not_counts(text)
    found: list[Mention] = []
    for m in _GRADE_RE.finditer(text):
        g = _grade(m)
        if g.grade:
            found.append(g)
    for m in _REMAINDER.finditer(text):
        found.append(Mention("R", m.start(), m.end()))
    for m in _NUM.finditer(text):
        if any(a <= m.start() < b or a < m.end() <= b for a, b in dates):
            continue
        n = _number(m, text)
        if n is not None:
            found.append(n)
    found.sort(key=lambda x: (x.start, -x.end))
    out: list[Mention] = []
    for x in found:
        if out and x.start < out[-1].end:
            continue  # the earlier (or longer) mention keeps its words
        out.append(x)
    return out


_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+(?:['\u2019-][A-Za-z]+)*|[^\sA-Za-z\d]|\d+")


def skeleton(text: str, mentions: list[Mention]) -> tuple[str, list[tuple[int, int]]]:
    """The sentence as tokens joined by single spaces, and each token's (start, end) in ``text``.
    A mention's token is its kind and index (``N3``); words are lower case, quotes dropped."""
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    for i, m in enumerate([*mentions, None]):
        stop = m.start if m else len(text)
        for w in _WORD.finditer(text, pos, stop):
            word = w.group().lower().replace("\u2019", "'")
            if word in ("'", '"', "\u2018", "\u201c", "\u201d", "`"):
                continue
            tokens.append("x" if word.isdigit() else word)
            spans.append(w.span())
        if m:
            tokens.append(f"{m.kind}{i}")
            spans.append((m.start, m.end))
            pos = m.end
    return " ".join(tokens), spans
