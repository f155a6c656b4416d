"""Executed notebook -> one self-contained HTML page: no code, no prompts, nothing from a CDN.

The exporter is built once per process and reused: building it (Jinja environment, CSS) costs more
than exporting a briefing, and a batch worker exports many.
"""
from __future__ import annotations

import copy
import html
from functools import lru_cache
from pathlib import Path

import nbformat

from reportkit import config
from reportkit.tables import atomic
from reportkit.vocabulary import time_words

TEMPLATES = config.PACKAGE_DIR / "templates"
ANALYST_TAG = "analyst"  # a notebook cell for whoever opens the notebook, not for readers


@lru_cache(maxsize=1)
def _exporter():
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(TEMPLATES)],
                            template_file="briefing.html.j2")
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    exporter.exclude_anchor_links = True
    exporter.embed_images = True
    return exporter


def _failure_banner(ename: str, evalue: str) -> dict:
    text = (f"<div class=\"rk-failed\"><p><strong>This part of the briefing could not be built"
            f"</strong> ({html.escape(ename)}: {html.escape(evalue)}). The executed notebook "
            f"keeps the full error.</p></div>")
    return nbformat.v4.new_output("display_data", data={"text/html": text})


def for_readers(nb) -> nbformat.NotebookNode:
    """A copy fit for readers: no stderr (warnings, progress bars), errors as a short notice,
    no papermill error markers and no cells tagged ``analyst``."""
    nb = copy.deepcopy(nb)
    cells = []
    for cell in nb.cells:
        tags = cell.get("metadata", {}).get("tags", [])
        if "papermill-error-cell-tag" in tags:
            continue  # papermill's "An Exception was encountered" banner: replaced by ours
        if ANALYST_TAG in tags:
            continue  # the DataFrames an analyst starts from: in the notebook, not the briefing
        if cell.cell_type == "code":
            outputs = []
            for out in cell.get("outputs", []):
                if out.output_type == "stream" and out.get("name") == "stderr":
                    continue
                if out.output_type == "error":
                    outputs.append(_failure_banner(out.get("ename", "Error"),
                                                   out.get("evalue", "")))
                    continue
                outputs.append(out)
            cell.outputs = outputs
        cells.append(cell)
    nb.cells = cells
    return nb


def to_html(nb, title: str | None = None) -> str:
    nb = for_readers(nb)
    if title:
        nb.metadata["title"] = title
    resources = {"briefing_css": (TEMPLATES / "briefing.css").read_text(encoding="utf-8")}
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    return body


def export_html(nb, target: str | Path, title: str | None = None) -> Path:
    """Write the reader's HTML of a notebook (a path or a node) atomically to ``target``."""
    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.read(str(nb), as_version=4)
    return atomic.write_text(target, to_html(nb, title))


# ---- the index of briefings ---------------------------------------------------------------------

def _run_date(iso: str | None) -> str:
    return time_words(iso)


def _count_and_share(count, total) -> str:
    from reportkit.report.briefing import fmt_int, fmt_pct

    if count is None or not total:
        return "\u2014"
    return f"{fmt_int(count)} ({fmt_pct(count / total)})"


def _index_row(slug: str, e: dict) -> str:
    from reportkit.report.briefing import KIND_WORDS, esc, fmt_date, fmt_int

    status = "built"
    if not e.get("ok"):
        why = esc(e.get("error") or "unknown error")
        status = f'<span class="status-failed">FAILED</span>: {why}'

    latest = "none in the corpus"
    if e.get("kind"):
        latest = f"{KIND_WORDS.get(e['kind'], e['kind'])}, {fmt_date(e.get('published'), 'month')}"
    cells = [f'<a href="{esc(slug)}.html">{esc(e.get("name", slug))}</a>', status, esc(latest),
             esc(fmt_int(e.get("cases"))), esc(_count_and_share(e.get("good"), e.get("cases"))),
             esc(_count_and_share(e.get("inadequate"), e.get("cases"))),
             esc(fmt_int(e.get("recommendations"))), esc(fmt_int(e.get("documents"))),
             esc(_run_date(e.get("run")))]
    classes = ["", "", "", "num", "num", "num", "num", "num", ""]
    tds = "".join(f'<td class="{c}">{v}</td>' if c else f"<td>{v}</td>"
                  for c, v in zip(classes, cells))
    return f'<tr class="{"ok" if e.get("ok") else "failed"}">{tds}</tr>'


def render_index(entries: dict[str, dict]) -> str:
    """The index page: the national overview, then one row per force (escaped throughout)."""
    from string import Template

    from reportkit.report.briefing import esc

    national = entries.get("national")
    nat = ""
    if national:
        state = "" if national.get("ok") else (
            f' <span class="status-failed">FAILED</span>: {esc(national.get("error"))}')
        nat = (f'<h2>All forces</h2><p><a href="national.html">National overview</a>: every '
               f"force side by side (made {esc(_run_date(national.get('run')))}){state}.</p>")
    mine = [(k, v) for k, v in entries.items() if k != "national"]
    rows = [_index_row(k, v) for k, v in sorted(mine, key=lambda kv: kv[1].get("name", kv[0]))]
    latest = max((e.get("run") or "" for e in entries.values()), default="")
    page = Template((TEMPLATES / "index.html").read_text(encoding="utf-8"))
    empty = '<tr><td colspan="9">No briefings yet.</td></tr>'
    return page.substitute(run_date=esc(_run_date(latest)), national=nat,
                           rows="\n".join(rows) or empty)
