"""Stage 1, read: files to :class:`Document` objects (pages of text, words with boxes).

PDFs through pypdfium2 (text) and pdfplumber (geometry), web pages through trafilatura, plain
text as it is; ``discover`` walks a raw folder into :class:`Source` records.

The names below load on first use: the freshness check (``tables.state``, which needs only
``discover``) does not import numpy and the readers.
"""
from __future__ import annotations

from reportkit.lazy import exports

_WHERE = {"Document": "document", "Page": "document", "ReadError": "document", "Word": "document",
          "Source": "corpus", "discover": "corpus", "read_document": "reader",
          "highlighted_region": "snippet"}

__all__ = sorted(_WHERE)

__getattr__, __dir__ = exports(__name__, _WHERE)
