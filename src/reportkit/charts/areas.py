"""Charts of the method used since April 2024: a force-by-area heatmap of grades, and each
recommendation's status as a step line over time.

The heatmap shows area grades only, on the five-point scale it names in its legend; case-grade
shares have their own charts (plots.grade_distribution) and never share an axis with it.
"""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from reportkit import forces
from reportkit.analysis.areas import area_grid
from reportkit.analysis.status import status_history, status_spans
from reportkit.charts import style
from reportkit.charts.style import GRADE_COLOURS, OKABE_ITO
from reportkit.vocabulary import (
    AREA_SCALE,
    GRADED_AREA_WORDS,
    GRADED_AREAS,
    REC_STATUS_WORDS,
    REC_STATUSES,
    STATUS_SOURCE_WORDS,
    label,
)

AREA_SOURCE = "Source: HMICFRS reports graded under the method used since April 2024, extracted by reportkit"
STATUS_SOURCE = ("Source: the inspectorate's recommendation tracker, follow-up reports and "
                 "commissioners' letters, extracted by reportkit")
# a status's height inside its row: further along is higher; superseded sits apart, at the top
_LEVEL = {"no_progress": 0.0, "awaiting_review": 1.0, "being_progressed": 2.0, "complete": 3.0,
          "superseded": 3.6}
_STATUS_COLOURS = {"complete": OKABE_ITO["blue"], "being_progressed": OKABE_ITO["sky"],
                   "awaiting_review": OKABE_ITO["yellow"], "no_progress": OKABE_ITO["vermillion"],
                   "superseded": OKABE_ITO["grey"]}
_MARKERS = {"tracker": "o", "review": "s", "letter": "^"}


def _empty(ax, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#444444",
            transform=ax.transAxes, wrap=True)


def _legend(ax, handles: list, title: str) -> None:
    """Beside the chart on a laptop; under it, in columns, on a phone (no room beside)."""
    if style.is_narrow():
        ax.legend(handles=handles, title=title, loc="upper center", bbox_to_anchor=(0.5, -0.18),
                  ncol=2, frameon=False, fontsize=7.5, title_fontsize=8)
    else:
        ax.legend(handles=handles, title=title, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  frameon=False, fontsize=8.5, title_fontsize=9)


def _force_label(r: pd.Series) -> str:
    when = pd.Timestamp(r["published"]).year if pd.notna(r["published"]) else "undated"
    name = f"{forces.display_name(str(r['force']))} ({when})"
    if isinstance(r["counts_only"], str):
        name += "\n" + textwrap.fill(f"counts only: {r['counts_only']}", 24 if style.is_narrow() else 60)
    return textwrap.fill(name, 18) if style.is_narrow() and "\n" not in name else name


@style.styled
def area_heatmap(tables: dict, ax=None):
    """Forces down, the five areas across, each cell the grade of the force's latest report that
    grades areas; the legend states the five-point scale, best first."""
    grid = area_grid(tables)
    fig, ax = style.figure(11, 1.8 + 0.6 * max(len(grid), 2), ax=ax)
    if grid.empty:
        _empty(ax, "No report in the corpus grades the five areas.")
        return style.finish(fig, "No area grades to compare", AREA_SOURCE)
    codes = np.array([[AREA_SCALE.index(g) if isinstance(g, str) else np.nan for g in grid[a]]
                      for a in GRADED_AREAS]).T
    cmap = ListedColormap([GRADE_COLOURS[g] for g in AREA_SCALE]).with_extremes(bad="#EEEEEE")
    ax.imshow(np.ma.masked_invalid(codes), cmap=cmap, aspect="auto",
              norm=BoundaryNorm(np.arange(-0.5, len(AREA_SCALE)), cmap.N))
    for (y, x), v in np.ndenumerate(codes):
        word = "not named" if np.isnan(v) else label(AREA_SCALE[int(v)]).replace(" ", "\n")
        dark = not np.isnan(v) and AREA_SCALE[int(v)] in ("outstanding", "good", "inadequate")
        ax.text(x, y, word, ha="center", va="center", fontsize=9, color="white" if dark else "black")
    ax.set_xticks(range(len(GRADED_AREAS)), [textwrap.fill(label(a, GRADED_AREA_WORDS), 12, break_long_words=False)
                                             for a in GRADED_AREAS])
    ax.set_yticks(range(len(grid)), [_force_label(r) for _, r in grid.iterrows()])
    ax.grid(False)
    ax.tick_params(length=0)
    _legend(ax, [Patch(color=GRADE_COLOURS[g], label=label(g)) for g in AREA_SCALE],
            "Five-point scale, best first")
    return style.finish(fig, "Area grades: each force's latest report under the 2024 method",
                        AREA_SOURCE, "One row per force (the year of the report in brackets); "
                        "area grades only, never case-grade shares")


