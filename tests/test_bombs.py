"""Resource bombs: small files that would take gigabytes or hours. Each is refused with a plain
reason, and the rest of the corpus beside it is extracted and written.

The PDFs are written byte by byte here (a few objects and one Flate stream), as a hostile file
would be: no PDF library lets a page carry a 50 MB content stream by accident.
"""
from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest
from tests import hostile as h
from tests.test_faults import check_control

from reportkit import config
from reportkit.pipeline import extract_corpus
from reportkit.read.bombs import check_inflation
from reportkit.read.document import ReadError
from reportkit.read.reader import read_document
from reportkit.tables.store import load_tables


def _flate(chunks, level: int = 9) -> bytes:
    packer = zlib.compressobj(level)
    return b"".join(packer.compress(c) for c in chunks) + packer.flush()


def pdf_bytes(content: bytes, extra_stream: tuple[bytes, bytes] | None = None) -> bytes:
    """One page whose content is ``content`` (already Flate data); ``extra_stream`` adds an
    (dictionary entries, Flate data) object the page uses as an image."""
    xobject = b" /XObject << /Im1 5 0 R >>" if extra_stream else b""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R"
            b" >>" + xobject + b" >> /Contents 6 0 R >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    if extra_stream:
        entries, data = extra_stream
        objs.append(b"<< " + entries + b" /Length %d /Filter /FlateDecode >>\nstream\n" % len(data)
                    + data + b"\nendstream")
    else:
        objs.append(b"<< >>")
    objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content
                + b"\nendstream")
    out, offsets = bytearray(b"%PDF-1.7\n"), []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def text_page(words: int) -> bytes:
    """A content stream that draws ``words`` ten-letter words."""
    return _flate([b"BT /F1 1 Tf 10 10 Td ", *([b"(AAAAAAAAAA) Tj " * 100_000] * (words // 100_000)),
                   b"ET"])


@pytest.fixture(scope="module")
def zeros_bomb() -> bytes:
    """1 GiB of zeros as a page's content: about a megabyte on disk."""
    return pdf_bytes(_flate([bytes(2**24)] * 64, level=1))


@pytest.fixture(scope="module")
def chars_bomb() -> bytes:
    """Thirty million characters on one page: under 100 KB on disk."""
    return pdf_bytes(text_page(3_000_000))


def corpus(tmp_path: Path, name: str, data: bytes) -> Path:
    raw = tmp_path / "raw"
    h.build_control(raw)
    (raw / "west-yorkshire" / name).write_bytes(data)
    return raw


def refused(tables, name: str) -> str:
    docs = tables["documents"].set_index("path")
    row = docs.loc[f"west-yorkshire/{name}"]
    assert row["status"] == "error", f"{name} was read: {row['message']}"
    return str(row["message"])


def test_a_decompression_bomb_is_refused_under_the_default_limits(tmp_path, zeros_bomb):
    assert len(zeros_bomb) < 8 * 2**20
    raw = corpus(tmp_path, "bomb.pdf", zeros_bomb)
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=None)
    assert "expands to more than" in refused(tables, "bomb.pdf")
    check_control(tables)
    assert len(load_tables(tmp_path / "out")["documents"]) == len(tables["documents"])


def test_a_page_of_millions_of_characters_is_refused_before_its_text_is_built(tmp_path, chars_bomb):
    assert len(chars_bomb) < 200_000
    raw = corpus(tmp_path, "chars.pdf", chars_bomb)
    began = time.monotonic()
    tables = extract_corpus(raw, tmp_path / "out", jobs=2, cache=None)
    assert "characters (config.MAX_CHARS_PER_PAGE)" in refused(tables, "chars.pdf")
    assert time.monotonic() - began < config.MAX_SECONDS_PER_DOCUMENT
    check_control(tables)


def test_past_the_pre_checks_the_deadline_still_stops_pdfium(tmp_path, chars_bomb, monkeypatch):
    """With the character limit raised out of the way, pdfium spends minutes loading the page
    (measured: more than 120 s); the worker is killed at a deadline of 10 s all the same."""
    monkeypatch.setattr(config, "MAX_CHARS_PER_PAGE", 10**9)
    monkeypatch.setattr(config, "MAX_SECONDS_PER_DOCUMENT", 10.0)
    raw = corpus(tmp_path, "chars.pdf", chars_bomb)
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=None)
    message = refused(tables, "chars.pdf")
    assert "gave up after 10 s" in message or "memory" in message, message
    check_control(tables)


def test_a_large_image_is_not_a_bomb(tmp_path, monkeypatch):
    """Text extraction never decodes images: a 96 MB image stream passes a 64 MB limit."""
    monkeypatch.setattr(config, "MAX_DECOMPRESSED_BYTES", 64 * 2**20)
    image = (b"/Type /XObject /Subtype /Image /Width 4096 /Height 8192 /ColorSpace /DeviceRGB "
             b"/BitsPerComponent 8", _flate([bytes(2**24)] * 6))
    content = _flate([b"BT /F1 12 Tf 72 720 Td (Inspectors reviewed 34 cases in West Yorkshire.) "
                      b"Tj ET"])
    path = tmp_path / "image.pdf"
    path.write_bytes(pdf_bytes(content, image))
    check_inflation(path)
    assert "34 cases" in read_document(path).text


def test_the_total_of_all_streams_is_limited_too(tmp_path, monkeypatch):
    monkeypatch.setattr(config, "MAX_DECOMPRESSED_BYTES", 4 * 2**20)
    path = tmp_path / "big.pdf"
    path.write_bytes(pdf_bytes(_flate([bytes(2**20)] * 5)))  # 5 MB: one page's worth, but > 4 MB
    with pytest.raises(ReadError, match="decompression bomb.*4 MB"):
        check_inflation(path)
