"""The extraction path's speed-ups keep their results: the schemas built without pandera's dask
look-up equal the usual ones, the force-name pattern finds the same names, the parent imports
pandas only once its workers have their tasks. (Speed itself is measured by benchmarks/run.py.)"""
from __future__ import annotations

import re
import subprocess
import sys
import threading
import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reportkit import forces
from reportkit.tables import schema
from reportkit.workers import Limits, run_limited


def _imported_after(code: str) -> set[str]:
    """The modules among pandas, pandera, dask.dataframe and the extractors that ``code`` leaves
    imported, in a fresh interpreter."""
    heavy = "('pandas', 'pandera', 'dask.dataframe', 'reportkit.extract.parse')"
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {heavy} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_schemas_equal_the_ones_pandera_builds_itself():
    # pandera caches a model's schema per thread: a new thread builds each one the usual way
    usual: dict = {}
    thread = threading.Thread(target=lambda: usual.update(
        {name: model.to_schema() for name, model in schema.MODELS.items()}))
    thread.start()
    thread.join()
    assert set(usual) == set(schema.SCHEMAS)
    for name, built in schema.SCHEMAS.items():
        assert built is not usual[name]
        assert built == usual[name], name
        assert list(built.columns) == list(schema.TABLES[name])


def test_the_schema_does_not_import_dask():
    assert "dask.dataframe" not in _imported_after(
        "import reportkit.tables.schema, reportkit.tables.validate")


def test_the_extract_path_imports_no_pandas_before_its_workers_start():
    # the workers import the extractors, the parent pandas once they have their tasks
    assert _imported_after("import reportkit.pipeline, reportkit.cli") == set()
    assert _imported_after("import reportkit.extract.counts") == set()  # as analysis does


def test_a_bad_value_still_fails_validation():
    import pandas as pd
    import pytest

    from reportkit.tables.store import coerce
    from reportkit.tables.validate import SchemaError, validate

    rows = pd.DataFrame([{"doc_id": "abc", "force": "west-yorkshire", "assessor": "inspectorate",
                          "grade": "good", "cases": -3}])
    with pytest.raises(SchemaError, match="case_grades"):
        validate(coerce(rows, "case_grades"), "case_grades")


def test_force_names_are_found_as_the_plain_pattern_finds_them():
    names = {n for f in forces.all_forces() for n in (f.name, *f.aliases) if len(n) > 3}
    text = "\n".join(f"A report on {n} (and {n.lower()}); x{n} {n}s, {n}." for n in sorted(names))
    fast = forces._name_pattern()
    plain = re.compile(fast.pattern[fast.pattern.index(r"\b("):])  # without the lookahead
    assert fast.pattern != plain.pattern
    found = [m.span(1) for m in fast.finditer(text)]
    assert found == [m.span(1) for m in plain.finditer(text)]
    assert len(found) >= len(names)


def _wait_for(path: str) -> bool:
    """A task that reports whether ``path`` appeared within 10 s of its start."""
    end = time.monotonic() + 10
    while time.monotonic() < end:
        if Path(path).exists():
            return True
        time.sleep(0.02)
    return False


def test_meanwhile_runs_once_in_the_parent_while_the_workers_work(tmp_path):
    go = tmp_path / "go"
    calls: list[int] = []

    def meanwhile() -> None:  # the task only finishes early if this ran while it was waiting
        calls.append(1)
        go.write_text("")

    tasks = [(i, (str(go),)) for i in range(3)]
    out = dict(run_limited(_wait_for, tasks, 2, Limits(60.0), meanwhile=meanwhile))
    assert out == {0: True, 1: True, 2: True}
    assert calls == [1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=". a1\n", max_size=14))
def test_contents_leaders_are_found_as_the_regex_finds_them(text):
    from reportkit.extract.findings import _dotted

    assert _dotted(text) == bool(re.search(r"\.{4,}|(?:\. ){3,}", text))


def test_contents_leaders_examples():
    from reportkit.extract.findings import _dotted

    assert _dotted("Leadership .... 12") and _dotted("Contents . . . 4")
    assert not _dotted("It ended... Then . . it") and not _dotted("a. b. c. d.")
