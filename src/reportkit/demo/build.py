"""Write the demo corpus, its manifest and its gold file into a folder."""
from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from pathlib import Path

from reportkit.config import GOLD_FILE, MANIFEST_FILE

from . import catalogue, html, letters, newstyle, press, reactions, reports, trackers
from .figures import gold as grade_gold
from .specs import TIMESCALE_DAYS, Report


def write_atomic(path: Path, data: bytes) -> None:
    """Temp file in the same folder, then os.replace: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _month_first(ym: str) -> str:
    return ym[:7] + "-01"


def _recs(recs) -> list[dict]:
    return [{"number": i, "timescale": r.timescale, "timescale_days": TIMESCALE_DAYS[r.timescale]}
            for i, r in enumerate(recs, 1)]


def _baseline_event(text: str) -> dict:
    """'May 2014' -> month precision, '2016' -> year precision."""
    parts = text.split()
    if len(parts) == 1:
        return {"event": "baseline_fieldwork", "date": f"{parts[0]}-01-01", "precision": "year"}
    month = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"].index(parts[0]) + 1
    return {"event": "baseline_fieldwork", "date": f"{parts[1]}-{month:02d}-01", "precision": "month"}


def report_gold(spec: Report, pages: int, story: reports.Story) -> dict:
    fw = spec.fieldwork
    events = []
    if fw:
        events += [{"event": "fieldwork_start", "date": fw[0], "precision": fw[2]},
                   {"event": "fieldwork_end", "date": fw[1], "precision": fw[2]}]
    events.append({"event": "published", "date": _month_first(spec.month), "precision": "month"})
    if spec.baseline:  # reviews state when the earlier inspection's fieldwork took place
        events.append(_baseline_event(spec.baseline[0]))
    restated = spec.kind in ("review", "update")  # earlier recommendations, rated in progress
    return {
        "path": spec.path, "force": spec.force, "kind": spec.kind, "format": "pdf",
        "title": spec.title, "pages": pages,
        "published": spec.day or _month_first(spec.month),
        "published_precision": "day" if spec.day else "month",
        "fieldwork_start": fw[0] if fw else None, "fieldwork_end": fw[1] if fw else None,
        "fieldwork_precision": fw[2] if fw else None, "answers": None, "events": events,
        "case_grades": [row for g in spec.grades for row in grade_gold(g)],
        "recommendations": [] if restated else _recs(spec.recs),
        "progress": [{"recommendation": str(i), "rating": r}
                     for i, r in enumerate(spec.progress, 1)],
        "claims": [], "findings_min": {"strength": story.strengths, "concern": story.concerns},
        "warnings": list(spec.warnings), "findings": story.findings,
    }


def _side_gold(path: str, kind: str, fmt: str, title: str, pages: int, day: str,
               answers: str | None, claims: list[dict]) -> dict:
    return {
        "path": path, "force": path.split("/")[0], "kind": kind, "format": fmt, "title": title,
        "pages": pages, "published": day, "published_precision": "day",
        "fieldwork_start": None, "fieldwork_end": None, "fieldwork_precision": None,
        "answers": answers, "events": [{"event": "published", "date": day, "precision": "day"}],
        "case_grades": [], "recommendations": [], "progress": [], "claims": claims,
        "findings_min": {"strength": 0, "concern": 0}, "warnings": [], "findings": [],
    }


def _build_reports(out: Path, docs: list[dict], manifest: list[list[str]]) -> None:
    for spec in catalogue.all_reports():
        data, pages, story = reports.render_report(spec)
        write_atomic(out / spec.path, data)
        docs.append(report_gold(spec, pages, story))
        if spec.day:
            manifest.append([spec.path, spec.force, spec.kind, spec.day])


def _build_side(out: Path, docs: list[dict]) -> None:
    for letter in letters.letters():
        data, pages = letters.render_letter(letter)
        write_atomic(out / letter.path, data)
        docs.append(_side_gold(letter.path, "pcc_response", "pdf", letter.heading, pages,
                               letter.date, letter.answers, letter.claims))
    for art in press.articles():
        write_atomic(out / art.path, html.press_page(art).encode("utf-8"))
        docs.append(_side_gold(art.path, "press", "html", art.headline, 1, art.date, art.answers,
                               art.claims))
    write_atomic(out / html.LANCS_REVIEW, html.review_page().encode("utf-8"))
    docs.append(html.review_gold())
    for r in reactions.reactions():
        write_atomic(out / r.path, r.text.encode("utf-8"))
        docs.append(_side_gold(r.path, r.kind, r.fmt, r.title, 1, r.date, r.answers, r.claims))


def _manifest_bytes(rows: list[list[str]]) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["path", "force", "kind", "published"])
    w.writerows(sorted(rows))
    return buf.getvalue().encode("utf-8")


def build_corpus(out: Path) -> dict:
    """Write the demo corpus into ``out`` and return the gold dict (also in demo-gold.json)."""
    out = Path(out)
    docs: list[dict] = []
    manifest: list[list[str]] = []
    _build_reports(out, docs, manifest)
    _build_side(out, docs)
    newstyle.build(out, docs, manifest, write_atomic)  # issue 13: graded areas
    trackers.build(out, docs, manifest, write_atomic)  # issue 13: statuses over time
    trackers.add_status_gold(docs)
    gold = {"version": 1, "documents": sorted(docs, key=lambda d: d["path"])}
    write_atomic(out / MANIFEST_FILE, _manifest_bytes(manifest))
    text = json.dumps(gold, indent=1, ensure_ascii=False) + "\n"
    write_atomic(out / GOLD_FILE, text.encode("utf-8"))
    return gold
