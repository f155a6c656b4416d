"""Every table described once: a pandera ``DataFrameModel`` per table.

Each field names its type, its allowed values and its meaning. From these models come the
validation run before a table is written (validate.py), the dtypes of the stored tables (store.py),
the check that docs/data-dictionary.md describes the same columns (tests/test_data_dictionary.py)
and ``TABLES`` (table -> {column: dtype string}), kept for code that wants plain names.

In memory: text is pandas ``string``, counts ``Int64``, figures ``Float64``, dates ``datetime64[s]``
(a calendar day; YYYY-MM-DD in CSV), and grade, kind, rating and precision are ordered categoricals
in the order of reportkit.vocabulary (best grade first, so ``sort_values("grade")`` reads well).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TypeAlias

import pandas as pd
import pandera.pandas as pa
from pandera.engines import pandas_engine
from pandera.typing.pandas import Series

from reportkit.errors import SchemaError  # noqa: F401  (re-exported)
from reportkit.forces import NATIONAL, slugs
from reportkit.vocabulary import (  # noqa: F401  (re-exported: the schema names its values)
    AREA_BASES,
    AREA_SCALE,
    ASSESSORS,
    BASES,
    FINDING_TYPES,
    GENRES,
    GRADED_AREAS,
    GRADES,
    INSPECTION_AREAS,
    KINDS,
    POLARITIES,
    PRECISIONS,
    RATINGS,
    REC_STATUSES,
    REPORT_KINDS,
    SCALES,
    STATUS_SOURCES,
    STATUSES,
    UNREAD_REASONS,
)

TEXT_SOURCES = ("text layer", "ocr")  # documents.text_source (read/ocr.py names them)

# The annotation of each kind of column; the Field says the rest.
Text: TypeAlias = pd.StringDtype
Int: TypeAlias = pd.Int64Dtype
Float: TypeAlias = pd.Float64Dtype
Date: TypeAlias = pandas_engine.DateTime
Category: TypeAlias = pd.CategoricalDtype

FORCE_VALUES = (*slugs(), NATIONAL, "unknown")


def _field(description: str, required: bool = False, **checks: Any) -> Any:
    """A column: its meaning (as in docs/data-dictionary.md), whether it may be empty, its checks."""
    return pa.Field(description=description, nullable=not required, **checks)


def _day(description: str, required: bool = False) -> Any:
    return _field(description, required, dtype_kwargs={"unit": "s"})


def _ordered(description: str, values: tuple[str, ...], required: bool = False) -> Any:
    """An ordered categorical over ``values`` (a vocabulary tuple, in its order)."""
    return _field(description, required, isin=list(values),
                  dtype_kwargs={"categories": list(values), "ordered": True})


class Table(pa.DataFrameModel):
    """What every table shares: values are coerced to the field's type; columns may follow."""

    class Config:
        coerce = True
        strict = False
        ordered = False


class Documents(Table):
    """One row per distinct file (same bytes under two names: one row, the other path in `message`)."""

    doc_id: Series[Text] = _field(
        "first 12 hex digits of the file's SHA-256: stable across runs and machines (a copy of the "
        "same file filed for a second force adds `-<force>`)",
        required=True)
    path: Series[Text] = _field("path relative to the raw folder, `/`-separated")
    sha256: Series[Text] = _field("SHA-256 of the file's bytes")
    force: Series[Text] = _field(
        "force slug (`reportkit forces`), `national` for multi-force reports, `unknown` when it could not be told",
        isin=FORCE_VALUES)
    kind: Series[Category] = _ordered(
        "inspection, review (post-inspection review), reinspection, update, thematic, press, pcc_response, other",
        KINDS)
    title: Series[Text] = _field("the document's title (cover title, HTML title or letter subject)")
    published: Series[Date] = _day(
        "publication date: manifest day if given, else cover month, \"Published on:\" day, dateline or letter date")
    fieldwork_start: Series[Date] = _day("first day (or month) of the inspection fieldwork")
    fieldwork_end: Series[Date] = _day("last day (or month) of the fieldwork")
    pages: Series[Int] = _field("number of pages read (1 for HTML and text)", ge=0)
    status: Series[Text] = _field(
        "ok, warning (read, with something to check: see message), error (not read)",
        required=True,
        isin=STATUSES)
    message: Series[Text] = _field(
        "plain-English warnings or the reason a document could not be read")
    published_precision: Series[Category] = _ordered(
        "day, month or year: how much of `published` the source states",
        PRECISIONS)
    format: Series[Text] = _field("pdf, html or txt")
    answers_doc_id: Series[Text] = _field(
        "for press and pcc_response: the doc_id of the report it is about")
    genre: Series[Text] = _field(
        "finer than kind: report, news, press_release (the inspectorate's), force_statement, publication_page (the inspectorate's page announcing a report), recommendation_tracker, panel_minutes (police and crime panel), letter",
        isin=GENRES)
    text_source: Series[Text] = _field(
        "for PDFs, where the words came from: text layer, or ocr (a scan read by Tesseract with `extract --ocr`: a figure may be misread)",
        isin=TEXT_SOURCES)
    source_url: Series[Text] = _field(
        "the address the file was downloaded from (`reportkit fetch`, recorded in manifest.csv), when known")


