"""reportkit inside someone else's notebook: importing it changes nothing global, charts draw into
the caller's axes, and the tables load as one object."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = r"""
import json, logging, warnings
import matplotlib
matplotlib.use("module://matplotlib_inline.backend_inline")
import matplotlib.pyplot as plt
# the libraries reportkit builds on, first: what they do on import is theirs, not ours
import numpy, pandas, pandera.pandas, scipy.stats, seaborn, pdfplumber, pypdfium2, trafilatura  # noqa
before = {"backend": matplotlib.get_backend(), "rc": dict(plt.rcParams),
          "handlers": len(logging.getLogger().handlers), "level": logging.getLogger().level,
          "filters": len(warnings.filters)}
import reportkit, reportkit.charts, reportkit.report.briefing, reportkit.analysis  # noqa: E401
after = {"backend": matplotlib.get_backend(), "rc": dict(plt.rcParams),
         "handlers": len(logging.getLogger().handlers), "level": logging.getLogger().level,
         "filters": len(warnings.filters)}
changed = sorted(k for k in before["rc"] if str(before["rc"][k]) != str(after["rc"][k]))
print(json.dumps({"backend": [before["backend"], after["backend"]], "rc_changed": changed,
                  "handlers": [before["handlers"], after["handlers"]],
                  "level": [before["level"], after["level"]],
                  "filters": [before["filters"], after["filters"]]}))
"""


def test_importing_reportkit_changes_no_global_state():
    out = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["backend"][0] == seen["backend"][1], "importing reportkit switched the backend"
    assert seen["rc_changed"] == [], f"importing reportkit changed rcParams: {seen['rc_changed']}"
    assert seen["handlers"][0] == seen["handlers"][1] and seen["level"][0] == seen["level"][1]
    assert seen["filters"][0] == seen["filters"][1], "importing reportkit changed warning filters"


def test_house_style_stays_inside_its_block():
    import matplotlib.pyplot as plt

    from reportkit.charts.style import house_style

    before = plt.rcParams["axes.titleweight"], plt.rcParams["axes.spines.top"]
    with house_style():
        assert plt.rcParams["axes.titleweight"] == "bold"
        assert plt.rcParams["axes.spines.top"] is False
    assert (plt.rcParams["axes.titleweight"], plt.rcParams["axes.spines.top"]) == before


def test_a_chart_draws_into_the_callers_axes(demo_tables):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from reportkit import charts

    fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4))
    returned = charts.grade_distribution(demo_tables, "west-yorkshire", ax=right)
    assert returned is fig  # the caller's figure comes back, so it displays in JupyterLab
    assert right.patches and not left.patches  # bars drawn where asked, nowhere else
    assert right.get_title(loc="left")  # the title that states the finding is on the axes
    plt.close(fig)


def test_load_gives_attributes_and_a_mapping(demo_processed):
    import reportkit

    t = reportkit.load(demo_processed)
    assert t.case_grades is t["case_grades"] and len(t.case_grades) > 0
    with pytest.raises(AttributeError, match="no table 'case_grade'"):
        t.case_grade  # noqa: B018 - the error must name the tables that exist


def test_the_command_line_is_the_only_place_logging_is_configured(tmp_path):
    """The CLI sets up logging (-v for more); the library only logs to its own loggers."""
    raw = tmp_path / "raw" / "kent"
    raw.mkdir(parents=True)
    (raw / "note.txt").write_text("Kent Police said nothing today.\n", encoding="utf-8")
    quiet = subprocess.run([sys.executable, "-m", "reportkit", "extract", "--raw", str(raw.parent),
                            "--out", str(tmp_path / "out"), "-q"], capture_output=True, text=True)
    loud = subprocess.run([sys.executable, "-m", "reportkit", "-vv", "extract", "--raw",
                           str(raw.parent), "--out", str(tmp_path / "out2"), "-q", "--no-cache"],
                          capture_output=True, text=True)
    assert "reportkit: DEBUG" not in quiet.stderr
    assert "reportkit: DEBUG" in loud.stderr or "reportkit: INFO" in loud.stderr


@pytest.mark.parametrize(("kind", "genre", "said"), [
    ("review", "publication_page", "publication page of the post-inspection review"),
    ("press", "force_statement", "force statement"),
    ("press", "press_release", "inspectorate's press release"),
    ("pcc_response", "letter", "commissioner's letter"),
    ("pcc_response", "panel_minutes", "police and crime panel minutes"),
    ("inspection", "report", "inspection"),
    ("press", None, "press article"),
])
def test_a_document_is_named_by_its_genre_where_that_says_more(kind, genre, said):
    from reportkit.vocabulary import document_words

    assert document_words(kind, genre) == said
