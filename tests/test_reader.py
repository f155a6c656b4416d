"""read_document on real PDFs made with reportlab, HTML pages, text files and bad input."""
import hashlib
import re

import pytest
from tests.pdfmaker import (
    break_xref,
    filler_pages,
    make_pdf,
    truncate,
    write_png_as_pdf,
)

from reportkit import config
from reportkit.read.document import ReadError
from reportkit.read.reader import read_document

ENGINES = ["pdfium", "pdfplumber"]
HEADER = "West Yorkshire Police \u2013 child protection post-inspection review"


def flat(text: str) -> str:
    return " ".join(text.split())


def para(label: str, n: int = 5) -> str:
    """A paragraph of ``n`` sentences that all carry ``label``, so its position can be found."""
    return " ".join(f"{label} sentence {i} says that officers recorded the views of the child."
                    for i in range(1, n + 1))


# --- reading order -----------------------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_two_column_page_reads_left_column_then_right(tmp_path, engine):
    paras = ["# Post-inspection review findings"] + [para(x) for x in
                                                      ("Alpha", "Bravo", "Charlie", "Delta",
                                                       "Echo", "Foxtrot", "Golf")]
    path = make_pdf(tmp_path / "cols.pdf", [paras], columns=2)
    text = read_document(path, engine=engine).pages[0].text
    expected = flat(" ".join(p.lstrip("# ") for p in paras))
    assert flat(text) == expected + " 1"  # the page number stays last on a one-page document
    assert text.startswith("Post-inspection review findings\n\nAlpha sentence 1")


def test_layout_loses_no_word(tmp_path):
    from reportkit.read.layout import layout_page
    from reportkit.read.pdf import _raw_pages

    pages = filler_pages(2, 7)
    pages[0].insert(0, "# A title that runs the full width of the page above both columns")
    pages[1] += ["| Good | 11", "| Inadequate | 3"]
    path = make_pdf(tmp_path / "all.pdf", pages, columns=2, header=HEADER, footer="Page {n}")
    for engine in ENGINES:
        for raw in _raw_pages(path, engine):
            lines = layout_page(raw.words, raw.width, raw.height)
            assert sorted(w.text for line in lines for w in line.words) == \
                sorted(w.text for w in raw.words)


# Word-processor column shapes, as word boxes: lines are (tag, x0, top, width[, height]). A tag
# names the line, so the order the layout reads them in is the list of tags.
LEFT, RIGHT, FULL = (72, 220), (320, 220), (72, 468)


def _lines(tag: str, at: tuple[int, int], top: float, n: int, size: float = 12.0,
           pitch: float = 14.0) -> list[tuple]:
    return [(f"{tag}{i}", at[0], top + i * pitch, at[1], size) for i in range(n)]


def _order(lines: list[tuple]) -> list[str]:
    from reportkit.read.document import Word
    from reportkit.read.layout import layout_page

    words = [Word(tag, x, top, x + 20, top + size) for tag, x0, top, width, size in lines
             for x in range(int(x0), int(x0 + width) - 19, 24)]
    return [line.words[0].text for line in layout_page(words, 612, 792)]


def test_a_short_column_run_between_full_width_text_reads_column_by_column():
    lines = (_lines("a", FULL, 100, 9) + _lines("l", LEFT, 236, 4) + _lines("r", RIGHT, 236, 4)
             + _lines("b", FULL, 300, 9))
    assert _order(lines) == [t for t, *_ in lines]


def test_columns_whose_baselines_drift_apart_are_not_interleaved():
    """Each column's paragraph spacing is its own: half a line out, no line shares a row."""
    lines = _lines("l", LEFT, 100, 20) + _lines("r", RIGHT, 107, 20)
    assert _order(lines) == [t for t, *_ in lines]


def test_a_heading_below_balanced_columns_follows_both():
    lines = (_lines("l", LEFT, 100, 6) + _lines("r", RIGHT, 100, 6)
             + [("head", 72, 196, 100, 12.0)] + _lines("b", FULL, 214, 3))
    assert _order(lines) == [t for t, *_ in lines]


def test_a_longer_left_column_keeps_its_paragraphs():
    """The last page of a section that is not balanced: the left column runs on alone."""
    lines = (_lines("l", LEFT, 100, 6) + _lines("m", LEFT, 194, 6) + _lines("r", RIGHT, 100, 3))
    assert _order(lines) == [t for t, *_ in lines]


def test_footnotes_below_the_columns_follow_both():
    lines = (_lines("l", LEFT, 100, 8) + _lines("r", RIGHT, 100, 7)
             + _lines("note", (72, 160), 250, 2, size=8.0, pitch=10.0))
    assert _order(lines) == [t for t, *_ in lines]


