"""Stage 2, extract: a Document to table rows (kinds, dates, counts, grades, recommendations,
progress ratings, findings, claims, graded areas, recommendation statuses). ``parse_document`` is
the entry point; each module reads one kind of fact and says where its rows' columns come from.
``heading_area`` and ``topic_area`` (areas.py) say which inspection area a heading names or a
sentence is about, as findings are filed.

The names below load on first use: importing one small module (``extract.counts``, as the
analysis does) does not compile every extractor's patterns (about 0.3 s).
"""
from __future__ import annotations

from reportkit.lazy import exports

_WHERE = {"heading_area": "areas", "topic_area": "areas", "parse_document": "parse"}

__all__ = sorted(_WHERE)

__getattr__, __dir__ = exports(__name__, _WHERE)
