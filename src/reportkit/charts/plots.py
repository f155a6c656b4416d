"""Every chart in reportkit: one house style (style.py), a title that states the finding.

Each function takes the tables first and ``ax=None`` last (draw into an axes of your own figure) and
returns the matplotlib Figure, which JupyterLab shows like any other; ``save(fig, stem)`` writes PNG
and SVG atomically.
"""
from __future__ import annotations

import textwrap

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from reportkit import config, forces
from reportkit.analysis.comparison import compare
from reportkit.analysis.national import corpus_forces, national_grades, national_progress
from reportkit.analysis.progress import progress_table
from reportkit.analysis.timeliness import bounds, force_events, lag_spread, lag_table
from reportkit.charts import style
from reportkit.charts.style import GRADE_COLOURS, RATING_COLOURS, RATING_LABELS, save
from reportkit.read import highlighted_region
from reportkit.vocabulary import (
    ASSESSOR_WORDS,
    EVENT_WORDS,
    KIND_SHORT_WORDS,
    SUBSET_WORDS,
    VIEW_WORDS,
    date_words,
    label,
    words,
)

__all__ = ["grade_distribution", "recommendation_progress", "force_timeline", "lag_across_forces",
           "evidence_snippet", "national_view", "save"]



def _when(ts, precision: str | None = "day") -> str:
    return date_words(ts, precision, short=True, missing="undated")


def _empty(ax, message: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=11, color="#444444",
            transform=ax.transAxes, wrap=True)


# ---- grade distribution -------------------------------------------------------------------------

MARKS = ("*", "\u2020", "\u2021", "\u00a7", "\u00b6")  # *, dagger, double dagger, section, pilcrow


def _mark(note: str, notes: list[str]) -> str:
    """Each distinct footnote gets its own marker, so a reader can tell which note a bar has."""
    i = notes.index(note)
    return MARKS[i] if i < len(MARKS) else f"({i + 1})"


def _bar_label(r: pd.Series, notes: list[str]) -> str:
    who = words(r["assessor"], ASSESSOR_WORDS)
    subset = words(r["subset"], SUBSET_WORDS)
    flag = f" {_mark(r['flag'], notes)}" if r["flag"] else ""
    return (f"{_when(r['published'], 'month')} {KIND_SHORT_WORDS.get(r['kind'], r['kind'])}, "
            f"graded by the {who}\n{subset} (n={r['n']:g}){flag}")


def _derived(seg) -> bool:
    """A count the report does not state (a remainder, or worked out from a share)."""
    return str(seg.get("basis", "stated")) == "derived"


def _segment_text(seg) -> str:
    """A stated count as the count; a derived one as the share, which is what the report gave."""
    return f"{seg['share']:.0%}" if _derived(seg) else f"{seg['cases']:g}"


_BAR_HEIGHT = {False: 0.6, True: 0.45}  # by is_narrow(): a phone's bar leaves room for its label


def _draw_bar(ax, y: int, bar: pd.DataFrame) -> None:
    left = 0.0
    room = 0.09 if style.is_narrow() else 0.05  # narrower bars need a wider segment for a label
    for _, seg in bar.iterrows():
        ax.barh(y, seg["share"], left=left, color=style.grade_colour(seg["grade"]),
                height=_BAR_HEIGHT[style.is_narrow()], edgecolor="white", linewidth=0.8)
        if seg["share"] >= room:
            dark = seg["grade"] in ("good", "inadequate", "outstanding")
            ax.text(left + seg["share"] / 2, y, _segment_text(seg), ha="center", va="center",
                    fontsize=9, color="white" if dark else "black")
        left += seg["share"]
    _draw_intervals(ax, y, bar)


INTERVAL_GRADES = ("good", "inadequate")  # the shares whose 95% interval a bar carries


def _draw_intervals(ax, y: int, bar: pd.DataFrame) -> None:
    """Whiskers just under the bar, one per end segment that is good or inadequate.

    A share is measured from its own end of the bar (good from the left edge, inadequate from the
    right edge when it sits there), so each whisker spans where that segment's inner edge could
    be; the legend says so, and each whisker has the colour of its grade.
    """
    below = y + _BAR_HEIGHT[style.is_narrow()] / 2 + 0.08  # under the bar (y axis inverted)
    kw = {"fmt": "none", "capsize": 2.5, "lw": 1.3}
    first, last = bar.iloc[0], bar.iloc[-1]
    if first["grade"] in INTERVAL_GRADES:
        ax.errorbar(first["share"], below, xerr=[[first["share"] - first["ci_low"]],
                                                 [first["ci_high"] - first["share"]]],
                    ecolor=_whisker(first["grade"]), **kw)
    if len(bar) > 1 and last["grade"] in INTERVAL_GRADES:
        ax.errorbar(1 - last["share"], below, xerr=[[last["ci_high"] - last["share"]],
                                                    [last["share"] - last["ci_low"]]],
                    ecolor=_whisker(last["grade"]), **kw)


