"""Stage 2, extract: a Document to table rows (kinds, dates, counts, grades, recommendations,
progress ratings, findings, claims). ``parse_document`` is the entry point; each module reads one
kind of fact and says where its rows' columns come from.
"""
from reportkit.extract.parse import parse_document

__all__ = ["parse_document"]
