"""The committed notebooks: clean, parameterised, paired with their percent scripts (jupytext),
and each one runs under papermill on the demo."""
from __future__ import annotations

import jupytext
import nbformat
import papermill as pm
import pytest
from test_briefings import demo_dirs, visible_text

from reportkit import config
from reportkit.report.export import ANALYST_TAG, for_readers, to_html

NOTEBOOKS = ["00_corpus.ipynb", "01_extraction_review.ipynb", "02_baseline_vs_followup.ipynb",
             "03_timeliness.ipynb", "force_briefing.ipynb", "national_overview.ipynb"]


def _cells(nb) -> list[tuple]:
    return [(c.cell_type, c.source, tuple(c.metadata.get("tags", []))) for c in nb.cells]


def test_the_folder_holds_the_notebooks_and_their_scripts_only():
    folder = config.NOTEBOOKS_DIR
    assert sorted(p.name for p in folder.glob("*.ipynb")) == sorted(NOTEBOOKS)
    assert sorted(p.stem for p in folder.glob("*.py")) == sorted(n[:-6] for n in NOTEBOOKS)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_is_committed_clean_and_parameterised(name):
    nb = nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata.kernelspec["name"] == "reportkit"
    assert nb.metadata.kernelspec["display_name"] == "Python (reportkit)"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code)
    tagged = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "processed_dir" in pm.inspect_notebook(str(config.NOTEBOOKS_DIR / name))
    # thin: each cell is a call or two into reportkit, the work lives in the package
    assert all(len(c.source.splitlines()) <= 3 for c in code)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_and_its_percent_script_agree(name):
    """Edit either (JupyterLab with jupytext keeps both); a commit of one without the other fails."""
    nb = nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4)
    script_path = config.NOTEBOOKS_DIR / name.replace(".ipynb", ".py")
    script = jupytext.read(script_path)
    assert nb.metadata.jupytext["formats"] == "ipynb,py:percent"
    assert _cells(script) == _cells(nb), f"run `jupytext --sync notebooks/{name}`"
    assert script.metadata.kernelspec["name"] == nb.metadata.kernelspec["name"]
    assert script_path.read_text(encoding="utf-8").startswith("# ---\n# jupyter:")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_shows_the_dataframes_an_analyst_starts_from(name):
    """Not only rendered HTML: a cell ends in a DataFrame (a table's rows or an analysis result)."""
    nb = nbformat.read(config.NOTEBOOKS_DIR / name, as_version=4)
    last_lines = [c.source.splitlines()[-1] for c in nb.cells if c.cell_type == "code" and c.source]
    frames = [line for line in last_lines
              if line.startswith(("tables.", "analysis.", "comparison.", "{name: len"))]
    assert frames, f"{name} shows no DataFrame"


def test_analyst_cells_are_left_out_of_the_readers_page():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("1"), nbformat.v4.new_code_cell("2")]
    nb.cells[1].metadata["tags"] = [ANALYST_TAG]
    assert [c.source for c in for_readers(nb).cells] == ["1"]


def _parameters(name: str, raw, processed) -> dict:
    params = {"processed_dir": str(processed)}
    if name in ("00_corpus.ipynb", "01_extraction_review.ipynb"):
        params["raw_dir"] = str(raw)
    if name in ("02_baseline_vs_followup.ipynb", "force_briefing.ipynb"):
        params["force"] = "west-yorkshire"
    return params


@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_under_papermill_on_the_demo(name, tmp_path_factory, tmp_path):
    raw, processed = demo_dirs(tmp_path_factory)
    out = tmp_path / name
    nb = pm.execute_notebook(str(config.NOTEBOOKS_DIR / name), str(out),
                             parameters=_parameters(name, raw, processed),
                             kernel_name=config.KERNEL_NAME, progress_bar=False,
                             cwd=str(config.NOTEBOOKS_DIR))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert not [o for o in outputs if o.get("name") == "stderr"], "a warning leaked out"
    shown = [o for o in outputs if o.output_type in ("display_data", "execute_result")]
    assert shown, f"{name} shows nothing"
    text = visible_text(to_html(nb))
    assert "Traceback" not in text and len(text) > 200


@pytest.mark.slow
def test_timeliness_notebook_runs_for_one_force(tmp_path_factory, tmp_path):
    _, processed = demo_dirs(tmp_path_factory)
    nb = pm.execute_notebook(str(config.NOTEBOOKS_DIR / "03_timeliness.ipynb"),
                             str(tmp_path / "t.ipynb"), kernel_name=config.KERNEL_NAME,
                             parameters={"force": "west-yorkshire",
                                         "processed_dir": str(processed)}, progress_bar=False)
    assert "West Yorkshire" in visible_text(to_html(nb))
