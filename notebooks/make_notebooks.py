"""Write the notebooks in this folder from the cell lists below (no outputs, no execution counts).

Run it after changing a list: `.venv/bin/python notebooks/make_notebooks.py`. Each notebook stays
thin: parameters, a few calls into reportkit, a chart, a sentence.
"""
from __future__ import annotations

from pathlib import Path

import nbformat

HERE = Path(__file__).resolve().parent
SETUP = "from reportkit import charts, config\nfrom reportkit.report import briefing\nbriefing.setup()"
KERNEL = {"name": "reportkit", "display_name": "Python (reportkit)", "language": "python"}

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "00_corpus.ipynb": [
        ("md", "# The corpus\nWhat is in the raw folder and what extraction made of it."),
        ("code", SETUP),
        ("parameters", "raw_dir = str(config.RAW_DIR)\nprocessed_dir = str(config.PROCESSED_DIR)"),
        ("code", "tables = briefing.load(processed_dir)\n"
                 "briefing.show_staleness(raw_dir, processed_dir)"),
        ("code", "briefing.show_chart(briefing.corpus_chart(tables))"),
        ("md", "## Status per document"),
        ("code", "briefing.show_corpus(tables)"),
        ("md", "## Warnings and errors\nFiles to check by hand: the reason is in plain words."),
        ("code", "briefing.show_log(tables)"),
    ],
    "01_extraction_review.ipynb": [
        ("md", "# Extraction review\nOne document: every figure with its page, quote and the "
               "highlighted place it came from."),
        ("code", SETUP),
        ("parameters", 'doc = ""  # a doc_id or a path under raw_dir; empty: the first graded PDF\n'
                       "raw_dir = str(config.RAW_DIR)\nprocessed_dir = str(config.PROCESSED_DIR)"),
        ("code", "tables = briefing.load(processed_dir)\n"
                 "document = briefing.pick_document(tables, doc)\n"
                 "briefing.show_document(document)"),
        ("md", "## Every figure"),
        ("code", 'briefing.show_figures(tables, document["doc_id"])'),
        ("md", "## Where each figure was found"),
        ("code", "briefing.show_snippets(tables, document, raw_dir)"),
    ],
    "02_baseline_vs_followup.ipynb": [
        ("code", SETUP),
        ("parameters", 'force = "west-yorkshire"\nprocessed_dir = str(config.PROCESSED_DIR)'),
        ("code", "tables = briefing.load(processed_dir)\n"
                 'briefing.show_page_title(f"{briefing.force_name(force)}: "\n'
                 '                         "baseline against follow-up")'),
        ("code", "briefing.show_chart(charts.grade_distribution(tables, force))"),
        ("code", "briefing.show_comparison(tables, force)"),
        ("md", "## Does the verdict depend on how 'adequate' is counted?\nThe 2014-15 "
               "inspections graded on four levels, later reports on three. "
               "The change in each view:"),
        ("code", "briefing.show_changes(tables, force)"),
        ("md", "## How grades were harmonised"),
        ("code", "briefing.show_mapping()"),
    ],
    "03_timeliness.ipynb": [
        ("code", SETUP),
        ("parameters", 'force = "all"  # a force slug, or "all"\n'
                       "processed_dir = str(config.PROCESSED_DIR)"),
        ("code", "tables = briefing.load(processed_dir)\nslug = briefing.resolve_force(force)\n"
                 'briefing.show_page_title(f"Timeliness for {briefing.force_name(slug)}")'),
        ("code", "briefing.show_chart(charts.force_timeline(tables, slug) if slug\n"
                 "                     else charts.lag_across_forces(tables))"),
        ("md", "## Per report\nLags are ranges where a date is known only to the month. The "
               "56-day limit for the commissioner's response applies to reports published from "
               "31 January 2017."),
        ("code", "briefing.show_timeliness(tables, slug)"),
    ],
    "force_briefing.ipynb": [
        ("code", SETUP),
        ("parameters", 'force = "west-yorkshire"\nprocessed_dir = str(config.PROCESSED_DIR)'),
        ("code", "tables = briefing.load(processed_dir)\nbriefing.show_title(force)"),
        ("code", "briefing.show_headline(tables, force)"),
        ("md", "## Baseline against follow-up"),
        ("code", "briefing.show_chart(charts.grade_distribution(tables, force))"),
        ("code", "briefing.show_comparison(tables, force)"),
        ("md", "## Recommendations and progress"),
        ("code", "briefing.show_chart(charts.recommendation_progress(tables, force))"),
        ("code", "briefing.show_progress(tables, force)"),
        ("md", "## Timeline and lags"),
        ("code", "briefing.show_chart(charts.force_timeline(tables, force))"),
        ("code", "briefing.show_timeliness(tables, force)"),
        ("md", "## What the press and the commissioner said"),
        ("code", "briefing.show_claims(tables, force)"),
        ("md", "## Sources"),
        ("code", "briefing.show_sources(tables, force)"),
    ],
    "national_overview.ipynb": [
        ("code", SETUP),
        ("parameters", "processed_dir = str(config.PROCESSED_DIR)"),
        ("code", "tables = briefing.load(processed_dir)\n"
                 'briefing.show_page_title("All forces: child protection inspections")'),
        ("code", "briefing.show_chart(charts.national_view(tables))"),
        ("code", "briefing.show_national(tables)"),
        ("md", "## Time to publish"),
        ("code", "briefing.show_chart(charts.lag_across_forces(tables))"),
        ("md", "## Sources"),
        ("code", "briefing.show_sources(tables)"),
    ],
}


def build(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = KERNEL
    nb.metadata["language_info"] = {"name": "python"}
    for kind, source in cells:
        if kind == "md":
            nb.cells.append(nbformat.v4.new_markdown_cell(source))
        else:
            cell = nbformat.v4.new_code_cell(source)
            if kind == "parameters":
                cell.metadata["tags"] = ["parameters"]
            nb.cells.append(cell)
    for i, cell in enumerate(nb.cells):  # stable ids: regenerating gives an identical file
        cell["id"] = f"cell-{i:02d}"
    return nb


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        nbformat.write(build(cells), str(HERE / name))
        print("wrote", HERE / name)


if __name__ == "__main__":
    main()
