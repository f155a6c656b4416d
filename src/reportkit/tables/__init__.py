"""Stage 3, tables: the schema of every table (one pandera model each), its validation, the store
(CSV + Parquet), atomic writes and the freshness state of an output folder.

The names below load on first use, so that ``reportkit.tables.state`` (asked on every run whether
the tables are fresh) does not import pandas and pandera.
"""
from __future__ import annotations

from reportkit.lazy import exports

_WHERE = {"TABLES": "schema", "MODELS": "schema", "SchemaError": "schema", "columns": "schema",
          "load_table": "store", "load_tables": "store", "save_table": "store",
          "validate": "validate"}

__all__ = sorted(_WHERE)

__getattr__, __dir__ = exports(__name__, _WHERE)
