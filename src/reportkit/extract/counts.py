"""Counts written as digits or English words ("11", "three", "twenty-one", "one hundred and twelve").

Fractions and proportions ("a third", "half") are not counts: they say nothing about how many cases.
"""
from __future__ import annotations

import re

UNITS = {
    "zero": 0, "no": 0, "none": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
# "no"/"none" count as zero only when a caller asks for them: "no progress" is not a number.
_ZERO_WORDS = {"no", "none"}

_UNIT_RE = "|".join(sorted((u for u in UNITS if u not in _ZERO_WORDS), key=len, reverse=True))
_TENS_RE = "|".join(TENS)
_BELOW_100 = rf"(?:(?:{_TENS_RE})(?:[\s-]+(?:{_UNIT_RE}))?|{_UNIT_RE})"
_HUNDREDS = rf"(?:(?:a|one|two|three|four|five|six|seven|eight|nine)\s+hundred(?:\s+(?:and\s+)?{_BELOW_100})?)"
_DIGITS = r"(?<![\d.])\d{1,3}(?:,\d{3})*(?!\.\d)(?![\d/])"

# Regex fragment for a count (no groups): use inside larger patterns, with word boundaries.
COUNT = rf"(?:{_DIGITS}|{_HUNDREDS}|{_BELOW_100})"
COUNT_RE = re.compile(rf"\b{COUNT}\b", re.I)
_FULL_RE = re.compile(rf"^(?:{_DIGITS}|{_HUNDREDS}|{_BELOW_100})$", re.I)


_COUNT_WORDS = frozenset(UNITS).union(TENS, {"hundred"}) - _ZERO_WORDS
_LETTERS = re.compile(r"[a-z]+")
_DIGIT = re.compile(r"\d")


def has_count(text: str) -> bool:
    """False when ``text`` holds no digit and no number word, so COUNT cannot match in it: a
    cheap test to run before the (slow) patterns built on COUNT."""
    return bool(_DIGIT.search(text)) or not _COUNT_WORDS.isdisjoint(
        _LETTERS.findall(text.lower()))


def parse_count(token: str, *, allow_zero_words: bool = False) -> int | None:
    """The whole number ``token`` spells, or None when it is not a plain count.

    >>> parse_count("twenty-one"), parse_count("One hundred and twelve"), parse_count("a third")
    (21, 112, None)
    """
    if not isinstance(token, str):
        return None
    text = " ".join(token.strip().lower().replace("\u2010", "-").split())
    if allow_zero_words and text in _ZERO_WORDS:
        return 0
    if not text or len(text) > 60 or not _FULL_RE.match(text):
        return None
    if text[0].isdigit():
        return int(text.replace(",", ""))
    return _words_value(text)


def _words_value(text: str) -> int:
    total = 0
    words = re.split(r"[\s-]+", text)
    if "hundred" in words:
        i = words.index("hundred")
        total = (1 if words[0] == "a" else UNITS[words[0]]) * 100
        words = [w for w in words[i + 1:] if w != "and"]
    for w in words:
        total += TENS.get(w, UNITS.get(w, 0))
    return total


def spell(n: int) -> str:
    """English words for 0-999 (used by tests and the demo to write numbers as reports do)."""
    if n < 20:
        return [k for k, v in UNITS.items() if v == n and k not in _ZERO_WORDS][0]
    if n < 100:
        tens = [k for k, v in TENS.items() if v == n - n % 10][0]
        return tens if n % 10 == 0 else f"{tens}-{spell(n % 10)}"
    rest = n % 100
    head = f"{spell(n // 100)} hundred"
    return head if rest == 0 else f"{head} and {spell(rest)}"
