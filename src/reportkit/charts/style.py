"""The house style: one colour-blind-safe palette (Okabe-Ito), a fixed colour per grade, and saving.

Every chart in reportkit is drawn inside ``house_style()`` and ends with ``finish()``, so a reader
meets the same colours, fonts and source line everywhere. Importing this module changes nothing
global: no backend switch (batch workers set ``MPLBACKEND=Agg``), no style outside the context.
"""
from __future__ import annotations

import base64
import contextvars
import functools
import html
import io
import os
import textwrap
import zlib
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import matplotlib.pyplot as plt
from matplotlib.text import Text

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


# seaborn's "whitegrid" style at its "notebook" scale, written out: the look the charts were
# designed in, without importing seaborn (half a second) into every kernel that draws one.
WHITEGRID_RC: dict[str, Any] = {
    "figure.facecolor": "white", "axes.facecolor": "white", "axes.edgecolor": ".8",
    "axes.labelcolor": ".15", "text.color": ".15", "xtick.color": ".15", "ytick.color": ".15",
    "xtick.direction": "out", "ytick.direction": "out", "axes.axisbelow": True,
    "axes.grid": True, "grid.color": ".8", "grid.linestyle": "-",
    "font.family": ["sans-serif"],
    "font.sans-serif": ["Arial", "DejaVu Sans", "Liberation Sans", "Bitstream Vera Sans",
                        "sans-serif"],
    "lines.solid_capstyle": "round", "patch.edgecolor": "w", "patch.force_edgecolor": True,
    "xtick.top": False, "ytick.right": False, "xtick.bottom": False, "ytick.left": False,
    "axes.spines.left": True, "axes.spines.bottom": True, "axes.spines.right": True,
    "axes.spines.top": True,
    "axes.linewidth": 1.25, "grid.linewidth": 1, "lines.linewidth": 1.5, "lines.markersize": 6,
    "patch.linewidth": 1, "xtick.major.width": 1.25, "ytick.major.width": 1.25,
    "xtick.minor.width": 1, "ytick.minor.width": 1, "xtick.major.size": 6,
    "ytick.major.size": 6, "xtick.minor.size": 4, "ytick.minor.size": 4, "font.size": 12,
    "axes.labelsize": 12, "axes.titlesize": 12, "xtick.labelsize": 11, "ytick.labelsize": 11,
    "legend.fontsize": 11, "legend.title_fontsize": 12,
}

HOUSE_RC: dict[str, Any] = {
    "font.family": "DejaVu Sans", "figure.dpi": 100, "savefig.dpi": 150, "axes.titlesize": 13,
    "axes.titleweight": "bold", "axes.titlelocation": "left", "axes.labelsize": 10,
    "xtick.labelsize": 9, "ytick.labelsize": 9, "legend.fontsize": 9, "legend.frameon": False,
    "axes.spines.top": False, "axes.spines.right": False, "svg.fonttype": "none",
    # Labels quote documents: "$5m ... $10m" must print as written, never as a formula.
    "text.parse_math": False,
}

# ---- phone width --------------------------------------------------------------------------------
# A chart drawn 10 inches wide and shrunk to a phone's 360 px has 4 px text. So every chart is
# drawn a second time, narrow, and the page picks the one that fits (see chart_html).
PHONE_WIDTH = 4.2  # inches: 420 CSS px, shown at about 360 px, so 8 pt text stays near 10 px
PHONE_DPI = 150  # drawn at 1.5x for sharp text on high-density screens
PHONE_MAX_PX = 640  # the page's breakpoint: at or below this width it shows the narrow chart
_NARROW: contextvars.ContextVar[bool] = contextvars.ContextVar("reportkit_narrow", default=False)


@contextmanager
def narrow():
    """Charts made inside the block are laid out for a phone's width."""
    token = _NARROW.set(True)
    try:
        yield
    finally:
        _NARROW.reset(token)


def is_narrow() -> bool:
    store = _MEMO.get()
    if store is not None:  # the chart being drawn has a phone layout: see styled()
        store[_ASKED] = True
    return _NARROW.get()