def _whisker(grade: str) -> str:
    return {"good": "#003F63", "inadequate": "#8A3B00"}[grade]  # darker shades of the grade


def _interval_handles(grades: pd.DataFrame) -> list[Artist]:
    shown = set(grades["grade"])
    where = {"good": "from the left", "inadequate": "from its end of the bar"}
    return [Line2D([], [], color=_whisker(g), marker="|", lw=1.3,
                   label=f"95% interval, share {g} ({where[g]})")
            for g in INTERVAL_GRADES if g in shown]


def _change_words(r, word: str) -> str:
    b, f = r["baseline_share"], r["followup_share"]
    if r["fisher_p"] < 0.05:
        return f"the share of {word} cases {'rose' if f > b else 'fell'} from {b:.0%} to {f:.0%}"
    return (f"{f:.0%} of cases {word} at follow-up against {b:.0%} at baseline,"
            " too few cases to show a change")


def _change_title(changes, view: str = "main") -> str | None:
    """The change the bars show (good when both ends state it, else the first graded), and the
    other reading of 'adequate' when it gives another verdict."""
    if changes is None or changes.empty:
        return None
    order = changes.sort_values("grade", key=lambda g: g != "good", kind="stable")
    main = order[order["view"] == view]
    if main.empty:
        return None
    r = main.iloc[0]
    text = _change_words(r, style.grade_label(r["grade"]).lower())
    alt = order[(order["view"] == "adequate_as_good") & (order["grade"] == r["grade"])]
    if view == "main" and len(alt) and (alt.iloc[0]["fisher_p"] < 0.05) != (r["fisher_p"] < 0.05):
        text += "; counting adequate as good, " + _change_words(alt.iloc[0], "good")
    return text


def _latest_claim(grades: pd.DataFrame) -> str:
    """What the latest graded set (the inspectorate's headline subset) says, as the bars show it."""
    mine = grades[grades["assessor"] == "inspectorate"]
    mine = mine if len(mine) else grades
    latest = mine.sort_values(["published", "doc_id"], kind="stable").iloc[-1]
    rows = mine[mine["doc_id"] == latest["doc_id"]]
    subset = "all" if (rows["subset"] == "all").any() else rows.sort_values(
        "n", ascending=False, kind="stable")["subset"].iloc[0]
    rows = rows[rows["subset"] == subset]
    stated = rows[rows["grade"] != "not_stated"]
    if stated.empty:
        return "no case in the corpus has a stated grade"
    pick = next((stated[stated["grade"] == g].iloc[0] for g in ("good", "inadequate")
                 if (stated["grade"] == g).any()), stated.sort_values("cases").iloc[-1])
    word = style.grade_label(pick["grade"]).lower()
    n = pick["n"]
    said = (f"{pick['share']:.0%} of {n:g} cases" if _derived(pick) else
            f"{pick['cases']:g} of {n:g} cases ({pick['share']:.0%})")
    when = f"{_when(pick['published'], 'month')} {KIND_SHORT_WORDS.get(pick['kind'], pick['kind'])}"
    text = f"{said} graded {word} ({when})"
    if (rows["grade"] == "not_stated").any():
        text += "; the rest have no stated grade"
    return text


def _grade_title(name: str, result, grades: pd.DataFrame, view: str = "main") -> str:
    """A title from the bars drawn: the change they show, else what the latest set says."""
    if grades.empty:
        return f"{name}: no graded cases in the corpus"
    return f"{name}: {_change_title(result.changes, view) or _latest_claim(grades)}"


