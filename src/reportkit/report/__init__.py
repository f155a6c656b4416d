"""Stage 6, report: what notebooks call (briefing), the papermill batch and the HTML export.

The names below load on first use (PEP 562): `reportkit briefings` imports the batch, which
needs none of the views (and the analysis, scipy and pandera behind them) to plan a run.
"""
from importlib import import_module

_HOMES = {"run_briefings": "batch", "method_line": "methods_view",
          "show_area_grades": "methods_view", "show_area_grid": "methods_view",
          "show_methods": "methods_view", "show_status": "methods_view"}

__all__ = ["method_line", "run_briefings", "show_area_grades", "show_area_grid", "show_methods",
           "show_status"]


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value  # once loaded, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
