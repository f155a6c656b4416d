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
force = "all"  # a force slug, or "all"
processed_dir = str(config.PROCESSED_DIR)

# %%
tables = load(processed_dir)
slug = briefing.resolve_force(force)
briefing.show_page_title(f"Timeliness for {briefing.force_name(slug)}")

# %%
briefing.show_chart(charts.force_timeline(tables, slug) if slug
                     else charts.lag_across_forces(tables))

# %% [markdown]
# ## Per report
# Lags are ranges where a date is known only to the month. The response counted is the commissioner's formal response; public statements are shown apart. The 56-day limit applies to reports published from 31 January 2017. Dates two sources give differently follow the table.

# %%
briefing.show_timeliness(tables, slug)

# %% [markdown]
# ## The table behind it

# %%
analysis.lag_table(tables, slug).head()

# %% [markdown]
# ## Notes

# %%
briefing.show_notes(tables, slug)
