"""Find the documents under the raw folder and decide which force each belongs to.

Nothing here opens a document's content: it walks, hashes and reads manifest.csv.
"""
from __future__ import annotations

import csv
import hashlib
import os
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from reportkit import config
from reportkit.forces import UnknownForce, resolve
from reportkit.vocabulary import KINDS

SUPPORTED = {".pdf": "pdf", ".html": "html", ".htm": "html", ".txt": "txt"}
_IGNORED_NAMES = {config.MANIFEST_FILE, config.GOLD_FILE, ".gitkeep", "README.md"}


@dataclass
class Source:
    """One file found under the raw folder."""

    path: str  # relative to raw, POSIX
    abspath: Path
    sha256: str = ""
    force: str | None = None  # from folder or manifest; None = decide from content
    kind: str | None = None  # manifest override
    published: date | None = None  # manifest override
    problem: str | None = None  # set when the file cannot even be considered
    notes: list[str] = field(default_factory=list)
    in_manifest: bool = False
    source_url: str | None = None  # manifest provenance (`reportkit fetch`): where the file came from
    key: list[int] | None = None  # [size, mtime ns] when hashed or read: what the state records

    @property
    def doc_id(self) -> str:
        return self.sha256[:12] if self.sha256 else "path-" + _short_hash(self.path)


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()[:12]


def _hash(src: Source, seen: list | None) -> str:
    """The file's SHA-256, reused from the last run when its size and mtime are unchanged."""
    src.key = file_key(src.abspath)  # taken first: a file changing while hashed is hashed again next run
    if seen and len(seen) == 3 and src.key == list(seen[:2]):
        return str(seen[2])
    return sha256_file(src.abspath)


def sha256_file(path: Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(chunk):
            h.update(block)
    return h.hexdigest()


def walk(raw: Path) -> tuple[list[Source], list[Source]]:
    """(documents to read, files skipped with a reason). Symlinked folders are not followed
    (a loop must not hang the run); symlinked files are read if they resolve inside ``raw``."""
    raw = Path(raw)
    found: list[Source] = []
    skipped: list[Source] = []

    def unreadable(err: OSError) -> None:
        rel = display_path(Path(err.filename).relative_to(raw).as_posix())
        skipped.append(Source(rel, Path(err.filename),
                              problem=f"folder cannot be opened: {err.strerror}"))

    for dirpath, dirnames, filenames in os.walk(raw, followlinks=False, onerror=unreadable):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for d in dirnames:
            if os.path.islink(os.path.join(dirpath, d)):
                rel = display_path(Path(dirpath, d).relative_to(raw).as_posix())
                skipped.append(Source(rel, Path(dirpath, d), problem="symlinked folder not followed"))
        for name in sorted(filenames):
            if name.startswith(".") or (Path(dirpath) == raw and name in _IGNORED_NAMES):
                continue
            found_or_skip(raw, Path(dirpath, name), found, skipped)
    return found, skipped


def display_path(rel: str) -> str:
    """A name that is not valid UTF-8 (unzipped from an old archive) shows its odd bytes as %XX,
    so it can be written to the tables; the file itself is still opened by its real name."""
    if rel.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in rel):
        return rel
    return "".join(f"%{ord(ch) - 0xDC00:02X}" if "\udc80" <= ch <= "\udcff" else ch for ch in rel)


def found_or_skip(raw: Path, path: Path, found: list, skipped: list) -> None:
    rel = display_path(path.relative_to(raw).as_posix())
    src = Source(rel, path)
    if path.is_symlink():
        try:
            target = path.resolve(strict=True)
        except (OSError, RuntimeError):
            src.problem = "broken or looping symlink"
        else:
            if not target.is_relative_to(raw.resolve()):
                src.problem = "symlink points outside the raw folder: not followed"
    if src.problem is None and not path.is_file():
        # a named pipe would block the hash for ever; a device or socket holds no document
        src.problem = "not a regular file (a named pipe, socket or device): not read"
    if src.problem is None and path.suffix.lower() not in SUPPORTED:
        src.problem = f"not a supported format ({path.suffix or 'no extension'}): reportkit reads .pdf, .html, .htm and .txt"
    (skipped if src.problem else found).append(src)


def assign_folder_force(src: Source) -> None:
    """A file under RAW/<force-slug>/ belongs to that force; a top-level file is decided later."""
    parts = src.path.split("/")
    if len(parts) < 2:
        return
    try:
        src.force = resolve(parts[0])
    except UnknownForce as exc:
        src.problem = (f"folder {parts[0]!r} names no force ({exc}){_odd_letters(parts[0])}; "
                       "move the file or list it in manifest.csv")


def _odd_letters(name: str) -> str:
    """Letters that only look like plain ones ('і', Cyrillic, in 'west-yorkshіre'), spelled out
    by code point: the message would otherwise show the name the user believes they typed."""
    odd = [f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed')}" for ch in dict.fromkeys(name)
           if not ch.isascii()]
    return f" (it holds {', '.join(odd)}, not plain letters)" if odd else ""


