"""The house style: one colour-blind-safe palette (Okabe-Ito), a fixed colour per grade, and saving.

Every chart in reportkit is drawn inside ``house_style()`` and ends with ``finish()``, so a reader
meets the same colours, fonts and source line everywhere. Importing this module changes nothing
global: no backend switch (batch workers set ``MPLBACKEND=Agg``), no style outside the context.
"""
from __future__ import annotations

import functools
import os
import textwrap
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import matplotlib.pyplot as plt
import seaborn as sns

from reportkit import config
from reportkit.tables.atomic import atomic_path
from reportkit.vocabulary import GRADE_WORDS, RATING_WORDS, label

# Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
OKABE_ITO = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
    "grey": "#999999",
}

# Fixed colour per grade in every chart: good is blue, bad is vermillion, the middle is warm.
GRADE_COLOURS = {
    "outstanding": OKABE_ITO["green"],
    "good": OKABE_ITO["blue"],
    "adequate": OKABE_ITO["sky"],
    "requires_improvement": OKABE_ITO["orange"],
    "inadequate": OKABE_ITO["vermillion"],
    "requires_improvement_or_inadequate": OKABE_ITO["purple"],
    "not_stated": "#DDDDDD",
}
OTHER_GRADE_COLOUR = "#BBBBBB"  # a label outside the known scales
GRADE_LABELS = {g: label(g, GRADE_WORDS) for g in GRADE_WORDS}  # from reportkit.vocabulary


def grade_colour(grade: str) -> str:
    return GRADE_COLOURS.get(grade, OTHER_GRADE_COLOUR)


def grade_label(grade: str) -> str:
    return label(grade, GRADE_WORDS)

RATING_COLOURS = {
    "achieved": OKABE_ITO["blue"],
    "good_progress": OKABE_ITO["sky"],
    "some_progress": OKABE_ITO["yellow"],
    "limited_progress": OKABE_ITO["orange"],
    "no_progress": OKABE_ITO["vermillion"],
    "not_assessed": OKABE_ITO["grey"],
    "not_followed_up": "#DDDDDD",
}
RATING_LABELS = {r: label(r, RATING_WORDS) for r in RATING_WORDS}

EVENT_COLOURS = {
    "fieldwork": OKABE_ITO["grey"],
    "published": OKABE_ITO["blue"],
    "action_plan_due": OKABE_ITO["purple"],
    "response_published": OKABE_ITO["green"],
    "press_published": OKABE_ITO["orange"],
    "response_window": OKABE_ITO["yellow"],
}

SOURCE_DEFAULT = "Source: HMIC/HMICFRS reports, press and PCC documents, extracted by reportkit"


HOUSE_RC: dict[str, Any] = {
    "font.family": "DejaVu Sans", "figure.dpi": 100, "savefig.dpi": 150, "axes.titlesize": 13,
    "axes.titleweight": "bold", "axes.titlelocation": "left", "axes.labelsize": 10,
    "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9, "legend.frameon": False,
    "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "none",
}


@contextmanager
def house_style():
    """The house style for the figures made inside the block; the caller's settings come back after."""
    with plt.rc_context(), sns.axes_style("whitegrid"), sns.plotting_context("notebook"):
        plt.rcParams.update(cast(Any, HOUSE_RC))  # str keys: mpl's stubs want its Literal
        yield


def styled(chart):
    """Draw ``chart`` inside ``house_style()``: the decorator every public chart function wears."""
    @functools.wraps(chart)
    def wrapper(*args, **kwargs):
        with house_style():
            return chart(*args, **kwargs)
    return wrapper


def figure(width: float = 9.0, height: float = 4.5, ax=None, **kwargs):
    """A new figure and axes, or the caller's ``ax`` and its figure (then ``finish`` titles the axes
    and leaves the caller's layout alone)."""
    if ax is not None:
        ax._reportkit_borrowed = True
        return ax.figure, ax
    return plt.subplots(figsize=(width, height), **kwargs)


def finish(fig, title: str, source: str = SOURCE_DEFAULT, subtitle: str | None = None):
    """Title that states the finding, an optional subtitle, and the source line under the chart.

    Positions are in inches so that short and tall figures get the same spacing; long titles wrap
    to the figure's width instead of widening the saved image.
    """
    borrowed = next((a for a in fig.axes if getattr(a, "_reportkit_borrowed", False)), None)
    if borrowed is not None:  # drawn into the caller's axes: title them, keep their figure as it is
        borrowed.set_title(textwrap.fill(title, 60), loc="left", fontsize=11)
        return fig
    height, width = fig.get_figheight(), fig.get_figwidth()
    title = textwrap.fill(title, max(30, int(width * 8.6)))
    # fig.text, not suptitle: tight_layout would make room for a suptitle a second time
    fig.text(0.01, 1 - 0.12 / height, title, ha="left", va="top", fontsize=13, fontweight="bold")
    head = 0.2 + 0.25 * (title.count("\n") + 1)
    if subtitle:
        subtitle = textwrap.fill(subtitle, max(40, int(width * 13)))
        fig.text(0.01, 1 - head / height, subtitle, ha="left", va="top", fontsize=9.5,
                 color="#444444")
        head += 0.1 + 0.18 * (subtitle.count("\n") + 1)
    fig.text(0.01, 0.06 / height, source, ha="left", va="bottom", fontsize=8, color="#555555",
             linespacing=1.3)
    foot = 0.12 + 0.16 * (source.count("\n") + 1)
    fig.tight_layout(rect=(0, foot / height, 1, 1 - head / height))
    return fig


def save(fig, stem: str, folder: str | os.PathLike | None = None) -> list[Path]:
    """Write ``stem.png`` and ``stem.svg`` atomically (temp file then rename); return both paths."""
    out = Path(folder) if folder is not None else config.FIGURES_DIR
    written = []
    for ext in ("png", "svg"):
        target = out / f"{stem}.{ext}"
        with house_style(), atomic_path(target) as tmp:
            fig.savefig(tmp, format=ext, bbox_inches="tight")
        written.append(target)
    return written
