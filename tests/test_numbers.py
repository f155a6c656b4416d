"""Counts in digits and words; fractions are not counts."""
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.extract.counts import COUNT, parse_count, spell


@pytest.mark.parametrize("token, value", [
    ("11", 11), ("three", 3), ("Twenty-one", 21), ("ninety nine", 99), ("one hundred and twelve", 112),
    ("a hundred", 100), ("1,234", 1234), ("  seven ", 7),
])
def test_reads_counts(token, value):
    assert parse_count(token) == value


@pytest.mark.parametrize("token", ["a third", "half", "12.5", "no", "", "three quarters", "2/3", "eleventh"])
def test_fractions_and_other_words_are_not_counts(token):
    assert parse_count(token) is None


def test_zero_words_only_on_request():
    assert parse_count("none") is None
    assert parse_count("none", allow_zero_words=True) == 0


def test_fragment_finds_counts_inside_prose():
    found = re.findall(rf"\b{COUNT}\b", "Of these, 11 were good, twenty-one required improvement and three were inadequate", re.I)
    assert [parse_count(t) for t in found] == [11, 21, 3]


@given(st.integers(min_value=0, max_value=999))
def test_reads_back_every_spelled_number(n):
    assert parse_count(spell(n)) == n
    assert parse_count(str(n)) == n


@given(st.text(max_size=80))
def test_never_raises_on_arbitrary_text(text):
    value = parse_count(text)
    assert value is None or (isinstance(value, int) and value >= 0)
