"""Extraction of the whole demo corpus measured against its gold file: precision and recall per table."""
import pytest

from reportkit.config import GOLD_FILE
from reportkit.evaluate import load_gold, misses, score

TARGET = 0.98


@pytest.fixture(scope="module")
def scores(demo_raw, demo_tables):
    gold = load_gold(demo_raw / GOLD_FILE)
    table = score(demo_tables, gold)
    print("\nextraction accuracy on the demo corpus\n" + table.to_string(index=False, float_format="{:.3f}".format))
    return table, gold


@pytest.mark.parametrize("table", ["documents", "case_grades", "recommendations", "progress", "events", "claims"])
def test_precision_and_recall(scores, demo_tables, table):
    result, gold = scores
    row = result.set_index("table").loc[table]
    assert row["gold"] > 0, f"the gold file has no {table} rows: nothing to measure"
    missed, extra = misses(demo_tables, gold, table)
    assert row["recall"] >= TARGET, f"{table}: recall {row['recall']:.3f}; missed {missed[:8]}"
    assert row["precision"] >= TARGET, f"{table}: precision {row['precision']:.3f}; extra {extra[:8]}"


def test_every_figure_and_date_has_a_findable_quote(demo_raw, demo_tables):
    from reportkit.reader import read_document

    docs = demo_tables["documents"].set_index("doc_id")
    checked = 0
    for name in ("case_grades", "recommendations", "progress", "events", "claims"):
        for row in demo_tables[name].itertuples():
            doc = read_document(demo_raw / docs.loc[row.doc_id, "path"])
            assert row.quote in doc.pages[int(row.page) - 1].text, (name, row.doc_id, row.page, row.quote)
            checked += 1
    assert checked > 50


def test_the_2014_sum_mismatch_surfaces(demo_tables):
    log = demo_tables["documents"]
    wy = log[(log["force"] == "west-yorkshire") & (log["kind"] == "inspection")]
    assert len(wy) == 1
    assert "34" in wy.iloc[0]["message"] and "33" in wy.iloc[0]["message"]
