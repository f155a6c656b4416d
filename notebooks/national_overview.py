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
from reportkit.report import briefing, findings_view, methods_view
briefing.setup()

# %% tags=["parameters"]
processed_dir = str(config.PROCESSED_DIR)

# %%
tables = load(processed_dir)
briefing.show_page_title("All forces: child protection inspections")

# %%
briefing.show_chart(charts.national_view(tables))

# %%
briefing.show_national(tables)

# %% [markdown]
# ## Graded areas since April 2024

# %%
methods_view.show_area_grid(tables)

# %% [markdown]
# ## Areas most often of concern

# %%
findings_view.show_national_findings(tables)

# %% [markdown]
# ## Time to publish

# %%
briefing.show_chart(charts.lag_across_forces(tables))

# %% [markdown]
# ## Sources

# %%
briefing.show_sources(tables)

# %% tags=["analyst"]
analysis.national_summary(tables)
