"""Refuse a PDF whose compressed streams inflate past a limit, before a library expands them.

A few hundred kilobytes of Flate data can inflate to gigabytes (a page whose content stream draws
millions of characters, or a stream of zeros), and pdfium inflates a page's content stream whole
when the page is loaded. Neither pdfium nor pikepdf offers a bounded decode, so this scans the
file's bytes itself: each stream is inflated in chunks and only its length is counted, never kept,
and the scan stops as soon as the total passes the limit. Image streams are skipped: text
extraction never decodes them, and a scanned report's images may rightly be large.

A page of millions of characters needs a content stream of at least that many bytes, and pdfium
spends minutes loading one before a single character can be counted; so one content stream (not a
font, an image or an object stream) is also held to ``CONTENT_BYTES_PER_CHAR`` bytes per character a
page may hold (config.MAX_CHARS_PER_PAGE): 10 MB by default, where a page of a report typically
takes 10 to 50 KB and a detailed chart a megabyte or two.
"""
from __future__ import annotations

import mmap
import re
import zlib
from pathlib import Path

from reportkit import config
from reportkit.read.document import ReadError

# "stream" then an end of line starts a stream's data; "endstream" ends one (it must not match).
_STREAM = re.compile(rb"(?<!end)stream\r?\n")
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
# a font program or an object/xref stream: large for good reasons, and not drawn as text
_NOT_CONTENT = re.compile(rb"/Length[123]\b|/Subtype\s*/(?:Type1C|CIDFontType0C|OpenType)\b"
                          rb"|/Type\s*/(?:ObjStm|XRef|Metadata|EmbeddedFile)\b")
CONTENT_BYTES_PER_CHAR = 50
_CHUNK = 1 << 16
_DICT_WINDOW = 4096  # how far before "stream" to look for the stream's dictionary


def check_inflation(path: Path, limit: int | None = None) -> None:
    """Raise ReadError when the PDF's non-image streams inflate to more than ``limit`` bytes in
    all, or one content stream to more than a page's worth of characters allows."""
    limit = int(limit or config.MAX_DECOMPRESSED_BYTES)
    per_content = config.MAX_CHARS_PER_PAGE * CONTENT_BYTES_PER_CHAR
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ) as data:
        total = 0
        for m in _STREAM.finditer(data):
            head = _dictionary(data, m.start())
            if _IMAGE.search(head):
                continue
            content = not _NOT_CONTENT.search(head)
            budget = min(limit - total, per_content) if content else limit - total
            size = _inflated(data, m.end(), budget + 1)
            total += size
            if total > limit:
                raise ReadError(
                    f"decompression bomb: the PDF's compressed streams expand to more than "
                    f"{limit / 2**20:.0f} MB (config.MAX_DECOMPRESSED_BYTES); not read")
            if content and size > per_content:
                raise ReadError(
                    f"a page's content expands to more than {per_content / 2**20:.0f} MB, room for "
                    f"more than {config.MAX_CHARS_PER_PAGE:,} characters (config.MAX_CHARS_PER_PAGE); "
                    "not read")


def _dictionary(data, start: int) -> bytes:
    """The stream's dictionary: the bytes between its object's "obj" and "stream"."""
    head = data[max(0, start - _DICT_WINDOW):start]
    at = head.rfind(b"obj")
    return head[at:] if at >= 0 else head


def _inflated(data, pos: int, budget: int) -> int:
    """How many bytes the Flate stream at ``pos`` inflates to, counting at most ``budget``."""
    inflater = zlib.decompressobj()
    count = 0
    try:
        while pos < len(data) and not inflater.eof and count < budget:
            pending = data[pos:pos + _CHUNK]
            pos += _CHUNK
            while pending and count < budget:
                count += len(inflater.decompress(pending, min(_CHUNK, budget - count)))
                pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # not Flate data (or damaged): pdfium decides what to make of it
    return count
