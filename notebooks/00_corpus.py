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
# # The corpus
# What is in the raw folder and what extraction made of it.

# %%
from reportkit import analysis, charts, config, load
from reportkit.report import briefing
briefing.setup()

# %% tags=["parameters"]
raw_dir = str(config.RAW_DIR)
processed_dir = str(config.PROCESSED_DIR)

# %%
tables = load(processed_dir)
briefing.show_staleness(raw_dir, processed_dir)

# %%
briefing.show_chart(briefing.corpus_chart(tables))

# %% [markdown]
# ## Status per document

# %%
briefing.show_corpus(tables)

# %% [markdown]
# ## Warnings and errors
# Files to check by hand: the reason is in plain words.

# %%
briefing.show_log(tables)

# %% [markdown]
# ## The tables
# Each table is a DataFrame, by attribute or by name (`tables.documents`, `tables["case_grades"]`); docs/data-dictionary.md describes every column.

# %%
{name: len(df) for name, df in tables.items()}

# %%
tables.documents.head()

# %%
tables.case_grades.head()
