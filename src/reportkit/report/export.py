"""Executed notebook -> one self-contained HTML page (no code, no prompts, nothing from a CDN),
and that page -> PDF through headless Chromium, one process per page (the batch prints with one
browser for the whole run, report/pdfprint.py, and falls back to this when that fails).

The exporter is built once per process and reused: building it (Jinja environment, CSS) costs more
than exporting a briefing, and a batch worker exports many.
"""
from __future__ import annotations

import copy
import html
import logging
import os
import re
import shutil
import subprocess
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit import config
from reportkit.report.pdfprint import HEADLESS, browser_env
from reportkit.tables import atomic
from reportkit.vocabulary import time_words

if TYPE_CHECKING:
    import nbformat

log = logging.getLogger(__name__)

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
    import nbformat

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
    return label_cells(body)


# ---- tables that stack on a phone ---------------------------------------------------------------
# On a narrow screen briefing.css shows each row of a table as a card, every value after its
# column's heading; the heading comes from a data-label on each cell, added here to the finished
# page. Headings are already escaped text (briefing.table_html), so they are safe in an attribute.

TABLE = re.compile(r'<table\ class="rk-table">.*?</table>', re.S | re.X)  # never nested
HEADING = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S | re.X)  # <th class="num">Cases</th>
ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S | re.X)  # a body row: <tr><td>..</td></tr>
CELL = re.compile(r"<td\b", re.X)  # the start of a cell: <td class="num">
TAG = re.compile(r"<[^>]+>")
STACK_CUE = ('<p class="rk-stack-cue">The table below shows one card per row, each value after '
             "its column heading.</p>")


def label_cells(page: str) -> str:
    """Give every cell of every briefing table its column's heading (``data-label``)."""
    return TABLE.sub(_label_table, page)


def _label_table(match: re.Match) -> str:
    table = match.group(0)
    head, sep, body = table.partition("</thead>")
    if not sep:
        return table
    labels = [" ".join(TAG.sub("", m.group("text")).split()) for m in HEADING.finditer(head)]

    def row(m: re.Match) -> str:
        it = iter(labels)
        return "<tr>" + CELL.sub(lambda c: f'<td data-label="{next(it, "")}"',
                                 m.group("cells")) + "</tr>"

    return STACK_CUE + head + sep + ROW.sub(row, body)


def export_html(nb, target: str | Path, title: str | None = None) -> Path:
    """Write the reader's HTML of a notebook (a path or a node) atomically to ``target``."""
    import nbformat

    if not isinstance(nb, nbformat.NotebookNode):
        nb = nbformat.read(str(nb), as_version=4)
    return atomic.write_text(target, to_html(nb, title))


# ---- PDF through headless Chromium --------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PDF_TIMEOUT = 120  # seconds; a briefing prints in about one


def find_browser() -> str | None:
    """The headless Chromium to print with: $REPORTKIT_CHROMIUM, else the first on PATH."""
    given = os.environ.get("REPORTKIT_CHROMIUM")
    if given:
        return given if Path(given).is_file() else shutil.which(given)
    return next((found for name in BROWSERS if (found := shutil.which(name))), None)


def export_pdf(page: str | Path, target: str | Path, browser: str) -> Path:
    """Print an HTML page to ``target`` (A4, the page's print styles) atomically; raise
    RuntimeError with Chromium's last words when it writes nothing."""
    page, target = Path(page).resolve(), Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="rk-pdf-") as tmp:
        out = Path(tmp) / "page.pdf"
        cmd = [browser, *HEADLESS, "--no-pdf-header-footer",
               f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}", page.as_uri()]
        # a file, not a pipe: Chromium's helper processes hold a pipe open for seconds after
        # the browser has exited, and run() would wait for them
        err = Path(tmp) / "stderr.txt"
        with err.open("w") as sink:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=sink, timeout=PDF_TIMEOUT,
                           check=False, env=browser_env())
        if not out.is_file() or out.stat().st_size == 0:
            said = err.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            last = (said or ["no output"])[-1]
            raise RuntimeError(f"{Path(browser).name} wrote no PDF of {page.name}: {last}")
        with atomic.atomic_path(target) as dest:
            shutil.move(str(out), dest)
    log.info("printed %s", target)
    return target


# ---- the index of briefings ---------------------------------------------------------------------

def _run_date(iso: str | None) -> str:
    return time_words(iso)


