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


# ---------------------------------------------------------------------------------------------
# the named shapes, each read back from its own examples

from reportkit.extract import dates  # noqa: E402


@pytest.mark.parametrize("shape, text, start, end, precision",
                         [(k, *ex) for k, exs in dates.EXAMPLES.items() for ex in exs])
def test_every_shape_reads_its_examples(shape, text, start, end, precision):
    found = find_dates(text)
    assert [(d.start.isoformat(), d.end.isoformat(), d.precision) for d in found][:1] == [
        (start, end, precision)]


@pytest.mark.parametrize("text, want", [
    ("in late February and early March 2023", ("2023-02-01", "2023-03-01", "month")),
    ("between October 2023 and January 2024", ("2023-10-01", "2024-01-01", "month")),
    ("November 2019 to February 2020", ("2019-11-01", "2020-02-01", "month")),
    ("from mid-June to early July 2018", ("2018-06-01", "2018-07-01", "month")),
    ("Published 2nd Nov 2022", ("2022-11-02", "2022-11-02", "day")),
    ("received on 31st Oct 2019", ("2019-10-31", "2019-10-31", "day")),
    ("a typo: 22th May 2017", ("2017-05-22", "2017-05-22", "day")),
    ("Posted 18.10.18", ("2018-10-18", "2018-10-18", "day")),
    ("Date: 05/02/2020", ("2020-02-05", "2020-02-05", "day")),
    ("between 5 and 9 March 2018", ("2018-03-05", "2018-03-09", "day")),
    ("27 June \u2013 8 July 2016", ("2016-06-27", "2016-07-08", "day")),
])
def test_forms_as_written(text, want):
    d = find_dates(text)[0]
    assert (d.start.isoformat(), d.end.isoformat(), d.precision) == want


def test_two_separate_months_are_not_a_span():
    found = find_dates("It reported in March 2016 and again in January 2017.")
    assert [(d.start, d.precision) for d in found] == [(date(2016, 3, 1), "month"),
                                                      (date(2017, 1, 1), "month")]


@pytest.mark.parametrize("text", ["see paragraph 3.1.12", "version 1.10.2", "scored 12.05.3", "at 10.30"])
def test_numbers_that_are_not_numeric_dates(text):
    assert find_dates(text) == []


def test_vague_year_only_on_request_and_only_to_the_year():
    assert find_dates("early 2021") == []
    found = find_dates("The work began in early 2021.", years=True)
    assert [(d.start, d.precision, d.quote) for d in found] == [(date(2021, 1, 1), "year", "early 2021")]
    assert find_dates("in the autumn", years=True) == []


# ---------------------------------------------------------------------------------------------
# without a year, and relative to the document's own date

@pytest.mark.parametrize("shape, text", [(k, t) for k, ts in dates.YEARLESS_EXAMPLES.items() for t in ts])
def test_yearless_examples(shape, text):
    assert len(dates.find_yearless(text)) == 1


def test_yearless_dates_never_take_a_dated_day_or_a_range():
    assert dates.find_yearless("on 15 March 2016") == []
    assert dates.find_yearless("Thursday 15 March 2018") == []
    assert dates.find_yearless("from 25-28 August") == [] or all(
        p.day != 28 for p in dates.find_yearless("from 25-28 August"))


@pytest.mark.parametrize("text, years, anchor, want", [
    ("published on Thursday (June 28)", [2017, 2018], None, date(2018, 6, 28)),
    ("on Friday 30th August", [2019], None, date(2019, 8, 30)),
    ("Wednesday 4 March", [2019], None, date(2020, 3, 4)),  # the year after the cited inspection
    ("Friday 30th August", [2017], None, None),  # no nearby year puts that day on a Friday
    ("on Thursday (December 10)", [], date(2015, 12, 11), date(2015, 12, 10)),
    ("the meeting on 15 March", [], date(2016, 4, 2), date(2016, 3, 15)),
    ("the meeting on 15 March", [], None, None),
])
def test_year_for(text, years, anchor, want):
    part = dates.find_yearless(text)[0]
    assert dates.year_for(part, years, anchor) == want


@pytest.mark.parametrize("shape, text, anchor, start, precision",
                         [(k, *ex) for k, exs in dates.RELATIVE_EXAMPLES.items() for ex in exs])
def test_relative_examples(shape, text, anchor, start, precision):
    found = dates.find_relative(text, date.fromisoformat(anchor))
    assert [(d.start.isoformat(), d.precision) for d in found] == [(start, precision)]


def test_relative_needs_an_anchor_and_leaves_full_dates_alone():
    assert dates.find_relative("last August", None) == []
    assert dates.find_relative("in September 2015", date(2016, 1, 1)) == []
    assert dates.find_relative("in the autumn", date(2016, 1, 1)) == []
    # a month later than the anchor cannot be "this year"
    assert dates.find_relative("in November this year", date(2016, 5, 1)) == []


@pytest.mark.parametrize("text", ["Posted 11.12.14 at noon", "on 14/03/23", "ref 3.1.12 and 09.07.2015"])
def test_year_filter_never_hides_a_numeric_date(text):
    # find_dates skips text with no four-digit year unless a numeric day.month.yy could be there
    every = [m.group() for _k, rx in dates._PATTERNS for m in rx.finditer(text)
             if dates._build(_k, m.groupdict(), m.group())]
    assert [d.quote for d in find_dates(text)] == every
