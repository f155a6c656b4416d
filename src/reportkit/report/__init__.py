"""Stage 6, report: what notebooks call (briefing), the papermill batch and the HTML export.

The names below load on first use (PEP 562): `reportkit briefings` imports the batch, which
needs none of the views (and the analysis, scipy and pandera behind them) to plan a run.
"""
from reportkit.lazy import exports

_HOMES = {"run_briefings": "batch", "method_line": "methods_view",
          "show_area_grades": "methods_view", "show_area_grid": "methods_view",
          "show_methods": "methods_view", "show_status": "methods_view"}

__all__ = ["method_line", "run_briefings", "show_area_grades", "show_area_grid", "show_methods",
           "show_status"]

__getattr__, __dir__ = exports(__name__, _HOMES)
