"""Read and write the tidy tables (CSV for people, Parquet for programs), typed per the schema's
models (schema.MODELS, summarised in schema.TABLES)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from reportkit import config
from reportkit.tables import atomic
from reportkit.tables.schema import TABLES, SchemaError, categories, date_columns


def empty(table: str) -> pd.DataFrame:
    return coerce(pd.DataFrame(columns=list(TABLES[table])), table)


def coerce(df: pd.DataFrame, table: str) -> pd.DataFrame:
    """Put columns in schema order with schema types; extra columns follow unchanged."""
    spec = TABLES[table]
    df = df.copy()
    for col in spec:
        if col not in df.columns:
            df[col] = None
    for col, kind in spec.items():
        before = df[col]
        if kind == "date":
            df[col] = pd.to_datetime(before, errors="coerce").astype("datetime64[s]")
        elif kind in ("Int64", "Float64"):
            df[col] = pd.to_numeric(before, errors="coerce").astype(kind)
        elif kind == "category":
            allowed = list(categories(table, col))
            values = before.astype("string").str.strip().replace("", pd.NA)
            unknown = values.notna() & ~values.isin(allowed)
            if unknown.any():
                raise SchemaError(f"table {table!r}, column {col!r}: {values[unknown].iloc[0]!r} "
                                  f"is not one of {', '.join(allowed)}")
            df[col] = values.astype(pd.CategoricalDtype(allowed, ordered=True))
        else:
            df[col] = before.astype(kind)
        lost = before.notna() & df[col].isna() & (before.astype(str) != "")
        if lost.any():
            bad = before[lost].iloc[0]
            raise SchemaError(f"table {table!r}, column {col!r}: {bad!r} is not a valid {kind}")
    extra = [c for c in df.columns if c not in spec]
    return df[list(spec) + extra].reset_index(drop=True)


def to_csv_text(df: pd.DataFrame, table: str) -> str:
    out = df.copy()
    for col in date_columns(table):
        out[col] = out[col].dt.strftime("%Y-%m-%d")
    return out.to_csv(index=False, lineterminator="\n")


def save_table(df: pd.DataFrame, table: str, out: Path) -> None:
    """Check ``df`` against the schema, then write it (CSV and Parquet, each atomically)."""
    from reportkit.tables.validate import validate

    write_checked_table(validate(coerce(df, table), table), table, out)


def write_checked_table(df: pd.DataFrame, table: str, out: Path) -> None:
    """Write a table that validate() has already passed."""
    atomic.write_text(out / f"{table}.csv", to_csv_text(df, table))
    atomic.write_with(out / f"{table}.parquet", lambda p: df.to_parquet(p, index=False))


def load_table(table: str, processed: Path | str = config.PROCESSED_DIR) -> pd.DataFrame:
    processed = Path(processed)
    parquet, csv = processed / f"{table}.parquet", processed / f"{table}.csv"
    if parquet.exists():
        return coerce(pd.read_parquet(parquet), table)
    if csv.exists():
        return coerce(pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""]), table)
    raise FileNotFoundError(
        f"no {table} table in {processed}: run `reportkit extract` (or `make extract`) first"
    )


class Tables(dict):
    """The tables by name, as a mapping (``t["case_grades"]``) and as attributes (``t.case_grades``)."""

    def __getattr__(self, name: str) -> pd.DataFrame:
        try:
            return self[name]
        except KeyError:
            raise AttributeError(f"no table {name!r}; the tables are: {', '.join(self)}") from None

    def __dir__(self):
        return [*super().__dir__(), *self]


def load_tables(processed: Path | str = config.PROCESSED_DIR) -> Tables:
    """All tables written by `reportkit extract`, typed and in schema column order."""
    return Tables({name: load_table(name, processed) for name in TABLES})
