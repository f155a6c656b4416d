"""Is the processed folder up to date with the raw folder? Answered without importing pandas,
so that an unchanged re-run of `reportkit extract` costs little more than hashing the files."""
from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from reportkit import config
from reportkit.read.corpus import Source, discover
from reportkit.read.ocr import setting as ocr_setting
from reportkit.tables import atomic

STATE_FILE = "_extract_state.json"


def extractor_version() -> str:
    """A hash of the code that shapes extraction (the read and extract stages, the schema, the
    vocabulary, the force list, the orchestration) and of the reading limits: a change to any of
    them invalidates the cache; editing a chart or a notebook helper does not."""
    limits = "/".join(str(v) for v in (
        config.MAX_PAGES, config.MAX_SECONDS_PER_DOCUMENT, config.MAX_FILE_BYTES,
        config.MAX_MEMORY_BYTES, config.MAX_CHARS_PER_PAGE, config.MAX_DECOMPRESSED_BYTES, ocr_setting()))
    h = hashlib.sha256(limits.encode())
    for path in _extraction_sources():
        h.update(path.relative_to(config.PACKAGE_DIR).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


EXTRACTION_CODE = ("read", "extract", "tables/schema.py", "tables/validate.py", "vocabulary.py",
                   "forces.py", "pipeline.py", "data/forces.csv")


def _extraction_sources() -> list:
    found = []
    for part in EXTRACTION_CODE:
        path = config.PACKAGE_DIR / part
        found += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return found


def fingerprint(sources: list[Source], version: str, forces: list[str] | None = None,
                skipped: Sequence[Source] = (), problems: Sequence[str] = ()) -> str:
    """What the tables depend on: every file's path, bytes and overrides, the files skipped and
    the manifest's problems (both are rows of the extraction log), the extractor, the forces."""
    h = hashlib.sha256(f"{version}\0{','.join(forces or [])}\n".encode())
    for s in sorted(sources, key=lambda s: s.path):
        h.update(f"{s.path}\0{s.sha256}\0{s.force}\0{s.kind}\0{s.published}\0{s.problem}"
                 f"\0{getattr(s, 'source_url', None)}\n"
                 .encode("utf-8", "surrogateescape"))
    for s in sorted(skipped, key=lambda s: s.path):
        h.update(f"skipped\0{s.path}\0{s.problem}\n".encode("utf-8", "surrogateescape"))
    for p in problems:
        h.update(f"manifest\0{p}\n".encode("utf-8", "surrogateescape"))
    return h.hexdigest()


def read_state(out: Path) -> dict:
    try:
        return json.loads((Path(out) / STATE_FILE).read_text())
    except (OSError, ValueError):
        return {}


def up_to_date(out: Path, stamp: str) -> dict | None:
    """The saved state (with its exit code and summary) when ``out`` holds tables for ``stamp``."""
    state = read_state(out)
    if state.get("stamp") != stamp:
        return None
    # the tables written with this stamp (a change of schema changes the stamp: schema.py is hashed)
    written = state.get("tables") or []
    if not written or not all((Path(out) / f"{t}.parquet").exists() for t in written):
        return None
    return state


def write_state(out: Path, stamp: str, exit_code: int, summary: str,
                sources: Sequence[Source] = ()) -> None:
    """Record what the tables were made from, and each file's (size, mtime, sha256) as it was when
    hashed or read (not as it is now: a file replaced meanwhile must look changed next run), so that
    the next unchanged run need not hash the files again."""
    hashes = {s.path: [*s.key, s.sha256] for s in sources if s.sha256 and s.key}
    from reportkit.tables.schema import TABLES

    state = {"stamp": stamp, "exit_code": exit_code, "summary": summary, "hashes": hashes,
             "tables": list(TABLES)}
    atomic.write_text(Path(out) / STATE_FILE, json.dumps(state) + "\n")


def known_hashes(out: Path | None) -> dict[str, list]:
    return read_state(out).get("hashes", {}) if out is not None else {}


def clear_state(out: Path) -> None:
    (Path(out) / STATE_FILE).unlink(missing_ok=True)


def current_stamp(raw: Path, forces: list[str] | None = None, out: Path | None = None) -> str:
    sources, skipped, problems = discover(Path(raw), known_hashes(out))
    if forces:
        sources = [s for s in sources if s.force is None or s.force in forces]
    return fingerprint(sources, extractor_version(), forces, skipped, problems)


def is_stale(raw: Path | str = config.RAW_DIR, out: Path | str = config.PROCESSED_DIR) -> bool:
    """True when the raw folder or the extractor changed since the tables in ``out`` were written."""
    return up_to_date(Path(out), current_stamp(Path(raw), out=Path(out))) is None