def test_an_indented_quotation_stays_in_its_column():
    lines = (_lines("l", LEFT, 100, 8) + _lines("r", RIGHT, 100, 3)
             + _lines("q", (380, 160), 142, 3) + _lines("s", RIGHT, 184, 3))
    assert _order(lines) == [t for t, *_ in lines]


def test_a_table_below_the_columns_keeps_its_rows():
    cells = [line for i in range(3) for line in
             [(f"c{i}", 72, 220 + 14 * i, 60, 12.0), (f"d{i}", 228, 220 + 14 * i, 60, 12.0),
              (f"e{i}", 384, 220 + 14 * i, 60, 12.0)]]
    lines = _lines("l", LEFT, 100, 6) + _lines("r", RIGHT, 100, 6) + cells
    assert _order(lines) == [t for t, *_ in lines if t[0] in "lr"] + ["c0", "c1", "c2"]


@pytest.mark.parametrize("engine", ENGINES)
def test_table_rows_in_a_one_column_page_stay_rows(tmp_path, engine):
    rows = ["| Good | 11", "| Requires improvement | 20", "| Inadequate | 3", "| Total | 34"]
    page = [para("Intro", 3), *rows, para("Outro", 3)]
    text = read_document(make_pdf(tmp_path / "t.pdf", [page]), engine=engine).pages[0].text
    for row in rows:
        assert "\n" + row[2:].replace(" | ", " ") + "\n" in text


def test_paragraphs_are_separated_by_a_blank_line(tmp_path):
    path = make_pdf(tmp_path / "p.pdf", [[para("One"), para("Two"), para("Three")]],
                    footer=False)
    blocks = read_document(path).pages[0].text.split("\n\n")
    assert [b.split()[0] for b in blocks] == ["One", "Two", "Three"]


# --- running headers and footers ---------------------------------------------------------------
def test_running_header_and_page_numbers_are_removed(tmp_path):
    pages = filler_pages(5)
    repeated = "Recommendation 1 is carried forward from the 2014 report."
    pages[1].insert(0, repeated)
    pages[3].insert(0, repeated)
    path = make_pdf(tmp_path / "h.pdf", pages, header=HEADER, footer="Page {n} of {total}")
    doc = read_document(path)
    for page, paras in zip(doc.pages, pages, strict=True):
        assert "post-inspection review" not in page.text
        assert not re.search(r"Page \d of 5", page.text)
        assert flat(page.text) == flat(" ".join(paras))
    assert doc.pages[1].text.count(repeated) == 1 and doc.pages[3].text.count(repeated) == 1


def test_header_removal_needs_three_pages(tmp_path):
    path = make_pdf(tmp_path / "two.pdf", filler_pages(2), header=HEADER)
    doc = read_document(path)
    assert all(p.text.startswith(HEADER.replace("\u2013", "-")) for p in doc.pages)
    assert doc.pages[1].text.endswith("\n2")


def test_words_have_boxes_in_top_left_coordinates(tmp_path):
    path = make_pdf(tmp_path / "w.pdf", [["Top line of the page.", para("Body")]])
    for engine in ENGINES:
        page = read_document(path, engine=engine).pages[0]
        first = page.words[0]
        assert first.text == "Top" and first.top < 100 < page.height - 100
        assert first.x0 == pytest.approx(60, abs=1) and first.x1 > first.x0
        assert " ".join(w.text for w in page.words) == flat(page.text)


# --- characters and hyphenation ----------------------------------------------------------------
@pytest.mark.parametrize("engine", ENGINES)
def test_ligatures_are_spelt_out(tmp_path, engine):
    body = ("The findings of the officers affect the flow of effective referrals and "
            "the force's office baffled no one.")
    path = make_pdf(tmp_path / "lig.pdf", [[body]], ligatures=True, footer=False)
    text = read_document(path, engine=engine).text
    assert flat(text) == body
    assert not re.search("[\ufb00-\ufb06]", text)


@pytest.mark.parametrize("engine", ENGINES)
def test_hyphenated_line_breaks_are_joined_and_compounds_kept(tmp_path, engine):
    body = ("The assess-\nment of risk in multi-\nagency hubs was weak. Better decision-\n"
            "making would help: a decision on making referrals is needed.")
    path = make_pdf(tmp_path / "hy.pdf", [[body]])
    text = read_document(path, engine=engine).text
    assert "The assessment\nof risk in multi-agency\nhubs" in text
    assert "Better decision-making\nwould help" in text