def _count_and_share(count, total) -> str:
    from reportkit.report.briefing import fmt_int, fmt_pct

    if count is None or not total:
        return "\u2014"
    return f"{fmt_int(count)} ({fmt_pct(count / total)})"


INDEX_HEADINGS = ("Force", "Briefing", "Latest report", "Cases", "Good", "Inadequate",
                  "Press and commissioner figures", "Recommendations", "Documents",
                  "Made")  # index.html's columns, in order


def _links(slug: str, e: dict) -> str:
    from reportkit.report.briefing import esc

    pdf = f' \u00b7 <a href="{esc(slug)}.pdf">PDF</a>' if e.get("pdf") else ""
    return f'<a href="{esc(slug)}.html">web page</a>{pdf}'


def _grade_cell(e: dict, grade: str) -> str:
    """What the report said (briefing.grade_shown: a share where it gave no count, the four-grade
    scale marked); an index made before that was recorded shows count and share."""
    shown = e.get(f"{grade}_shown")
    return shown if shown else _count_and_share(e.get(grade), e.get("cases"))


def _claims_cell(e: dict) -> str:
    """Disagreements first and highlighted; figures not in the report kept apart from checks."""
    checked, differ = e.get("claims_checked", 0), e.get("claims_differ", 0)
    missing = e.get("claims_not_found", 0)
    if not checked and not missing:
        return "none quoted"
    text = (f'<strong class="differs">{differ} of {checked} differ from the report</strong>'
            if differ else f"{checked} checked, all agree" if checked else "")
    if missing:
        text += ("; " if text else "") + f"{missing} not in the report"
    return text


def _index_row(slug: str, e: dict) -> str:
    from reportkit.report.briefing import KIND_WORDS, esc, fmt_date, fmt_int

    status = _links(slug, e)
    if not e.get("ok"):
        why = esc(e.get("error") or "unknown error")
        status = (f'<span class="status-failed">could not be built</span>: {why} '
                  f"({_links(slug, e)})")

    latest = "none in the corpus"
    if e.get("kind"):
        latest = f"{KIND_WORDS.get(e['kind'], e['kind'])}, {fmt_date(e.get('published'), 'month')}"
    if e.get("method"):  # the latest report's method and headline, in words (methods_view)
        graded = f" Cases, good and inadequate: the {latest}." if e.get("kind") else ""
        latest = str(e["method"]) + graded  # which report the case columns come from
    cells = [f'<a href="{esc(slug)}.html">{esc(e.get("name", slug))}</a>', status, esc(latest),
             esc(fmt_int(e.get("cases"))), esc(_grade_cell(e, "good")),
             esc(_grade_cell(e, "inadequate")), _claims_cell(e),
             esc(fmt_int(e.get("recommendations"))), esc(fmt_int(e.get("documents"))),
             esc(_run_date(e.get("run")))]
    classes = ["", "", "", "num", "", "", "", "num", "num", ""]  # said shares wrap
    tds = "".join(f'<td class="{c}" data-label="{h}">{v}</td>' if c else
                  f'<td data-label="{h}">{v}</td>'
                  for c, h, v in zip(classes, INDEX_HEADINGS, cells, strict=True))
    return f'<tr class="{"ok" if e.get("ok") else "failed"}">{tds}</tr>'


def render_index(entries: dict[str, dict]) -> str:
    """The index page: the national overview, then one row per force (escaped throughout)."""
    from string import Template

    from reportkit.report.briefing import esc

    national = entries.get("national")
    nat = ""
    if national:
        state = "" if national.get("ok") else (
            f' <span class="status-failed">could not be built</span>: {esc(national.get("error"))}')
        nat = ('<h2>All forces</h2><p><a href="national.html">National overview</a>'
               + (' (<a href="national.pdf">PDF</a>)' if national.get("pdf") else "")
               + f": every force side by side (made {esc(_run_date(national.get('run')))})"
               f"{state}.</p>")
    mine = [(k, v) for k, v in entries.items() if k != "national"]
    rows = [_index_row(k, v) for k, v in sorted(mine, key=lambda kv: kv[1].get("name", kv[0]))]
    latest = max((e.get("run") or "" for e in entries.values()), default="")
    page = Template((TEMPLATES / "index.html").read_text(encoding="utf-8"))
    empty = '<tr><td colspan="10">No briefings yet.</td></tr>'
    return page.substitute(run_date=esc(_run_date(latest)), national=nat,
                           rows="\n".join(rows) or empty)