@style.styled
def grade_distribution(tables: dict, force: str, view: str = "main",
                       source: str | None = None, ax=None):
    """100% stacked bars of each graded set of cases, with n, counts and 95% intervals."""
    slug = forces.resolve(force)
    result = style.memo(compare, tables, slug)
    grades = result.grades[result.grades["view"] == view]
    keys = _bar_order(grades)
    phone = style.is_narrow()
    fig, ax = style.figure(10, 2.2 + (0.95 if phone else 0.8) * max(len(keys), 1), ax=ax)
    if not keys:
        _empty(ax, "No graded cases for this force in the corpus.")
    labels = []
    for y, key in enumerate(keys):
        bar = grades[(grades["doc_id"] == key[0]) & (grades["assessor"] == key[1])
                     & (grades["subset"] == key[2])]
        _draw_bar(ax, y, bar)
        labels.append(_bar_label(bar.iloc[0], result.notes))
    if phone:  # a phone has no room beside the bars: each label goes above its bar
        ax.set_yticks([])
        for y, text in enumerate(labels):
            ax.text(0, y - 0.3, text, ha="left", va="bottom", fontsize=8, linespacing=1.1)
        ax.set_ylim(len(keys) - 0.45, -1.05)
    else:
        ax.set_yticks(range(len(keys)), labels)
        ax.invert_yaxis()
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel(textwrap.fill("Share of cases in the set (%); numbers in bars are cases, a % "
                                "in a bar is a share the report gives without a count",
                                45 if phone else 120))
    ax.grid(axis="y", visible=False)
    present = list(dict.fromkeys(grades["grade"]))
    present = [g for g in GRADE_COLOURS if g in present] + [g for g in present
                                                            if g not in GRADE_COLOURS]
    handles: list[Artist] = [Patch(color=style.grade_colour(g), label=style.grade_label(g))
                             for g in present]
    whiskers = _interval_handles(grades)
    if not phone:  # a phone's legend has room for the grades only: the subtitle says the rest
        handles += whiskers
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0),
              ncol=style.columns(min(len(handles), 4)), fontsize=7.5 if phone else 8.5,
              handlelength=1.2, columnspacing=1.0)
    notes = [f"{_mark(f, result.notes)} {f}" for f in result.notes]
    src = "\n".join([*notes, source or style.SOURCE_DEFAULT])
    sub = f"Grades as the report gives them ({_view_words(view)}); baseline at the top"
    if phone and whiskers:
        sub += (". Whiskers: 95% intervals of the share good (dark blue, from the left edge) and "
                "inadequate (dark red, from its end of the bar)")
    return style.finish(fig, _grade_title(forces.display_name(slug), result, grades, view), src,
                        sub)


def _bar_order(grades: pd.DataFrame) -> list[tuple]:
    """Reports in date order; within one, 'all' first, then larger sets, force beside inspectorate."""
    firsts = grades.drop_duplicates(["doc_id", "assessor", "subset"]).copy()
    firsts["is_all"] = firsts["subset"] != "all"
    size = firsts.groupby(["doc_id", "subset"])["n"].transform("max")
    firsts = firsts.assign(size=-size).sort_values(
        ["published", "doc_id", "is_all", "size", "subset", "assessor"], kind="stable")
    return list(zip(firsts["doc_id"], firsts["assessor"], firsts["subset"]))


def _view_words(view: str) -> str:
    return VIEW_WORDS[view]


# ---- recommendation progress --------------------------------------------------------------------

def _rec_label(r: pd.Series) -> str:
    num = "" if pd.isna(r["number"]) else f"R{int(r['number'])} "
    when = "" if pd.isna(r["timescale"]) else f"[{r['timescale']}] "
    text = str(r["text"])
    if when and text.lower().startswith(str(r["timescale"]).lower()):  # said once is enough
        text = text[len(str(r["timescale"])):].lstrip(" ,:;-")
        text = text[:1].upper() + text[1:]
    text = textwrap.shorten(text, 44 if style.is_narrow() else 55, placeholder="...")
    return f"{num}{when}{text}"


def _progress_title(name: str, table: pd.DataFrame) -> str:
    """From the dots drawn: how many were followed up at all, and how many of those stand out."""
    total = len(table)
    rated = table[table["rating"] != "not_followed_up"]
    if rated.empty:
        return f"{name}: none of the {total} recommendations was followed up in the corpus"
    bad = int(rated["stands_out"].sum())
    when = rated["followup_published"].dropna()
    by = f" by the {_when(when.max(), 'month')} follow-up" if len(when) else ""
    waiting = total - len(rated)
    tail = f"; {waiting} {'was' if waiting == 1 else 'were'} not followed up" if waiting else ""
    of = "" if not waiting else " followed up"
    if bad:
        what = f"{len(rated)} recommendations" if not waiting else f"the {len(rated)} recommendations"
        return f"{name}: {bad} of {what}{of} made little or no progress{by}{tail}"
    return (f"{name}: none of the {len(rated)} recommendations{of} was rated as making little or "
            f"no progress{by}{tail}")


