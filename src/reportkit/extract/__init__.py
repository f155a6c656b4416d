"""Stage 2, extract: a Document to table rows (kinds, dates, counts, grades, recommendations,
progress ratings, findings, claims, graded areas, recommendation statuses). ``parse_document`` is
the entry point; each module reads one kind of fact and says where its rows' columns come from.
``heading_area`` and ``topic_area`` (areas.py) say which inspection area a heading names or a
sentence is about, as findings are filed.
"""
from reportkit.extract.areas import heading_area, topic_area
from reportkit.extract.parse import parse_document

__all__ = ["heading_area", "parse_document", "topic_area"]
