"""`reportkit fetch`: each URL (or catalogue entry) to a file under the raw folder and a row in
its manifest. A URL already fetched, whose file is still there unchanged, is not asked for again;
a failure is one line and the run goes on to the next URL."""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from reportkit import config
from reportkit.fetch import store
from reportkit.fetch.catalogue import Entry
from reportkit.fetch.follow import report_link
from reportkit.fetch.http import FetchError, PoliteClient, Response
from reportkit.tables import atomic

log = logging.getLogger(__name__)


@dataclass
class Target:
    url: str
    force: str | None = None  # the folder under raw; None: the top level (force told from the text)
    kind: str | None = None  # written to the manifest when known (catalogue entries)


@dataclass
class Outcome:
    url: str
    status: str  # saved, kept (same bytes already there), already (fetched before), error
    path: str | None = None
    message: str = ""
    source_url: str | None = None  # the document's own URL, when a page was followed to it

    def line(self) -> str:
        if self.status == "error":
            return f"error: {self.message}"
        via = f" (from {self.url})" if self.source_url and self.source_url != self.url else ""
        words = {"saved": "saved", "kept": "already there", "already": "already fetched"}
        return f"{words[self.status]}: {self.path} <- {self.source_url or self.url}{via}"


def targets_for(entries: list[Entry]) -> list[Target]:
    return [Target(e.url(), e.force, e.kind) for e in entries]


def fetch(targets: list[Target], raw: Path | str = config.RAW_DIR,
          client: PoliteClient | None = None) -> list[Outcome]:
    """Fetch every target in turn; never raises for one URL's failure (see Outcome.message)."""
    raw = Path(raw)
    raw.mkdir(parents=True, exist_ok=True)
    client = client or PoliteClient()
    for folder in {raw, *(raw / t.force for t in targets if t.force)}:
        if folder.is_dir():
            atomic.remove_stale_temps(folder)  # left by a run killed mid-write
    outcomes = []
    for target in targets:
        try:
            outcome = fetch_one(target, raw, client)
        except FetchError as exc:
            outcome = Outcome(target.url, "error", message=str(exc))
        except OSError as exc:  # the disk, not the network: say which file
            outcome = Outcome(target.url, "error",
                              message=f"{target.url}: could not write {exc.filename}: {exc.strerror}")
        log.info(outcome.line())
        outcomes.append(outcome)
    return outcomes


def fetch_one(target: Target, raw: Path, client: PoliteClient) -> Outcome:
    _, rows = store.read_rows(raw)
    done = store.fetched(raw, rows, target.url)
    if done:
        return Outcome(target.url, "already", done["path"])
    resp = client.get(target.url)
    doc_url, doc = target.url, resp
    if store.file_type(resp) == "html":
        link = report_link(resp.url, resp.body.decode("utf-8", "replace"))
        if link:
            done = store.fetched(raw, rows, link)
            if done:
                return Outcome(target.url, "already", done["path"], source_url=link)
            doc_url, doc = link, client.get(link)
    return _file(target, raw, doc_url, doc)


def _file(target: Target, raw: Path, url: str, resp: Response) -> Outcome:
    saved = store.save(raw, target.force or "", resp, store.file_type(resp))
    store.record(raw, saved, target.force, target.kind, url,
                 page_url=target.url if url != target.url else None)
    return Outcome(target.url, saved.status, saved.path, source_url=url)
