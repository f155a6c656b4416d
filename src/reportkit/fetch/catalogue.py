"""The shipped catalogue of the inspectorate's publications (data/catalogue.csv): force, kind,
title, year and the publication page, relative to ``config.FETCH_BASE_URL``.

The catalogue was written by hand on 2026-12-01 from public facts (the inspectorate's pages and
press coverage). To refresh it: open the inspectorate's "National child protection inspections"
page (our-work/article/child-abuse-and-child-protection-issues/national-child-protection-inspection
under the base URL), which links every force's report and review; add a row per publication
(its page path after the base URL, the force slug from ``reportkit forces``, one of the kinds in
vocabulary.KINDS, the year of publication); mark ``checked`` yes once the page has opened; update
the date in the CSV's comment and here. ``tests/test_fetch.py`` checks every row is well formed.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from reportkit import config
from reportkit.forces import resolve
from reportkit.vocabulary import KINDS

CATALOGUE_DATE = "2026-12-01"
COLUMNS = ("force", "kind", "title", "year", "page", "checked")


@dataclass(frozen=True)
class Entry:
    force: str
    kind: str
    title: str
    year: int
    page: str  # relative to the base URL
    checked: bool

    def url(self, base: str | None = None) -> str:
        base = base or config.FETCH_BASE_URL
        return urljoin(base if base.endswith("/") else base + "/", self.page)


def load(path: Path | None = None) -> list[Entry]:
    """Every entry; ValueError naming the line when one is malformed (a broken package)."""
    text = Path(path or config.CATALOGUE_FILE).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"catalogue columns are {reader.fieldnames}, expected {COLUMNS}")
    return [_entry(row, n) for n, row in enumerate(reader, start=2)]


def _entry(row: dict, n: int) -> Entry:
    problem = None
    if row["kind"] not in KINDS:
        problem = f"kind {row['kind']!r} is not one of {KINDS}"
    elif not row["year"].isdigit():
        problem = f"year {row['year']!r} is not a year"
    elif row["page"].startswith(("/", "http:", "https:")) or ".." in row["page"]:
        problem = f"page {row['page']!r} must be relative to the base URL"
    elif row["checked"] not in ("yes", "no"):
        problem = "checked must be yes or no"
    if problem:
        raise ValueError(f"catalogue.csv row {n}: {problem}")
    return Entry(resolve(row["force"]), row["kind"], row["title"], int(row["year"]),
                 row["page"], row["checked"] == "yes")


def for_forces(forces: list[str] | None, path: Path | None = None) -> list[Entry]:
    """The entries for these force slugs (None: all of them), oldest first."""
    chosen = [e for e in load(path) if forces is None or e.force in forces]
    return sorted(chosen, key=lambda e: (e.year, e.force, e.kind))