def above_axes() -> dict:
    """Where a legend above the axes goes: centred on a laptop; on a phone, flush with the axes'
    right edge, so it runs left over the space above the labels instead of out of the chart."""
    if is_narrow():
        return {"loc": "lower right", "bbox_to_anchor": (1.0, 1.0)}
    return {"loc": "lower center", "bbox_to_anchor": (0.5, 1.0)}


def columns(n: int, phone: int = 2) -> int:
    """Legend columns: as many as asked for on a laptop, at most ``phone`` on a phone."""
    return max(1, min(n, phone) if is_narrow() else n)


@contextmanager
def house_style():
    """The house style for the figures made inside the block; the caller's settings come back after."""
    with plt.rc_context():
        plt.rcParams.update(cast(Any, {**WHITEGRID_RC, **HOUSE_RC}))  # mpl's stubs want Literals
        yield


def styled(chart=None, *, phone: bool = True):
    """Draw ``chart`` inside ``house_style()``: the decorator every public chart function wears.

    The figure remembers how it was made (``_reportkit_remake``), so ``chart_html`` can draw it
    again at a phone's width; ``phone=False`` for figures that are pictures of a fixed shape.
    """
    if chart is None:
        return functools.partial(styled, phone=phone)

    @functools.wraps(chart)
    def wrapper(*args, **kwargs):
        store = _MEMO.get()
        token = None
        if store is None:  # a first drawing gets a store; a remake reuses its chart's
            store = {}
            token = _MEMO.set(store)
        try:
            with house_style():
                fig = chart(*args, **kwargs)
            if phone and kwargs.get("ax") is None:
                # a chart that never asked is_narrow() would come out the same at a phone's
                # width: chart_html prints this figure again at the phone's resolution instead
                fig._reportkit_remake = (functools.partial(_remake, wrapper, store, args, kwargs)
                                         if store.get(_ASKED) else SAME_LAYOUT)
        finally:
            if token is not None:
                _MEMO.reset(token)
        return fig
    return wrapper


_ASKED = "asked is_narrow"  # a key of a chart's store (the memo's keys are tuples)
SAME_LAYOUT = "same layout"  # a figure's _reportkit_remake when narrow would change nothing


def _remake(chart, store: dict, args: tuple, kwargs: dict):
    token = _MEMO.set(store)
    try:
        return chart(*args, **kwargs)
    finally:
        _MEMO.reset(token)


# What a chart computes from the tables, kept for its phone version: the analysis is the same at
# both widths and costs as much as the drawing.
_MEMO: contextvars.ContextVar[dict | None] = contextvars.ContextVar("reportkit_memo",
                                                                     default=None)


def memo(fn, tables, *args):
    """``fn(tables, *args)``, computed once per chart and reused when it is drawn again narrow.
    Callers treat the result as read-only."""
    store = _MEMO.get()
    if store is None:
        return fn(tables, *args)
    key = (fn, id(tables), *args)
    if key not in store:
        store[key] = fn(tables, *args)
    return store[key]


def figure(width: float = 9.0, height: float = 4.5, ax=None, **kwargs):
    """A new figure and axes, or the caller's ``ax`` and its figure (then ``finish`` titles the axes
    and leaves the caller's layout alone). On a phone the width is PHONE_WIDTH and the height
    grows a little, for the wrapped title and labels."""
    if ax is not None:
        ax._reportkit_borrowed = True
        return ax.figure, ax
    if is_narrow():
        width, height = PHONE_WIDTH, height * 1.25 + 0.6
    return plt.subplots(figsize=(width, height), **kwargs)


def plain(fig) -> None:
    """No text in ``fig`` (a figure, or any artist) is read as mathtext, whatever rcParams it was
    made under."""
    for text in fig.findobj(Text):
        text.set_parse_math(False)


