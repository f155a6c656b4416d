"""`reportkit extract`: every document under the raw folder into the tidy tables.

Per document (in parallel, cached by content hash): read, then parse. Then, for the corpus: apply
folder and manifest overrides, link responses to the reports they answer, compute due dates, check
the schema and write every table atomically.

Imports are placed for the workers: they are forked from a small parent and import the extractors
themselves (``_parser``), while the parent imports pandas, pandera and the table modules once the
workers have their tasks (``_table_modules``); the two overlap instead of adding up.
"""
from __future__ import annotations

import logging
import pickle
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from reportkit import config
from reportkit.errors import UsageError
from reportkit.forces import resolve
from reportkit.read.corpus import Source, discover
from reportkit.read.document import Document, ReadError
from reportkit.read.reader import FileChanged, read_document
from reportkit.tables import atomic, lock
from reportkit.tables.state import (  # noqa: F401  (is_stale and STATE_FILE are part of this module's API)
    STATE_FILE,
    clear_state,
    extractor_version,
    fingerprint,
    is_stale,
    known_hashes,
    up_to_date,
    write_state,
)
from reportkit.vocabulary import ANNOUNCING_GENRES, PUBLICATION_EVENT, REPORT_KINDS
from reportkit.workers import Limits, Refused, run_limited

if TYPE_CHECKING:
    from collections.abc import Callable

    import pandas as pd

    from reportkit.extract.parse import Parsed

log = logging.getLogger(__name__)

ROW_TABLES = ("case_grades", "recommendations", "findings", "progress", "events", "claims",
              "unread_statements", "area_grades", "recommendation_status")


