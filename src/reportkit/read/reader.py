"""One entry point for every document: ``read_document(path)`` gives a Document or a ReadError.

The file's first bytes decide what it is, not its name: a PNG saved as .pdf is refused with a
plain message. The input file is only ever opened for reading.
"""
from __future__ import annotations

from pathlib import Path

from reportkit import config
from reportkit.read.corpus import sha256_file
from reportkit.read.document import Document, Page, ReadError

ENGINES = ("auto", "pdfium", "pdfplumber")
SUFFIXES = {".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "txt"}

_MAGIC = [
    (b"%PDF-", "a PDF"), (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"), (b"PK\x03\x04", "a ZIP archive (perhaps a Word document)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"), (b"{\\rtf", "an RTF document"),
    (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
]


def sniff(head: bytes) -> str:
    """What the first bytes say the file is: "pdf", "html", "text" or a description."""
    if b"%PDF-" in head[:1024]:
        return "pdf"
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    sample = head[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if sample.startswith((b"<!doctype html", b"<html", b"<?xml", b"<!--", b"<head", b"<meta")) \
            or b"<html" in sample or b"<body" in sample:
        return "html"
    controls = sum(head.count(bytes([c])) for c in (*range(0, 9), 14, 15, 16, 17, 18, 19))
    if controls > 0.05 * len(head) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary data"  # a stray NUL in a text file is dropped later, not refused
    return "text"


def _check_file(path: Path) -> int:
    if not path.exists():
        raise ReadError("not found: no such file")
    if not path.is_file():
        raise ReadError("not a file: it is a folder or a device")
    size = path.stat().st_size
    if size == 0:
        raise ReadError("empty file: 0 bytes")
    if size > config.MAX_FILE_BYTES:
        mb, limit = size / 2**20, config.MAX_FILE_BYTES / 2**20
        raise ReadError(f"too big: {mb:.0f} MB, limit {limit:.0f} MB (config.MAX_FILE_BYTES)")
    return size


def _format(path: Path, head: bytes) -> str:
    """The reader to use, or a ReadError when the content does not match the name."""
    kind = sniff(head)
    expected = SUFFIXES.get(path.suffix.lower())
    if expected is None:
        if kind in ("pdf", "html"):
            return kind
        raise ReadError(f"unsupported file type '{path.suffix}': reportkit reads "
                        ".pdf, .html, .htm and .txt")
    if expected == "pdf" and kind != "pdf":
        raise ReadError(f"not a PDF: the file holds {_describe(kind)}")
    if expected != "pdf" and kind not in ("html", "text"):
        raise ReadError(f"not a text or HTML file: the file holds {_describe(kind)}")
    return expected


def _describe(kind: str) -> str:
    return {"html": "an HTML page", "text": "plain text"}.get(kind, kind)


def read_text(data: bytes, path: str, sha256: str) -> Document:
    from reportkit.read.html import decode_bytes
    from reportkit.read.text import normalise

    text = normalise(decode_bytes(data))
    if not text.strip():
        raise ReadError("no text: the file holds only blank lines")
    title = next((line for line in text.split("\n") if line.strip()), "")
    return Document(path=path, sha256=sha256, format="txt", pages=[Page(1, text)], title=title)


def read_document(path: str | Path, *, engine: str = "auto", words: bool = True) -> Document:
    """Read a PDF, HTML page or text file into a Document.

    engine: for PDFs, "auto" (pypdfium2, fast), "pdfium" or "pdfplumber" (slow, same text).
    words: keep each PDF page's word boxes (False: text only, memory flat in document length).
    Raises ReadError with a plain message for anything that cannot be read.
    """
    if engine not in ENGINES:
        raise ValueError(f"unknown engine {engine!r}: use one of {ENGINES}")
    path = Path(path)
    _check_file(path)
    with open(path, "rb") as fh:
        head = fh.read(4096)
    fmt = _format(path, head)
    before = _identity(path)
    try:
        digest = sha256_file(path)
        doc = _read(path, fmt, digest, engine, words)
    except ReadError:
        raise
    except MemoryError:
        raise ReadError("too big to read in memory") from None
    except Exception as exc:  # never let a library's exception reach the analyst raw
        raise ReadError(_unexpected(fmt, exc)) from None
    # The hash and the text must come from the same bytes: a file replaced or rewritten while it
    # was read (a download finishing, a sync client) is refused for this run, never half-cached.
    if _identity(path) != before:
        raise FileChanged("the file changed while it was being read: run extract again once "
                          "it is complete")
    doc.file_key = list(before[1:])
    return doc


class FileChanged(ReadError):
    """The file's bytes changed between hashing and the end of reading."""


def _identity(path: Path) -> tuple[int, int, int]:
    st = path.stat()
    return st.st_ino, st.st_size, st.st_mtime_ns


def _read(path: Path, fmt: str, digest: str, engine: str, words: bool = True) -> Document:
    if fmt == "pdf":
        from reportkit.read.pdf import read_pdf

        return read_pdf(path, digest, engine=engine, words=words)
    data = path.read_bytes()
    if fmt == "html":
        from reportkit.read.html import read_html

        return read_html(data, str(path), digest)
    return read_text(data, str(path), digest)


def _unexpected(fmt: str, exc: Exception) -> str:
    detail = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return f"could not read this {fmt.upper()} file: {detail}"
