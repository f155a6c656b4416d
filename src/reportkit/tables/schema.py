"""The tidy tables that stages exchange: names, column order and types.

The data dictionary in docs/data-dictionary.md describes every column; a test keeps the two in step.
Validation (pandera) lives in validate.py.
"""
from __future__ import annotations

from reportkit.errors import SchemaError  # noqa: F401  (re-exported)
from reportkit.vocabulary import (  # noqa: F401  (re-exported: the schema names its values)
    ASSESSORS,
    BASES,
    GENRES,
    GRADES,
    KINDS,
    POLARITIES,
    PRECISIONS,
    RATINGS,
    REPORT_KINDS,
    STATUSES,
)

# column -> pandas dtype. "date" columns hold ISO dates (datetime64 in memory, YYYY-MM-DD on disk).
TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "string", "path": "string", "sha256": "string", "force": "string",
        "kind": "string", "title": "string", "published": "date", "fieldwork_start": "date",
        "fieldwork_end": "date", "pages": "Int64", "status": "string", "message": "string",
        "published_precision": "string", "format": "string", "answers_doc_id": "string",
        "genre": "string",
    },
    "case_grades": {
        "doc_id": "string", "force": "string", "assessor": "string", "subset": "string",
        "grade": "string", "cases": "Int64", "total": "Int64", "page": "Int64", "quote": "string",
        "percent": "Float64", "scale": "string", "basis": "string",
    },
    "recommendations": {
        "doc_id": "string", "force": "string", "number": "Int64", "text": "string",
        "timescale": "string", "timescale_days": "Int64", "due": "date", "page": "Int64",
        "quote": "string",
    },
    "findings": {
        "doc_id": "string", "force": "string", "section": "string", "polarity": "string",
        "text": "string", "cue": "string", "page": "Int64",
    },
    "progress": {
        "doc_id": "string", "force": "string", "recommendation": "string", "rating": "string",
        "page": "Int64", "quote": "string",
    },
    "events": {
        "force": "string", "doc_id": "string", "event": "string", "date": "date",
        "precision": "string", "page": "Int64", "quote": "string",
    },
    "claims": {
        "doc_id": "string", "force": "string", "measure": "string", "value": "Float64",
        "page": "Int64", "quote": "string", "unit": "string",
        "basis": "string", "about_kind": "string", "about_year": "Int64", "about_doc_id": "string",
    },
    "unread_statements": {
        "doc_id": "string", "force": "string", "page": "Int64", "quote": "string", "reason": "string",
    },
    "extraction_log": {
        "doc_id": "string", "path": "string", "status": "string", "message": "string",
    },
}



def columns(table: str) -> list[str]:
    return list(TABLES[table])


def date_columns(table: str) -> list[str]:
    return [c for c, t in TABLES[table].items() if t == "date"]
