"""The force-by-area heatmap and the status step chart (issue 13): real PNG and SVG files, the
scale stated, area grades kept off any case-share axis, ``ax=``, and the briefing views escaped."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from PIL import Image  # noqa: E402

from reportkit.analysis.areas import area_grid, latest_method  # noqa: E402
from reportkit.analysis.status import status_history  # noqa: E402
from reportkit.charts import area_heatmap, status_steps  # noqa: E402
from reportkit.charts.style import save  # noqa: E402
from reportkit.report import methods_view  # noqa: E402
from reportkit.tables.store import coerce  # noqa: E402

AREAS = ("leadership", "partnership", "initial_response", "risk_assessment", "investigation")


def _tables() -> dict[str, pd.DataFrame]:
    docs = pd.DataFrame([
        {"doc_id": "k25", "path": "kent/a.pdf", "force": "kent", "kind": "inspection", "genre": "report",
         "title": "Kent <b>inspection</b>", "published": "2025-05-20", "published_precision": "day"},
        {"doc_id": "k26", "path": "kent/b.html", "force": "kent", "kind": "reinspection", "genre": "report",
         "title": "Kent re-inspection", "published": "2026-03-17", "published_precision": "day"},
        {"doc_id": "g24", "path": "greater-manchester/c.pdf", "force": "greater-manchester",
         "kind": "inspection", "genre": "report", "title": "GMP", "published": "2024-12-05",
         "published_precision": "day"},
        {"doc_id": "g14", "path": "greater-manchester/d.pdf", "force": "greater-manchester",
         "kind": "inspection", "genre": "report", "title": "GMP 2014", "published": "2014-12-11",
         "published_precision": "day"},
        {"doc_id": "t1", "path": "kent/t.txt", "force": "kent", "kind": "inspection",
         "genre": "recommendation_tracker", "title": "Kent (1)", "published": "2025-05-20",
         "published_precision": "day"},
    ])
    grades25 = dict(zip(AREAS, ["requires_improvement", "good", "adequate", "requires_improvement",
                                "inadequate"], strict=True))
    grades26 = dict(zip(AREAS, ["adequate", "good", "adequate", "adequate", "requires_improvement"],
                        strict=True))
    rows = [{"doc_id": d, "force": "kent", "area": a, "grade": g, "areas": None, "page": 1,
             "quote": f"{a}: <script>alert(1)</script>$x$", "basis": "stated"}
            for d, grades in (("k25", grades25), ("k26", grades26)) for a, g in grades.items()]
    rows += [{"doc_id": "g24", "force": "greater-manchester", "area": None, "grade": g, "areas": n,
              "page": 2, "quote": "good in two areas and adequate in three", "basis": "count"}
             for g, n in (("good", 2), ("adequate", 3))]
    status = [{"doc_id": "t1", "force": "kent", "recommendation": "1", "tracker_id": "1",
               "status": s, "status_text": s.replace("_", "-"), "date": d, "precision": "day",
               "comment": "<i>comment</i>", "source": "tracker", "page": 1, "quote": "q"}
              for s, d in (("awaiting_review", "2025-05-20"), ("being_progressed", "2025-08-01"))]
    status.append({"doc_id": "k26", "force": "kent", "recommendation": "1", "tracker_id": None,
                   "status": "complete", "status_text": "achieved", "date": "2026-03-17",
                   "precision": "day", "comment": None, "source": "review", "page": 1, "quote": "q"})
    cases = [{"doc_id": "g14", "force": "greater-manchester", "assessor": "inspectorate",
              "subset": "all", "grade": g, "cases": n, "total": 30, "page": 3, "quote": "q",
              "scale": "four", "basis": "stated"}
             for g, n in (("good", 8), ("adequate", 16), ("requires_improvement", 1), ("inadequate", 5))]
    return {"documents": coerce(docs, "documents"), "area_grades": coerce(pd.DataFrame(rows), "area_grades"),
            "recommendation_status": coerce(pd.DataFrame(status), "recommendation_status"),
            "case_grades": coerce(pd.DataFrame(cases), "case_grades")}


def _assert_real_image(paths):
    png, svg = paths
    pixels = np.asarray(Image.open(png).convert("RGB"))
    assert pixels.shape[0] > 200 and pixels.shape[1] > 400
    assert len(np.unique(pixels.reshape(-1, 3), axis=0)) > 20
    assert "<svg" in svg.read_text(encoding="utf-8")[:500]


def _all_text(fig) -> str:
    return " ".join(t.get_text() for t in fig.findobj(matplotlib.text.Text))


def test_the_grid_is_the_latest_area_report_per_force():
    grid = area_grid(_tables()).set_index("force")
    assert grid.loc["kent", "investigation"] == "requires_improvement"  # 2026, not 2025
    assert grid.loc["kent", "doc_id"] == "k26"
    assert grid.loc["greater-manchester", list(AREAS)].isna().all()  # counts name no area
    assert grid.loc["greater-manchester", "counts_only"] == "good in two areas and adequate in three"


def test_heatmap_states_its_scale_and_shows_no_case_shares(tmp_path):
    fig = area_heatmap(_tables())
    text = _all_text(fig)
    assert "Five-point scale, best first" in text
    for grade in ("Outstanding", "Good", "Adequate", "Requires improvement", "Inadequate"):
        assert grade in text
    assert "%" not in text and "cases" not in text  # never case-grade shares on this chart
    assert "not named" in text  # Greater Manchester's counts fill no cell
    _assert_real_image(save(fig, "heat", tmp_path))


def test_step_chart_one_row_per_recommendation(tmp_path):
    tables = _tables()
    history = status_history(tables, "kent")
    assert list(history["status"].astype(str)) == ["awaiting_review", "being_progressed", "complete"]
    assert set(history["report_doc_id"]) == {"k25"}  # tracker with the report; review's baseline
    fig = status_steps(tables, "kent")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Recommendation 1 (2025 report)"]
    assert "higher in a row = further along" in _all_text(fig)
    _assert_real_image(save(fig, "steps", tmp_path))


def test_charts_draw_into_the_callers_axes():
    for chart in (lambda ax: area_heatmap(_tables(), ax=ax), lambda ax: status_steps(_tables(), "kent", ax=ax)):
        fig, ax = plt.subplots(figsize=(12, 4))
        assert chart(ax) is fig and len(fig.axes) == 1
        assert ax.get_title(loc="left")
        plt.close(fig)


def test_empty_corpus_charts_say_so():
    tables = _tables()
    tables["area_grades"] = tables["area_grades"].iloc[0:0]
    assert "No report in the corpus grades the five areas." in _all_text(area_heatmap(tables))
    assert "No recommendation status" in _all_text(status_steps(tables, "metropolitan"))


def test_methods_in_plain_words_and_latest_headline():
    tables = _tables()
    latest = latest_method(tables, "greater-manchester")
    assert (latest["method"], latest["headline"]) == ("areas", "good in two areas and adequate in three")
    said = methods_view.method_sentences(tables, "greater-manchester")
    assert said[0].startswith("The inspection (11 December 2014) graded the cases it examined on four grades")
    assert "27% good" in said[0] and "worked out from the counts" in said[0]
    assert "graded five areas on a five-point scale" in said[1]
    line = methods_view.method_line(tables, "kent")
    assert line.startswith("Latest: re-inspection (17 March 2026)")


def test_views_escape_document_text():
    tables = _tables()
    pages = [methods_view.show_area_grades(tables, "kent").data,
             methods_view.show_status(tables, "kent").data,
             methods_view.show_area_grid(tables).data, methods_view.show_methods(tables, "kent").data]
    for page in pages:
        assert "<script>" not in page and "<i>" not in page and "<b>" not in page
    assert "&lt;script&gt;" in pages[0] and "&lt;i&gt;comment&lt;/i&gt;" in pages[1]
