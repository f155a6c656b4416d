"""Work a briefing asks for twice is done once: analysis results remembered per loaded tables object,
charts printed from one drawing, and the heavy libraries imported only where they are used."""
from __future__ import annotations

import base64
import gc
import io
import json
import re
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from PIL import Image  # noqa: E402
from test_compare import facts_tables  # noqa: E402
from test_findings_analysis import tables  # noqa: E402,F401  (a fixture: findings of four forces)

from reportkit.analysis import comparison, memo  # noqa: E402
from reportkit.charts import plots, style  # noqa: E402
from reportkit.tables.store import Tables  # noqa: E402

CALLS: list[str] = []


@memo.per_tables
def _counted(t, name: str) -> pd.DataFrame:
    CALLS.append(name)
    return t[name].head(3)


def _tables() -> Tables:
    return Tables(facts_tables())


def test_a_result_is_computed_once_per_tables_object_and_each_caller_gets_its_own_copy():
    CALLS.clear()
    t = _tables()
    first = _counted(t, "case_grades")
    first.loc[first.index[0], "cases"] = -1
    again = _counted(t, "case_grades")
    assert CALLS == ["case_grades"]
    assert again.loc[again.index[0], "cases"] != -1
    assert _counted(t, "documents") is not None and CALLS == ["case_grades", "documents"]


def test_replacing_a_table_or_loading_again_computes_afresh():
    CALLS.clear()
    t = _tables()
    _counted(t, "case_grades")
    t["case_grades"] = t["case_grades"].iloc[:2].copy()
    assert len(_counted(t, "case_grades")) == 2 and len(CALLS) == 2
    _counted(_tables(), "case_grades")  # another object, though equal: its own results
    assert len(CALLS) == 3


def test_a_plain_dict_is_never_remembered_and_a_collected_tables_object_leaves_nothing():
    CALLS.clear()
    plain = facts_tables()
    _counted(plain, "case_grades")
    _counted(plain, "case_grades")
    assert len(CALLS) == 2
    t = _tables()
    _counted(t, "case_grades")
    key = id(t)
    assert key in memo._STORES
    del t
    gc.collect()
    assert key not in memo._STORES


def test_a_remembered_comparison_is_the_comparison_computed_afresh():
    t = _tables()
    cached, again = comparison.compare(t, "west-yorkshire"), comparison.compare(t, "west-yorkshire")
    fresh = comparison.compare(facts_tables(), "west-yorkshire")  # a dict: computed anew
    assert again.verdict == cached.verdict == fresh.verdict and "Fisher" in fresh.verdict
    pd.testing.assert_frame_equal(again.grades, fresh.grades)
    pd.testing.assert_frame_equal(again.changes, fresh.changes)
    again.grades.loc[:, "cases"] = -1  # the caller's copy, not the memo's
    assert (comparison.compare(t, "west-yorkshire").grades["cases"] >= 0).all()


def test_wilson_intervals_are_scipys():
    from scipy import stats

    level = 2 * stats.norm.cdf(comparison.Z95) - 1
    for n in (1, 2, 7, 34, 64, 150, 401):
        for k in sorted({0, 1, n // 3, n // 2, n - 1, n}):
            ci = stats.binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
            lo, hi = comparison.wilson(k, n)
            assert abs(lo - max(0.0, min(k / n, ci.low))) < 1e-12, (k, n)
            assert abs(hi - min(1.0, max(k / n, ci.high))) < 1e-12, (k, n)


def test_fishers_exact_p_is_scipys():
    from scipy import stats

    for n1, n2 in ((1, 1), (5, 3), (34, 64), (64, 64), (120, 17), (401, 250)):
        for k1 in sorted({0, 1, n1 // 2, n1}):
            for k2 in sorted({0, n2 // 3, n2 // 2, n2}):
                ref = stats.fisher_exact([[k1, n1 - k1], [k2, n2 - k2]]).pvalue
                assert abs(comparison.fisher_p(k1, n1, k2, n2) - ref) <= 1e-12 * max(ref, 1e-3)


def test_a_briefings_figures_import_neither_seaborn_nor_scipy_stats():
    code = ("import sys, json, matplotlib; matplotlib.use('Agg');"
            "import reportkit.report.briefing, reportkit.charts.plots, reportkit.analysis.national;"
            "from reportkit.analysis.comparison import fisher_p, wilson;"
            "fisher_p(17, 64, 30, 64), wilson(17, 64);"
            "print(json.dumps([m in sys.modules for m in ('seaborn', 'scipy.stats')]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [False, False]


def test_a_page_chart_is_the_picture_savefig_tight_makes(tmp_path):
    fig = plots.grade_distribution(facts_tables(), "west-yorkshire")
    for dpi in (100, style.PHONE_DPI):
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
        expected = np.asarray(Image.open(buf).convert("RGB"))
        got = np.asarray(style._tight_picture(fig, dpi))
        assert got.shape == expected.shape and (got == expected).all()


def _pictures(page: str) -> list[Image.Image]:
    return [Image.open(io.BytesIO(base64.b64decode(m)))
            for m in re.findall(r"data:image/png;base64,([A-Za-z0-9+/=]+)", page)]


def test_a_chart_without_a_phone_layout_is_printed_again_sharper_for_phones(tables):  # noqa: F811
    from reportkit.charts.findings import areas_by_force

    fig = areas_by_force(tables)
    assert fig._reportkit_remake == style.SAME_LAYOUT  # it never asks whether it is narrow
    phone, wide = _pictures(style.chart_html(fig))
    assert abs(phone.width - 1.5 * wide.width) <= 2 and abs(phone.height - 1.5 * wide.height) <= 2
    narrow = plots.grade_distribution(facts_tables(), "west-yorkshire")
    assert callable(narrow._reportkit_remake)  # it has one: drawn again at a phone's width