@style.styled
def recommendation_progress(tables: dict, force: str, source: str | None = None, ax=None):
    """One dot per recommendation at the progress the latest follow-up gave it."""
    slug = forces.resolve(force)
    table = style.memo(progress_table, tables, slug)
    name = forces.display_name(slug)
    shown = set(table["rating"])
    order = [r for r in RATING_LABELS
             if r not in ("not_assessed", "not_followed_up") or r in shown]
    fig, ax = style.figure(11, 2.2 + 0.42 * max(len(table), 2), ax=ax)
    if table.empty:
        _empty(ax, "No recommendations for this force in the corpus.")
        return style.finish(fig, f"{name}: no recommendations to track", source or
                            style.SOURCE_DEFAULT)
    for y, (_, r) in enumerate(table.iterrows()):
        x = order.index(r["rating"])
        ax.scatter([x], [y], s=150 if r["stands_out"] else 120, zorder=2,
                   color=RATING_COLOURS[r["rating"]], edgecolor="black" if r["stands_out"]
                   else "#555555", linewidth=1.6 if r["stands_out"] else 0.6)
    labels = [_rec_label(r) for _, r in table.iterrows()]
    if style.is_narrow():  # no room beside the dots on a phone: each label above its row
        ax.set_yticks(range(len(table)), [""] * len(table))
        for y, text in enumerate(labels):
            ax.text(-0.45, y - 0.32, text, ha="left", va="bottom", fontsize=8)
        ax.set_ylim(len(table) - 0.4, -0.9)
    else:
        ax.set_yticks(range(len(table)), labels)
        ax.set_ylim(len(table) - 0.4, -0.6)
    ax.set_xticks(range(len(order)), [RATING_LABELS[o].replace(" ", "\n") for o in order])
    ax.set_xlim(-0.5, len(order) - 0.5)
    ax.set_xlabel(textwrap.fill("Progress reported by the latest follow-up (best on the left)",
                                45 if style.is_narrow() else 120))
    ax.grid(axis="y", color="#EEEEEE")
    title = _progress_title(name, table)
    return style.finish(fig, title, source or style.SOURCE_DEFAULT,
                        "Each row is a recommendation of the earlier report, with its time limit")


# ---- timeline per force -------------------------------------------------------------------------

_LANE_EVENTS = {e: label(e, EVENT_WORDS) for e in ("press_published", "response_published")}


def _span(ax, y, start, end, colour, height=0.5, alpha=1.0, label=None):
    width = max((end - start).days, 1)
    ax.barh(y, width, left=mdates.date2num(start), height=height, color=colour, alpha=alpha,
            label=label)


def _draw_report_lane(ax, y: int, ev: pd.DataFrame, rule: str) -> tuple[list, list]:
    """Draw one report's events; return its labels above and below the lane (placed later,
    once the axis limits are known, clear of each other)."""
    get = {e: r for e, r in zip(ev["event"], ev.itertuples())}
    below: list[tuple[float, str]] = []
    if "fieldwork_start" in get or "fieldwork_end" in get:
        a = get.get("fieldwork_start") or get["fieldwork_end"]
        b = get.get("fieldwork_end") or a
        lo, hi = bounds(a.date, a.precision)[0], bounds(b.date, b.precision)[1]
        _span(ax, y, lo, hi, style.EVENT_COLOURS["fieldwork"], 0.45)
        if (hi - lo).days < 20:  # a few days vanish on a multi-year axis: mark them too
            ax.scatter([mdates.date2num(lo + (hi - lo) / 2)], [y], marker="s", s=40,
                       color=style.EVENT_COLOURS["fieldwork"], zorder=3)
        text = _when(b.date, b.precision)
        if b.precision == "day" and a.date != b.date:
            same = a.precision == "day" and a.date.strftime("%m%Y") == b.date.strftime("%m%Y")
            text = f"{a.date.day}-{text}" if same else f"{_when(a.date, a.precision)} - {text}"
        below.append((mdates.date2num(lo), f"fieldwork {text}"))
    pub = get.get("published")
    if pub is not None:
        lo, hi = bounds(pub.date, pub.precision)
        if rule in WINDOW_RULES:
            _span(ax, y, lo, lo + pd.Timedelta(days=config.PCC_RESPONSE_DAYS),
                  style.EVENT_COLOURS["response_window"], 0.7, 0.45)
        if hi > lo:
            _span(ax, y, lo, hi, style.EVENT_COLOURS["published"], 0.45, 0.35)
        ax.scatter([mdates.date2num(lo)], [y], marker="D", s=60, zorder=3,
                   color=style.EVENT_COLOURS["published"])
    due = get.get("action_plan_due")
    if due is not None:
        ax.scatter([mdates.date2num(due.date)], [y], marker="v", s=55, zorder=3,
                   color=style.EVENT_COLOURS["action_plan_due"])
    above = [] if pub is None else [(mdates.date2num(bounds(pub.date, pub.precision)[0]),
                                     _when(pub.date, pub.precision))]
    return above, below


