"""load_tables with share_loaded() on (the briefing kernels): one object per unchanged folder, so
what one notebook computed from it (analysis.memo) serves the next; a changed file is read again;
off, as in an analyst's session, every load reads the files."""
from __future__ import annotations

import os
import shutil

import pytest

from reportkit.analysis.comparison import grade_table
from reportkit.tables import store


@pytest.fixture
def sharing():
    store.share_loaded()
    yield
    store.share_loaded(False)


def test_loads_are_separate_objects_unless_sharing_is_asked_for(demo_processed):
    first, second = store.load_tables(demo_processed), store.load_tables(demo_processed)
    assert first is not second and first["documents"] is not second["documents"]


def test_sharing_hands_out_one_object_and_its_remembered_results(demo_processed, sharing):
    first = store.load_tables(demo_processed)
    table = grade_table(first, "west-yorkshire")
    again = store.load_tables(demo_processed)
    assert again is first
    assert grade_table(again, "west-yorkshire").equals(table)


def test_a_changed_table_file_is_read_again_and_sharing_can_be_turned_off(demo_processed,
                                                                            tmp_path, sharing):
    folder = tmp_path / "processed"
    shutil.copytree(demo_processed, folder)
    first = store.load_tables(folder)
    docs = folder / "documents.parquet"
    stat = docs.stat()
    os.utime(docs, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    second = store.load_tables(folder)
    assert second is not first and second["documents"].equals(first["documents"])
    assert store.load_tables(folder) is second
    store.share_loaded(False)
    assert store.load_tables(folder) is not second
