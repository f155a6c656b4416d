"""Findings by area: the latest report, the change since the baseline, the national view, the
briefing section (escaped, cited) and the charts (ax= convention)."""
import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from reportkit.analysis import area_changes, findings_table, latest_findings, national_concerns  # noqa: E402
from reportkit.charts import area_by_force, area_concerns, areas_by_force  # noqa: E402
from reportkit.report.findings_view import (  # noqa: E402
    document_findings_html,
    findings_html,
    national_findings_html,
)


def _docs():
    rows = [("a1", "kent/2014.pdf", "kent", "inspection", "2014-09-01", "pdf"),
            ("a2", "kent/2016.pdf", "kent", "review", "2016-03-01", "pdf"),
            ("b1", "essex/2015.html", "essex", "inspection", "2015-05-01", "html"),
            ("n1", "national/thematic.pdf", "national", "thematic", "2015-07-01", "pdf"),
            ("p1", "kent/press.html", "kent", "press", "2016-03-02", "html")]
    d = pd.DataFrame(rows, columns=["doc_id", "path", "force", "kind", "published", "format"])
    d["published"] = pd.to_datetime(d["published"])
    d["published_precision"] = "month"
    d["title"] = d["path"]
    d["status"] = "ok"
    return d


def _f(doc, n, area, polarity, kind="practice", text=None, dup=None, page=3, rec=None):
    force = {"a": "kent", "b": "essex", "n": "national", "p": "kent"}[doc[0]]
    return {"doc_id": doc, "force": force, "finding": n, "area": area, "section": "S",
            "polarity": polarity, "type": kind, "recommendation": rec, "duplicate_of": dup,
            "text": text or f"{doc} finding {n}.", "cue": "x", "page": page}


@pytest.fixture
def tables():
    rows = [
        _f("a1", 1, "police_detention", "concern"), _f("a1", 2, "investigation", "concern"),
        _f("a1", 3, "initial_contact", "strength"), _f("a1", 4, "trusted_adult", "concern"),
        _f("a2", 1, "police_detention", "concern", "progress", rec="6"),
        _f("a2", 2, "investigation", "strength"), _f("a2", 3, "initial_contact", "concern"),
        _f("a2", 4, "initial_contact", "concern", "summary", dup=3),  # counted once
        _f("a2", 5, "decision_making", "strength",
           text='Officers said "<script>alert(1)</script>" & more.', page=12),
        _f("b1", 1, "police_detention", "concern"), _f("b1", 2, "investigation", "strength"),
        _f("n1", 1, "police_detention", "concern"),
        _f("p1", 1, "police_detention", "concern"),  # a press page states no findings of its own
    ]
    return {"documents": _docs(), "findings": pd.DataFrame(rows)}


def test_duplicates_and_non_reports_are_left_out(tables):
    f = findings_table(tables)
    assert len(f) == 11 and "p1" not in set(f["doc_id"])
    assert not ((f["doc_id"] == "a2") & (f["finding"] == 4)).any()


def test_latest_report_by_area(tables):
    f = latest_findings(tables, "kent")
    assert set(f["doc_id"]) == {"a2"}
    assert list(f["area"]) == ["initial_contact", "investigation", "decision_making",
                               "police_detention"]  # the vocabulary's order of areas


def test_change_per_area_since_the_baseline(tables):
    c = area_changes(tables, "kent").set_index("area")["change"].to_dict()
    assert c == {"initial_contact": "new", "investigation": "resolved",
                 "decision_making": "no_concern", "trusted_adult": "not_covered_now",
                 "police_detention": "persisting"}
    assert area_changes(tables, "essex").empty  # one report: nothing to compare


def test_areas_most_often_of_concern_across_forces(tables):
    n = national_concerns(tables)
    top = n.iloc[0]
    assert (top["area"], top["forces_with_concern"], top["forces_with_findings"]) == (
        "police_detention", 2, 2)  # kent's latest and essex's; the thematic is not a force
    inv = n.set_index("area").loc["investigation"]
    assert (inv["forces_with_concern"], inv["forces_with_findings"]) == (0, 2)


def test_briefing_section_is_escaped_and_cited(tables):
    html = findings_html(tables, "kent")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; more" in html
    assert "(p.\u00a012)" in html and "progress on recommendation 6" in html
    assert "<h3>Police detention</h3>" in html and "Since the baseline" in html
    assert "a new concern" in html and "no concern stated now (derived)" in html
    assert "states 2 concerns and 2 strengths in 4 areas" in html
    essex = findings_html(tables, "essex")
    assert "(web page)" in essex


def test_national_section_has_its_table_and_charts(tables):
    html = national_findings_html(tables)
    assert html.count("<img") == 2 and "police detention was most often a concern" in html


def test_document_listing_marks_each_place(tables, tmp_path):
    doc = tables["documents"].set_index("doc_id").loc["a2"].copy()
    doc["doc_id"] = "a2"
    html = document_findings_html(tables, doc, tmp_path)  # the PDF is not there: marked quotes
    assert html.count("<mark>") == 5 and "Restates no." in html


def test_charts_draw_into_the_callers_axes(tables):
    fig, (a, b) = plt.subplots(1, 2)
    assert area_concerns(tables, ax=a) is fig and area_by_force(tables, "police_detention", ax=b) is fig
    assert "2 of 2" in a.get_title(loc="left") and "2 of 2" in b.get_title(loc="left")
    labels = [t.get_text() for t in b.get_yticklabels()]
    assert len(labels) == 2
    grid = areas_by_force(tables)
    assert len([ax for ax in grid.axes if ax.axison]) == len(national_concerns(tables))
    plt.close("all")