def test_automatic_hyphenation_reads_back_the_original_words(tmp_path):
    pages = filler_pages(3, paragraphs_per_page=5)
    path = make_pdf(tmp_path / "auto.pdf", pages, hyphenate=True)
    doc = read_document(path)
    assert sum(line.endswith("-") for line in _lines_drawn(pages)) > 3  # breaks were made
    for page, paras in zip(doc.pages, pages, strict=True):
        assert flat(page.text) == flat(" ".join(paras))


def _superscripted_pdf(path):
    """Figures followed by footnote markers drawn as a word processor does: smaller, raised,
    glued to the word, the full stop after them."""
    from reportlab.pdfgen import canvas
    from tests.pdfmaker import BODY, _register_fonts

    _register_fonts()
    c = canvas.Canvas(str(path))
    x, y = 60, 700
    for text, mark in [("We inspected children under 18", "1"), (" We audited 40 cases", "23"),
                       (" Of these, 9 were good", "")]:
        c.setFont(BODY, 11)
        c.drawString(x, y, text)
        x += c.stringWidth(text, BODY, 11)
        c.setFont(BODY, 6.5)
        c.drawString(x, y + 4, mark)
        x += c.stringWidth(mark, BODY, 6.5)
        c.setFont(BODY, 11)
        c.drawString(x, y, ".")
        x += c.stringWidth(".", BODY, 11)
    c.drawString(60, 680, "Contents page 12 and the 2019 report (6 cases) keep their digits.")
    c.save()
    return path


@pytest.mark.parametrize("engine", ENGINES)
def test_footnote_markers_are_left_out_of_their_words(tmp_path, engine):
    text = read_document(_superscripted_pdf(tmp_path / "sup.pdf"), engine=engine).text
    assert flat(text) == ("We inspected children under 18. We audited 40 cases. Of these, 9 "
                          "were good. Contents page 12 and the 2019 report (6 cases) keep "
                          "their digits.")


def _lines_drawn(pages):
    from tests.pdfmaker import wrap

    return [line for paras in pages for p in paras for line in wrap(p, 475, hyphenate=True)]


def test_both_engines_give_the_same_text(tmp_path):
    pages = filler_pages(5, paragraphs_per_page=5)
    pages[1] = ["# Leadership, management and governance"] + filler_pages(1, 7, seed=50)[0]
    pages[2].append("The assess-\nment was shared with multi-\nagency partners and the officers' "
                    "offices.")
    path = make_pdf(tmp_path / "same.pdf", pages, columns=2, header=HEADER, ligatures=True,
                    hyphenate=True, footer="Page {n}")
    fast = read_document(path, engine="pdfium")
    slow = read_document(path, engine="pdfplumber")
    assert [p.text for p in fast.pages] == [p.text for p in slow.pages]
    assert "assessment was shared with multi-agency" in flat(fast.text)
    assert "Leadership" in fast.pages[1].text and HEADER[:20] not in fast.text


# --- bad input ---------------------------------------------------------------------------------
def _bad(path, message, engine="auto"):
    with pytest.raises(ReadError) as err:
        read_document(path, engine=engine)
    assert str(err.value) == message or str(err.value).startswith(message)
    assert "Traceback" not in str(err.value)


def test_zero_byte_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    _bad(path, "empty file: 0 bytes")


def test_png_named_pdf(tmp_path):
    _bad(write_png_as_pdf(tmp_path / "picture.pdf"), "not a PDF: the file holds a PNG image")


@pytest.mark.parametrize("engine", ENGINES)
def test_truncated_pdf(tmp_path, engine):
    path = truncate(make_pdf(tmp_path / "cut.pdf", filler_pages(3)), keep=0.5)
    _bad(path, "truncated PDF: the file ends before the PDF end marker", engine)


def test_broken_xref_is_repaired_and_read(tmp_path):
    path = break_xref(make_pdf(tmp_path / "xref.pdf", filler_pages(3)))
    assert b"startxref\n999" in path.read_bytes()
    doc = read_document(path)
    assert len(doc.pages) == 3 and doc.pages[2].text.startswith("Call handlers recorded")


