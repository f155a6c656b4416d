"""The briefings' "What inspectors found": findings by area with their quotes and page citations.

``show_findings(tables, force)`` for a force briefing (the latest report's strengths and concerns by
area, then what changed since the baseline), ``show_national_findings(tables)`` for the national
overview (the areas most often of concern, a chart for each); ``show_document_findings`` for
notebook 01 (every finding of one document and its highlighted place). Every text from a
document is escaped.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from reportkit.analysis.findings import (
    CHANGE_WORDS,
    area_changes,
    latest_findings,
    national_concerns,
)
from reportkit.charts.findings import area_concerns, areas_by_force
from reportkit.report.briefing import (
    document_words,
    esc,
    figure_html,
    fmt_date,
    fmt_int,
    force_name,
    para,
    show_html,
    table_html,
)
from reportkit.vocabulary import AREA_WORDS, FINDING_TYPE_WORDS, label, words

NO_AREA = "Area not stated"
CHANGE_COLUMNS = {"area_shown": ("Area", "text"), "concerns_then": ("Concerns then", "int"),
                  "concerns_now": ("Concerns now", "int"), "change_shown": ("Change", "text")}
NATIONAL_COLUMNS = {"area_shown": ("Area", "text"),
                    "forces_with_concern": ("Forces with a concern", "int"),
                    "forces_with_findings": ("Forces with findings in it", "int"),
                    "concerns": ("Concerns", "int"), "strengths": ("Strengths", "int")}


def _area(value) -> str:
    return NO_AREA if value is None or pd.isna(value) else label(value, AREA_WORDS)


def _cite(row, fmt: str) -> str:
    if fmt != "pdf":
        return "web page" if fmt == "html" else "text"
    return f"p.\u00a0{int(row['page'])}" if pd.notna(row["page"]) else "page not known"


def _item(row, fmt: str) -> str:
    what = label(row["polarity"])
    extra = ""
    if row["type"] == "progress" and pd.notna(row.get("recommendation")):
        extra = f" (progress on recommendation {esc(row['recommendation'])})"
    elif row["type"] in FINDING_TYPE_WORDS and row["type"] != "practice":
        extra = f" ({esc(words(row['type'], FINDING_TYPE_WORDS))})"
    return (f'<li class="rk-{esc(row["polarity"])}"><strong>{esc(what)}</strong>{extra}: '
            f"\u201c{esc(row['text'])}\u201d <span class=\"rk-cite\">({esc(_cite(row, fmt))})</span></li>")


def findings_html(tables: dict, force: str) -> str:
    """The latest report's findings by area, then the change per area since the baseline."""
    f = latest_findings(tables, force)
    if f.empty:
        return para(f"No findings for {force_name(force)} in the corpus.", "rk-empty")
    first = f.iloc[0]
    fmt = _format(tables, first["doc_id"])
    n_c, n_s = int((f["polarity"] == "concern").sum()), int((f["polarity"] == "strength").sum())
    lead = (f"The latest report, the {document_words(first['kind'])} published "
            f"{fmt_date(first['published'], first['published_precision'])} (\u201c{first['title']}\u201d), "
            f"states {fmt_int(n_c)} concerns and {fmt_int(n_s)} strengths in "
            f"{fmt_int(f['area'].nunique())} areas. A summary that repeats a finding is counted once.")
    parts = [para(lead)]
    for area, group in f.groupby(f["area"].astype(object).where(f["area"].notna(), None),
                                 sort=False, dropna=False):
        items = "".join(_item(r, fmt) for _, r in group.iterrows())
        parts.append(f"<h3>{esc(_area(area))}</h3><ul class=\"rk-findings\">{items}</ul>")
    parts.append(changes_html(tables, force))
    return "".join(parts)


def _format(tables: dict, doc_id: str) -> str:
    docs = tables["documents"]
    hit = docs.loc[docs["doc_id"] == doc_id, "format"]
    return str(hit.iloc[0]) if len(hit) else "pdf"


def changes_html(tables: dict, force: str) -> str:
    c = area_changes(tables, force)
    if c.empty:
        return "<h3>Since the baseline</h3>" + para(
            "Only one report with findings: nothing to compare.", "rk-empty")
    c["area_shown"] = c["area"].map(_area)
    c["change_shown"] = c["change"].map(CHANGE_WORDS)
    note = para("\u201cNo concern stated now\u201d is derived: the later report covers the area and "
                "states no concern in it; the inspectorate may not say the concern was resolved.",
                "rk-note")
    return "<h3>Since the baseline</h3>" + table_html(c, CHANGE_COLUMNS) + note


