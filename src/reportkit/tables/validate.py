"""Schema checks (pandera) run on every table before it is written: a wrong type or value fails loudly."""
from __future__ import annotations

from functools import cache

import pandas as pd
import pandera.pandas as pa

from reportkit.forces import NATIONAL, slugs
from reportkit.tables.schema import (  # noqa: F401  (SchemaError is re-exported)
    ASSESSORS,
    BASES,
    GENRES,
    GRADES,
    KINDS,
    POLARITIES,
    PRECISIONS,
    RATINGS,
    STATUSES,
    TABLES,
    SchemaError,
)

_DTYPES = {"string": "string", "Int64": "Int64", "Float64": "Float64", "date": "datetime64[s]"}

# Allowed values per column name, wherever the column appears.
_ALLOWED = {
    "kind": KINDS,
    "grade": GRADES,
    "assessor": ASSESSORS,
    "polarity": POLARITIES,
    "precision": PRECISIONS,
    "published_precision": PRECISIONS,
    "rating": RATINGS,
    "status": STATUSES,
    "scale": ("three", "four", "five"),
    "basis": BASES,
    "genre": GENRES,
    "about_kind": KINDS,
}
_REQUIRED = {"doc_id", "status", "event", "measure", "grade", "polarity"}
_NON_NEGATIVE = {"cases", "total", "pages", "timescale_days", "about_year"}


def _column(name: str, kind: str, table: str) -> pa.Column:
    checks = []
    if name in _ALLOWED:
        checks.append(pa.Check.isin(_ALLOWED[name]))
    if name == "force" and table != "extraction_log":
        checks.append(pa.Check.isin((*slugs(), NATIONAL, "unknown")))
    if name in _NON_NEGATIVE:
        checks.append(pa.Check.ge(0))
    if name == "page":
        checks.append(pa.Check.ge(1))
    if name == "percent":
        checks.append(pa.Check.in_range(0, 100))
    # a log row may be about a file that could not even be hashed, so it may lack a doc_id
    required = name in _REQUIRED and not (table == "extraction_log" and name == "doc_id")
    return pa.Column(_DTYPES[kind], checks=checks, nullable=not required)


@cache
def table_schema(table: str) -> pa.DataFrameSchema:
    cols = {n: _column(n, k, table) for n, k in TABLES[table].items()}
    return pa.DataFrameSchema(cols, strict=False, ordered=False, coerce=False)


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    try:
        return table_schema(table).validate(df, lazy=True)
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(10).to_string() if cases is not None else str(exc)
        raise SchemaError(f"table {table!r} breaks its schema:\n{detail}") from exc
