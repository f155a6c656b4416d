"""Stage 3, tables: the schema of every table, its validation, the store (CSV + Parquet), atomic
writes and the freshness state of an output folder."""
from reportkit.tables.schema import TABLES, SchemaError, columns
from reportkit.tables.store import load_table, load_tables, save_table
from reportkit.tables.validate import validate

__all__ = ["TABLES", "SchemaError", "columns", "load_table", "load_tables", "save_table", "validate"]
