"""Dates in all the forms reports, press pages and letters use, each with its precision."""
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.extract.dates import find_dates, parse_date, parse_range

CASES = [
    ("25-28 August 2015", date(2015, 8, 25), date(2015, 8, 28), "day"),
    ("25\u201328 August 2015", date(2015, 8, 25), date(2015, 8, 28), "day"),
    ("8th March 2016", date(2016, 3, 8), date(2016, 3, 8), "day"),
    ("Tuesday, 8th March 2016, 12:27 pm", date(2016, 3, 8), date(2016, 3, 8), "day"),
    ("March 2016", date(2016, 3, 1), date(2016, 3, 1), "month"),
    ("between 1 and 5 September 2014", date(2014, 9, 1), date(2014, 9, 5), "day"),
    ("15 April 2016", date(2016, 4, 15), date(2016, 4, 15), "day"),
    ("8 to 19 October 2018", date(2018, 10, 8), date(2018, 10, 19), "day"),
    ("30 September - 2 October 2014", date(2014, 9, 30), date(2014, 10, 2), "day"),
    ("30 December - 2 January 2015", date(2014, 12, 30), date(2015, 1, 2), "day"),
    ("2016-03-08", date(2016, 3, 8), date(2016, 3, 8), "day"),
    ("08/03/2016", date(2016, 3, 8), date(2016, 3, 8), "day"),
    ("March 8, 2016", date(2016, 3, 8), date(2016, 3, 8), "day"),
    ("The inspection took place in August 2014.", date(2014, 8, 1), date(2014, 8, 1), "month"),
    ("West Yorkshire Police 25-28 August 2015", date(2015, 8, 25), date(2015, 8, 28), "day"),
]


@pytest.mark.parametrize("text, start, end, precision", CASES)
def test_forms(text, start, end, precision):
    assert parse_range(text) == (start, end, precision)
    assert parse_date(text) == (start, precision)


def test_quote_and_span_are_exact():
    text = "Fieldwork ran from 8 to 19 October 2018; the report followed in March 2019."
    found = find_dates(text)
    assert [d.quote for d in found] == ["8 to 19 October 2018", "March 2019"]
    for d in found:
        assert text[d.span[0]:d.span[1]] == d.quote


def test_year_alone_only_when_asked_for_a_date():
    assert parse_date("2016") == (date(2016, 1, 1), "year")
    assert find_dates("in 2016 the force") == []


@pytest.mark.parametrize("text", ["31 February 2015", "125 March 2016", "Dismay 2016", "2016-13-45", "no dates here"])
def test_impossible_or_absent_dates_are_not_days(text):
    assert all(d.precision != "day" for d in find_dates(text))


_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["{d} {m} {y}", "{d}th {m} {y}", "Monday, {d} {m} {y}", "{y}-{mm:02d}-{dd:02d}",
                        "{m} {d}, {y}"]))
def test_reads_back_every_day_form(when, form):
    text = form.format(d=when.day, dd=when.day, m=_MONTHS[when.month - 1], mm=when.month, y=when.year)
    assert parse_date(f"Published on {text}.") == (when, "day")


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2099, 12, 31)), st.integers(0, 20))
def test_reads_back_ranges(when, length):
    last = min(when.day + length, 28 if when.month == 2 else 30)
    if last < when.day:
        return
    text = f"between {when.day} and {last} {_MONTHS[when.month - 1]} {when.year}"
    assert parse_range(text) == (when, when.replace(day=last), "day")


@given(st.text(max_size=200))
def test_never_raises_on_arbitrary_text(text):
    for d in find_dates(text):
        assert d.start <= d.end and text[d.span[0]:d.span[1]] == d.quote
    parse_date(text)


def test_bare_years_on_request():
    found = find_dates("HMIC inspected the force during 2016 and reported in November 2016.", years=True)
    assert [(d.start, d.precision) for d in found] == [(date(2016, 1, 1), "year"), (date(2016, 11, 1), "month")]
