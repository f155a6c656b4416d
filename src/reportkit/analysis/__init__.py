"""Stage 4, analysis: DataFrames in, DataFrames out. Baseline against follow-up (comparison),
recommendation progress, timeliness, claims reconciled with reports, findings by area, the
national view.
Never reads documents: everything here starts from the tables.

The names below load their module on first use, so importing one module of this package (the
report's helpers import ``analysis.memo``) does not import all of them and pandera's schema."""
from __future__ import annotations

from reportkit.lazy import exports

# public name -> the module of this package that defines it
_WHERE = {
    "area_grid": "areas", "area_table": "areas", "latest_method": "areas",
    "report_methods": "areas",
    "citation_table": "citations",
    "compare": "comparison", "grade_table": "comparison", "harmonise": "comparison",
    "view_readings": "comparison",
    "date_conflicts": "conflicts", "date_statements": "conflicts",
    "area_changes": "findings", "area_counts": "findings", "findings_table": "findings",
    "latest_findings": "findings", "national_concerns": "findings",
    "national_grades": "national", "national_progress": "national",
    "national_summary": "national", "thematic_figures": "national",
    "due_date": "progress", "progress_table": "progress",
    "check_claims": "reconciliation",
    "status_history": "status", "status_spans": "status",
    "force_events": "timeliness", "lag_table": "timeliness",
}

__all__ = sorted(_WHERE)

__getattr__, __dir__ = exports(__name__, _WHERE)