def show_findings(tables: dict, force: str):
    """Force briefing section "What inspectors found"."""
    return show_html(findings_html(tables, force))


def national_findings_html(tables: dict, charts: bool = True) -> str:
    t = national_concerns(tables)
    if t.empty:
        return para("No findings in the corpus.", "rk-empty")
    t["area_shown"] = t["area"].map(_area)
    top = t.iloc[0]
    lead = (f"Across the {fmt_int(t['forces_with_findings'].max())} forces whose reports state "
            f"findings, {_area(top['area']).lower()} was most often a concern "
            f"({fmt_int(top['forces_with_concern'])} forces, in each force's latest report).")
    parts = [para(lead), table_html(t, NATIONAL_COLUMNS)]
    if charts:
        parts.append(figure_html(area_concerns(tables)))
        parts.append(figure_html(areas_by_force(tables), "A chart per area: each force's "
                                 "concerns and strengths in its latest report"))
    return "".join(parts)


def show_national_findings(tables: dict, charts: bool = True):
    """National overview: the areas most often of concern across forces, with a chart per area."""
    return show_html(national_findings_html(tables, charts))


# ---- notebook 01: every finding of one document -------------------------------------------------
DOCUMENT_COLUMNS = {"finding": ("No.", "int"), "area_shown": ("Area", "text"),
                    "section": ("Section as printed", "text"), "polarity": ("Polarity", "text"),
                    "type_shown": ("Type", "text"), "recommendation": ("Recommendation", "text"),
                    "duplicate_of": ("Restates no.", "int"), "page": ("Page", "int"),
                    "text": ("Quote", "text")}


def document_findings(tables: dict, doc_id: str) -> pd.DataFrame:
    """Every finding of one document, duplicates included, in reading order."""
    f = tables["findings"]
    f = f[f["doc_id"] == doc_id].sort_values("finding").copy()
    f["area_shown"] = f["area"].map(_area).astype(object)
    f["type_shown"] = f["type"].map(lambda v: words(v, FINDING_TYPE_WORDS), na_action="ignore")
    return f


def _place(path: Path, row, fmt: str) -> str:
    """The finding's words highlighted on its page (PDF), or marked in the quote (web pages, text).
    The page region goes in as a plain PNG: a chart per finding would take a second each."""
    if fmt == "pdf" and path.is_file() and pd.notna(row["page"]):
        from reportkit.read import highlighted_region

        try:
            pixels = highlighted_region(path, int(row["page"]), str(row["text"]), resolution=100)
        except LookupError as exc:
            return para(f"Not highlighted: {exc}", "rk-note")
        alt = f"Page {int(row['page'])}, highlighted: {row['text']}"
        return f'<figure class="rk-chart"><img src="{_png(pixels)}" alt="{esc(alt)}"></figure>'
    return f"<p><mark>{esc(row['text'])}</mark></p>"


def _png(pixels) -> str:
    import base64
    import io

    from PIL import Image

    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, format="PNG", optimize=True)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


def document_findings_html(tables: dict, doc: pd.Series, raw_dir, limit: int | None = None) -> str:
    f = document_findings(tables, doc["doc_id"])
    if f.empty:
        return para("No findings were extracted from this document.", "rk-empty")
    parts = [table_html(f, DOCUMENT_COLUMNS)]
    path = Path(raw_dir) / str(doc["path"])
    for _, r in (f if limit is None else f.head(limit)).iterrows():
        parts.append(f"<h3>Finding {esc(fmt_int(r['finding']))}: {esc(_area(r['area']))}, "
                     f"{esc(r['polarity'])} (page {esc(fmt_int(r['page']))})</h3>")
        parts.append(_place(path, r, str(doc["format"])))
    return "".join(parts)


def show_document_findings(tables: dict, doc: pd.Series, raw_dir, limit: int | None = None):
    """Notebook 01: every finding of a document with its area, then each one's highlighted place."""
    return show_html(document_findings_html(tables, doc, raw_dir, limit))
