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
force = "west-yorkshire"
processed_dir = str(config.PROCESSED_DIR)

# %%
tables = load(processed_dir)
briefing.show_title(force)

# %%
briefing.show_headline(tables, force)

# %% [markdown]
# ## How each report graded the force

# %%
methods_view.show_methods(tables, force)

# %%
methods_view.show_area_grades(tables, force)

# %% [markdown]
# ## Baseline against follow-up

# %%
briefing.show_grade_chart(tables, force)

# %%
briefing.show_comparison(tables, force)

# %% [markdown]
# ## What inspectors found

# %%
findings_view.show_findings(tables, force)

# %% [markdown]
# ## Recommendations and progress

# %%
briefing.show_progress_chart(tables, force)

# %%
briefing.show_progress(tables, force)

# %% [markdown]
# ## Each recommendation's status over time

# %%
methods_view.show_status(tables, force)

# %% [markdown]
# ## Timeline and lags

# %%
briefing.show_timeline_chart(tables, force)

# %%
briefing.show_timeliness(tables, force)

# %% [markdown]
# ## What the press and the commissioner said

# %%
briefing.show_claims(tables, force)

# %% [markdown]
# ## Sources

# %%
briefing.show_sources(tables, force)

# %% [markdown]
# ## Notes

# %%
briefing.show_notes(tables, force)

# %% tags=["analyst"]
tables.case_grades[tables.case_grades["force"] == briefing.resolve_force(force)]
