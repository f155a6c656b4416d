"""What a read document looks like once its format is gone: pages of normalised text with word boxes.

Every extractor works on these objects, so a PDF, an HTML page and a text file are handled alike.
Coordinates are PDF points from the top-left corner of the page (pdfplumber's convention).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from reportkit.errors import ReadError  # noqa: F401  (a Document's failure: shown to analysts as-is)


@dataclass(slots=True)  # not frozen: a 2,000-page PDF makes ~750k of these, and frozen is 4x slower
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float


@dataclass
class Page:
    number: int  # 1-based
    text: str  # normalised text in reading order, running headers/footers removed
    words: list[Word] = field(default_factory=list)  # empty for HTML and text documents
    width: float = 0.0
    height: float = 0.0


@dataclass
class Document:
    path: str  # as given, relative to the raw folder where possible
    sha256: str
    format: str  # pdf, html, txt
    pages: list[Page]
    title: str = ""
    published: str | None = None  # ISO date from metadata (HTML meta tags), when the format has one
    meta: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    file_key: list[int] | None = None  # [size, mtime in ns] of the file as it was when read

    @property
    def text(self) -> str:
        return "\n\n".join(p.text for p in self.pages)

    def page_of(self, quote: str) -> int | None:
        """The 1-based page on which ``quote`` occurs, or None."""
        for p in self.pages:
            if quote in p.text:
                return p.number
        return None