# The reports the 56-day limit applies to: a response met or missed it, its date is too coarse
# to tell, or no formal response was found (the window then shows the time that passed).
WINDOW_RULES = ("met", "missed", "uncertain", "unknown")
LABEL_LEVELS = (10, -17, 21)  # points from the lane: above, below, higher above
LABEL_GAP_PT = 4


def _place_labels(ax, y: float, items: list[tuple[float, str]], levels=LABEL_LEVELS,
                  **style_kw) -> None:
    """Date labels of one lane, none over another: the same date said once ("x2" when it is two
    documents), and a label that would touch its left neighbour moves to the next free level.

    Widths are estimated from the text length (DejaVu Sans is about 0.55 em a character) and the
    axes' width before layout, so the estimate is made generous."""
    merged: dict[tuple[float, str], int] = {}
    for x, text in items:
        merged[(x, text)] = merged.get((x, text), 0) + 1
    fig = ax.figure
    x0, x1 = ax.get_xlim()
    axes_pt = ax.get_position().width * fig.get_figwidth() * 72 * 0.85
    per_pt = (x1 - x0) / axes_pt
    right = {level: -np.inf for level in levels}
    for (x, text), count in sorted(merged.items()):
        text = text if count == 1 else f"{text} \u00d7{count}"
        half = (0.55 * 8 * len(text) / 2 + LABEL_GAP_PT) * per_pt
        level = next((lv for lv in levels if x - half > right[lv]), min(levels, key=lambda lv: right[lv]))
        right[level] = x + half
        # at an end of the axis the label runs inwards, so it never widens the chart
        ha = "right" if x + half > x1 else "left" if x - half < x0 else "center"
        ax.annotate(text, (x, y), xytext=(0, level), textcoords="offset points", ha=ha,
                    va="bottom" if level > 0 else "top", **{"fontsize": 8, **style_kw})


def _timeline_title(name: str, t: pd.DataFrame) -> str:
    latest = t[t["fieldwork_to_publication_min"].notna()].tail(1)
    if latest.empty:
        return f"{name}: publication dates of {len(t)} report(s)"
    r = latest.iloc[0]
    kind = KIND_SHORT_WORDS.get(r["kind"], r["kind"])
    text = f"{name}: the {r['published']:%Y} {kind} came {_days(r, 'fieldwork_to_publication')}"
    text += " after fieldwork"
    if pd.notna(r["publication_to_response_min"]):
        text += f"; the commissioner replied {_days(r, 'publication_to_response')} later"
        if r["rule_56_days"] in ("met", "missed"):
            text += f" ({r['rule_56_days']} the 56-day limit)"
    return text


def _days(r, stem: str) -> str:
    lo, hi = r[f"{stem}_min"], r[f"{stem}_max"]
    return f"{lo:.0f} days" if lo == hi else f"{lo:.0f}-{hi:.0f} days"


