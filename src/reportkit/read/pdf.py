"""PDF reading: words with boxes from pypdfium2 (fast, default) or pdfplumber, put in reading order.

Both engines only produce words with boxes (top-left origin); everything after that (lines,
columns, paragraphs, running headers, hyphenation) is shared, so the engines give the same text.
One thing each engine does for itself, because it needs character boxes: a footnote marker (a
smaller, raised number glued to a word, as Word prints it) is left out of its word, so that
"under 18" + marker "1" does not read as 18.1. Neither library marks superscripts, hence ours.
Pages are read one at a time and closed, so memory follows the page, not the document.
"""
from __future__ import annotations

import ctypes
import gc
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate, repeat
from pathlib import Path

from reportkit import config
from reportkit.read import ocr
from reportkit.read.bombs import check_inflation
from reportkit.read.document import Document, Page, ReadError, Word
from reportkit.read.layout import Line, layout_page, strip_furniture
from reportkit.read.ocr import NOTE as OCR_NOTE
from reportkit.read.ocr import OCR, TEXT_LAYER
from reportkit.read.text import collapse_line, join_hyphenated, normalise_chars, vocabulary

ENGINES = ("pdfium", "pdfplumber")


@dataclass
class RawPage:
    number: int
    width: float
    height: float
    words: list[Word]


# --- pdfium ------------------------------------------------------------------------------------
# A word is a run of non-space characters; pdfium writes U+FFFE (or 0x02) for a hyphen that ends
# a line and then drops the line break, so a word also ends just after that mark.
_WORD_SPLIT = re.compile(r"([^\s\ufffe\x02]+[\ufffe\x02]?)")  # split() keeps the words


