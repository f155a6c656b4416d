"""Read and write the tidy tables (CSV for people, Parquet for programs), typed per the schema's
models (schema.MODELS, summarised in schema.TABLES)."""
from __future__ import annotations

import os
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


# A CSV cell that starts with one of these opens as a formula in a spreadsheet (OWASP's "CSV
# injection"): it is written with a leading apostrophe, which spreadsheets show as text and
# load_table() takes off again. Parquet keeps the text exactly as the document had it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """``value`` made safe for a spreadsheet cell (text only; numbers are left alone). A carriage
    return becomes a line break: Python's CSV writer would not quote it, and it would end the row."""
    if not isinstance(value, str):
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _restore(value):
    if isinstance(value, str) and value.startswith("'") and value[1:2] and value[1] in "=+-@\t\r":
        return value[1:]
    return value


def to_csv_text(df: pd.DataFrame, table: str) -> str:
    out = df.copy()
    for col in date_columns(table):
        out[col] = out[col].dt.strftime("%Y-%m-%d")
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col].dtype):
            out[col] = out[col].map(neutralise, na_action="ignore")
    return out.to_csv(index=False, lineterminator="\n")


def save_table(df: pd.DataFrame, table: str, out: Path) -> None:
    """Check ``df`` against the schema, then write it (CSV and Parquet, each atomically)."""
    from reportkit.tables.validate import validate

    write_checked_table(validate(coerce(df, table), table), table, out)


def write_checked_table(df: pd.DataFrame, table: str, out: Path) -> None:
    """Write a table that validate() has already passed."""
    atomic.write_text(out / f"{table}.csv", to_csv_text(df, table))
    atomic.write_with(out / f"{table}.parquet", lambda p: df.to_parquet(p, index=False))


def write_table_set(tables: dict[str, pd.DataFrame], out: Path) -> None:
    """Write checked tables as one set: every file is written in full beside its target first,
    and only then are they all renamed into place (a rename needs no space). A full or failing
    disk leaves the previous set whole; the error says what happened, in one line."""
    staged: list[tuple[Path, Path]] = []
    try:
        for name, df in tables.items():
            for target, write in ((out / f"{name}.csv", _csv_writer(df, name)),
                                  (out / f"{name}.parquet", _parquet_writer(df))):
                staged.append((atomic.staged(target, write), target))
    except OSError as exc:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        atomic.remove_stale_temps(out)
        raise OSError(exc.errno, f"the tables could not be written to {out} ({exc.strerror or exc}); "
                      "the previous tables are kept whole") from None
    for tmp, target in staged:
        os.replace(tmp, target)


def _csv_writer(df: pd.DataFrame, name: str):
    text = to_csv_text(df, name).encode("utf-8")
    return lambda fh: fh.write(text)


def _parquet_writer(df: pd.DataFrame):
    return lambda fh: df.to_parquet(fh, index=False)


def load_table(table: str, processed: Path | str = config.PROCESSED_DIR) -> pd.DataFrame:
    processed = Path(processed)
    parquet, csv = processed / f"{table}.parquet", processed / f"{table}.csv"
    if parquet.exists():
        return coerce(pd.read_parquet(parquet), table)
    if csv.exists():
        text = pd.read_csv(csv, dtype=str, keep_default_na=False, na_values=[""])
        return coerce(text.map(_restore), table)
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
    """All tables written by `reportkit extract`, typed and in schema column order. With
    ``share_loaded()`` on, the same object again while the folder's files are unchanged."""
    if _SHARED is None:
        return _read_all(processed)
    key, seen = str(Path(processed).resolve()), _files_seen(Path(processed))
    held = _SHARED.get(key)
    if held is None or held[0] != seen:
        held = _SHARED[key] = (seen, _read_all(processed))
    return held[1]


def _read_all(processed: Path | str) -> Tables:
    return Tables({name: load_table(name, processed) for name in TABLES})


# A batch kernel runs notebook after notebook over one folder of tables, held unchanged by its
# lock: with sharing on, each notebook gets the very object the last one loaded, so what the last
# one computed from it (analysis.memo keys on identity) serves this one too. Off unless asked for:
# an analyst's load() always reads the files, and their edits stay their own.
_SHARED: dict[str, tuple[tuple, Tables]] | None = None


def share_loaded(on: bool = True) -> None:
    """Hand out one Tables object per unchanged folder from now on (``on=False``: stop). For
    processes that only read the tables, as the briefing kernels do."""
    global _SHARED
    _SHARED = {} if on else None


def _files_seen(folder: Path) -> tuple:
    """What a change to the folder's tables would change: each file's name, size, mtime, inode."""
    try:
        return tuple(sorted((e.name, st.st_size, st.st_mtime_ns, st.st_ino)
                            for e in os.scandir(folder) for st in [e.stat()]))
    except OSError:
        return ()
