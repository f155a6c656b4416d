"""Stage 6, report: what notebooks call (briefing), the papermill batch and the HTML export."""
from reportkit.report.batch import run_briefings
from reportkit.report.methods_view import (
                                           method_line,
                                           show_area_grades,
                                           show_area_grid,
                                           show_methods,
                                           show_status,
)

__all__ = ["method_line", "run_briefings", "show_area_grades", "show_area_grid", "show_methods",
           "show_status"]