@style.styled
def status_steps(tables: dict, force: str, ax=None):
    """One row per recommendation: its status as a step line from its report's publication to
    the latest source, higher in the row when further along (scale in the legend)."""
    slug = forces.resolve(force)
    name = forces.display_name(slug)
    spans = status_spans(status_history(tables, slug))
    rows = list(dict.fromkeys(spans["row"])) if len(spans) else []
    fig, ax = style.figure(11, 1.8 + 0.55 * max(len(rows), 2), ax=ax)
    if not rows:
        _empty(ax, "No recommendation status in the corpus for this force.")
        return style.finish(fig, f"{name}: no recommendation statuses to show", STATUS_SOURCE)
    for i, row in enumerate(rows):
        _draw_row(ax, i, spans[spans["row"] == row])
    labels = [spans[spans["row"] == r]["label"].iloc[0] for r in rows]
    ax.set_yticks([i + 0.4 for i in range(len(rows))], labels)
    ax.set_ylim(len(rows) + 0.1, -0.3)
    ax.xaxis.set_major_locator(mdates.YearLocator())
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
    ax.grid(axis="x", color="#EEEEEE")
    ax.grid(axis="y", visible=False)
    _legend(ax, _status_legend(spans), "Status (higher in a row = further along)")
    return style.finish(fig, f"{name}: each recommendation's status over time", STATUS_SOURCE,
                        "Grey: published, no status stated yet. Marker: the source of each status")


def _y(i: int, status) -> float:
    """Inside row i (0.8 tall): complete at the top, no progress at the bottom."""
    level = _LEVEL.get(str(status), 0.0) if status is not None else 0.0
    return i + 0.8 - 0.8 * level / 3.6


def _draw_row(ax, i: int, steps: pd.DataFrame) -> None:
    xs, ys = [], []
    for s in steps.itertuples():
        a, b = mdates.date2num(pd.Timestamp(s.start)), mdates.date2num(pd.Timestamp(s.end))
        if s.status is None or (isinstance(s.status, float) and np.isnan(s.status)):
            ax.plot([a, b], [i + 0.4, i + 0.4], color="#BBBBBB", linewidth=1.5, linestyle=":")
            ax.plot([a], [i + 0.4], marker="|", color="#777777", markersize=10)
            continue
        y = _y(i, s.status)
        xs += [a, b]
        ys += [y, y]
        ax.scatter([a], [y], marker=_MARKERS.get(s.source, "o"), s=45, zorder=3,
                   color=_STATUS_COLOURS[s.status], edgecolor="#333333", linewidth=0.6)
    ax.plot(xs, ys, color="#333333", linewidth=1.4, zorder=2)
    ax.axhline(i + 0.9, color="#DDDDDD", linewidth=0.6)


def _status_legend(spans: pd.DataFrame) -> list:
    shown = set(spans["status"].dropna())
    handles: list = [Patch(color=_STATUS_COLOURS[s], label=label(s, REC_STATUS_WORDS))
                     for s in REC_STATUSES if s in shown]
    handles += [Line2D([], [], marker=_MARKERS[src], linestyle="", color="#555555",
                       label=label(src, STATUS_SOURCE_WORDS))
                for src in _MARKERS if src in set(spans["source"])]
    return handles
