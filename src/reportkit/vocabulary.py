"""The words reportkit uses for its facts: document kinds, grades, assessors, ratings, precisions.

Every other module takes these from here (the tables' schema, the parsers, the charts), so a new
kind or grade is added in one place.
"""
from __future__ import annotations

KINDS = ("inspection", "review", "reinspection", "update", "thematic", "press", "pcc_response", "other")
REPORT_KINDS = KINDS[:5]  # the inspectorate's own publications, as opposed to reactions to them
GRADES = ("outstanding", "good", "adequate", "requires_improvement", "inadequate",
          "requires_improvement_or_inadequate")  # the last: a combined figure some reports give
ASSESSORS = ("inspectorate", "force")
POLARITIES = ("strength", "concern")
PRECISIONS = ("day", "month", "year")
STATUSES = ("ok", "warning", "error")
# Progress ratings used by post-inspection reviews, best first.
RATINGS = ("achieved", "good_progress", "some_progress", "limited_progress", "no_progress", "not_assessed")

# Finer than ``kind``: what sort of document it is, whoever wrote it.
GENRES = ("report", "news", "press_release", "force_statement", "publication_page",
          "recommendation_tracker", "panel_minutes", "letter")
# How a figure was read: stated in the text, or derived (a remainder, or a count from a stated share
# and total; the row's quote or note says which).
BASES = ("stated", "derived")
