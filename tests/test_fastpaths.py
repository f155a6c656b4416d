"""The shortcuts that make extraction fast must not change what it finds.

Cheap pre-filters run before the slow patterns (grade words, counts, dates, cues, ratings): each
must say "maybe" whenever the pattern it guards would match. The PDF reader fetches char boxes in
batches: a page with more words than one batch must come out the same as with pdfplumber.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from reportkit.extract import dates, findings, grades, ratings, sentences
from reportkit.extract.counts import COUNT_RE, has_count
from reportkit.read.reader import read_document

TOKENS = [
    "Good", "GOOD", "good", "adequate", "Inadequate", "outstanding", "requires", "required",
    "improvement", "Improvement", "needs", "of", "these", "cases", "case", "files", "eleven",
    "Twenty-one", "one", "ONE", "hundred", "a", "11", "3,400", "2.5", "per", "cent", "%", "the",
    "force", "March", "march", "Sept", "sep.", "2015", "1999", "2016-03-08", "08/03/2016", "to",
    "-", "between", "and", "8th", "30", "Tuesday,", "concern", "CONCERNS", "failing", "strengths",
    "positively", "not", "consistently", "progress", "limited", "achieved", "has", "been",
    "recommendation", "assessed", "reviewed", "no", "made", "\n", ".", ",", "(", ")",
]
SENTENCES = st.lists(st.sampled_from(TOKENS), max_size=25).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(SENTENCES)
def test_grade_and_count_filters_never_hide_a_match(text):
    if grades.GRADE_RE.search(text):
        assert grades.has_grade_word(text)
    if COUNT_RE.search(text):
        assert has_count(text)


def _all_patterns(text: str, years: bool) -> list:
    """find_dates without its filters: every pattern on the whole text (the reference)."""
    found, taken = [], []
    pats = [*dates._PATTERNS, ("year", dates._BARE_YEAR)] if years else dates._PATTERNS
    for kind, pattern in pats:
        for m in pattern.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            built = dates._build(kind, m.groupdict(), m.group())
            if built is not None:
                taken.append(m.span())
                found.append((built, m.span()))
    return sorted(found, key=lambda f: f[1])


@settings(max_examples=400, deadline=None)
@given(SENTENCES, st.booleans())
def test_date_filters_find_the_same_dates(text, years):
    got = [((d.start, d.end, d.precision), d.span) for d in dates.find_dates(text, years=years)]
    assert got == _all_patterns(text, years)


@settings(max_examples=400, deadline=None)
@given(SENTENCES)
def test_cue_and_rating_filters_never_hide_a_match(text):
    low = text.lower()
    if findings._CONCERN_RE.search(text):
        assert any(w in low for w in findings._CONCERN_STEMS)
    if findings._STRENGTH_RE.search(text):
        assert any(w in low for w in findings._STRENGTH_STEMS)
    for _slug, rx in ratings._RATING_RES:
        if rx.search(text):
            assert any(w in low for w in ratings._RATING_WORDS)


def test_cached_splits_are_fresh_lists():
    text = "Good practice was seen.\n\nInspectors found 11 of 20 cases were good. Two were not."
    first = sentences.sentences(text)
    first.clear()
    again = sentences.sentences(text)
    assert [s.text for s in again] == ["Good practice was seen.",
                                       "Inspectors found 11 of 20 cases were good.",
                                       "Two were not."]
    sentences.clear_cache()
    assert sentences.sentences(text) == again
    assert text[again[1].start:again[1].end] == again[1].text


def test_a_page_with_more_words_than_one_batch_reads_like_pdfplumber(tmp_path):
    path = tmp_path / "dense.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont("Helvetica", 4)
    rows, per_row = 90, 30  # 2,700 words: more than one batch of 4,096 char boxes (2 a word)
    for r in range(rows):
        words = [f"w{r}x{k}" for k in range(per_row)]
        c.drawString(20, 820 - 9 * r, " ".join(words))
    c.showPage()
    c.save()
    fast = read_document(path, engine="pdfium").pages[0]
    slow = read_document(path, engine="pdfplumber").pages[0]
    assert fast.text == slow.text
    assert len(fast.words) == rows * per_row == len(slow.words)
    for a, b in zip(fast.words, slow.words, strict=True):
        assert a.text == b.text
        assert abs(a.x0 - b.x0) < 1.5 and abs(a.x1 - b.x1) < 1.5 and abs(a.top - b.top) < 3
    last = fast.words[-1]  # boxes of the last batch belong to the last words
    assert last.text == f"w{rows - 1}x{per_row - 1}" and last.top > 820 - 9 * rows - 5 > 0
