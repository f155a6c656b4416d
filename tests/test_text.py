"""Normalisation helpers: characters, spacing, hyphenated line breaks."""
from reportkit.read.text import (
    join_hyphenated,
    keep_hyphen,
    mask_digits,
    normalise,
    normalise_chars,
    paragraphs_text,
    vocabulary,
)


def test_ligatures_become_letters():
    assert normalise_chars("\ufb01ndings \ufb02ow e\ufb00ect o\ufb03cer ba\ufb04e \ufb06op") == \
        "findings flow effect officer baffle stop"


def test_quotes_dashes_and_spaces_become_ascii():
    raw = "\u201cgrave concerns\u201d \u2018it\u2019s\u2019 25\u201328 August \u2014 and\u00a0more"
    assert normalise(raw) == "\"grave concerns\" 'it's' 25-28 August - and more"


def test_word_symbol_bullets_become_bullets():
    assert normalise_chars("\uf0b7 Officers") == "\u2022 Officers"


def test_invisible_and_control_characters_are_dropped():
    assert normalise("assess\u00adment\x00 of\u200b risk\x07") == "assessment of risk"


def test_compatibility_forms_fold_but_footnote_markers_stay():
    assert normalise_chars("\uff11\uff11 cases") == "11 cases"  # full-width digits
    assert normalise_chars("children\u00b2") == "children\u00b2"  # a footnote marker, not "2"


def test_whitespace_collapses_within_lines_and_blank_lines_to_one():
    assert normalise("  one   two \t three \r\n\n\n\nfour  ") == "one two three\n\nfour"


def test_mask_digits_makes_page_numbers_match():
    assert mask_digits("Page 3 of 40") == mask_digits("Page  12 of 40") == "page # of #"


def test_broken_word_is_joined_and_moves_up():
    lines = ["the assess-", "ment of risk was", "weak."]
    assert join_hyphenated(lines) == ["the assessment", "of risk was", "weak."]


def test_punctuation_moves_up_with_the_word():
    assert join_hyphenated(["daily mee-", "tings. Then"]) == ["daily meetings.", "Then"]
    assert join_hyphenated(["daily mee-", "tings."]) == ["daily meetings."]


def test_compound_prefix_keeps_its_hyphen():
    assert join_hyphenated(["work in multi-", "agency hubs"]) == ["work in multi-agency", "hubs"]


def test_joined_form_seen_elsewhere_wins():
    lines = ["the under-", "standing of risk", "improved understanding of risk"]
    assert join_hyphenated(lines)[0] == "the understanding"


def test_two_known_words_keep_the_hyphen():
    lines = ["better decision-", "making", "a decision about making changes"]
    assert join_hyphenated(lines)[0] == "better decision-making"


def test_capital_or_digit_after_the_hyphen_keeps_it():
    assert join_hyphenated(["by mid-", "2015 the"]) == ["by mid-2015", "the"]
    assert join_hyphenated(["a pan-", "London team"]) == ["a pan-London", "team"]


def test_dash_and_paragraph_end_are_not_joined():
    assert join_hyphenated(["the force -", "which"]) == ["the force -", "which"]
    assert join_hyphenated(["a line ending in assess-", "", "ment"]) == \
        ["a line ending in assess-", "", "ment"]


def test_vocabulary_leaves_out_halves_of_broken_words():
    vocab = vocabulary(["the assess-", "ment of multi-agency work"])
    assert "ment" not in vocab and "assess" not in vocab
    assert {"multi-agency", "multi", "agency", "work"} <= vocab


def test_keep_hyphen_rule():
    vocab = {"agency", "assessment", "making", "decision"}
    assert keep_hyphen("multi", "agency", vocab)
    assert not keep_hyphen("assess", "ment", vocab)
    assert keep_hyphen("decision", "making", vocab)
    assert not keep_hyphen("protec", "tion", vocab)


def test_paragraphs_text_separates_blocks_with_one_blank_line():
    assert paragraphs_text(["  Title ", "", "Body \u2019s text", "   "]) == "Title\n\nBody 's text"
