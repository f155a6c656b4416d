"""docs/data-dictionary.md and the schema's models (tables/schema.py) describe the same tables: the
same columns in the same order, the same types and the same meaning, word for word."""
import re
from pathlib import Path

from reportkit.tables.schema import MODELS, TABLES, description

DOC = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"
# the dictionary's words for the schema's dtypes (an ordered categorical is text with fixed values)
WORDS = {"string": "text", "category": "text", "Int64": "int", "Float64": "float", "date": "date"}


def documented() -> dict[str, list[tuple[str, str, str]]]:
    tables, current = {}, None
    for line in DOC.read_text().splitlines():
        if m := re.match(r"^## (\w+)$", line):
            current = tables.setdefault(m.group(1), [])
        elif current is not None and (
                m := re.match(r"^\| (\w+) \| (text|int|float|date) \| (.*) \|$", line)):
            current.append(m.groups())
    return tables


def test_every_table_and_column_is_documented_in_order():
    doc = documented()
    assert set(doc) == set(MODELS) == set(TABLES)
    for name, cols in TABLES.items():
        assert [c for c, _, _ in doc[name]] == list(cols), name


def test_documented_types_and_meanings_are_the_models():
    for name, rows in documented().items():
        for column, kind, meaning in rows:
            assert WORDS[TABLES[name][column]] == kind, (name, column)
            assert description(name, column) == meaning, (name, column)


def test_tables_is_derived_from_the_models():
    for name, model in MODELS.items():
        assert list(model.to_schema().columns) == list(TABLES[name])
