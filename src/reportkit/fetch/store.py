"""Filing downloads under the raw folder, with a manifest row for each.

A file is named from its URL and given the extension its bytes call for (not the server's
word): an HTML error page sent as ``application/pdf`` is refused, never saved as ``.pdf``.
Nothing is written outside the raw folder, and a file already there with other bytes is kept:
the download takes a new name (``report-2.pdf``). Every write is atomic.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from reportkit import config
from reportkit.fetch.http import FetchError, Response
from reportkit.read.corpus import sha256_file
from reportkit.read.reader import sniff
from reportkit.tables import atomic

# The manifest's columns: the first four are what `extract` reads as overrides, the rest provenance
# (page_url: the publication page the file was found on, so a re-run need not ask for it again).
MANIFEST_COLUMNS = ("path", "force", "kind", "published", "source_url", "retrieved_at", "sha256",
                    "page_url")
EXTENSIONS = {"pdf": ".pdf", "html": ".html", "text": ".txt"}
# What a server may call each kind of file; anything else is taken on the bytes' word alone.
DECLARED = {"pdf": {"application/pdf", "application/x-pdf"},
            "html": {"text/html", "application/xhtml+xml"},
            "text": {"text/plain"}}
_UNSAFE = re.compile(r"[^a-z0-9._-]+")
_MAX_NAME = 80


@dataclass
class Saved:
    path: str  # relative to the raw folder, POSIX
    status: str  # "saved" (new file) or "kept" (the same bytes were already there)
    sha256: str


def file_type(resp: Response) -> str:
    """"pdf", "html" or "text" from the bytes, checked against the declared type; FetchError
    when they disagree or the bytes are nothing reportkit reads."""
    found = sniff(resp.body[:4096])
    if found not in EXTENSIONS:
        raise FetchError(f"{resp.url}: the server sent {found}, not a PDF, web page or text: not saved")
    declared = resp.content_type
    known = {t for types in DECLARED.values() for t in types}
    if declared in known and declared not in DECLARED[found]:
        if not (found == "text" and declared in DECLARED["html"]):  # a page of bare text is fine
            said = "a PDF" if declared in DECLARED["pdf"] else declared
            raise FetchError(f"{resp.url}: the server said {said} but sent "
                             f"{'an HTML page' if found == 'html' else found} "
                             "(an error page?): not saved")
    return found


def file_name(url: str, kind: str) -> str:
    """A safe file name from the URL's last path segment, with the extension for ``kind``."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    stem = PurePosixPath(unquote(segments[-1])).stem if segments else ""
    if segments and PurePosixPath(unquote(segments[-1])).suffix.lower() not in (
            ".pdf", ".html", ".htm", ".txt", ".php", ".aspx", ".asp", ""):
        stem = unquote(segments[-1])  # "report.v2" keeps its dot; a real suffix is replaced
    stem = _UNSAFE.sub("-", stem.lower()).strip("-.")[:_MAX_NAME] or "document"
    return stem + EXTENSIONS[kind]


def save(raw: Path, folder: str, resp: Response, kind_of_file: str) -> Saved:
    """Write ``resp.body`` under ``raw/folder/`` (folder "" is the top level)."""
    raw = Path(raw).resolve()
    target_dir = (raw / folder).resolve() if folder else raw
    if not target_dir.is_relative_to(raw):
        raise FetchError(f"{resp.url}: folder {folder!r} is outside the raw folder: not saved")
    digest = hashlib.sha256(resp.body).hexdigest()
    name = file_name(resp.url, kind_of_file)
    stem, suffix = name[: -len(EXTENSIONS[kind_of_file])], EXTENSIONS[kind_of_file]
    for n in range(1, 1000):
        target = target_dir / (name if n == 1 else f"{stem}-{n}{suffix}")
        if not target.exists():
            atomic.write_bytes(target, resp.body)
            return Saved(target.relative_to(raw).as_posix(), "saved", digest)
        if target.is_file() and not target.is_symlink() and sha256_file(target) == digest:
            return Saved(target.relative_to(raw).as_posix(), "kept", digest)
    raise FetchError(f"{resp.url}: 999 files named like {name} already: not saved")


# --- the manifest ------------------------------------------------------------------------------
def read_rows(raw: Path) -> tuple[list[str], list[dict[str, str]]]:
    """The manifest's header and rows as text (empty when there is none yet)."""
    path = Path(raw) / config.MANIFEST_FILE
    if not path.is_file():
        return list(MANIFEST_COLUMNS), []
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise FetchError(f"{path}: not UTF-8 text, so it cannot be added to: nothing saved "
                         "(save it as UTF-8 CSV)") from None
    reader = csv.DictReader(io.StringIO(text))
    header = list(reader.fieldnames or [])
    header += [c for c in MANIFEST_COLUMNS if c not in header]
    return header, [{k: v for k, v in row.items() if k is not None} for row in reader]


def fetched(raw: Path, rows: list[dict[str, str]], url: str) -> dict[str, str] | None:
    """The manifest row of an earlier download of ``url`` (the file's own address or the page it
    was found on) whose file is still there, unchanged."""
    for row in rows:
        if url in (row.get("source_url"), row.get("page_url")) and row.get("sha256"):
            path = Path(raw) / row.get("path", "")
            if path.is_file() and sha256_file(path) == row["sha256"]:
                return row
    return None


def record(raw: Path, saved: Saved, force: str | None, kind: str | None, url: str,
           page_url: str | None = None) -> None:
    """Add (or refresh) the manifest row for ``saved``; the other rows are kept as they were."""
    header, rows = read_rows(raw)
    row = next((r for r in rows if r.get("path") == saved.path), None)
    if row is None:
        row = {"path": saved.path}
        rows.append(row)
    row.update({"source_url": url, "sha256": saved.sha256, "page_url": page_url or "",
                "retrieved_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")})
    if force and not row.get("force"):
        row["force"] = force
    if kind and not row.get("kind"):
        row["kind"] = kind
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    atomic.write_text(Path(raw) / config.MANIFEST_FILE, out.getvalue())
