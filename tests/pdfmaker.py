"""Build real PDFs with reportlab for tests and benchmarks.

``make_pdf(path, pages)`` draws each page's paragraphs with a DejaVu font (its ligature glyphs
exist), wrapping lines itself so that tests know exactly where lines break. A paragraph starting
with "# " is a bold heading; one starting with "| " is a table row ("| Good | 11") whose cells
are spread evenly over the column. On a two-column page, headings before the first body
paragraph run the full width above the columns. A "\\n" inside a paragraph forces a line break.

Bad-input helpers (``truncate``, ``break_xref``, ``write_png_as_pdf``) damage a file the way real
downloads get damaged.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import matplotlib
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FONT_DIR = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
BODY, BOLD = "DejaVuSerif", "DejaVuSerif-Bold"
SIZE, LEADING, HEAD_SIZE = 10, 13, 13
MARGIN, GUTTER = 60, 28
LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"),
             ("fl", "\ufb02")]


def _register_fonts() -> None:
    if BODY not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BODY, str(FONT_DIR / "DejaVuSerif.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSerif-Bold.ttf")))


def ligate(text: str) -> str:
    """Replace letter pairs with the ligature glyphs a typesetter would use."""
    for letters, glyph in LIGATURES:
        text = text.replace(letters, glyph)
    return text


def _split_word(word: str, room: float, font: str, size: float) -> tuple[str, str] | None:
    """Break ``word`` so that its head and a hyphen fit in ``room``; at its own hyphen if any."""
    if "-" in word.strip("-"):
        head, tail = word.split("-", 1)
        if pdfmetrics.stringWidth(head + "-", font, size) <= room:
            return head + "-", tail
    for cut in range(len(word) - 3, 2, -1):
        if word[:cut].isalpha() and pdfmetrics.stringWidth(word[:cut] + "-", font, size) <= room:
            return word[:cut] + "-", word[cut:]
    return None


def wrap(text: str, width: float, font: str = BODY, size: float = SIZE,
         hyphenate: bool = False) -> list[str]:
    """Greedy word wrap; with ``hyphenate`` a word that does not fit is split with a hyphen."""
    lines: list[str] = []
    for forced in text.split("\n"):
        line = ""
        words = forced.split()
        while words:
            word = words.pop(0)
            trial = f"{line} {word}" if line else word
            if pdfmetrics.stringWidth(trial, font, size) <= width:
                line = trial
                continue
            room = width - pdfmetrics.stringWidth(line + " ", font, size) if line else width
            parts = _split_word(word, room, font, size) if hyphenate else None
            if parts:
                lines.append(f"{line} {parts[0]}".strip())
                line = ""
                words.insert(0, parts[1])
            elif line:
                lines.append(line)
                line = ""
                words.insert(0, word)
            else:  # a single word wider than the column
                lines.append(word)
        if line:
            lines.append(line)
    return lines


class _Layout:
    """Draws one page: full-width headings first, then body text flowing through the columns."""

    def __init__(self, c: canvas.Canvas, columns: int, hyphenate: bool, ligatures: bool):
        self.c, self.columns, self.hyphenate, self.ligatures = c, columns, hyphenate, ligatures
        self.page_w, self.page_h = A4
        self.col_w = (self.page_w - 2 * MARGIN - (columns - 1) * GUTTER) / columns

    def _draw(self, x: float, y: float, text: str, font: str, size: float) -> None:
        self.c.setFont(font, size)
        self.c.drawString(x, y, ligate(text) if self.ligatures else text)

    def page(self, paragraphs: list[str]) -> None:
        y = self.page_h - MARGIN - 20
        body = list(paragraphs)
        while body and body[0].startswith("# ") and self.columns > 1:
            for line in wrap(body.pop(0)[2:], self.page_w - 2 * MARGIN, BOLD, HEAD_SIZE):
                self._draw(MARGIN, y, line, BOLD, HEAD_SIZE)
                y -= HEAD_SIZE + 4
            y -= LEADING
        self._columns(body, y)

    def _columns(self, paragraphs: list[str], top: float) -> None:
        col, y = 0, top
        for para in paragraphs:
            if para.startswith("| "):  # a table row: cells spread evenly over the column
                if y < MARGIN + 20:
                    col, y = col + 1, top
                cells = para[2:].split(" | ")
                x = MARGIN + col * (self.col_w + GUTTER)
                for i, cell in enumerate(cells):
                    self._draw(x + i * self.col_w / len(cells), y, cell, BODY, SIZE)
                y -= LEADING
                continue
            heading = para.startswith("# ")
            font, size = (BOLD, HEAD_SIZE) if heading else (BODY, SIZE)
            text = para[2:] if heading else para
            for line in wrap(text, self.col_w, font, size, self.hyphenate and not heading):
                if y < MARGIN + 20:
                    col, y = col + 1, top
                    if col >= self.columns:
                        raise ValueError("page text does not fit: split it over more pages")
                x = MARGIN + col * (self.col_w + GUTTER)
                self._draw(x, y, line, font, size)
                y -= size + 3 if heading else LEADING
            y -= LEADING * 0.8  # paragraph gap


def make_pdf(path: str | Path, pages: list[list[str]], *, columns: int = 1,
             header: str | None = None, footer: bool | str = True, ligatures: bool = False,
             hyphenate: bool = False, encrypt: dict | None = None,
             image_only: bool = False, title: str = "") -> Path:
    """Write a PDF of ``pages`` (each a list of paragraphs) and return its path.

    header: a running header drawn on every page; footer: True for a centred page number,
    or a format string such as "Page {n} of {total}". encrypt: {"user": ..., "owner": ...}.
    image_only: every page is a picture of its text with no text layer, like a scan.
    """
    path = Path(path)
    _register_fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, pageCompression=1)
    c.setTitle(title)
    layout = _Layout(c, columns, hyphenate, ligatures)
    for n, paras in enumerate(pages, 1):
        if image_only:
            _draw_scan(c, paras)
        else:
            _furniture(c, n, len(pages), header, footer)
            layout.page(paras)
        c.showPage()
    c.save()
    data = buf.getvalue()
    path.write_bytes(_encrypt(data, encrypt) if encrypt else data)
    return path


def _furniture(c: canvas.Canvas, n: int, total: int, header: str | None,
               footer: bool | str) -> None:
    w, h = A4
    c.setFont(BODY, 8)
    if header:
        c.drawString(MARGIN, h - MARGIN + 16, header)
    if footer:
        text = str(n) if footer is True else footer.format(n=n, total=total)
        c.drawCentredString(w / 2, MARGIN - 24, text)


def _draw_scan(c: canvas.Canvas, paragraphs: list[str]) -> None:
    """A raster picture of the text: what a scanner produces, no text layer."""
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.utils import ImageReader

    img = Image.new("L", (595, 842), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSerif.ttf"), 10)
    y = 60
    for para in paragraphs:
        for line in wrap(para.lstrip("# "), 595 - 2 * MARGIN):
            draw.text((MARGIN, y), line, fill=0, font=font)
            y += LEADING
        y += 8
    c.drawImage(ImageReader(img), 0, 0, width=A4[0], height=A4[1])


def _encrypt(data: bytes, spec: dict) -> bytes:
    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        enc = pikepdf.Encryption(user=spec.get("user", ""), owner=spec.get("owner", "owner"),
                                 R=6)
        pdf.save(out, encryption=enc)
    return out.getvalue()


def truncate(path: str | Path, keep: float = 0.5) -> Path:
    """Cut a PDF short, as an interrupted download does."""
    path = Path(path)
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])
    return path


def break_xref(path: str | Path) -> Path:
    """Point startxref at the wrong offset, so a reader must rebuild the cross-reference table."""
    path = Path(path)
    data = path.read_bytes()
    data = re.sub(rb"startxref\s+\d+", b"startxref\n999", data)
    path.write_bytes(data)
    return path


def write_png_as_pdf(path: str | Path) -> Path:
    """A PNG picture saved under a .pdf name."""
    from PIL import Image

    path = Path(path)
    buf = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 30, 30)).save(buf, format="PNG")
    path.write_bytes(buf.getvalue())
    return path


def filler_pages(n: int, paragraphs_per_page: int = 6, seed: int = 0) -> list[list[str]]:
    """Plausible report prose for ``n`` pages, varied so that no body line repeats across pages."""
    subjects = ["The force", "Officers", "Supervisors", "The public protection unit",
                "Call handlers", "Custody staff", "Safeguarding hubs", "Investigators"]
    verbs = ["recorded", "assessed", "referred", "reviewed", "escalated", "shared"]
    objects = ["concerns about children", "the risk to each child", "information with partners",
               "decisions in custody", "the views of the child", "missing episodes"]
    pages = []
    for p in range(n):
        paras = []
        for k in range(paragraphs_per_page):
            i = seed + p * paragraphs_per_page + k
            sentences = [
                f"{subjects[(i + j) % 8]} {verbs[(i * 3 + j) % 6]} {objects[(i + 2 * j) % 6]} "
                f"in {(i * 7 + j) % 97 + 3} of the cases examined on page {p + 1}."
                for j in range(4)
            ]
            paras.append(" ".join(sentences))
        pages.append(paras)
    return pages
