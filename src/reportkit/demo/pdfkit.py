"""reportlab layout helpers for the demo corpus: fonts, styles, hyphenation, page templates.

Everything here is deterministic: reportlab runs in invariant mode so the PDF bytes do not carry a
timestamp or a random document id.
"""
from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path
from xml.sax.saxutils import escape

import matplotlib
import reportlab.rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, Table, TableStyle
from reportlab.platypus.tableofcontents import TableOfContents

reportlab.rl_config.invariant = 1

PAGE_W, PAGE_H = A4
MARGIN = 24 * mm
NAVY = colors.HexColor("#1d3557")
GREY = colors.HexColor("#555555")

_FONTS = {
    "RKSerif": "DejaVuSerif.ttf",
    "RKSerif-Bold": "DejaVuSerif-Bold.ttf",
    "RKSerif-Italic": "DejaVuSerif-Italic.ttf",
    "RKSerif-BoldItalic": "DejaVuSerif-BoldItalic.ttf",
    "RKSans": "DejaVuSans.ttf",
    "RKSans-Bold": "DejaVuSans-Bold.ttf",
    "RKSans-Oblique": "DejaVuSans-Oblique.ttf",
    "RKSans-BoldOblique": "DejaVuSans-BoldOblique.ttf",
}


@lru_cache(maxsize=1)
def register_fonts() -> None:
    """Embed matplotlib's DejaVu TTFs so nothing depends on the system's fonts."""
    ttf = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    for name, file in _FONTS.items():
        pdfmetrics.registerFont(TTFont(name, str(ttf / file)))
    for fam in ("RKSerif", "RKSans"):
        it = "Italic" if fam == "RKSerif" else "Oblique"
        pdfmetrics.registerFontFamily(
            fam, normal=fam, bold=f"{fam}-Bold", italic=f"{fam}-{it}", boldItalic=f"{fam}-Bold{it}"
        )


# --- hyphenation -------------------------------------------------------------------------------
# pyphen is not installed; reportlab accepts any callable word -> (head, tail) pairs instead.
_VOWELS = set("aeiouy")
_KEEP = {"th", "ch", "sh", "ph", "wh", "ck", "gh", "qu", "ng"}
_SUFFIXES = ("tion", "sion", "ment", "ness", "ance", "ence", "ship", "able", "ible", "ity", "ing")


def _break_points(word: str) -> set[int]:
    low = word.lower()
    points = set()
    for i in range(3, len(low) - 2):
        a, b, c = low[i - 1], low[i], low[i + 1] if i + 1 < len(low) else ""
        if a in _VOWELS and b not in _VOWELS and c in _VOWELS:  # V-CV
            points.add(i)
        elif a not in _VOWELS and b not in _VOWELS and a + b not in _KEEP and a != "'":
            if i >= 2 and low[i - 2] in _VOWELS and c in _VOWELS:  # VC-CV
                points.add(i)
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(low) - len(suf) >= 3:
            points.add(len(low) - len(suf))
    return {p for p in points if 3 <= p <= len(low) - 3}


def hyphenate(word: str) -> Iterator[tuple[str, str]]:
    """Yield (head, tail) splits of an alphabetic word, longest head first."""
    if not word.isalpha() or len(word) < 7:
        return
    for p in sorted(_break_points(word), reverse=True):
        yield word[:p], word[p:]


# --- text helpers ------------------------------------------------------------------------------
_LIG = re.compile(r"f[il]")


def ligate(text: str) -> str:
    """Use the fi/fl ligature code points as Word-made PDFs do; the extractor must undo them."""
    return _LIG.sub(lambda m: "\ufb01" if m.group(0) == "fi" else "\ufb02", text)


def markup(text: str, lig: bool = True) -> str:
    """Escape plain prose for a Paragraph; keep <b>/<i> written as [[b]]..[[/b]]."""
    out = escape(text)
    out = re.sub(r"\[\[(/?[bi])\]\]", r"<\1>", out)
    return ligate(out) if lig else out


