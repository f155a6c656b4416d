"""A PDF page region with a quote's words highlighted: what the evidence chart shows.

pdfplumber renders and crops the page; the words come from reportkit's own reader first (its text
is normalised the same way as the quotes in the tables), pdfplumber's word search second.
"""
from __future__ import annotations

import numpy as np


def _norm(token: str) -> str:
    return "".join(ch for ch in token.lower() if ch.isalnum())


def _find_run(words, quote: str) -> list:
    """Boxes of the consecutive words that spell the quote (punctuation, case and spaces ignored,
    so a word hyphenated across a line break, "inspec-" + "tion", still matches "inspection")."""
    want = "".join(_norm(w) for w in quote.split())
    have = [_norm(w.text if hasattr(w, "text") else w["text"]) for w in words]
    if not want:
        return []
    for i, first in enumerate(have):
        if not first or not want.startswith(first):
            continue
        spelled, j = "", i
        while j < len(have) and len(spelled) < len(want):
            spelled += have[j]
            j += 1
        if spelled == want:
            return [_box(w) for w in words[i:j]]
    return []


def _box(w) -> tuple[float, float, float, float]:
    get = (lambda k: getattr(w, k)) if hasattr(w, "x0") else w.__getitem__
    return (float(get("x0")), float(get("top")), float(get("x1")), float(get("bottom")))


def _locate(pdf_path, page, number: int, quote: str) -> list:
    try:  # the shared reader gives normalised words; fall back to pdfplumber's own search
        from reportkit.read.reader import read_document

        boxes = _find_run(read_document(str(pdf_path)).pages[number - 1].words, quote)
        if boxes:
            return boxes
    except Exception:  # noqa: BLE001 - reader missing or failing: pdfplumber can still locate
        pass
    boxes = _find_run(page.extract_words(), quote)
    if boxes:
        return boxes
    return [_box(m) for m in page.search(quote, regex=False, case=False)]


def _line_boxes(boxes: list, pad: float = 1.5) -> list:
    """One box per line of the quote: reads as a highlighter stroke, not a cage per word."""
    lines: list[list] = []
    for b in sorted(boxes, key=lambda b: (round(b[1]), b[0])):
        if lines and abs(lines[-1][1] - b[1]) < 3:
            lines[-1] = [lines[-1][0], min(lines[-1][1], b[1]), max(lines[-1][2], b[2]),
                         max(lines[-1][3], b[3])]
        else:
            lines.append(list(b))
    return [(x0 - pad, t - pad, x1 + pad, btm + pad) for x0, t, x1, btm in lines]


def _region(page, boxes: list, margin: float) -> tuple[float, float, float, float]:
    """Whole lines of text around the quote, so no line is cut in half."""
    top = min(b[1] for b in boxes) - margin
    bottom = max(b[3] for b in boxes) + margin
    near = [w for w in page.extract_words() if w["bottom"] > top and w["top"] < bottom]
    near = near or [{"x0": b[0], "top": b[1], "x1": b[2], "bottom": b[3]} for b in boxes]
    x0 = max(0.0, min(w["x0"] for w in near) - 12)
    x1 = min(float(page.width), max(w["x1"] for w in near) + 12)
    y0 = max(0.0, min(w["top"] for w in near) - 6)
    y1 = min(float(page.height), max(w["bottom"] for w in near) + 6)
    return (x0, y0, x1, y1)



def highlighted_region(pdf_path, page: int, quote: str, margin: float = 24,
                       resolution: int = 150) -> np.ndarray:
    """RGB pixels of the lines around ``quote`` on ``page`` (1-based), the quote highlighted.

    Raises LookupError when the page does not exist or the quote is not on it."""
    import pdfplumber

    with pdfplumber.open(pdf_path) as pdf:
        if not 1 <= page <= len(pdf.pages):
            raise LookupError(f"page {page} is not in {pdf_path} ({len(pdf.pages)} pages)")
        p = pdf.pages[page - 1]
        boxes = _locate(pdf_path, p, page, quote)
        if not boxes:
            raise LookupError(f"the quote was not found on page {page}: {quote!r}")
        img = p.crop(_region(p, boxes, margin)).to_image(resolution=resolution)
        img.draw_rects(_line_boxes(boxes), fill=(240, 228, 66, 120), stroke=(213, 94, 0),
                       stroke_width=1)
        return np.asarray(img.annotated.convert("RGB"))
