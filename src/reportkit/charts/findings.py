"""Findings charts: the areas most often of concern across forces, and one area force by force.

Both take the tables first and ``ax=None`` last (draw into an axes of your own figure) and return
the Figure, titled by what it shows, in the house style (style.py).
"""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import FixedFormatter, FixedLocator

from reportkit import forces
from reportkit.analysis.findings import forces_by_area, national_concerns
from reportkit.charts import style
from reportkit.vocabulary import AREA_WORDS, label

CONCERN_COLOUR = style.OKABE_ITO["vermillion"]
STRENGTH_COLOUR = style.OKABE_ITO["blue"]
SOURCE = ("Source: HMIC/HMICFRS reports, each force's latest report with findings; findings read "
          "by reportkit (a summary restating a finding counted once)")

__all__ = ["area_concerns", "area_by_force", "areas_by_force"]


def _finish(fig, ax, title: str):
    """style.finish, then forget that ``ax`` was the caller's: finish titles the first such axes
    of a figure, so a second chart drawn into the same figure would retitle the first."""
    style.finish(fig, _plain(title), SOURCE)
    if hasattr(ax, "_reportkit_borrowed"):
        del ax._reportkit_borrowed
    return fig


def _plain(text: str) -> str:
    """Text drawn as text: a '$' would start matplotlib's maths mode."""
    return str(text).replace("$", r"\$")


@style.styled
def area_concerns(tables: dict, ax=None):
    """Areas by the number of forces whose latest report states a concern in them."""
    table = national_concerns(tables)
    fig, ax = style.figure(9, 1.6 + 0.42 * max(len(table), 2), ax=ax)
    if table.empty:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "No findings in the corpus.", ha="center", va="center",
                transform=ax.transAxes)
        return _finish(fig, ax, "No findings to chart")
    y = np.arange(len(table))
    ax.barh(y, table["forces_with_findings"], color="#DDDDDD", label="Forces with findings in the area")
    ax.barh(y, table["forces_with_concern"], color=CONCERN_COLOUR, label="Forces with a concern")
    ax.set_yticks(y, [_plain(label(a, AREA_WORDS)) for a in table["area"]])
    ax.invert_yaxis()
    ax.set_xlabel("Forces (latest report of each)")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right")
    top = table.iloc[0]
    title = (f"{label(top['area'], AREA_WORDS)} was a concern for {int(top['forces_with_concern'])} "
             f"of {int(top['forces_with_findings'])} forces with findings in it")
    return _finish(fig, ax, title)


@style.styled
def area_by_force(tables: dict, area: str, ax=None):
    """For one area: each force's strengths and concerns in its latest report."""
    table = forces_by_area(tables, area)
    words = label(area, AREA_WORDS)
    fig, ax = style.figure(9, 1.6 + 0.36 * max(len(table), 2), ax=ax)
    if table.empty:
        ax.set_axis_off()
        return _finish(fig, ax, f"{words}: no findings to chart")
    y = np.arange(len(table))
    ax.barh(y - 0.18, table["concerns"], height=0.36, color=CONCERN_COLOUR, label="Concerns")
    ax.barh(y + 0.18, table["strengths"], height=0.36, color=STRENGTH_COLOUR, label="Strengths")
    names = [_plain(forces.display_name(f)) for f in table["force"]]
    if not _has_ticks(ax.yaxis, y, names):  # panels sharing a y axis: set once, not per panel
        ax.set_yticks(y, names)
    if not ax.yaxis_inverted():  # panels share their y axis: invert it once
        ax.invert_yaxis()
    ax.set_xlabel("Findings in the force's latest report")
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right")
    n = int((table["concerns"] > 0).sum())
    return _finish(fig, ax, f"{words}: a concern in {n} of {len(table)} forces' latest reports")


def _has_ticks(axis, where, names: list[str]) -> bool:
    """Whether ``axis`` already has exactly these ticks and labels (set through a shared axis)."""
    locator, formatter = axis.get_major_locator(), axis.get_major_formatter()
    return (isinstance(locator, FixedLocator) and isinstance(formatter, FixedFormatter)
            and np.array_equal(getattr(locator, "locs", ()), where)
            and list(formatter.seq) == names)


@style.styled
def areas_by_force(tables: dict, columns: int = 3):
    """A chart per area (the areas most often of concern first), each force's concerns and
    strengths in its latest report: one figure of small panels."""
    chosen = list(national_concerns(tables)["area"])
    rows = max(1, -(-len(chosen) // columns))
    n_forces = max(len(forces_by_area(tables, chosen[0])) if chosen else 1, 2)
    fig, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, (0.8 + 0.3 * n_forces) * rows + 0.4),
                             squeeze=False, sharex=True, sharey=True)
    for i, (ax, area) in enumerate(zip(axes.flat, chosen, strict=False)):
        area_by_force(tables, area, ax=ax)
        ax.set_title(_plain(label(area, AREA_WORDS)), loc="left", fontsize=10)
        ax.set_xlabel("")
        ax.tick_params(labelleft=i % columns == 0)
        if ax.get_legend():
            ax.get_legend().remove()
    for ax in list(axes.flat)[len(chosen):]:
        ax.set_axis_off()
    handles, names = axes.flat[0].get_legend_handles_labels()
    if handles:
        fig.legend(handles, names, loc="lower right", ncol=2, frameon=False)
    title = "Concerns and strengths by area, force by force" if chosen else "No findings to chart"
    return style.finish(fig, title, SOURCE, "Each panel is an area; bars count findings in each "
                        "force's latest report")
