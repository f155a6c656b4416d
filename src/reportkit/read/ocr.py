"""OCR for PDFs without a text layer (a signed letter, scanned): Tesseract's words with boxes.

Why Tesseract's own TSV output, called directly, rather than pytesseract or ocrmypdf:
- the TSV (``tesseract - - tsv``) already holds each word with its box and confidence, which is all
  reportkit needs: the words go through the same layout code as a text layer's, so quotes can be
  found and highlighted on the page (read/snippet.py) as for any PDF;
- pytesseract is a thin wrapper that runs the same command through temporary files and adds a
  dependency (and Pillow images) for nothing we use;
- ocrmypdf writes a new PDF with a text layer: it needs Ghostscript and many more packages, takes
  far longer, and would make us read a file we did not receive.
Pages are rendered by pypdfium2 (already a dependency) to 8-bit grey PGM and piped to Tesseract,
so nothing is written to disk. Coordinates come back in pixels and are turned into PDF points
from the top-left corner, the convention of read/document.py.
"""
from __future__ import annotations

import csv
import io
import logging
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from reportkit import config
from reportkit.read.document import ReadError, Word
from reportkit.read.text import normalise_chars

log = logging.getLogger(__name__)

TEXT_LAYER, OCR = "text layer", "ocr"  # documents.text_source: where a PDF's words came from
INSTALL_HINT = ("install Tesseract with its English data: `apt-get install tesseract-ocr "
                "tesseract-ocr-eng` (macOS: `brew install tesseract`)")
MIN_CONFIDENCE = 0  # Tesseract gives -1 to layout rows that are not words
NOTE = ("read by OCR (the PDF has no text layer): a figure may be misread, "
        "check it against the page")


def wanted() -> bool:
    """OCR asked for: the setting, or the environment a worker process inherited."""
    flag = os.environ.get("REPORTKIT_OCR", "").strip().lower() in ("1", "true", "yes", "on")
    return bool(config.OCR) or flag


def setting() -> str:
    """What OCR would do, for the cache key: installing Tesseract after a run that could not find
    it, or changing the language or resolution, reads the scans again instead of reusing errors."""
    if not wanted():
        return "ocr off"
    return f"ocr {shutil.which('tesseract') or 'without tesseract'} {config.OCR_LANGUAGE} {config.OCR_DPI}"


def tesseract_missing() -> bool:
    return shutil.which("tesseract") is None


def tesseract() -> str:
    found = shutil.which("tesseract")
    if not found:
        raise ReadError(f"no text layer: scanned document; OCR needs Tesseract: {INSTALL_HINT}")
    return found


def ocr_pages(path: Path, deadline: float | None = None
              ) -> Iterator[tuple[int, float, float, list[Word]]]:
    """(page number, width, height, words) per page, sizes in PDF points."""
    import pypdfium2 as pdfium

    exe = tesseract()
    pdf = pdfium.PdfDocument(str(path))
    try:
        for i in range(len(pdf)):
            page = pdf[i]
            try:
                width, height = page.get_size()
                image = _grey_pgm(page, config.OCR_DPI)
            finally:
                page.close()
            tsv = _run(exe, image, path, deadline)
            yield i + 1, width, height, words_from_tsv(tsv, 72.0 / config.OCR_DPI)
    finally:
        pdf.close()


def _grey_pgm(page, dpi: int) -> bytes:
    bitmap = page.render(scale=dpi / 72.0, grayscale=True)
    try:
        pixels = bitmap.to_numpy()
        if pixels.ndim == 3:  # some pdfium builds keep a channel axis even for grey
            pixels = pixels[:, :, 0]
        rows, cols = pixels.shape
        return f"P5 {cols} {rows} 255\n".encode() + pixels.astype("uint8").tobytes()
    finally:
        bitmap.close()


def _run(exe: str, image: bytes, path: Path, deadline: float | None) -> str:
    limit = None if deadline is None else max(1.0, deadline - time.monotonic())
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}  # one core per document: workers run side by side
    cmd = [exe, "stdin", "stdout", "-l", config.OCR_LANGUAGE, "--psm", "3", "tsv"]
    try:
        done = subprocess.run(cmd, input=image, capture_output=True, timeout=limit, env=env,
                              check=False)
    except subprocess.TimeoutExpired:
        raise ReadError(f"too slow: OCR still running after {config.MAX_SECONDS_PER_DOCUMENT} s "
                        "(config.MAX_SECONDS_PER_DOCUMENT)") from None
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        hint = f"; {INSTALL_HINT}" if b"Failed loading language" in done.stderr else ""
        raise ReadError(f"OCR failed on {path.name}: {detail[-1] if detail else 'no message'}{hint}")
    return done.stdout.decode("utf-8", "replace")


def words_from_tsv(tsv: str, points_per_pixel: float) -> list[Word]:
    """Word rows (level 5) of Tesseract's TSV as Words in points; empty and non-word rows left out."""
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = normalise_chars(row.get("text") or "").strip()
        if row.get("level") != "5" or not text or float(row.get("conf") or -1) < MIN_CONFIDENCE:
            continue
        left, top = int(row["left"]), int(row["top"])
        right, bottom = left + int(row["width"]), top + int(row["height"])
        words.append(Word(text, left * points_per_pixel, top * points_per_pixel,
                          right * points_per_pixel, bottom * points_per_pixel))
    return words
