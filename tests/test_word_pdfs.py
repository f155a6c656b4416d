"""read_document on word-processor PDFs: documents written with python-docx, printed by LibreOffice.

Each sentence the documents hold must come out whole and in order: across a two-column section's
column and page breaks, around a short two-column stretch between full-width text, past a table
whose cells wrap, with footnote markers and running headers and footers gone.
"""
import re

import pytest
from tests import wordpdf

from reportkit.extract.grades import document_grades
from reportkit.read.reader import read_document

ENGINES = ["pdfium", "pdfplumber"]
DOCS = {d.name: d for d in wordpdf.all_docs()}


@pytest.fixture(scope="session")
def word_pdfs(tmp_path_factory):
    if wordpdf.soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: the Word-made PDFs cannot be built "
                    "(.ci/run installs libreoffice-writer-nogui)")
    pytest.importorskip("docx", reason="python-docx is not installed (pip install -e .[dev])")
    return wordpdf.build(list(DOCS.values()), tmp_path_factory.mktemp("word"))


def flat(text: str) -> str:
    return " ".join(text.split())


def doc_text(path, engine: str = "pdfium", notes: tuple[str, ...] = ()) -> str:
    """The document's text on one line, without the footnotes at its pages' feet (a sentence
    that runs over a page break runs past them)."""
    text = flat(" ".join(p.text for p in read_document(path, engine=engine).pages))
    for n, note in enumerate(notes, 1):
        text = text.replace(f" {n} {note}", "")
    return text


def assert_in_order(text: str, sentences: list[str]) -> None:
    """Every sentence occurs whole, each after the one before."""
    at = 0
    for s in sentences:
        found = text.find(flat(s), at)
        assert found >= 0, f"not whole, or out of order: {s!r}\nin: {text[at:at + 400]!r}"
        at = found + len(s)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", sorted(DOCS))
def test_every_sentence_reads_whole_and_in_order(word_pdfs, name, engine):
    doc = DOCS[name]
    assert_in_order(doc_text(word_pdfs[name], engine, tuple(doc.footnotes())), doc.sentences())


def test_a_short_two_column_stretch_reads_column_by_column(word_pdfs):
    """Two balanced columns between full-width paragraphs: left column, right column, then on."""
    text = read_document(word_pdfs["short-columns"]).pages[1].text
    assert "The force had audited its own work before\nthe inspection" in text
    assert text.index("went missing more than once.") < text.index("Strategy discussions")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("name", ["report", "columns-to-end"])
def test_footnotes_follow_both_columns(word_pdfs, name, engine):
    """Below the columns, or beside the right column's last lines: after both."""
    doc = DOCS[name]
    page = flat(read_document(word_pdfs[name], engine=engine).pages[1].text)
    last = max(page.find(flat(s)) for s in doc.sentences())
    for note in doc.footnotes():
        assert last < page.find(note), f"footnote {note!r} is not below the columns"


@pytest.mark.parametrize("engine", ENGINES)
def test_footnote_markers_do_not_join_the_figures(word_pdfs, engine):
    text = doc_text(word_pdfs["footnotes"], engine)
    assert "children under 18. We audited 40 cases. Of these" in text
    assert "181" not in text and "402" not in text
    assert "protects children. It took place" in doc_text(word_pdfs["report"], engine)


def test_table_rows_stay_rows_and_keep_out_of_the_body(word_pdfs):
    text = flat(read_document(word_pdfs["report"]).pages[2].text)
    assert "Initial contact Call handlers identified risk Requires improvement" in text
    assert "Assessment and help Referrals to children's social Good" in text
    assert text.index("progress the force has made.") < text.index("Area of practice")


@pytest.mark.parametrize("name", sorted(DOCS))
def test_running_headers_and_page_numbers_are_removed(word_pdfs, name):
    doc = read_document(word_pdfs[name])
    header = flat(DOCS[name].header.replace("\u2013", "-"))
    for page in doc.pages:
        assert header not in flat(page.text)
        assert not re.search(r"^Page \d+$", page.text, re.M), page.text[-200:]


def test_the_cover_dates_read_as_written(word_pdfs):
    assert read_document(word_pdfs["report"]).pages[0].text.split("\n")[1] == \
        "Kent Police 3-14 July 2017"


def test_grades_in_the_two_column_section_are_read(word_pdfs):
    rows, _ = document_grades(read_document(word_pdfs["report"]))
    got = {r["grade"]: (r["cases"], r["total"]) for r in rows}
    assert got == {"good": (12, 64), "adequate": (18, 64), "requires_improvement": (20, 64),
                   "inadequate": (14, 64)}


def test_grades_beside_footnote_markers_are_read(word_pdfs):
    rows, _ = document_grades(read_document(word_pdfs["footnotes"]))
    assert sorted((r["grade"], r["cases"], r["total"]) for r in rows) == [
        ("good", 9, 40), ("inadequate", 17, 40), ("requires_improvement", 14, 40)]


@pytest.mark.parametrize("name", sorted(DOCS))
def test_both_engines_give_the_same_text(word_pdfs, name):
    pdfium = [p.text for p in read_document(word_pdfs[name], engine="pdfium").pages]
    plumber = [p.text for p in read_document(word_pdfs[name], engine="pdfplumber").pages]
    assert pdfium == plumber


def test_layout_loses_no_word(word_pdfs):
    from reportkit.read.layout import layout_page
    from reportkit.read.pdf import _raw_pages

    for path in word_pdfs.values():
        for engine in ENGINES:
            for raw in _raw_pages(path, engine):
                lines = layout_page(raw.words, raw.width, raw.height)
                assert sorted(w.text for line in lines for w in line.words) == \
                    sorted(w.text for w in raw.words)
