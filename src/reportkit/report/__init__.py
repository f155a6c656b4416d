"""Stage 6, report: what notebooks call (briefing), the papermill batch and the HTML export."""
from reportkit.report.batch import run_briefings

__all__ = ["run_briefings"]
