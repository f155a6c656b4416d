"""Schema checks run on every table before it is written: a wrong type or value fails loudly.

The checks are the pandera models in schema.py, one per table, as built once into
``schema.SCHEMAS``; this module only runs them and turns pandera's report into a ``SchemaError``
that names the table.
"""
from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from reportkit.tables.schema import SCHEMAS, SchemaError  # noqa: F401  (SchemaError is re-exported)


def table_schema(table: str) -> pa.DataFrameSchema:
    return SCHEMAS[table]


def validate(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """``df`` itself when it passes its table's model (store.coerce gives it the model's dtypes);
    otherwise a SchemaError listing the first failures."""
    try:
        SCHEMAS[table].validate(df, lazy=True)  # what MODELS[table].validate runs
    except (pa.errors.SchemaErrors, pa.errors.SchemaError) as exc:
        cases = getattr(exc, "failure_cases", None)
        detail = cases.head(10).to_string() if cases is not None else str(exc)
        raise SchemaError(f"table {table!r} breaks its schema:\n{detail}") from exc
    return df