def _date_locator(span: pd.Timedelta, most: int):
    """Ticks every 1, 2, 3, 4, 6 or 12 months, or every few years, at most ``most`` of them
    (matplotlib's AutoDateLocator warns, and guesses, on spans its table does not cover)."""
    months = span.days / 30.44
    for step in (1, 2, 3, 4, 6, 12):
        if months / step <= most:
            return mdates.MonthLocator(interval=step) if step < 12 else mdates.YearLocator()
    return mdates.YearLocator(base=int(-(-months // (12 * most))) or 1)


@style.styled
def force_timeline(tables: dict, force: str, source: str | None = None, ax=None):
    """Fieldwork, publication, action plan due, press, response and the 56-day window per report."""
    slug = forces.resolve(force)
    name = forces.display_name(slug)
    t = style.memo(lag_table, tables, slug)
    undated = int(t["published"].isna().sum())
    t = t[t["published"].notna()]
    ev = style.memo(force_events, tables, slug)
    ev = ev[ev["doc_id"].isin(t["doc_id"]) | ev["event"].isin(list(_LANE_EVENTS))]
    lanes = [(f"{_when(r.published, 'month')} {KIND_SHORT_WORDS.get(r.kind, r.kind)}", r.doc_id,
              r.rule_56_days) for r in t.itertuples()]
    extra = [e for e in _LANE_EVENTS if e in set(ev["event"])]
    fig, ax = style.figure(10, 1.9 + 0.62 * max(len(lanes) + len(extra), 2), ax=ax)
    if ev.empty:
        _empty(ax, "No dated documents for this force in the corpus.")
        return style.finish(fig, f"{name}: no dates to show", source or style.SOURCE_DEFAULT)
    drawn = [_draw_report_lane(ax, y, ev[ev["report_doc_id"] == doc], rule)
             for y, (_, doc, rule) in enumerate(lanes)]
    labels = [above for above, _ in drawn]
    for i, e in enumerate(extra):
        rows = ev[ev["event"] == e]
        ax.scatter(mdates.date2num(rows["date"]), [len(lanes) + i] * len(rows), marker="o", s=60,
                   zorder=3, color=style.EVENT_COLOURS[e])
        labels.append([(mdates.date2num(r.date), _when(r.date, r.precision))
                       for r in rows.itertuples()])
    ax.set_yticks(range(len(lanes) + len(extra)),
                  [lane[0] for lane in lanes] + [_LANE_EVENTS[e] for e in extra])
    ax.set_ylim(len(lanes) + len(extra) - 0.2, -0.7)  # room for a label under the last lane
    phone = style.is_narrow()
    lo, hi = ev["date"].min(), ev["date"].max()
    pad = max((hi - lo) * 0.04, pd.Timedelta(days=20))
    ax.set_xlim(mdates.date2num(lo - pad), mdates.date2num(hi + pad))
    locator = _date_locator(hi - lo + 2 * pad, 5 if phone else 10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator) if phone
                                 else mdates.DateFormatter("%b %Y"))
    ax.set_xlabel("Date (month and year)")
    ax.grid(axis="y", visible=False)
    for y, items in enumerate(labels):  # report lanes keep "below" for their fieldwork label
        _place_labels(ax, y, items, LABEL_LEVELS if y >= len(lanes) else LABEL_LEVELS[::2])
    for y, (_, below) in enumerate(drawn):
        _place_labels(ax, y, below, (-15,), fontsize=7.5, color="#555555")
    window = t["rule_56_days"].isin(WINDOW_RULES).any()
    _timeline_legend(ax, set(extra), window)
    sub = ("Shaded yellow: the 56-day window for the commissioner's formal response" if window
           else "No 56-day window shown: that limit applies only to reports published on or "
           f"after {pd.Timestamp(config.PCC_RESPONSE_RULE_FROM):%-d %b %Y}")
    missing = int((t["rule_56_days"] == "unknown").sum())
    if missing:
        sub += f"; no formal response is in the corpus for {missing} report(s) it applies to"
    if undated:
        sub += f". Not shown: {undated} report(s) without a publication date"
    return style.finish(fig, _timeline_title(name, t), source or style.SOURCE_DEFAULT, sub)


def _timeline_legend(ax, lanes: set, window: bool) -> None:
    c = style.EVENT_COLOURS
    handles = [Patch(color=c["fieldwork"], label="Fieldwork"),
               Line2D([], [], marker="D", ls="", color=c["published"], label="Published"),
               Line2D([], [], marker="v", ls="", color=c["action_plan_due"],
                      label="Action plan due (6 weeks)")]
    if "press_published" in lanes:
        handles.append(Line2D([], [], marker="o", ls="", color=c["press_published"],
                              label=_LANE_EVENTS["press_published"]))
    if "response_published" in lanes:
        handles.append(Line2D([], [], marker="o", ls="", color=c["response_published"],
                              label="Commissioner response"))
    if window:
        handles.append(Patch(color=c["response_window"], alpha=0.45, label="56-day window"))
    ax.legend(handles=handles, **style.above_axes(),
              ncol=style.columns(len(handles)), fontsize=7.5 if style.is_narrow() else 8.5,
              handlelength=1.2, columnspacing=1.0)


# ---- lag across forces --------------------------------------------------------------------------

@style.styled
def lag_across_forces(tables: dict, highlight: str | None = None, source: str | None = None,
                      ax=None):
    """Days from the end of fieldwork to publication, per report, forces ranked by median."""
    lags = style.memo(lag_spread, tables)
    lags = lags[lags["force"] != forces.NATIONAL]
    fig, ax = style.figure(10, 1.8 + 0.5 * max(lags["force"].nunique(), 2), ax=ax)
    if lags.empty:
        _empty(ax, "No report has both a fieldwork and a publication date.")
        return style.finish(fig, "Lag from fieldwork to publication: no dates",
                            source or style.SOURCE_DEFAULT)
    order = lags.groupby("force")["fieldwork_to_publication_mid"].median().sort_values()
    ypos = {f: i for i, f in enumerate(order.index)}
    kinds = list(dict.fromkeys(lags["kind"]))
    palette = dict(zip(kinds, [style.OKABE_ITO[c] for c in ("blue", "orange", "green", "purple",
                                                             "sky")]))
    for r in lags.itertuples():
        y = ypos[r.force] + 0.2 * (kinds.index(r.kind) - (len(kinds) - 1) / 2)
        ax.plot([r.fieldwork_to_publication_min, r.fieldwork_to_publication_max], [y, y],
                color=palette[r.kind], lw=3, alpha=0.45, solid_capstyle="butt")
        ax.scatter([r.fieldwork_to_publication_mid], [y], color=palette[r.kind], s=45, zorder=3)
    hl = forces.resolve(highlight) if highlight else None
    labels = [forces.display_name(f) + (" \u25c0" if f == hl else "") for f in order.index]
    ax.set_yticks(range(len(order)), labels)
    ax.set_xlim(left=0)
    ax.set_xlabel(textwrap.fill("Days from end of fieldwork to publication",
                                30 if style.is_narrow() else 80))
    ax.grid(axis="y", visible=False)
    ax.legend(handles=[Line2D([], [], marker="o", color=palette[k], lw=3, alpha=0.8,
                              label=KIND_SHORT_WORDS.get(k, k).capitalize()) for k in kinds],
              **(style.above_axes() if style.is_narrow() else {"loc": "lower right"}),
              ncol=style.columns(len(kinds)), fontsize=7.5 if style.is_narrow() else 9)
    med = lags["fieldwork_to_publication_mid"].median()
    title = f"Reports came out a median {med:.0f} days after fieldwork ended"
    mine = lags[lags["force"] == hl].sort_values("published")
    if hl and len(mine):
        last = mine.iloc[-1]
        title += (f"; {forces.display_name(hl)}'s {last['published']:%Y} "
                  f"{KIND_SHORT_WORDS.get(last['kind'], last['kind'])} took "
                  f"{_days(last, 'fieldwork_to_publication')}")
    return style.finish(fig, title, source or style.SOURCE_DEFAULT,
                        f"{len(lags)} reports from {len(order)} forces, ranked by median lag; "
                        "a bar spans the possible lag where a date is known only to the month "
                        "or year")


# ---- evidence snippet ---------------------------------------------------------------------------

@style.styled
def evidence_snippet(pdf_path, page: int, quote: str, title: str | None = None,
                     source: str | None = None, margin: float = 24, resolution: int = 150,
                     ax=None):
    """The region of a PDF page where a quote was found, its words highlighted."""
    pixels = highlighted_region(pdf_path, page, quote, margin=margin, resolution=resolution)
    height = 1.5 + 8 * pixels.shape[0] / pixels.shape[1]
    fig, ax = style.figure(8, min(height, 9), ax=ax)
    ax.imshow(pixels)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():  # a thin frame marks the excerpt as part of a page
        spine.set_visible(True)
        spine.set_color("#999999")
    short = textwrap.shorten(quote, 70, placeholder="...")
    name = getattr(pdf_path, "name", str(pdf_path).rsplit("/", 1)[-1])
    src = source or f"Source: {name}, page {page} (highlighted: the words the figure came from)"
    return style.finish(fig, title or f"Found on page {page}: \u201c{short}\u201d", src)


# ---- national view ------------------------------------------------------------------------------

FOUR_GRADE_MARKER, THREE_GRADE_MARKER = "s", "o"


def _scales(tables: dict) -> dict:
    """doc_id -> the scale its grades use ("four" before the 2016 change, then "three")."""
    cg = tables["case_grades"]
    if cg.empty or "scale" not in cg:
        return {}
    return cg.dropna(subset=["scale"]).groupby("doc_id")["scale"].agg(
        lambda s: s.astype(str).mode().iloc[0]).to_dict()


def _national_inadequate(ax, grades: pd.DataFrame, ypos: dict, scales: dict) -> None:
    inad = grades[grades["grade"] == "inadequate"]
    styles = {"baseline": ("white", "Baseline inspection"),
              "follow_up": (GRADE_COLOURS["inadequate"], "Latest follow-up")}
    offset = {"baseline": -0.12, "follow_up": 0.12}
    four = inad["doc_id"].map(scales).eq("four")
    for stage, (face, _) in styles.items():
        for is_four, marker in ((False, THREE_GRADE_MARKER), (True, FOUR_GRADE_MARKER)):
            s = inad[(inad["stage"] == stage) & (four == is_four)]
            if s.empty:
                continue
            y = [ypos[f] + offset[stage] for f in s["force"]]
            ax.errorbar(s["share"], y, xerr=[s["share"] - s["ci_low"], s["ci_high"] - s["share"]],
                        fmt=marker, mfc=face, mec=GRADE_COLOURS["inadequate"], ecolor="#666666",
                        capsize=2, ms=7, lw=1)
    ax.set_xlim(0, 1)
    ax.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    ax.set_xlabel("Cases graded inadequate (%, 95% interval)")
    red = GRADE_COLOURS["inadequate"]
    handles = [Line2D([], [], marker="o", ls="", mfc=face, mec=red, label=name)
               for face, name in styles.values()]
    if four.any():  # the share then sits beside 'adequate', a grade the later scale dropped
        handles.append(Line2D([], [], marker=FOUR_GRADE_MARKER, ls="", mfc="white", mec="#444444",
                              label="Square: four-grade scale (with adequate)"))
    ax.legend(handles=handles, **style.above_axes(), ncol=1,
              fontsize=7 if style.is_narrow() else 8)


def _national_progress(ax, prog: pd.DataFrame, ypos: dict) -> None:
    if prog.empty:
        ax.text(0.5, 0.5, "No progress ratings\nin the corpus", ha="center", va="center",
                transform=ax.transAxes, color="#444444")
        ax.set_xlabel("Recommendations (count)")
        return
    left = np.zeros(len(ypos))
    for rating in RATING_LABELS:
        counts = np.zeros(len(ypos))
        for r in prog[prog["rating"] == rating].itertuples():
            counts[ypos[r.force]] = r.recommendations
        if counts.any():
            ax.barh(list(range(len(ypos))), counts, left=left, color=RATING_COLOURS[rating],
                    label=RATING_LABELS[rating], height=0.6)
            left += counts
    ax.set_xlabel("Recommendations (count) by progress")
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(**style.above_axes(), ncol=style.columns(3),
              fontsize=7 if style.is_narrow() else 7.5,
              handlelength=1, columnspacing=0.8)


@style.styled
def national_view(tables: dict, source: str | None = None):
    """All forces side by side: inadequate share, recommendation progress, publication lag."""
    names = style.memo(corpus_forces, tables)
    grades = style.memo(national_grades, tables)
    prog = style.memo(national_progress, tables)
    lags = style.memo(lag_spread, tables)
    if style.is_narrow():  # one panel under another, each with the force names
        fig, axes = style.figure(12, 1.2 + 1.05 * max(len(names), 2), nrows=3)
    else:
        fig, axes = style.figure(12, 2.2 + 0.5 * max(len(names), 2), ncols=3, sharey=True,
                                 gridspec_kw={"width_ratios": [1.3, 1, 1]})
    ypos = {f: i for i, f in enumerate(names)}
    _national_inadequate(axes[0], grades, ypos, _scales(tables))
    _national_progress(axes[1], prog, ypos)
    med = lags.groupby("force")["fieldwork_to_publication_mid"].median()
    med = med[med.index.isin(names)]
    axes[2].barh([ypos[f] for f in med.index], med.values, color=style.OKABE_ITO["grey"],
                 height=0.6)
    axes[2].set_xlabel("Median days, fieldwork to publication")
    for ax in axes if style.is_narrow() else axes[:1]:
        ax.set_yticks(range(len(names)), [forces.display_name(f) for f in names])
        ax.set_ylim(len(names) - 0.5, -0.5)
    for ax in axes:
        ax.grid(axis="y", visible=False)
        if style.is_narrow():  # the axes are narrow beside the names: labels wrap under them
            ax.set_xlabel(textwrap.fill(ax.get_xlabel(), 30))
    return style.finish(fig, _national_title(grades, names), source or style.SOURCE_DEFAULT,
                        "Share inadequate at the baseline inspection and latest follow-up; "
                        "recommendation progress; time to publish")


def _national_title(grades: pd.DataFrame, names: list[str]) -> str:
    inad = grades[(grades["grade"] == "inadequate")]
    if inad.empty:
        return f"{len(names)} forces in the corpus: no graded cases to compare"
    worst = inad.sort_values("share").iloc[-1]
    return (f"{len(names)} forces: the highest inadequate share was {worst['share']:.0%} "
            f"({forces.display_name(worst['force'])}, n={worst['n']:g})")
