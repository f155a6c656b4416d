"""The written data dictionary and schema.TABLES must describe the same columns in the same order."""
import re
from pathlib import Path

from reportkit.tables.schema import TABLES

DOC = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"


def documented() -> dict[str, list[str]]:
    tables, current = {}, None
    for line in DOC.read_text().splitlines():
        if m := re.match(r"^## (\w+)$", line):
            current = tables.setdefault(m.group(1), [])
        elif current is not None and (m := re.match(r"^\| (\w+) \| (text|int|float|date) \|", line)):
            current.append(m.group(1))
    return tables


def test_every_table_and_column_is_documented_in_order():
    doc = documented()
    assert set(doc) == set(TABLES)
    for name, cols in TABLES.items():
        assert doc[name] == list(cols), name
