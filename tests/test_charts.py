"""Every chart renders to a real, non-blank PNG and SVG; colours and titles follow the house style."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from PIL import Image  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from test_compare import facts_tables  # noqa: E402
from test_tracking import _tables as tracking_tables  # noqa: E402

from reportkit.charts import plots as charts
from reportkit.charts import style  # noqa: E402

QUOTE = "11 were good, 20 required improvement and 3 were inadequate"


def _assert_real_image(paths):
    png, svg = paths
    assert png.suffix == ".png" and svg.suffix == ".svg"
    assert png.stat().st_size > 5_000 and svg.stat().st_size > 1_000
    pixels = np.asarray(Image.open(png).convert("RGB"))
    assert pixels.shape[0] > 200 and pixels.shape[1] > 400
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20  # not a single colour
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]


def _texts(fig) -> str:
    return " ".join(" ".join(t.get_text().split()) for t in fig.texts)  # titles wrap


@pytest.fixture
def review_pdf(tmp_path):
    path = tmp_path / "wy-review.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawString(72, 780, "West Yorkshire Police 25-28 August 2015")
    c.showPage()
    for i, line in enumerate(["Case file analysis",
                              "HMIC examined 34 child protection cases during the review.",
                              f"Of these, {QUOTE}.",
                              "Five of the seven custody cases required improvement."]):
        c.drawString(72, 760 - 16 * i, line)
    c.showPage()
    c.save()
    return path


def test_grade_distribution(tmp_path):
    fig = charts.grade_distribution(facts_tables(), "west-yorkshire")
    assert "too few cases to show a change" in _texts(fig)
    assert "sum to 34" in _texts(fig)  # the flagged 2014 figures are footnoted on the chart
    ax = fig.axes[0]
    colours = {to_hex(p.get_facecolor()) for p in ax.patches}
    assert style.GRADE_COLOURS["good"].lower() in colours
    assert style.GRADE_COLOURS["inadequate"].lower() in colours
    assert "%" in ax.get_xlabel()
    _assert_real_image(charts.save(fig, "grades", tmp_path))
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp files left


def test_grade_colours_are_the_same_in_every_view(tmp_path):
    for view in ("main", "adequate_as_good"):
        ax = charts.grade_distribution(facts_tables(), "west-yorkshire", view=view).axes[0]
        first = ax.patches[0]  # the first segment of the first bar is always good here
        assert to_hex(first.get_facecolor()) == style.GRADE_COLOURS["good"].lower()


def test_recommendation_progress(tmp_path):
    fig = charts.recommendation_progress(tracking_tables(), "west-yorkshire")
    # 3 of the 4 were followed up: the title counts those, and says one was not
    assert ("1 of the 3 recommendations followed up made little or no progress by the Mar 2016 "
            "follow-up; 1 was not followed up") in _texts(fig)
    _assert_real_image(charts.save(fig, "progress", tmp_path))
    empty = charts.recommendation_progress(facts_tables(), "west-yorkshire")
    _assert_real_image(charts.save(empty, "progress-empty", tmp_path))


def test_force_timeline_with_and_without_the_56_day_window(tmp_path):
    fig = charts.force_timeline(facts_tables(), "west-yorkshire")
    assert "193 days after fieldwork" in _texts(fig) and "38 days" in _texts(fig)
    assert "No 56-day window" in _texts(fig)
    _assert_real_image(charts.save(fig, "timeline", tmp_path))
    t = facts_tables()
    t["documents"] = pd.concat([t["documents"], pd.DataFrame([
        {"doc_id": "wy-2018", "force": "west-yorkshire", "kind": "review",
         "published": pd.Timestamp("2018-06-12"), "published_precision": "day",
         "fieldwork_end": pd.Timestamp("2018-01-19")},
        {"doc_id": "wy-pcc-2018", "force": "west-yorkshire", "kind": "pcc_response",
         "published": pd.Timestamp("2018-08-11"), "published_precision": "day",
         "answers_doc_id": "wy-2018"}])], ignore_index=True)
    fig = charts.force_timeline(t, "west-yorkshire")
    labels = [h.get_label() for h in fig.axes[0].get_legend().legend_handles]
    assert "56-day window" in labels and "60 days" in _texts(fig)
    _assert_real_image(charts.save(fig, "timeline-2018", tmp_path))


def test_lag_across_forces(tmp_path):
    fig = charts.lag_across_forces(facts_tables(), highlight="west-yorkshire")
    assert "Days" in fig.axes[0].get_xlabel()
    assert "West Yorkshire Police's 2016 review took 193 days" in _texts(fig)
    _assert_real_image(charts.save(fig, "lag", tmp_path))


def test_national_view(tmp_path):
    fig = charts.national_view(tracking_tables())
    assert "7 forces" in _texts(fig)
    _assert_real_image(charts.save(fig, "national", tmp_path))


def test_evidence_snippet_highlights_the_quote(review_pdf, tmp_path):
    fig = charts.evidence_snippet(review_pdf, 2, QUOTE)
    assert "page 2" in _texts(fig)
    paths = charts.save(fig, "snippet", tmp_path)
    _assert_real_image(paths)
    pixels = np.asarray(Image.open(paths[0]).convert("RGB")).astype(int)
    # The Okabe-Ito yellow highlight (blended over white) is on the image.
    yellowish = (pixels[..., 0] > 200) & (pixels[..., 1] > 190) & (pixels[..., 2] < 190)
    assert yellowish.sum() > 500
    with pytest.raises(LookupError, match="not found on page 2"):
        charts.evidence_snippet(review_pdf, 2, "a sentence that is not there")
    with pytest.raises(LookupError, match="page 9"):
        charts.evidence_snippet(review_pdf, 9, QUOTE)


def test_a_quote_is_found_across_a_hyphenated_line_break():
    from reportkit.read.document import Word
    from reportkit.read.snippet import _find_run

    words = [Word(t, 10.0 * i, 0, 10.0 * i + 8, 10) for i, t in
             enumerate(["before", "the", "inspec-", "tion", "(8", "good,", "16", "adequate)"])]
    boxes = _find_run(words, "the inspection\n(8 good, 16")
    assert [b[0] for b in boxes] == [10.0, 20.0, 30.0, 40.0, 50.0, 60.0]
    assert _find_run(words, "the inspection (9 good") == []


def test_document_text_is_never_read_as_mathtext():
    """A recommendation quoting '$\\nosuchmacro{x}$' is drawn as written, and the page is built."""
    t = tracking_tables()
    t["recommendations"] = t["recommendations"].copy()
    weird = r"Spend $\nosuchmacro{x}$ and $5m on training"
    t["recommendations"].loc[t["recommendations"].index[0], "text"] = weird
    fig = charts.recommendation_progress(t, "west-yorkshire")
    labels = [x.get_text() for x in fig.axes[0].get_yticklabels()]
    assert any("$\\nosuchmacro{x}$" in label for label in labels)
    page = style.chart_html(fig)  # saved outside the house style, as a briefing saves it
    assert page.count("data:image/png;base64,") == 2


def test_a_chart_in_a_page_has_a_phone_version_that_is_narrower(tmp_path):
    import base64
    import io
    import re

    fig = charts.grade_distribution(facts_tables(), "west-yorkshire")
    page = style.chart_html(fig)
    wide, narrow = (Image.open(io.BytesIO(base64.b64decode(m)))
                    for m in reversed(re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)))
    assert f'media="(max-width: {style.PHONE_MAX_PX}px)"' in page and " 1.5x" in page
    assert 'alt="West Yorkshire Police: ' in page  # the title, for a reader who cannot see it
    # shown at 1.5 pixels per CSS pixel, the phone chart fits a 390 px screen with little shrinking
    assert narrow.width / 1.5 < 520 < wide.width
    with style.narrow():
        small = charts.grade_distribution(facts_tables(), "west-yorkshire")
    assert small.get_figwidth() == style.PHONE_WIDTH
    assert not small.axes[0].get_yticklabels()  # labels sit above the bars, not beside them