@dataclass
class Result:
    """What one document gave: its meta and rows, or the reason it gave nothing."""

    sha256: str  # of the bytes read (the discovered hash when the file changed before reading)
    error: str | None = None
    pages: int | None = None
    fmt: str = ""
    meta: dict = field(default_factory=dict)
    rows: dict[str, list[dict]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    transient: bool = False  # a parser bug or a file changing under us: not cached, tried next run
    file_key: list[int] | None = None  # [size, mtime ns] of the file as read


def process_file(abspath: str, sha256: str) -> Result:
    """Read and parse one file. Never raises: a failure comes back as Result.error (plain words).

    The per-document time and memory limits are not enforced here but by the worker process that
    runs this (reportkit.workers): a call inside a reading library cannot be interrupted."""
    try:
        try:
            doc = read_document(abspath, words=False)  # the rows need the text, not the boxes
        except FileChanged:
            doc = read_document(abspath, words=False)  # once more: a copy that was finishing has
        parsed = _parser()(doc)
        rows = {t: list(getattr(parsed, t)) for t in ROW_TABLES}
        return Result(doc.sha256, pages=len(doc.pages), fmt=doc.format, meta=dict(parsed.meta),
                      rows=rows, warnings=[*doc.warnings, *parsed.warnings], file_key=doc.file_key)
    except FileChanged as exc:
        return Result(sha256, error=str(exc), transient=True)
    except ReadError as exc:
        return Result(sha256, error=str(exc))
    except MemoryError:
        return Result(sha256, error=f"ran out of memory reading this document ({_memory_limit()})")
    except Exception as exc:  # a bug in a parser must not stop the corpus: log it plainly
        log.debug("parser failure on %s", abspath, exc_info=True)
        return Result(sha256, transient=True, error=f"internal error while parsing ({type(exc).__name__}: {exc}); "
                      "please report it with the file")


# The extractors (0.3 s of pattern compiling), imported by the first document a process parses:
# in a worker, after the fork. A test may put its own parser here before the workers start.
parse_document: Callable[[Document], Parsed] | None = None


def _parser() -> Callable[[Document], Parsed]:
    global parse_document
    if parse_document is None:
        from reportkit.extract.parse import parse_document as parse

        parse_document = parse
    return parse_document


def _memory_limit() -> str:
    return f"limit {config.MAX_MEMORY_BYTES / 2**20:.0f} MB, config.MAX_MEMORY_BYTES"


# --- cache ------------------------------------------------------------------------------------

def _cache_file(cache: Path, sha: str, version: str) -> Path:
    return cache / version / f"{sha}.pkl"


def _cache_get(cache: Path | None, sha: str, version: str) -> Result | None:
    if cache is None:
        return None
    try:
        with open(_cache_file(cache, sha, version), "rb") as fh:
            result = pickle.load(fh)
        return result if isinstance(result, Result) else None
    except (OSError, pickle.PickleError, EOFError, AttributeError):
        return None  # a missing or damaged entry is a cache miss, never an error


def _cache_put(cache: Path | None, result: Result, version: str) -> None:
    """Keep a result for the same bytes and limits (the limits are part of ``version``): a refusal
    for time or memory too, so a re-run does not spend the limit on the same bomb again."""
    if cache is None or result.transient:
        return
    try:
        atomic.write_bytes(_cache_file(cache, result.sha256, version), pickle.dumps(result))
    except OSError as exc:  # the cache only saves time: a full or read-only cache disk is no error
        log.warning("the parse cache in %s could not be written (%s): carrying on without it",
                    cache, exc.strerror or exc)


# --- running ----------------------------------------------------------------------------------

def run_documents(todo: list[Source], jobs: int, progress: bool, scheduler: str | None = None) -> dict[str, Result]:
    """Process unique files (keyed by their discovered sha256) in killable worker processes, each
    held to the per-document limits, or on a Dask cluster."""
    from tqdm import tqdm

    bar = tqdm(total=len(todo), desc="extract", unit="doc", disable=not progress or not todo,
               file=sys.stderr)
    results: dict[str, Result] = {}
    try:
        for sha, res in _outcomes(todo, jobs, scheduler):
            results[sha] = res
            bar.update()
    finally:
        bar.close()
    return results


def _outcomes(todo: list[Source], jobs: int, scheduler: str | None):
    tasks = [(s.sha256, (str(s.abspath), s.sha256)) for s in todo]
    if scheduler:
        from reportkit.cluster import run_on_dask

        for res in run_on_dask(scheduler, process_file, [args for _, args in tasks]):
            yield res.sha256, res
        return
    if not tasks:
        return
    limits = Limits(config.MAX_SECONDS_PER_DOCUMENT, config.MAX_MEMORY_BYTES)
    for sha, out in run_limited(process_file, tasks, min(jobs, len(tasks)), limits,
                                meanwhile=_table_modules):
        if isinstance(out, Refused):
            out = Result(str(sha), error=out.reason)
        yield sha, out


def _table_modules() -> None:
    """Import what assembling, checking and writing the tables needs (pandas, pandera, the due
    dates of analysis): 0.5-1 s, spent while the workers read."""
    import reportkit.analysis.progress  # noqa: F401
    import reportkit.tables.schema
    import reportkit.tables.store
    import reportkit.tables.validate  # noqa: F401


def extract_corpus(raw: Path | str = config.RAW_DIR, out: Path | str | None = config.PROCESSED_DIR,
                   jobs: int = config.DEFAULT_JOBS, forces: list[str] | None = None,
                   cache: Path | str | None = config.CACHE_DIR, progress: bool = False,
                   scheduler: str | None = None) -> dict[str, pd.DataFrame]:
    """Extract every document under ``raw``; write the tables to ``out`` (None: don't write).

    Returns the tables as DataFrames keyed by table name (see schema.TABLES). ``cache=None``
    parses every document again, even when ``out`` is up to date. While it runs, ``out`` is locked
    for writing: a second run on the same folder stops at once with a message (lock.Busy).
    """
    raw = Path(raw)
    forces = [resolve(f) for f in forces] if forces else None  # UnknownForce before any work
    for problem in config.SETTING_PROBLEMS:
        log.warning(problem)
    if out is None:
        return _extract(raw, None, jobs, forces, None if cache is None else Path(cache), progress,
                        scheduler)
    out = Path(out)
    check_paths(raw, out)
    with lock.writing(out):
        return _extract(raw, out, jobs, forces, None if cache is None else Path(cache), progress,
                        scheduler)


def check_paths(raw: Path, out: Path) -> None:
    """Refuse an output folder inside the raw folder (or the raw folder inside it): tables
    written among the documents would be read as documents, and nothing is written under raw."""
    r, o = raw.resolve(), out.resolve()
    if o == r or o.is_relative_to(r):
        raise UsageError(f"the output folder {out} is inside the raw folder {raw}: nothing is ever "
                         "written there; choose another --out")
    if r.is_relative_to(o):
        raise UsageError(f"the raw folder {raw} is inside the output folder {out}: choose another --out")


def _extract(raw: Path, out: Path | None, jobs: int, forces: list[str] | None, cache: Path | None,
             progress: bool, scheduler: str | None) -> dict[str, pd.DataFrame]:
    version = extractor_version()
    sources, skipped, problems = discover(raw, known_hashes(out) if out is not None else None)
    if forces:
        sources = [s for s in sources if s.force is None or s.force in forces]
    stamp = fingerprint(sources, version, forces, skipped, problems)
    if out is not None and cache is not None and up_to_date(out, stamp):
        log.info("nothing changed in %s since the tables in %s were written", raw, out)
        from reportkit.tables.store import load_tables

        return load_tables(out)  # nothing changed since these tables were written
    readable = [s for s in sources if s.problem is None]
    results: dict[str, Result] = {}
    todo, seen = [], set()
    for s in readable:
        if s.sha256 in seen:
            continue
        seen.add(s.sha256)
        hit = _cache_get(cache, s.sha256, version)
        if hit is not None:
            results[s.sha256] = hit
        else:
            todo.append(s)
    log.info("%d document(s) found, %d to read, the rest from the cache", len(readable), len(todo))
    fresh = run_documents(todo, jobs, progress, scheduler)
    for s in todo:
        res = fresh[s.sha256]
        _cache_put(cache, res, version)
        _as_read(s, res, fresh, sources)
    results.update(fresh)
    stamp = fingerprint(sources, version, forces, skipped, problems)  # of the bytes read
    tables = assemble(sources, skipped, problems, results, forces)
    if out is not None:
        write_tables(tables, out, stamp, sources)
        log.info("tables written to %s", out)
    return tables


def _as_read(s: Source, res: Result, results: dict[str, Result], sources: list[Source]) -> None:
    """Describe the file as it was read: a file replaced after it was hashed is filed under the
    hash of the bytes parsed, and its state is recorded as it was when read."""
    if res.file_key:
        s.key = res.file_key
    if res.sha256 == s.sha256:
        return
    old, s.sha256 = s.sha256, res.sha256
    log.info("%s changed after it was found: the bytes read are kept", s.path)
    results[res.sha256] = res
    if any(o.sha256 == old for o in sources):  # another path still holds the old bytes
        results[old] = Result(old, transient=True, error="a copy of this file changed during the run: "
                              "run extract again")
    else:
        del results[old]


def write_tables(tables: dict[str, pd.DataFrame], out: Path, stamp: str,
                 sources: Sequence[Source] = ()) -> None:
    from reportkit.tables.store import write_table_set
    from reportkit.tables.validate import validate

    checked = {name: validate(df, name) for name, df in tables.items()}  # all, before any write
    out.mkdir(parents=True, exist_ok=True)
    atomic.remove_stale_temps(out)
    # Every table is written in full before any replaces its old self (a full disk keeps the old
    # set whole); the state file goes first and comes back last, so a run killed while the set
    # is switched is seen as stale and extracted again.
    clear_state(out)
    write_table_set(checked, out)
    write_state(out, stamp, *summarise(checked), sources=sources)


# --- assembling tables ------------------------------------------------------------------------

def assemble(sources: list[Source], skipped: list[Source], problems: list[str],
             results: dict[str, Result], forces: list[str] | None) -> dict[str, pd.DataFrame]:
    docs, logrows = [], []
    rows: dict[str, list[dict]] = {t: [] for t in ROW_TABLES}
    first_path: dict[str, str] = {}
    first_force: dict[str, str] = {}
    # of two names for the same bytes, read the one the manifest describes, else the first by path
    for s in sorted(sources, key=lambda s: (not s.in_manifest, s.path)):
        if s.problem:
            logrows.append(_log(s, "error", s.problem))
            continue
        res = results[s.sha256]
        if s.sha256 in first_path:
            first = first_force.get(s.sha256)
            if s.force is None or s.force == first:
                logrows.append(_log(s, "ok", f"same content as {first_path[s.sha256]}: read once, both paths kept"))
                continue
            # the same bytes filed for another force: that force keeps its copy, under its own id
            note = (f"the same file is filed for {first} too ({first_path[s.sha256]}): read once, "
                    f"counted for both forces")
            res = replace(res, warnings=[*res.warnings, note])
        doc_id = s.doc_id if s.sha256 not in first_path else f"{s.doc_id}-{s.force}"
        first_path.setdefault(s.sha256, s.path)
        doc, status, message = _document_row(s, res, forces)
        if doc is None:
            logrows.append(_log(s, status, message))
            continue
        doc["doc_id"] = doc_id
        first_force.setdefault(s.sha256, doc["force"])
        docs.append(doc)
        logrows.append({**_log(s, status, message), "doc_id": doc_id})
        if status != "error":
            for t in ROW_TABLES:
                rows[t].extend({"doc_id": doc_id, "force": doc["force"], **r} for r in res.rows.get(t, []))
    for s in skipped:
        logrows.append(_log(s, "warning", f"skipped: {s.problem}"))
    logrows.extend({"doc_id": None, "path": config.MANIFEST_FILE, "status": "warning", "message": p}
                   for p in problems)
    _duplicate_paths(docs, sources, first_path)
    _link_answers(docs)
    _link_claims(rows["claims"], docs)
    _finish_events(rows["events"], docs)
    _due_dates(rows["recommendations"], docs)
    import pandas as pd

    from reportkit.tables.schema import TABLES
    from reportkit.tables.store import coerce

    tables = {"documents": pd.DataFrame(docs), "extraction_log": pd.DataFrame(logrows)}
    tables.update({t: pd.DataFrame(rows[t]) for t in ROW_TABLES})
    return {name: _sorted(coerce(tables[name], name), name) for name in TABLES}


def _log(s: Source, status: str, message: str) -> dict:
    return {"doc_id": s.doc_id if s.sha256 else None, "path": s.path, "status": status, "message": message}


def _document_row(s: Source, res: Result, forces: list[str] | None):
    meta = res.meta
    if res.error:
        row = _doc_base(s, res, s.force or "unknown", s.kind or "other", "error", res.error)
        return row, "error", res.error
    force = s.force or meta.get("force")
    if force is None:
        msg = ("could not tell which force this document is about: put it under data/raw/<force>/ "
               "or name it in manifest.csv")
        return _doc_base(s, res, "unknown", s.kind or meta.get("kind") or "other", "error", msg), "error", msg
    if forces and force not in forces:
        return None, "ok", f"not extracted: force {force} not selected"
    notes = list(res.warnings)
    detected = meta.get("force")
    if s.force and detected and detected not in (s.force, "national"):
        notes.append(f"folder says {s.force} but the text names {detected}")
    status = "warning" if notes else "ok"
    row = _doc_base(s, res, force, s.kind or meta.get("kind") or "other", status, "; ".join(notes))
    return row, status, row["message"] or "read"


def _doc_base(s: Source, res: Result, force: str, kind: str, status: str, message: str) -> dict:
    meta = res.meta
    published, precision = meta.get("published"), meta.get("published_precision")
    if s.published:
        published, precision = s.published, "day"
    return {
        "doc_id": s.doc_id, "path": s.path, "sha256": s.sha256, "force": force, "kind": kind,
        "title": meta.get("title"), "published": published, "fieldwork_start": meta.get("fieldwork_start"),
        "fieldwork_end": meta.get("fieldwork_end"), "pages": res.pages, "status": status,
        "message": message, "published_precision": precision if published else None,
        "format": res.fmt or Path(s.path).suffix.lstrip(".").lower(), "answers_doc_id": None,
        "genre": meta.get("genre"), "text_source": meta.get("text_source"), "source_url": s.source_url,
        "_about_published": meta.get("about_published"), "_about_fieldwork": meta.get("about_fieldwork"),
    }


def _duplicate_paths(docs: list[dict], sources: list[Source], first_path: dict[str, str]) -> None:
    others: dict[str, list[str]] = {}
    own_row = {d["path"] for d in docs}  # a copy filed for another force has a row of its own
    for s in sources:
        if s.sha256 and first_path.get(s.sha256) not in (None, s.path) and s.path not in own_row:
            others.setdefault(s.sha256, []).append(s.path)
    for d in docs:
        if d["sha256"] in others:
            extra = "also at " + ", ".join(others[d["sha256"]])
            d["message"] = "; ".join(m for m in (d["message"], extra) if m)


def _link_answers(docs: list[dict]) -> None:
    """Point each press page and commissioner's letter at the report it is about: the same
    force's report whose publication or fieldwork month it names, else the latest one before it."""
    reports = _reports(docs)
    for d in docs:
        if d["kind"] not in ("press", "pcc_response") or d["published"] is None:
            continue
        mine = [r for r in reports if r["force"] == d["force"] and r["published"] is not None
                and _as_date(r["published"]) <= _as_date(d["published"])]
        match = [r for r in mine if _same_month(r["published"], d["_about_published"])
                 or _same_month(r["fieldwork_start"], d["_about_fieldwork"])]
        pick = max(match or mine, key=lambda r: _as_date(r["published"]), default=None)
        d["answers_doc_id"] = pick["doc_id"] if pick else None
    for d in docs:
        d.pop("_about_published", None)
        d.pop("_about_fieldwork", None)


def _reports(docs: list[dict]) -> list[dict]:
    """The inspectorate's reports in the corpus; a publication or tracker page only announces one."""
    return [d for d in docs if d["kind"] in REPORT_KINDS and d["status"] != "error"
            and d.get("genre") not in ANNOUNCING_GENRES]


def _link_claims(claims: list[dict], docs: list[dict]) -> None:
    """Name the report each claim describes: the one of the kind and year the text gave (the
    first inspection, the 2016 review), else the report the whole document answers."""
    by_id = {d["doc_id"]: d for d in docs}
    reports = _reports(docs)
    for c in claims:
        doc = by_id.get(c["doc_id"])
        if doc is None:
            continue
        if c.get("about_kind") is None and c.get("about_year") is None:
            c["about_doc_id"] = doc.get("answers_doc_id")
            continue
        found = [r for r in reports if r["force"] == doc["force"] and _describes(r, c)]
        c["about_doc_id"] = found[0]["doc_id"] if len(found) == 1 else None  # two: say neither


def _describes(report: dict, claim: dict) -> bool:
    kind, year = claim.get("about_kind"), claim.get("about_year")
    if kind is not None and _coarse(report["kind"]) != _coarse(kind):
        return False
    import pandas as pd

    if year is None or pd.isna(year):
        return True
    years = {_as_date(v).year for v in (report["published"], report["fieldwork_start"]) if v is not None}
    return int(year) in years


def _coarse(kind: str) -> str:
    return "review" if kind in ("review", "reinspection", "update") else kind


def _as_date(value) -> date:
    if isinstance(value, date):
        return value
    import pandas as pd

    return pd.Timestamp(value).date()


def _same_month(a, b) -> bool:
    if a is None or b is None:
        return False
    a, b = _as_date(a), _as_date(b)
    return (a.year, a.month) == (b.year, b.month)


def _finish_events(events: list[dict], docs: list[dict]) -> None:
    kinds = {d["doc_id"]: d["kind"] for d in docs}
    for e in events:
        if e.get("event") == "published":
            e["event"] = PUBLICATION_EVENT.get(str(kinds.get(e["doc_id"])), "published")


def _due_dates(recs: list[dict], docs: list[dict]) -> None:
    """due = publication day + time limit in calendar months ("within three months" of 13 January
    is 13 April), only when the publication day is known and the limit fixes a day."""
    from reportkit.analysis.progress import due_date  # analysis is heavy: only when needed

    known = {d["doc_id"]: d["published"] for d in docs if d["published_precision"] == "day"}
    for r in recs:
        pub = known.get(r["doc_id"])
        r["due"] = None
        if pub is not None:
            due, precision = due_date(_as_date(pub), "day", r.get("timescale"),
                                      r.get("timescale_days"))
            r["due"] = due.date() if precision == "day" else None


_SORT = {
    "documents": ["force", "published", "path"], "extraction_log": ["path", "status"],
    "case_grades": ["doc_id", "page", "assessor", "subset", "grade"],
    "recommendations": ["doc_id", "number"], "findings": ["doc_id", "page", "polarity", "text"],
    "progress": ["doc_id", "recommendation", "page"], "events": ["force", "doc_id", "event", "date"],
    "claims": ["doc_id", "measure", "page", "quote"],
    "unread_statements": ["doc_id", "page", "quote"],
    "area_grades": ["doc_id", "area", "grade", "page"],
    "recommendation_status": ["force", "doc_id", "recommendation", "date", "page"],
}


def _sorted(df: pd.DataFrame, name: str) -> pd.DataFrame:
    """A stable order, so an unchanged corpus gives byte-identical tables."""
    return df.sort_values(_SORT[name], kind="stable", na_position="last").reset_index(drop=True)


def summarise(tables: dict[str, pd.DataFrame]) -> tuple[int, str]:
    """(exit code, a short summary for stderr)."""
    logt = tables["extraction_log"]
    errors = logt[logt["status"] == "error"]
    docs = tables["documents"]
    ok = int((docs["status"] != "error").sum())
    lines = [f"read {ok} document(s); " + ", ".join(f"{len(tables[t])} {t.replace('_', ' ')}" for t in ROW_TABLES)]
    if len(errors):
        lines.append(f"{len(errors)} file(s) could not be read:")
        lines += [f"  {r.path}: {r.message}" for r in errors.itertuples()]
    warn = logt[logt["status"] == "warning"]
    if len(warn):
        lines.append(f"{len(warn)} warning(s): see extraction_log.csv")
    return (1 if len(errors) else 0), "\n".join(lines)

