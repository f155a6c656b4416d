"""Briefing views of the method used since April 2024: which method each report used, its area
grades, the force-by-area grid and each recommendation's status over time.

Area grades and case-grade shares are shown in their own terms, never on one scale or one axis.
Every string from a document (titles, quotes, comments, a source's status words) is escaped.
"""
from __future__ import annotations

import pandas as pd

from reportkit import forces
from reportkit.analysis.areas import area_grid, area_table, latest_method, report_methods
from reportkit.analysis.status import status_history
from reportkit.report.briefing import esc, figure_html, fmt_date, show_html, table_html
from reportkit.vocabulary import (
    AREA_SCALE,
    GRADE_WORDS,
    GRADED_AREA_WORDS,
    GRADED_AREAS,
    KIND_WORDS,
    METHOD_WORDS,
    MISSING,
    STATUS_SOURCE_WORDS,
    words,
)

AREA_COLUMNS = {"report": ("Report", "text"), "area_words": ("Area", "text"),
                "grade": ("Grade", "grade"), "areas": ("Areas with this grade", "int"),
                "quote": ("The document's words", "text"), "page": ("Page", "int")}
STATUS_COLUMNS = {"recommendation_words": ("Recommendation", "text"), "date_words": ("Date", "text"),
                  "status_words": ("Status", "text"), "status_text": ("As the source words it", "text"),
                  "source_words": ("Source", "text"), "comment": ("Comment", "text"),
                  "linked_by": ("Report linked by", "text")}
GRID_COLUMNS = {"force_words": ("Force", "text"), "year": ("Report", "text"),
                **{a: (GRADED_AREA_WORDS[a].capitalize(), "grade") for a in GRADED_AREAS},
                "counts_only": ("Only counts stated", "text")}


def _report_words(kind, published, precision="day") -> str:
    return f"{words(kind, KIND_WORDS)} ({fmt_date(published, precision)})"


def method_sentences(tables: dict, force: str) -> list[str]:
    """One plain sentence per report: which method it used and what it found in those terms."""
    out = []
    for r in report_methods(tables, force).itertuples():
        what = f"The {_report_words(r.kind, r.published, r.published_precision)}"
        found = f": {r.headline}" if r.headline else ""
        out.append(f"{what} {METHOD_WORDS[r.method]}{found}.")
    return out


def method_line(tables: dict, force: str) -> str:
    """For the index: the force's latest report, its method and headline, in one line."""
    latest = latest_method(tables, force)
    if latest is None:
        return "No dated report in the corpus."
    line = (f"Latest: {_report_words(latest['kind'], latest['published'], latest['published_precision'])}, "
            f"{METHOD_WORDS[latest['method']]}")
    graded = latest if latest["headline"] else latest_method(tables, force, graded=True)
    if graded is None:
        return line + "."
    if graded["doc_id"] != latest["doc_id"]:
        line += (f"; the latest with graded figures is the "
                 f"{_report_words(graded['kind'], graded['published'], graded['published_precision'])}")
    return line + f": {graded['headline']}."


def show_methods(tables: dict, force: str):
    """Which method each of the force's reports used, in plain words (oldest first)."""
    slug = forces.resolve(force)
    items = "".join(f"<li>{esc(s)}</li>" for s in method_sentences(tables, slug))
    body = f"<ul>{items}</ul>" if items else f"<p>{esc('No report of this force in the corpus.')}</p>"
    note = ("Since April 2024 the inspectorate grades five areas of a force's work on a five-point "
            "scale; before then it graded the cases it audited. The two are shown in their own terms.")
    return show_html(f"<p>{esc(note)}</p>{body}")


def area_rows(tables: dict, force: str) -> pd.DataFrame:
    rows = area_table(tables, forces.resolve(force), press=True)
    if rows.empty:
        return rows
    return rows.assign(
        report=[f"{words(k, KIND_WORDS)} ({fmt_date(p)})" for k, p in zip(rows["kind"], rows["published"], strict=True)],
        area_words=[GRADED_AREA_WORDS.get(str(a), MISSING) if pd.notna(a) else "(a count: no area named)"
                    for a in rows["area"]])


def show_area_grades(tables: dict, force: str):
    """Every area grade the force's documents state, with its words (press pages included)."""
    rows = area_rows(tables, force)
    return show_html(table_html(rows, AREA_COLUMNS, empty="No area grades for this force in the corpus."))


def status_rows(tables: dict, force: str) -> pd.DataFrame:
    hist = status_history(tables, forces.resolve(force))
    if hist.empty:
        return hist
    return hist.assign(
        recommendation_words=[f"{r} ({fmt_date(p)} report)" if pd.notna(p) else str(r)
                              for r, p in zip(hist["recommendation"], hist["report_published"], strict=True)],
        date_words=[fmt_date(d, p) for d, p in zip(hist["date"], hist["precision"], strict=True)],
        source_words=[STATUS_SOURCE_WORDS.get(str(s), str(s)) for s in hist["source"]])


def show_status(tables: dict, force: str):
    """Each recommendation's status over time: the step chart, then every status in a table."""
    from reportkit.charts.areas import status_steps

    rows = status_rows(tables, force)
    chart = figure_html(status_steps(tables, force)) if len(rows) else ""
    return show_html(chart + table_html(rows, STATUS_COLUMNS,
                                        empty="No recommendation status for this force in the corpus."))


def grid_rows(tables: dict) -> pd.DataFrame:
    grid = area_grid(tables)
    return grid.assign(force_words=[forces.display_name(str(f)) for f in grid["force"]],
                       year=[fmt_date(p, "year") for p in grid["published"]])


def show_area_grid(tables: dict):
    """The force-by-area heatmap (its scale in the legend) and the same grades as a table."""
    from reportkit.charts.areas import area_heatmap

    rows = grid_rows(tables)
    if rows.empty:
        return show_html(f"<p>{esc('No report in the corpus grades the five areas.')}</p>")
    scale = "The five-point scale, best first: " + ", ".join(GRADE_WORDS[g] for g in AREA_SCALE) + "."
    return show_html(figure_html(area_heatmap(tables)) + f"<p>{esc(scale)}</p>"
                     + table_html(rows, GRID_COLUMNS))