def _open_pdfium(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(_pdfium_input(path), autoclose=True)
    except pdfium.PdfiumError:
        # pdfium's error code can be left over from an earlier document: ask the file itself
        if _has_encrypt_entry(path):
            raise ReadError("encrypted: needs a password") from None
        raise ReadError(_damaged_message(path)) from None


def _pdfium_input(path: Path):
    """The path, or an open file when the name is not valid UTF-8 (a Latin-1 name on a Linux
    disk): older pypdfium2 releases encode a path as UTF-8 and fail on such names."""
    try:
        str(path).encode("utf-8")
        return str(path)
    except UnicodeEncodeError:
        return open(path, "rb")  # noqa: SIM115 - pdfium reads it lazily; autoclose closes it


def _has_encrypt_entry(path: Path) -> bool:
    """True when the file declares encryption (an /Encrypt entry in a trailer or xref stream)."""
    with open(path, "rb") as fh:
        return any(b"/Encrypt" in chunk for chunk in iter(lambda: fh.read(1 << 20), b""))


def _damaged_message(path: Path) -> str:
    with open(path, "rb") as fh:
        fh.seek(max(0, path.stat().st_size - 2048))
        tail = fh.read()
    if b"%%EOF" not in tail:
        return "truncated PDF: the file ends before the PDF end marker (an incomplete download?)"
    return "damaged PDF: the file cannot be opened (corrupt structure)"


def _page_text(textpage) -> str:
    """The page's characters, one per pdfium index (get_text_range may merge surrogate pairs)."""
    count = textpage.count_chars()
    if count > config.MAX_CHARS_PER_PAGE:  # checked before the text is built
        raise ReadError(f"too many characters on one page: {count:,}, limit "
                        f"{config.MAX_CHARS_PER_PAGE:,} (config.MAX_CHARS_PER_PAGE); not read")
    text = textpage.get_text_range()
    if len(text) == count:
        return text
    import pypdfium2.raw as raw

    codes = (raw.FPDFText_GetUnicode(textpage.raw, i) for i in range(count))
    return "".join("\ufffd" if 0xD800 <= c < 0xE000 else chr(c) for c in codes)


def _pdfium_words(textpage, left: float, top: float) -> list[Word]:
    """The page's words with boxes: two char-box calls per word (its first and last character)
    made straight from C into a reusable buffer, then the boxes computed in bulk."""
    import numpy as np

    parts = _WORD_SPLIT.split(_page_text(textpage))  # gap, word, gap, word ... gap
    n = len(parts) // 2
    if not n:
        return []
    at = list(accumulate(map(len, parts), initial=0))  # where each part starts
    ends = [0] * (2 * n)  # first and last character of each word, in turn
    ends[0::2] = at[1:-1:2]
    ends[1::2] = map((-1).__add__, at[2::2])
    # per word: first char's left, top, right, bottom, then the last char's (PDF y points up)
    b = np.concatenate([_char_boxes(textpage, ends[i:i + _BOXES])
                        for i in range(0, 2 * n, _BOXES)]).reshape(n, 8)
    texts = _normalise_words(parts[1::2])
    marked = _raised_ends(b)
    if marked.size:
        texts = _drop_note_marks(textpage, marked.tolist(), parts, ends, b, texts)
    words = list(map(Word, texts, (b[:, 0] - left).tolist(),
                     (top - np.maximum(b[:, 1], b[:, 5])).tolist(), (b[:, 6] - left).tolist(),
                     (top - np.minimum(b[:, 3], b[:, 7])).tolist()))
    return [w for w in words if w.text]


# --- footnote markers: a superscript number glued to a word ("children under 18" + "1") would read
# as a figure ("181"), so it is left out of the word. Word and LibreOffice print it smaller and
# raised; pdfium then starts a new text line after it, so what follows is a word of its own.
def _raised_ends(b):
    """Words (by index) whose last character is smaller than their first and raised above it
    (a superscript is about 0.6 of the size, raised 0.3 or more; a contents line's leader dots
    and page number can be 0.75 of the size and raised 0.2)."""
    import numpy as np

    first, last = b[:, 1] - b[:, 3], b[:, 5] - b[:, 7]  # heights (PDF y points up)
    return np.flatnonzero((last < 0.7 * first) & (b[:, 7] > b[:, 3] + 0.3 * first))


def _drop_note_marks(textpage, marked: list[int], parts: list[str], ends: list[int], b,
                     texts: list[str]) -> list[str]:
    """``texts`` without the raised digits that end the ``marked`` words; ``b`` is updated to
    the boxes of the characters kept, and a word that abuts the marker joins its word."""
    texts = list(texts)
    for i in marked:
        raw, start = parts[2 * i + 1], ends[2 * i]
        if not raw[0].isalnum():  # "(6" or a contents line's dots: no letter to measure by
            continue
        k = len(raw)
        while k > 1 and raw[k - 1].isdigit() and _is_raised(textpage, start + k - 1, b[i]):
            k -= 1
        if k == len(raw) or not raw[k - 1].strip():
            continue
        mark_right = b[i, 6]
        left, bottom, right, top = textpage.get_charbox(start + k - 1, loose=True)
        b[i, 4:8] = left, top, right, bottom
        texts[i] = normalise_chars(raw[:k]).strip()
        if (i + 1 < len(texts) and parts[2 * i + 2] == "\r\n"  # "181" "\r\n" "." on one line
                and -0.5 < b[i + 1, 0] - mark_right < 1.0 and abs(b[i + 1, 3] - bottom) < 1.0):
            texts[i] += texts[i + 1]
            texts[i + 1] = ""
            b[i, 4:8] = b[i + 1, 4:8]
    return texts


def _is_raised(textpage, index: int, box) -> bool:
    left, bottom, right, top = textpage.get_charbox(index, loose=True)
    height = box[1] - box[3]
    return top - bottom < 0.7 * height and bottom > box[3] + 0.3 * height


_BOXES = 4096  # char boxes per call batch: an even number, so a word's two boxes stay together
_local = threading.local()  # per thread (a Dask worker may run threads): its own buffer


def _char_boxes(textpage, chars: list[int]):
    """FS_RECTF boxes of ``chars`` as float64 rows. FPDFText_GetLooseCharBox is called without
    argument types on ready-made pointers into one buffer: half the cost of a checked call."""
    import numpy as np

    if not hasattr(_local, "buf"):
        import pypdfium2.raw as raw

        address = ctypes.cast(raw.FPDFText_GetLooseCharBox, ctypes.c_void_p).value
        if address is None:  # a symbol of the loaded pdfium library is never NULL
            raise ReadError("pdfium has no FPDFText_GetLooseCharBox")
        _local.char_box = ctypes.PYFUNCTYPE(ctypes.c_int)(address)  # keeps the GIL: short
        _local.buf = (ctypes.c_float * (4 * _BOXES))()
        base = ctypes.addressof(_local.buf)
        _local.ptrs = [ctypes.c_void_p(base + 16 * i) for i in range(_BOXES)]
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    list(map(_local.char_box, repeat(handle, len(chars)), chars, _local.ptrs))
    return np.frombuffer(_local.buf, dtype=np.float32, count=4 * len(chars)).astype(np.float64)


# Characters that normalisation may change (anything but printable ASCII) or that strip drops
_ODD = re.compile(r"[^\n!-~]")


def _normalise_words(words: list[str]) -> list[str]:
    """Words normalised and stripped, one by one, but only those holding a character that
    normalisation or stripping may change: on most pages, a handful of words."""
    joined = "\n".join(words)
    if joined.count("\n") >= len(words):  # a word with a line break in it: do them all
        return [normalise_chars(w).strip() for w in words]
    found = {joined.count("\n", 0, m.start()) for m in _ODD.finditer(joined)}
    if not found:
        return words
    words = list(words)
    for i in found:
        words[i] = normalise_chars(words[i]).strip()
    return words


def _pdfium_pages(path: Path, meta: dict[str, str] | None = None) -> Iterator[RawPage]:
    """Pages one at a time; ``meta`` (when given) receives the PDF's information dictionary."""
    pdf = _open_pdfium(path)
    try:
        _check_length(len(pdf))
        if meta is not None:
            meta.update(_meta_of(pdf))
        for i in range(len(pdf)):
            page = pdf[i]
            textpage = page.get_textpage()
            left, bottom, right, top = page.get_bbox()
            try:
                words = _pdfium_words(textpage, left, top)
            finally:
                textpage.close()
                page.close()
            yield RawPage(i + 1, right - left, top - bottom, words)
    finally:
        pdf.close()


def _meta_of(pdf) -> dict[str, str]:
    """The information dictionary (Title, Author, CreationDate ...), plus ``created`` as an ISO
    date when CreationDate holds one."""
    meta = {k: collapse_line(normalise_chars(v))
            for k, v in pdf.get_metadata_dict(skip_empty=True).items()}
    m = re.match(r"D:(\d{4})(\d{2})(\d{2})", meta.get("CreationDate", ""))
    if m:
        meta["created"] = f"{m[1]}-{m[2]}-{m[3]}"
    return meta


def pdf_meta(path: Path) -> dict[str, str]:
    try:
        pdf = _open_pdfium(path)
    except ReadError:
        return {}
    try:
        return _meta_of(pdf)
    finally:
        pdf.close()


# --- pdfplumber --------------------------------------------------------------------------------
def _plumber_pages(path: Path) -> Iterator[RawPage]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:  # pdfplumber wraps pdfminer's many error types
        if any(isinstance(a, PDFPasswordIncorrect) for a in (exc, *exc.args)):
            raise ReadError("encrypted: needs a password") from None
        raise ReadError(_damaged_message(path)) from None
    with pdf:
        _check_length(len(pdf.pages))
        for page in pdf.pages:
            found = page.extract_words(x_tolerance=1.5, keep_blank_chars=False,
                                       return_chars=True)
            texts = _normalise_words([_unmarked(w) for w in found])
            words = [Word(t, w["x0"], w["top"], w["x1"], w["bottom"])
                     for t, w in zip(texts, found, strict=True) if t]
            yield RawPage(page.page_number, float(page.width), float(page.height), words)
            page.close()


def _unmarked(word: dict) -> str:
    """The word's text without a footnote marker (raised, smaller digits) before its end or
    before closing punctuation; its box (``x1``) shrinks to the characters kept."""
    chars, text = word["chars"], word["text"]
    if (len(chars) != len(text) or len(chars) < 2 or not text[0].isalnum()
            or not any(map(str.isdigit, text[1:]))):
        return text
    end = len(chars)
    while end > 1 and not chars[end - 1]["text"].isalnum():
        end -= 1
    first, k = chars[0], end
    while k > 1 and chars[k - 1]["text"].isdigit() and _raised(chars[k - 1], first):
        k -= 1
    if k == end:
        return text
    word["x1"] = chars[-1]["x1"] if end < len(chars) else chars[k - 1]["x1"]
    return text[:k] + text[end:]


def _raised(ch: dict, first: dict) -> bool:
    height = first["bottom"] - first["top"]
    return ch["size"] < 0.7 * first["size"] and ch["bottom"] < first["bottom"] - 0.3 * height


# --- shared ------------------------------------------------------------------------------------
def _check_length(pages: int) -> None:
    if pages > config.MAX_PAGES:
        raise ReadError(f"too long: {pages} pages, limit {config.MAX_PAGES} (config.MAX_PAGES)")
    if pages == 0:
        raise ReadError("empty PDF: no pages")


def _raw_pages(path: Path, engine: str, meta: dict[str, str] | None = None
               ) -> Iterator[RawPage]:
    if engine == "pdfplumber":
        if meta is not None:
            meta.update(pdf_meta(path))
        return _plumber_pages(path)
    return _pdfium_pages(path, meta)


def read_pdf(path: str | Path, sha256: str, *, engine: str = "auto", words: bool = True) -> Document:
    """Read a PDF into a Document; raises ReadError with a plain message when it cannot.

    ``words=False`` drops each page's word boxes once its lines are laid out: extraction needs
    only the text, and the boxes are most of what a long document holds (about 100 KB a page);
    the evidence snippets read the one page they show again, with its boxes."""
    path = Path(path)
    engine = "pdfium" if engine == "auto" else engine
    if engine not in ENGINES:
        raise ValueError(f"unknown PDF engine {engine!r}: use one of {ENGINES} or 'auto'")
    # Reading makes hundreds of words per page and no reference cycles: the cyclic collector
    # would only rescan the words kept so far, again and again (5% of the reading time).
    collecting = gc.isenabled()
    check_inflation(path)  # a decompression bomb is refused before pdfium inflates it
    gc.disable()
    try:
        return _read_pdf(path, sha256, engine, words)
    finally:
        if collecting:
            gc.enable()


def _read_pdf(path: Path, sha256: str, engine: str, keep_words: bool = True) -> Document:
    start = time.monotonic()
    laid_out: list[tuple[RawPage, list[Line]]] = []
    meta: dict[str, str] = {}
    for raw in _raw_pages(path, engine, meta):
        lines = layout_page(raw.words, raw.width, raw.height)
        if not keep_words:
            for line in lines:
                line.words = []
        laid_out.append((raw, lines))
        raw.words = []  # the lines hold the words now
        if time.monotonic() - start > config.MAX_SECONDS_PER_DOCUMENT:
            raise ReadError(f"too slow: still reading after {config.MAX_SECONDS_PER_DOCUMENT} s "
                            "(config.MAX_SECONDS_PER_DOCUMENT)")
    meta["text_source"] = TEXT_LAYER
    if not any(lines for _, lines in laid_out):
        laid_out, meta["text_source"] = _ocr_laid_out(path, start), OCR
    kept = strip_furniture([lines for _, lines in laid_out], [r.height for r, _ in laid_out])
    pages, warnings = _pages(laid_out, kept)
    if meta["text_source"] == OCR:
        warnings.insert(0, OCR_NOTE)
    doc = Document(path=str(path), sha256=sha256, format="pdf", pages=pages,
                   meta=meta, warnings=warnings)
    doc.title = _title(meta, pages)
    return doc


def _ocr_laid_out(path: Path, start: float) -> list[tuple[RawPage, list[Line]]]:
    """The pages read by Tesseract (read/ocr.py), when OCR is on; else the plain refusal."""
    if not ocr.wanted():
        raise ReadError("no text layer: scanned document, needs OCR "
                        "(`reportkit extract --ocr`, or REPORTKIT_OCR=1)")
    laid_out = [(RawPage(n, width, height, []), layout_page(words, width, height))
                for n, width, height, words in
                ocr.ocr_pages(path, start + config.MAX_SECONDS_PER_DOCUMENT)]
    if not any(lines for _, lines in laid_out):
        raise ReadError("no text layer, and OCR found no words: blank pages or pictures")
    return laid_out


def _pages(laid_out, kept: list[list[Line]]) -> tuple[list[Page], list[str]]:
    vocab = vocabulary(line.text for lines in kept for line in lines)
    pages, warnings = [], []
    for (raw, lines), body in zip(laid_out, kept, strict=True):
        if not lines:
            warnings.append(f"page {raw.number} has no text (a scanned or blank page)")
        texts: list[str] = []
        for line in body:
            if line.para_break and texts:
                texts.append("")
            texts.append(line.text)
        text = "\n".join(join_hyphenated(texts, vocab))
        words = [w for line in body for w in line.words]
        pages.append(Page(raw.number, text, words, raw.width, raw.height))
    return pages, warnings


_GENERIC_TITLE = re.compile(r"^(untitled|microsoft word\b.*|.*\.(docx?|pdf|indd|rtf))$", re.I)


def _title(meta: dict[str, str], pages: list[Page]) -> str:
    title = meta.get("Title", "")
    if title and not _GENERIC_TITLE.match(title):
        return title
    for page in pages:
        for line in page.text.split("\n"):
            if line.strip():
                return line.strip()
    return ""