class CaseGrades(Table):
    """One row per grade count of a set of audited cases."""

    doc_id: Series[Text] = _field("the document (see documents)", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    assessor: Series[Text] = _field(
        "inspectorate, or force (the force's own audit of the same cases)",
        isin=ASSESSORS)
    subset: Series[Text] = _field(
        "which cases: all, audit (cases the force audited and the inspectorate re-graded), further, cse, missing, custody, care_home, ...")
    grade: Series[Category] = _ordered(
        "good, adequate (four-grade scale only), requires_improvement, inadequate, requires_improvement_or_inadequate (a combined figure as some reports state it), outstanding (post-2024 topic grades)",
        GRADES,
        required=True)
    cases: Series[Int] = _field(
        "number of cases with this grade (empty when the document gives only a percentage)",
        ge=0)
    total: Series[Int] = _field("the stated size of the set, when stated", ge=0)
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the words the figure was read from")
    percent: Series[Float] = _field(
        "the share in per cent, when the document states a percentage",
        ge=0, le=100)
    scale: Series[Text] = _field(
        "four (2014-15 inspections: good/adequate/requires improvement/inadequate) or three (later)",
        isin=SCALES)
    basis: Series[Text] = _field(
        "stated (the count is in the quote) or derived (a remainder, or a count worked out from a stated share and total; the quote shows what it was derived from)",
        isin=BASES)


class Recommendations(Table):
    """One row per recommendation made by the document."""

    doc_id: Series[Text] = _field("the document", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    number: Series[Int] = _field(
        "its number in the document (order of appearance when unnumbered)")
    text: Series[Text] = _field("the recommendation, bulleted points included")
    timescale: Series[Text] = _field(
        "the time limit as written (\"within three months\", \"immediately\")")
    timescale_days: Series[Int] = _field(
        "the limit in days: immediately 0, six weeks 42, three months 91, six months 182, twelve months 365",
        ge=0)
    due: Series[Date] = _day(
        "publication day + the time limit in calendar months (three months from 13 January is "
        "13 April); empty unless the publication day is known and the limit fixes a day")
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the opening words of the recommendation")


class Findings(Table):
    """One row per judgment an inspection or review states in its own voice: a strength or a concern."""

    doc_id: Series[Text] = _field("the document", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    section: Series[Text] = _field(
        "the heading as printed that the area was read from (else the nearest heading above)")
    polarity: Series[Text] = _field("strength or concern", required=True, isin=POLARITIES)
    text: Series[Text] = _field("the sentence, as on the page (the quote)")
    cue: Series[Text] = _field("the words that state the judgment (or the progress rating)")
    page: Series[Int] = _field("page of the sentence", ge=1)
    area: Series[Category] = _ordered(
        "the inspection area: " + ", ".join(INSPECTION_AREAS) + " (from the section's heading, else from what the finding is about; empty when neither says)",
        INSPECTION_AREAS)
    type: Series[Text] = _field(
        "practice (what inspectors found), progress (how far an earlier recommendation got) or summary (the report's own summary statement)",
        isin=FINDING_TYPES)
    recommendation: Series[Text] = _field(
        "for a progress finding: the earlier recommendation's number (as in progress.recommendation)")
    duplicate_of: Series[Int] = _field(
        "for a summary statement that restates a finding of the detail: that finding's number (count it once)",
        ge=1)
    finding: Series[Int] = _field("its number in the document, in reading order", ge=1)


class Progress(Table):
    """One row per earlier recommendation that a review rates."""

    doc_id: Series[Text] = _field("the review", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    recommendation: Series[Text] = _field(
        "the earlier recommendation's number, or its area when unnumbered")
    rating: Series[Category] = _ordered(
        "achieved, good_progress, some_progress, limited_progress, no_progress, not_assessed",
        RATINGS)
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the words that state the rating")


class Events(Table):
    """One row per dated event a document states."""

    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    doc_id: Series[Text] = _field("the document stating it", required=True)
    event: Series[Text] = _field(
        "fieldwork_start, fieldwork_end, published, action_plan_due, response_published, press_published, ...",
        required=True)
    date: Series[Date] = _day("the date (first of the month or year when less precise)")
    precision: Series[Category] = _ordered("day, month or year", PRECISIONS)
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the words the date was read from")


class Claims(Table):
    """One row per figure that a press page or a commissioner's letter quotes, for checking against the report."""

    doc_id: Series[Text] = _field("the press page or letter", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    measure: Series[Text] = _field(
        "cases_total, good, adequate, requires_improvement, inadequate, custody_total, custody_requires_improvement, requires_improvement_or_inadequate, ...; prefix force_ for the force's own grading; prefix baseline_ for the earlier inspection's figures that a text about a later report quotes (about_kind and about_year say which report)",
        required=True)
    value: Series[Float] = _field("the figure")
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the words quoted")
    unit: Series[Text] = _field("cases or percent")
    basis: Series[Text] = _field("stated or derived, as in case_grades", isin=BASES)
    about_kind: Series[Category] = _ordered(
        "the kind of report the claim describes (inspection, review, ...) when the text says which: a press article that gives the first inspection's and the latest review's figures keeps them apart",
        KINDS)
    about_year: Series[Int] = _field(
        "the year of the report the claim describes, when the text says it",
        ge=0)
    about_doc_id: Series[Text] = _field(
        "the doc_id of that report, when it is in the corpus and could be matched")


class UnreadStatements(Table):
    """A figure reportkit could not read with certainty, kept quoted for an analyst to read."""

    doc_id: Series[Text] = _field("the document", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    page: Series[Int] = _field("1-based page", ge=1)
    quote: Series[Text] = _field("the statement, exactly as on the page")
    reason: Series[Text] = _field(
        "why it was not read, one of: " + "; ".join(UNREAD_REASONS), isin=UNREAD_REASONS)


class ExtractionLog(Table):
    """One row per file found (and per manifest problem)."""

    doc_id: Series[Text] = _field("the document, when the file could be hashed")
    path: Series[Text] = _field("path relative to the raw folder")
    status: Series[Text] = _field("ok, warning or error", required=True, isin=STATUSES)
    message: Series[Text] = _field(
        "what happened, in plain words (\"no text layer: scanned document, needs OCR\")")



class AreaGrades(Table):
    """One row per graded area of a report under the method used since April 2024 (or per count of areas when only counts are stated)."""

    doc_id: Series[Text] = _field("the document stating the grade (the report, or a press page about it)", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    area: Series[Category] = _ordered(
        "leadership, partnership, initial_response, risk_assessment, investigation; empty on a count row",
        GRADED_AREAS)
    grade: Series[Category] = _ordered(
        "outstanding, good, adequate, requires_improvement, inadequate (the five-point scale)",
        AREA_SCALE, required=True)
    areas: Series[Int] = _field(
        "on a count row: how many areas the document says had this grade (\"good in two areas\"); empty on an area's row",
        ge=0, le=5)
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the words the grade was read from")
    basis: Series[Text] = _field(
        "stated (the area and its grade are in the quote) or count (only the number of areas with the grade is stated: no area is filled in)",
        isin=AREA_BASES)


class RecommendationStatus(Table):
    """One row per status a source gives a recommendation on a date: a tracker entry, a review's rating, a commissioner's report."""

    doc_id: Series[Text] = _field("the document stating the status", required=True)
    force: Series[Text] = _field("force slug", isin=FORCE_VALUES)
    recommendation: Series[Text] = _field(
        "the recommendation's number as the source states it, or its area when a review rates it unnumbered")
    tracker_id: Series[Text] = _field("a tracker page's own number for the recommendation (the one in its title)")
    status: Series[Category] = _ordered(
        "complete, being_progressed, awaiting_review, no_progress, superseded: the source's words mapped to one scale, best first",
        REC_STATUSES, required=True)
    status_text: Series[Text] = _field("the status as the source words it (\"will-be-progressed\", \"some progress\")")
    date: Series[Date] = _day("the day of the entry (a review's or letter's own publication date)")
    precision: Series[Category] = _ordered("day, month or year", PRECISIONS)
    comment: Series[Text] = _field("the force's or the inspectorate's comment with the entry, when there is one")
    source: Series[Text] = _field("tracker, review (a follow-up report's rating) or letter (a commissioner's report of progress)",
                                  isin=STATUS_SOURCES)
    page: Series[Int] = _field("page of the quote", ge=1)
    quote: Series[Text] = _field("the words the status was read from")


MODELS: dict[str, type[Table]] = {
    "documents": Documents, "case_grades": CaseGrades, "recommendations": Recommendations,
    "findings": Findings, "progress": Progress, "events": Events, "claims": Claims,
    "unread_statements": UnreadStatements, "extraction_log": ExtractionLog,
    "area_grades": AreaGrades, "recommendation_status": RecommendationStatus,
}


def _dtype_name(column: pa.Column) -> str:
    name = str(column.dtype)
    if name.startswith("datetime64"):
        return "date"
    if name.startswith("string") or name == "str":
        return "string"
    return name  # "Int64", "Float64", "category"


@contextmanager
def _pandas_types_only() -> Iterator[None]:
    """While a model is built, pandera asks which annotations are series and index types, and
    that question imports dask.dataframe when dask is installed (0.3-0.7 s, most of importing this
    module). These models declare pandas Series and no index, so pandas' own types give the same
    answers: the schemas built are equal (tests/test_extract_speed.py); only the look-up is skipped."""
    try:
        import pandera.api.pandas.model as built
        from pandera.typing import Index
        from pandera.typing import Series as AnySeries
    except ImportError:  # another pandera layout: build the usual way
        yield
        return
    names = ("get_index_types", "get_series_types")
    real = {n: getattr(built, n, None) for n in names}
    if None in real.values():
        yield
        return
    setattr(built, "get_index_types", lambda: {Index})  # noqa: B010 - a module's function, swapped
    setattr(built, "get_series_types", lambda: {AnySeries})  # noqa: B010
    try:
        yield
    finally:
        for n, f in real.items():
            setattr(built, n, f)


with _pandas_types_only():
    # table -> its pandera DataFrameSchema, built once (pandera caches a model's schema per thread)
    SCHEMAS: dict[str, pa.DataFrameSchema] = {name: m.to_schema() for name, m in MODELS.items()}


def _spec(schema: pa.DataFrameSchema) -> dict[str, str]:
    return {name: _dtype_name(col) for name, col in schema.columns.items()}


# table -> {column: dtype}: "string", "Int64", "Float64", "date" (datetime64[s]) or "category"
# (ordered; its values in categories()). Derived from the models: edit those, not this.
TABLES: dict[str, dict[str, str]] = {name: _spec(schema) for name, schema in SCHEMAS.items()}


def columns(table: str) -> list[str]:
    return list(TABLES[table])


def date_columns(table: str) -> list[str]:
    return [c for c, t in TABLES[table].items() if t == "date"]


def categories(table: str, column: str) -> tuple[str, ...]:
    """The allowed values, in order, of an ordered categorical column."""
    field = SCHEMAS[table].columns[column]
    return tuple(field.dtype.type.categories)


def description(table: str, column: str) -> str:
    return SCHEMAS[table].columns[column].description or ""
