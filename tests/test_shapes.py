"""The shape table: every shape's own examples read as the shape says, and the reader is total."""
import pytest
from hypothesis import given
from hypothesis import strategies as st

from reportkit.extract.mentions import find_mentions, skeleton
from reportkit.extract.shapes import (
    ELLIPSES,
    SHAPES,
    TOTALS,
    UNPAIRED,
    read_sentence,
    sentence_totals,
    why,
)
from reportkit.vocabulary import UNREAD_REASONS


@pytest.mark.parametrize("shape", SHAPES + ELLIPSES, ids=lambda s: s.name)
def test_every_pairing_shape_reads_its_examples(shape):
    assert shape.examples, "a shape comes with its examples"
    for example in shape.examples:
        reading = read_sentence(example)
        assert reading.unread is None, example
        assert any(item.shape == shape.name for item in reading.items), example


@pytest.mark.parametrize("shape", UNPAIRED, ids=lambda s: s.name)
def test_every_unpaired_shape_leaves_its_number_unread(shape):
    assert shape.examples and shape.reason in UNREAD_REASONS
    for example in shape.examples:
        reading = read_sentence(example)
        assert shape.reason in reading.aside, example


def test_unread_reasons_come_from_the_data_dictionary():
    assert why("approximation") == "approximation"
    with pytest.raises(ValueError):
        why("some reason nobody listed")


def test_a_share_keeps_its_base_and_the_base_is_never_a_count():
    found = find_mentions("Some 45 per cent of the 60 cases, and 30% of the 50 cases, were good.")
    assert [(m.kind, m.value, m.total) for m in found if m.kind != "G"] == [
        ("A", None, 60), ("P", 30.0, 50)]
    reading = read_sentence("45 per cent of the 60 cases examined were judged good.")
    assert reading.total == 60
    assert [(i.grade, i.cases, i.percent, i.total) for i in reading.items] == [
        ("good", None, 45.0, 60)]


def test_an_exact_total_inside_an_approximation_is_read():
    reading = read_sentence("Just over 80% of the 26 cases audited required improvement or were "
                            "inadequate, and only 4 were good.")
    assert reading.total == 26 and reading.unread is None and reading.aside == ["approximation"]
    assert [(i.grade, i.cases) for i in reading.items] == [("good", 4)]


@pytest.mark.parametrize("shape", TOTALS, ids=lambda s: s.name)
def test_every_total_shape_finds_its_total(shape):
    for example in shape.examples:
        assert sentence_totals(example), example


def test_mentions_and_skeleton():
    text = "Of 58 cases, 40 \u2013 or 69 per cent \u2013 were rated 'inadequate' or 'requires improvement'; nearly half were good."
    kinds = [m.kind for m in find_mentions(text)]
    assert kinds == ["N", "N", "P", "G", "A", "G"]
    skel, spans = skeleton(text, find_mentions(text))
    assert skel.startswith("of N0 cases , N1 \u2013 or P2 \u2013 were rated G3 ;")
    assert len(spans) == len(skel.split(" "))


def test_numbers_that_count_something_else_are_not_mentions():
    text = "A 15-year-old waited 17 days; \u00a33.5m funds 130 officers in 21 forces (page 4)."
    assert [m for m in find_mentions(text) if m.kind in "NFP"] == []


def test_zero_words_and_counts_of_a_total():
    found = find_mentions("None of the 27 cases was inadequate, and 15 of the 27 were good.")
    assert [(m.kind, m.value, m.total) for m in found if m.kind != "G"] == [("F", 0, 27), ("F", 15, 27)]


@given(st.text(max_size=200))
def test_never_raises_and_offsets_stay_inside(text):
    reading = read_sentence(text)
    for item in reading.items:
        assert 0 <= item.start <= item.end <= len(text)


@given(st.lists(st.sampled_from(["Good", "handled", "well", "adequately", "improvement", "identified",
                                 "needing", "'improvement'", "to", "a", "good", "standard", "dealt",
                                 "with", "12", "cases", "of", "the", "or", "inadequate", "either"]),
                max_size=12).map(" ".join))
def test_the_grade_word_filter_never_hides_a_grade_mention(text):
    from reportkit.extract.grades import has_grade_word

    if any(m.kind == "G" for m in find_mentions(text)):
        assert has_grade_word(text)