def finish(fig, title: str, source: str = SOURCE_DEFAULT, subtitle: str | None = None):
    """Title that states the finding, an optional subtitle, and the source line under the chart.

    Positions are in inches so that short and tall figures get the same spacing; long titles wrap
    to the figure's width instead of widening the saved image.
    """
    fig._reportkit_title = " ".join(title.split())  # the picture's alt text in a page
    borrowed = next((a for a in fig.axes if getattr(a, "_reportkit_borrowed", False)), None)
    if borrowed is not None:  # drawn into the caller's axes: title them, keep their figure as it is
        borrowed.set_title(textwrap.fill(title, 60), loc="left", fontsize=11)
        plain(borrowed)  # its own axes only: a figure of many panels would be walked per panel
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
    source = "\n".join(textwrap.fill(line, max(40, int(width * 15)))
                       for line in source.splitlines())
    fig.text(0.01, 0.06 / height, source, ha="left", va="bottom", fontsize=8, color="#555555",
             linespacing=1.3)
    foot = 0.12 + 0.16 * (source.count("\n") + 1)
    fig.tight_layout(rect=(0, foot / height, 1, 1 - head / height))
    plain(fig)
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


# ---- charts in a page ---------------------------------------------------------------------------

PAGE_COLOURS = 96  # a chart has a dozen colours and their anti-aliased edges: a palette holds them


def _png_uri(fig, dpi: int) -> str:
    """The figure as a palette PNG in a data URI: a third of the bytes of a full-colour one."""
    from PIL import Image

    small = _tight_picture(fig, dpi).quantize(PAGE_COLOURS, Image.Quantize.FASTOCTREE)
    out = io.BytesIO()
    # zlib level 8 with the "filtered" strategy: within 0.2% of level 9's bytes, a third the time
    small.save(out, format="PNG", compress_level=8, compress_type=zlib.Z_FILTERED)
    return "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def _tight_picture(fig, dpi: int):
    """What ``savefig(bbox_inches="tight")`` shows, drawn once. Given "tight", savefig draws the
    figure twice, once to measure it; text is most of a drawing's cost, and measuring text needs
    no drawing (``finish`` has already laid the figure out), so the box is measured first and
    handed to savefig. The pixels come back raw: no PNG written only to be read again."""
    from PIL import Image

    before = fig.dpi
    fig.dpi = dpi  # text is measured at the resolution it is drawn at, as savefig does
    try:
        box = fig.get_tightbbox(fig.canvas.get_renderer())
    finally:
        fig.dpi = before
    box = box.padded(float(plt.rcParams["savefig.pad_inches"]))
    buf = io.BytesIO()
    fig.savefig(buf, format="rgba", dpi=dpi, bbox_inches=box)
    raw = buf.getvalue()
    # the canvas is the box in pixels, truncated; a size a hair under a whole number may have
    # come out whole, so both readings are tried against the bytes
    sizes = {(int(w), int(h)) for w in (box.width * dpi, box.width * dpi + 1e-6)
             for h in (box.height * dpi, box.height * dpi + 1e-6)}
    fits = [size for size in sorted(sizes) if 4 * size[0] * size[1] == len(raw)]
    if len(fits) == 1:
        return Image.frombuffer("RGBA", fits[0], raw, "raw", "RGBA", 0, 1).convert("RGB")
    buf = io.BytesIO()  # no single size fits the bytes: let PNG carry the size
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches=box, pil_kwargs={"compress_level": 1})
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def chart_html(fig, alt: str | None = None, dpi: int = 100) -> str:
    """A figure as an embedded picture that fits a laptop and a phone; the figures are closed.

    A chart made by a ``styled`` function is drawn again at PHONE_WIDTH for narrow screens; the
    browser loads only the one it shows. Printing uses the laptop chart.
    """
    alt = alt or getattr(fig, "_reportkit_title", None) or "Chart"
    wide = _png_uri(fig, dpi)
    remake = getattr(fig, "_reportkit_remake", None)
    phone = None
    if remake == SAME_LAYOUT:  # no phone layout: the very figure, at the phone's resolution
        phone = _png_uri(fig, PHONE_DPI)
    plt.close(fig)
    if callable(remake):
        with narrow():
            small = remake()
        phone = _png_uri(small, PHONE_DPI)
        plt.close(small)
    source = "" if phone is None else (f'<source media="(max-width: {PHONE_MAX_PX}px)" '
                                       f'srcset="{phone} {PHONE_DPI / 100:g}x">')
    return (f'<figure class="rk-chart"><picture>{source}<img src="{wide}" '
            f'alt="{html.escape(alt, quote=True)}"></picture></figure>')