@pytest.mark.parametrize("engine", ENGINES)
def test_user_password_pdf(tmp_path, engine):
    path = make_pdf(tmp_path / "locked.pdf", filler_pages(1), encrypt={"user": "u", "owner": "o"})
    _bad(path, "encrypted: needs a password", engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_owner_password_only_pdf_is_read(tmp_path, engine):
    path = make_pdf(tmp_path / "owner.pdf", filler_pages(1), encrypt={"user": "", "owner": "o"})
    assert read_document(path, engine=engine).pages[0].text.startswith("The force recorded")


def test_image_only_pdf(tmp_path):
    path = make_pdf(tmp_path / "scan.pdf", filler_pages(2), image_only=True)
    _bad(path, "no text layer: scanned document, needs OCR")


def test_page_without_text_among_text_pages_is_kept_with_a_warning(tmp_path):
    pages = filler_pages(3)
    pages[1] = []
    doc = read_document(make_pdf(tmp_path / "gap.pdf", pages, footer=False))
    assert [bool(p.text) for p in doc.pages] == [True, False, True]
    assert doc.warnings == ["page 2 has no text (a scanned or blank page)"]


def test_too_many_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "MAX_PAGES", 2)
    _bad(make_pdf(tmp_path / "long.pdf", filler_pages(3)),
         "too long: 3 pages, limit 2 (config.MAX_PAGES)")


def test_file_too_big(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "MAX_FILE_BYTES", 1000)
    _bad(make_pdf(tmp_path / "big.pdf", filler_pages(1)), "too big:")


def test_unknown_engine_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError):
        read_document(make_pdf(tmp_path / "e.pdf", filler_pages(1)), engine="ocr")


def test_input_files_are_never_modified(tmp_path):
    files = [
        make_pdf(tmp_path / "ok.pdf", filler_pages(3), header=HEADER),
        make_pdf(tmp_path / "lock.pdf", filler_pages(1), encrypt={"user": "u", "owner": "o"}),
        break_xref(make_pdf(tmp_path / "xref.pdf", filler_pages(1))),
        truncate(make_pdf(tmp_path / "cut.pdf", filler_pages(2))),
    ]
    html = tmp_path / "page.html"
    html.write_bytes(PRESS_PAGE.encode("utf-8"))
    files.append(html)
    before = {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files}
    for f in files:
        for engine in ENGINES:
            try:
                doc = read_document(f, engine=engine)
                assert doc.sha256 == hashlib.sha256(before[f][0]).hexdigest()
            except ReadError:
                pass
    assert {f: (f.read_bytes(), f.stat().st_mtime_ns) for f in files} == before