# --- styles ------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    body = ParagraphStyle(
        "body", fontName="RKSerif", fontSize=10.5, leading=15, alignment=TA_JUSTIFY,
        spaceAfter=7, hyphenationLang=hyphenate, hyphenationMinWordLength=7,
    )
    s = {
        "body": body,
        "numbered": ParagraphStyle("numbered", parent=body, leftIndent=30, bulletIndent=0,
                                   bulletFontName="RKSerif"),
        "bullet": ParagraphStyle("bullet", parent=body, leftIndent=18, bulletIndent=6,
                                 bulletFontName="RKSerif"),
        "case": ParagraphStyle("case", parent=body, fontName="RKSerif-Italic", leftIndent=14,
                               rightIndent=14, fontSize=10),
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11.5),
        # two-column text sits on a 13 pt grid (heading 26 + 13) so both columns' lines align
        "col": ParagraphStyle("col", parent=body, fontSize=9.5, leading=13, spaceAfter=13),
        "colhead": ParagraphStyle("colhead", fontName="RKSans-Bold", fontSize=14, leading=26,
                                  textColor=NAVY, spaceAfter=13),
        "h1": ParagraphStyle("h1", fontName="RKSans-Bold", fontSize=17, leading=22,
                             textColor=NAVY, spaceBefore=4, spaceAfter=12),
        "h2": ParagraphStyle("h2", fontName="RKSans-Bold", fontSize=12.5, leading=16,
                             textColor=NAVY, spaceBefore=10, spaceAfter=6, keepWithNext=1),
        "h3": ParagraphStyle("h3", fontName="RKSans-Bold", fontSize=10.5, leading=14,
                             spaceBefore=6, spaceAfter=4, keepWithNext=1),
        "cover_series": ParagraphStyle("cs", fontName="RKSans-Bold", fontSize=24, leading=30,
                                       textColor=NAVY, alignment=TA_LEFT),
        "cover_force": ParagraphStyle("cf", fontName="RKSans", fontSize=16, leading=22),
        "cover_small": ParagraphStyle("csm", fontName="RKSans", fontSize=10, leading=14),
        "notice": ParagraphStyle("notice", fontName="RKSans-Bold", fontSize=9, leading=12,
                                 textColor=colors.HexColor("#9b2226"), borderColor=colors.HexColor(
                                     "#9b2226"), borderWidth=0.8, borderPadding=6, spaceAfter=10),
        "toc_title": ParagraphStyle("toct", fontName="RKSans-Bold", fontSize=17, leading=22,
                                    textColor=NAVY, spaceAfter=14),
        "cell": ParagraphStyle("cell", fontName="RKSans", fontSize=9.5, leading=12),
        "centre": ParagraphStyle("centre", fontName="RKSans", fontSize=9, alignment=TA_CENTER),
    }
    return s


def para(text: str, style: str = "body", lig: bool = True, **kw) -> Paragraph:
    return Paragraph(markup(text, lig), styles()[style], **kw)


def grade_table(rows: list[tuple[str, ...]], header=("Grade", "Number of cases")) -> Table:
    """A ruled table (header row + rows) that pdfplumber's line strategy can find."""
    st = styles()["cell"]
    data = [[Paragraph(f"<b>{escape(h)}</b>", st) for h in header]]
    data += [[Paragraph(escape(c), st) for c in row] for row in rows]
    widths = [50 * mm] + [45 * mm] * (len(header) - 1)
    t = Table(data, colWidths=widths, hAlign="LEFT")
    t.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return t


def toc() -> TableOfContents:
    t = TableOfContents(dotsMinLevel=0)
    st = styles()
    t.levelStyles = [
        ParagraphStyle("toc0", fontName="RKSans-Bold", fontSize=10.5, leading=16, leftIndent=0,
                       firstLineIndent=0, spaceBefore=3),
        ParagraphStyle("toc1", parent=st["cell"], fontSize=10, leading=14, leftIndent=16),
    ]
    return t


# --- document template -------------------------------------------------------------------------
class ReportDoc(BaseDocTemplate):
    """A4 report: cover (no furniture), one-column body, two-column pages; headings feed the TOC."""

    def __init__(self, buf, running: str, **kw):
        super().__init__(buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN, bottomMargin=MARGIN, **kw)
        self.running = running
        w, h = PAGE_W - 2 * MARGIN, PAGE_H - 2 * MARGIN
        gap = 8 * mm
        cw = (w - gap) / 2
        one = Frame(MARGIN, MARGIN, w, h, id="one")
        left = Frame(MARGIN, MARGIN, cw, h, id="left")
        right = Frame(MARGIN + cw + gap, MARGIN, cw, h, id="right")
        self.addPageTemplates([
            PageTemplate("cover", [Frame(MARGIN, MARGIN, w, h, id="c")]),
            PageTemplate("body", [one], onPage=self._furniture),
            PageTemplate("twocol", [left, right], onPage=self._furniture),
        ])

    def _furniture(self, canv, doc) -> None:
        canv.saveState()
        canv.setFont("RKSans", 8)
        canv.setFillColor(GREY)
        canv.drawRightString(PAGE_W - MARGIN, PAGE_H - MARGIN + 10, self.running)
        canv.drawCentredString(PAGE_W / 2, MARGIN - 16, str(doc.page))
        canv.restoreState()

    def afterFlowable(self, flowable) -> None:
        level = getattr(flowable, "toc_level", None)
        if level is not None:
            self.notify("TOCEntry", (level, flowable.getPlainText(), self.page))


def heading(text: str, level: int, style: str = "") -> Paragraph:
    p = Paragraph(markup(text, lig=False), styles()[style or ("h1" if level == 0 else "h2")])
    p.toc_level = level
    return p


def render(make_story: Callable[[], list], running: str, title: str,
           multi: bool = True) -> tuple[bytes, int]:
    """Build the story into PDF bytes; return (bytes, page count)."""
    buf = io.BytesIO()
    doc = ReportDoc(buf, running, title=title, author="reportkit demo corpus",
                    subject="Demonstration document generated by reportkit", creator="reportkit")
    if multi:
        doc.multiBuild(make_story())
    else:
        doc.build(make_story())
    return buf.getvalue(), doc.page
