"""Scanned letters: a demo letter's page rendered to a picture and wrapped in an image-only PDF
(what a scanner makes), then read with Tesseract through `reportkit extract --ocr`."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from reportkit import cli, config
from reportkit.read import ocr
from reportkit.read.document import ReadError
from reportkit.read.reader import read_document
from reportkit.read.snippet import _find_run, highlighted_region
from reportkit.tables.state import extractor_version

LETTER = "west-yorkshire/2016-04-15-pcc-letter-to-home-secretary.pdf"
STATEMENT = "west-yorkshire/2016-03-08-pcc-statement.pdf"
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None,
    reason="Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-eng)")


def scan(pdf: Path, out: Path, dpi: int = 200) -> Path:
    """Every page drawn as a grey picture on a page of the same size: no text layer at all."""
    import pypdfium2 as pdfium
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    doc = pdfium.PdfDocument(str(pdf))
    c = canvas.Canvas(str(out))
    for i in range(len(doc)):
        page = doc[i]
        width, height = page.get_size()
        picture = page.render(scale=dpi / 72).to_pil().convert("L")
        c.setPageSize((width, height))
        c.drawImage(ImageReader(picture), 0, 0, width=width, height=height)
        c.showPage()
        page.close()
    c.save()
    doc.close()
    return out


@pytest.fixture
def scanned_raw(demo_raw, tmp_path) -> Path:
    raw = tmp_path / "raw"
    (raw / "west-yorkshire").mkdir(parents=True)
    for name in (LETTER, STATEMENT):
        scan(demo_raw / name, raw / name)
    return raw


@pytest.fixture
def ocr_off(monkeypatch):
    monkeypatch.setattr(config, "OCR", False)
    monkeypatch.setenv("REPORTKIT_OCR", "0")


def test_a_scan_has_no_text_layer_and_is_refused_without_ocr(scanned_raw, ocr_off):
    with pytest.raises(ReadError, match=r"needs OCR \(`reportkit extract --ocr`"):
        read_document(scanned_raw / LETTER)


def test_without_tesseract_the_message_says_how_to_install_it(scanned_raw, ocr_off, monkeypatch,
                                                              tmp_path):
    monkeypatch.setattr(config, "OCR", True)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ReadError, match=r"apt-get install tesseract-ocr"):
        read_document(scanned_raw / LETTER)


@needs_tesseract
def test_ocr_reads_the_letter_with_word_boxes(scanned_raw, ocr_off, monkeypatch):
    monkeypatch.setattr(config, "OCR", True)
    doc = read_document(scanned_raw / LETTER)
    assert doc.meta["text_source"] == "ocr"
    assert doc.warnings[0] == ocr.NOTE
    assert "15 April 2016" in doc.pages[0].text
    assert "Dear Home Secretary" in doc.pages[0].text
    boxes = _find_run(doc.pages[0].words, "Dear Home Secretary")
    assert len(boxes) == 3
    x0, top, x1, bottom = boxes[0]
    assert 0 < x0 < x1 < doc.pages[0].width and 0 < top < bottom < doc.pages[0].height
    pixels = highlighted_region(scanned_raw / LETTER, 1, "Dear Home Secretary")
    assert pixels.ndim == 3 and pixels.shape[0] > 10


@needs_tesseract
def test_extract_ocr_gives_the_dates_and_figures_back(scanned_raw, ocr_off, tmp_path, capsys):
    out = tmp_path / "out"
    code = cli.main(["extract", "--ocr", "--raw", str(scanned_raw), "--out", str(out),
                     "--cache", str(tmp_path / "cache"), "--jobs", "1", "-q"])
    assert code == 0, capsys.readouterr().err
    docs = pd.read_csv(out / "documents.csv").set_index("path")
    assert set(docs["text_source"]) == {"ocr"}
    assert docs.loc[LETTER, "published"] == "2016-04-15"
    assert docs.loc[LETTER, "kind"] == "pcc_response"
    assert docs.loc[STATEMENT, "published"] == "2016-03-08"
    assert all(ocr.NOTE in m for m in docs["message"])
    claims = pd.read_csv(out / "claims.csv")
    found = dict(zip(claims["measure"], claims["value"]))
    assert found.get("cases_total") == 34  # the statement's figure, as the demo gold has it


def test_the_ocr_setting_is_part_of_the_cache_key(monkeypatch):
    monkeypatch.setattr(config, "OCR", False)
    off = extractor_version()
    monkeypatch.setattr(config, "OCR", True)
    assert extractor_version() != off


def test_installing_tesseract_after_a_failed_run_changes_the_cache_key(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "OCR", True)
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    without = extractor_version()
    tool = tmp_path / "bin" / "tesseract"
    tool.parent.mkdir()
    tool.write_text("#!/bin/sh\n")
    tool.chmod(0o755)
    monkeypatch.setenv("PATH", str(tool.parent))
    assert extractor_version() != without


def test_tesseract_tsv_words_become_points():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t300\t600\t150\t40\t96.5\t15\n"
           "5\t1\t1\t1\t1\t2\t470\t600\t200\t40\t91.0\tApril\n"
           "5\t1\t1\t1\t1\t3\t700\t600\t10\t40\t95.0\t \n")
    words = ocr.words_from_tsv(tsv, 72 / 300)
    assert [w.text for w in words] == ["15", "April"]
    assert (words[0].x0, words[0].top, words[0].x1, words[0].bottom) == pytest.approx(
        (72.0, 144.0, 108.0, 153.6))


def test_extract_ocr_sets_the_worker_environment(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "OCR", False)
    monkeypatch.setenv("REPORTKIT_OCR", "0")
    (tmp_path / "raw").mkdir()
    cli.main(["extract", "--ocr", "--raw", str(tmp_path / "raw"), "--out", str(tmp_path / "o"),
              "--no-cache", "-q"])
    import os

    assert config.OCR is True and os.environ["REPORTKIT_OCR"] == "1"
    assert ocr.wanted()
