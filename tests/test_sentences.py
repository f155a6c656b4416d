"""Sentences and headings as exact slices of the page text."""
from hypothesis import given
from hypothesis import strategies as st

from reportkit.extract.sentences import headings, sentences, window


def test_splits_sentences_headings_and_bullets():
    text = ("3. Initial contact\nOfficers did not record the views of children. See para. 3 of the\n"
            "annex. This is a concern.\n- first point;\n- second point.\n\nGood practice\nThe hub improved.")
    got = [s.text for s in sentences(text)]
    assert got == ["3. Initial contact", "Officers did not record the views of children.",
                   "See para. 3 of the\nannex.", "This is a concern.", "- first point;", "- second point.",
                   "Good practice", "The hub improved."]
    assert [h.text for h in headings(text)] == ["3. Initial contact", "Good practice"]


def test_a_wrapped_line_is_not_a_heading():
    text = "Officers attended the incident and spoke to the\nChildren were present."
    assert headings(text) == []


def test_window_keeps_long_quotes_short_and_exact():
    text = "Intro, " * 80 + "HMIC found 11 good cases, " + "and more, " * 40 + "end."
    span = sentences(text)[0]
    focus = (text.index("11"), text.index("11") + 2)
    quote = window(text, span, focus)
    assert "11 good" in quote and quote in text and len(quote) <= 300


@given(st.text(max_size=300))
def test_spans_are_exact_on_arbitrary_text(text):
    for s in sentences(text):
        assert text[s.start:s.end] == s.text and s.text
