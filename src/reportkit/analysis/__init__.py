"""Stage 4, analysis: DataFrames in, DataFrames out. Baseline against follow-up (comparison),
recommendation progress, timeliness, claims reconciled with reports, findings by area, the
national view.
Never reads documents: everything here starts from the tables."""
from reportkit.analysis.areas import area_grid, area_table, latest_method, report_methods
from reportkit.analysis.citations import citation_table
from reportkit.analysis.comparison import compare, grade_table, harmonise, view_readings
from reportkit.analysis.conflicts import date_conflicts, date_statements
from reportkit.analysis.findings import (
    area_changes,
    area_counts,
    findings_table,
    latest_findings,
    national_concerns,
)
from reportkit.analysis.national import (
    national_grades,
    national_progress,
    national_summary,
    thematic_figures,
)
from reportkit.analysis.progress import due_date, progress_table
from reportkit.analysis.reconciliation import check_claims
from reportkit.analysis.status import status_history, status_spans
from reportkit.analysis.timeliness import force_events, lag_table

__all__ = ["area_changes", "area_counts", "findings_table", "latest_findings", "national_concerns",
           "check_claims", "compare", "force_events", "grade_table", "harmonise", "national_grades",
           "national_progress", "national_summary", "progress_table", "lag_table",
           "area_grid", "area_table", "latest_method", "report_methods", "status_history",
           "status_spans", "citation_table", "date_conflicts", "date_statements", "due_date",
           "thematic_figures", "view_readings"]
