"""Stage 3, tables: the schema of every table (one pandera model each), its validation, the store
(CSV + Parquet), atomic writes and the freshness state of an output folder.

The names below load on first use, so that ``reportkit.tables.state`` (asked on every run whether
the tables are fresh) does not import pandas and pandera.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_WHERE = {"TABLES": "schema", "MODELS": "schema", "SchemaError": "schema", "columns": "schema",
          "load_table": "store", "load_tables": "store", "save_table": "store",
          "validate": "validate"}

__all__ = sorted(_WHERE)


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        return getattr(import_module(f"reportkit.tables.{_WHERE[name]}"), name)
    raise AttributeError(f"module 'reportkit.tables' has no attribute {name!r}")
