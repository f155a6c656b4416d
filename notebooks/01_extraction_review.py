# ---
# jupyter:
#   jupytext:
#     formats: ipynb,py:percent
#     notebook_metadata_filter: kernelspec,jupytext,-jupytext.text_representation.jupytext_version
#     text_representation:
#       extension: .py
#       format_name: percent
#       format_version: '1.3'
#   kernelspec:
#     display_name: Python (reportkit)
#     language: python
#     name: reportkit
# ---

# %% [markdown]
# # Extraction review
# One document: every figure and every finding with its page, quote and the highlighted place it
# came from.

# %%
from reportkit import analysis, charts, config, load
from reportkit.report import briefing, findings_view
briefing.setup()

# %% tags=["parameters"]
doc = ""  # a doc_id or a path under raw_dir; empty: the first graded PDF
raw_dir = str(config.RAW_DIR)
processed_dir = str(config.PROCESSED_DIR)

# %%
tables = load(processed_dir)
document = briefing.pick_document(tables, doc)
briefing.show_document(document)

# %% [markdown]
# ## Every figure

# %%
briefing.show_figures(tables, document["doc_id"])

# %% [markdown]
# ## Where each figure was found

# %%
briefing.show_snippets(tables, document, raw_dir)

# %% [markdown]
# ## Every finding
# What inspectors found, sentence by sentence: its area (from the section's heading, else from what
# it is about), strength or concern, type (practice, progress on a recommendation, summary) and
# the place on the page.

# %%
findings_view.show_document_findings(tables, document, raw_dir)

# %% [markdown]
# ## The rows themselves

# %%
tables.case_grades[tables.case_grades["doc_id"] == document["doc_id"]]
