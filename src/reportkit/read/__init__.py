"""Stage 1, read: files to :class:`Document` objects (pages of text, words with boxes).

PDFs through pypdfium2 (text) and pdfplumber (geometry), web pages through trafilatura, plain
text as it is; ``discover`` walks a raw folder into :class:`Source` records.
"""
from reportkit.read.corpus import Source, discover
from reportkit.read.document import Document, Page, ReadError, Word
from reportkit.read.reader import read_document
from reportkit.read.snippet import highlighted_region

__all__ = ["Document", "Page", "ReadError", "Source", "Word", "discover",
           "highlighted_region", "read_document"]