# --- HTML and text -----------------------------------------------------------------------------
ARTICLE = [
    "Police officers in the county's largest force are still failing to record concerns about "
    "vulnerable children properly, an inspection report published today says.",
    "Inspectors examined 34 child protection cases last August. Of these, the force's work was "
    "good in 11, required improvement in 20 and was inadequate in three.",
    "The commissioner said the force would \u201cwork with partners\u201d to put things right, "
    "backed by \u00a33.5m of extra funding \u2013 most of it for safeguarding hubs.",
]
PRESS_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Children still at risk, watchdog finds | Daily Courier</title>
<meta property="og:title" content="Children still at risk, watchdog finds">
<meta property="article:published_time" content="2016-03-08T12:27:00+00:00">
<script>window.dataLayer=[];function track(){return 1}</script></head><body>
<header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a>
<a href="/weather">Weather</a></nav></header>
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience.
Accept all cookies to continue browsing the Daily Courier website.</p><button>Accept</button></div>
<main><article><h1>Children still at risk, watchdog finds</h1>
<p class="byline">By Staff Reporter</p>
<p>PARA0</p><p>PARA1</p>
<aside class="newsletter-signup"><h3>Sign up to our daily newsletter</h3>
<p>Get the biggest stories from the Daily Courier in your inbox every morning.</p>
<form><input type="email"><button>Subscribe</button></form></aside>
<p>PARA2</p></article>
<section class="related"><h2>More from the Courier</h2><ul><li><a href="/a">Road closed after
crash on the ring road</a></li><li><a href="/b">Council tax to rise again</a></li></ul></section>
</main><footer><p>Copyright Daily Courier Media Ltd. All rights reserved.</p></footer>
</body></html>"""
for _i, _p in enumerate(ARTICLE):
    PRESS_PAGE = PRESS_PAGE.replace(f"PARA{_i}", _p)


def test_press_page_body_without_site_furniture(tmp_path):
    path = tmp_path / "press.html"
    path.write_text(PRESS_PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.format == "html" and len(doc.pages) == 1 and doc.pages[0].number == 1
    assert doc.title == "Children still at risk, watchdog finds"
    assert doc.published == "2016-03-08"
    for sentence in ARTICLE:
        assert flat(sentence.replace("\u201c", '"').replace("\u201d", '"')
                    .replace("\u2013", "-")) in flat(doc.text)
    for furniture in ("cookies", "newsletter", "Subscribe", "Road closed", "Copyright",
                      "Weather", "track()"):
        assert furniture not in doc.text


def test_press_date_falls_back_to_the_dateline(tmp_path):
    page = PRESS_PAGE.replace('<meta property="article:published_time" '
                              'content="2016-03-08T12:27:00+00:00">', "")
    page = page.replace('<p class="byline">By Staff Reporter</p>',
                        '<p class="byline">By Staff Reporter</p>'
                        "<p>Tuesday, 8th March 2016, 12:27 pm</p>")
    path = tmp_path / "dateline.html"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert "8th March 2016" in doc.text and doc.published == "2016-03-08"


@pytest.mark.parametrize("declared", ["", '<meta charset="windows-1252">'])
def test_cp1252_html_is_decoded(tmp_path, declared):
    page = PRESS_PAGE.replace('<meta charset="utf-8">', declared)
    path = tmp_path / "cp.html"
    path.write_bytes(page.encode("cp1252"))
    text = read_document(path).text
    assert "backed by \u00a33.5m of extra funding - most of it" in flat(text)
    assert "force's work" in text and "\ufffd" not in text


def test_web_report_keeps_headings_and_paragraphs_in_order(tmp_path):
    page = """<html><head><title>West Shire: post-inspection review - HMICFRS</title></head>
    <body><nav><a href="/">Home</a><a href="/publications">Publications</a></nav>
    <main><header><h1>West Shire Police: National child protection post-inspection review</h1>
    <p>Published on: 5 May 2022</p></header><aside><p>Related: other reviews</p></aside>
    <h2>Contents</h2><ul><li>Introduction</li><li>Initial contact</li></ul>
    <h2>Introduction</h2><p>We reviewed 40 cases in January 2022.</p>
    <h3>The force has improved how it records the voice of the child</h3>
    <p>Officers now record the child's views in most cases.</p>
    <h2>Initial contact</h2><p>Call handlers identify risk well.</p>
    <table><tr><th>Grade</th><th>Cases</th></tr><tr><td>Good</td><td>12</td></tr></table>
    </main><footer>Crown copyright</footer></body></html>"""
    path = tmp_path / "report.htm"
    path.write_text(page, encoding="utf-8")
    doc = read_document(path)
    assert doc.published == "2022-05-05" and doc.meta["html_kind"] == "web_report"
    order = ["Published on: 5 May 2022", "Introduction\n\nWe reviewed 40 cases",
             "The force has improved how it records the voice of the child",
             "Officers now record", "Initial contact\n\nCall handlers", "Good 12"]
    positions = [doc.text.index(x) for x in order]
    assert positions == sorted(positions)
    assert doc.title == "West Shire Police: National child protection post-inspection review"
    for furniture in ("Crown copyright", "Publications", "Related: other reviews"):
        assert furniture not in doc.text


def test_page_of_scripts_has_no_article(tmp_path):
    page = ("<html><head><script>var a = 1;</script></head><body><nav><a href='/'>Home</a>"
            "<a href='/x'>News</a></nav><script>document.write('hello')</script>"
            "<noscript>Enable JavaScript</noscript></body></html>")
    path = tmp_path / "empty.html"
    path.write_text(page)
    _bad(path, "no article text found: the page holds only scripts and navigation")


def test_text_file_cp1252_and_nul_bytes(tmp_path):
    path = tmp_path / "letter.txt"
    path.write_bytes("Dear Home Secretary\r\n\r\nThe force\x00s \u201cprogress\u201d \u2013 "
                     "\u00a33.5m.\r\n".encode("cp1252"))
    doc = read_document(path)
    assert doc.format == "txt" and doc.title == "Dear Home Secretary"
    assert doc.text == 'Dear Home Secretary\n\nThe forces "progress" - \u00a33.5m.'


def test_binary_named_txt(tmp_path):
    _bad(write_png_as_pdf(tmp_path / "x.txt"), "not a text or HTML file: the file holds a PNG")


# --- the real seed documents -------------------------------------------------------------------
def test_real_seed_documents(seeds):
    press = read_document(seeds / "press-article-2016-03-08.txt")
    assert press.format == "txt" and press.pages[0].number == 1
    assert press.title.startswith("Children still being left at risk by West Yorkshire Police")
    assert "In the follow-up inspection last August 34 child protection cases were examined." \
        in press.text
    assert "five of the seven cases" in press.text and "\u201c" not in press.text
    letter = read_document(seeds / "pcc-response-letter-2016-04-15.txt")
    assert "\n15 April 2016\n" in letter.text
    assert "HMIC Response - West Yorkshire Child Protection Inspection" in letter.text