def read_manifest(raw: Path) -> tuple[dict[str, dict], list[str]]:
    """Rows of RAW/manifest.csv keyed by path, and a plain message for every bad row."""
    path = Path(raw) / config.MANIFEST_FILE
    if not path.is_file():
        return {}, []
    rows: dict[str, dict] = {}
    problems: list[str] = []
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        return {}, [f"manifest.csv could not be read: {exc.strerror}"]
    reader = csv.DictReader(text.splitlines())
    if reader.fieldnames:  # "path, force, kind" as typed by hand: the names without the spaces
        reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
    if not reader.fieldnames or "path" not in reader.fieldnames:
        return {}, ["manifest.csv has no 'path' column: expected columns path,force,kind,published "
                    "(and, from `reportkit fetch`, source_url,retrieved_at,sha256,page_url)"]
    width, line = len(reader.fieldnames), 1
    for row in reader:
        n, line = line + 1, reader.line_num  # a quoted field may span lines: report the first
        clean, problem = _manifest_row(row, width)
        if problem is None and clean["path"] in rows:
            problem = f"{clean['path']!r} is listed again (first at line {rows[clean['path']]['line']})"
        if problem:
            problems.append(f"manifest.csv line {n}: {problem}; row ignored")
        else:
            rows[clean["path"]] = {**clean, "line": n}
    return rows, problems


def _manifest_row(row: dict, width: int) -> tuple[dict, str | None]:
    fields = len([v for k, v in row.items() if k is not None and v is not None])
    fields += len(row.get(None) or [])
    if fields != width:
        return {}, f"has {fields} field(s), the header has {width} (a stray comma or quote?)"
    if any("\x00" in v for v in row.values() if isinstance(v, str)):
        return {}, "contains a NUL byte (the file is damaged or not text)"
    p = manifest_path(row.get("path") or "")
    if not p:
        return {}, "no path"
    if p.startswith("/") or ".." in p.split("/"):
        return {}, f"path {p!r} must be relative to the raw folder"
    out: dict = {"path": p, "force": None, "kind": None, "published": None,
                 "source_url": _web_address((row.get("source_url") or "").strip())}
    force, kind, published = ((row.get(k) or "").strip() for k in ("force", "kind", "published"))
    if force:
        try:
            out["force"] = resolve(force)
        except UnknownForce as exc:
            return {}, str(exc)
    if kind:
        if kind not in KINDS:
            return {}, f"kind {kind!r} is not one of {', '.join(KINDS)}"
        out["kind"] = kind
    if published:
        try:
            out["published"] = date.fromisoformat(published)
        except ValueError:
            return {}, f"published {published!r} is not an ISO date (YYYY-MM-DD)"
        if not EARLIEST <= out["published"] <= date.today().replace(year=date.today().year + 1):
            return {}, (f"published {published!r} is not a plausible date for an inspection "
                        f"document (from {EARLIEST.year} to next year)")
    return out, None


EARLIEST = date(1990, 1, 1)  # before any publication of the inspectorate's child protection work


def manifest_path(text: str) -> str:
    """A manifest path as the walk writes it: forward slashes, no "./", composed Unicode (a Mac
    writes "é" as "e" and a combining accent, which is another string with the same look)."""
    p = unicodedata.normalize("NFC", text.strip().replace("\\", "/"))
    while p.startswith("./"):
        p = p[2:]
    return "/".join(part for part in p.split("/") if part not in ("", "."))


def _lookup(manifest: dict[str, dict], path: str) -> dict | None:
    """The manifest row for ``path``: exactly, else in composed form, else the one row that
    differs only in letter case (a manifest typed on a case-blind disk)."""
    row = manifest.get(path) or manifest.get(unicodedata.normalize("NFC", path))
    if row:
        return row
    folded = [r for p, r in manifest.items() if p.casefold() == path.casefold()]
    return folded[0] if len(folded) == 1 else None


def _web_address(url: str) -> str | None:
    """An http(s) address as written; anything else (empty, a formula, a file path) is dropped."""
    return url if url.lower().startswith(("http://", "https://")) and " " not in url else None


def file_key(path: Path) -> list[int]:
    """(size, modification time in ns): unchanged means unchanged bytes, as git's index assumes."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns]


def discover(raw: Path, known: dict[str, list] | None = None
             ) -> tuple[list[Source], list[Source], list[str]]:
    """Everything extract needs to know before reading: sources, skipped files, manifest problems."""
    raw = Path(raw)
    if not raw.is_dir():
        raise FileNotFoundError(f"raw folder {raw} does not exist: run `reportkit demo-corpus` or create it")
    found, skipped = walk(raw)
    manifest, problems = read_manifest(raw)
    used: set[str] = set()
    for src in found:
        assign_folder_force(src)
        row = _lookup(manifest, src.path)
        if row:
            used.add(row["path"])
            src.in_manifest = True
            src.force = row["force"] or src.force
            src.kind, src.published = row["kind"], row["published"]
            src.source_url = row["source_url"]
            if row["force"] and src.problem and src.problem.startswith("folder"):
                src.problem = None  # the manifest names the force, so the folder does not matter
        if src.problem is None:
            try:
                src.sha256 = _hash(src, (known or {}).get(src.path))
            except OSError as exc:
                src.problem = f"cannot open file: {exc.strerror}"
    for missing in sorted(set(manifest) - used):
        line = manifest[missing]["line"]
        problems.append(f"manifest.csv line {line}: names {missing!r}, which is not in the raw folder")
    return found, skipped, problems
