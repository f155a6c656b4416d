import os

import pandas as pd
import pytest

from reportkit.tables import atomic
from reportkit.tables.store import load_table, save_table
from reportkit.tables.validate import SchemaError


def test_atomic_write_leaves_no_temp_files(tmp_path):
    atomic.write_text(tmp_path / "a.txt", "hello")
    assert (tmp_path / "a.txt").read_text() == "hello"
    assert os.listdir(tmp_path) == ["a.txt"]


def test_failed_write_keeps_the_old_file(tmp_path):
    target = tmp_path / "t.csv"
    atomic.write_text(target, "old")

    def boom(path):
        path.write_text("half")
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError):
        atomic.write_with(target, boom)
    assert target.read_text() == "old"
    assert os.listdir(tmp_path) == ["t.csv"]


def test_tables_round_trip_with_types(tmp_path):
    df = pd.DataFrame([{"force": "west-yorkshire", "doc_id": "abc", "event": "published",
                        "date": "2016-03-08", "precision": "day", "page": 1, "quote": "8 March 2016"}])
    save_table(df, "events", tmp_path)
    back = load_table("events", tmp_path)
    assert back.loc[0, "date"] == pd.Timestamp("2016-03-08")
    assert (tmp_path / "events.csv").read_text().splitlines()[1].startswith("west-yorkshire,abc,published,2016-03-08")
    (tmp_path / "events.parquet").unlink()
    assert load_table("events", tmp_path).loc[0, "page"] == 1


def test_schema_violation_fails_loudly_and_writes_nothing(tmp_path):
    df = pd.DataFrame([{"doc_id": "a", "force": "west-yorkshire", "assessor": "inspectorate",
                        "subset": "all", "grade": "excellent", "cases": 3, "total": 4, "page": 1, "quote": "q"}])
    with pytest.raises(SchemaError, match="grade"):
        save_table(df, "case_grades", tmp_path)
    assert not list(tmp_path.iterdir())
