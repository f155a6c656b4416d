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

# %%
from reportkit import analysis, charts, config, load
from reportkit.report import briefing
briefing.setup()

# %% tags=["parameters"]
force = "west-yorkshire"
processed_dir = str(config.PROCESSED_DIR)

# %%
tables = load(processed_dir)
briefing.show_page_title(f"{briefing.force_name(force)}: "
                         "baseline against follow-up")

# %%
briefing.show_grade_chart(tables, force)

# %%
briefing.show_comparison(tables, force)

# %% [markdown]
# ## Does the verdict depend on how 'adequate' is counted?
# The 2014-15 inspections graded on four levels, later reports on three. The change in each view:

# %%
briefing.show_changes(tables, force)

# %% [markdown]
# ## How grades were harmonised

# %%
briefing.show_mapping()

# %% [markdown]
# ## The numbers behind the chart
# One row per grade, document and view; `comparison.changes` has the tests.

# %%
comparison = analysis.compare(tables, force)
comparison.grades.head(10)

# %% [markdown]
# ## Notes

# %%
briefing.show_notes(tables, force)
