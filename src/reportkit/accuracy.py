"""Measure extraction against a gold file (the demo corpus writes one): precision and recall per table.

A row counts as found when its key matches a gold row of the same document exactly; see KEYS.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from reportkit.vocabulary import PUBLICATION_EVENT


def _day(value) -> str | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return str(pd.Timestamp(value).date())


def _num(value):
    if value is None or pd.isna(value):
        return None
    return round(float(value), 1)


# table -> function(row as dict) -> comparable key (without the document)
KEYS = {
    "case_grades": lambda r: (r["assessor"], r["subset"], r["grade"], _num(r.get("cases")),
                              _num(r.get("percent"))),
    "recommendations": lambda r: (int(r["number"]), _num(r.get("timescale_days"))),
    "progress": lambda r: (str(r["recommendation"]), r["rating"]),
    "events": lambda r: (r["event"], _day(r["date"]), r["precision"]),
    "claims": lambda r: (r["measure"], _num(r["value"])),
    "documents": lambda r: (r["force"], r["kind"], _day(r.get("published")),
                            _day(r.get("fieldwork_start")), _day(r.get("fieldwork_end"))),
}


def load_gold(path: Path | str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_rows(gold: dict) -> dict[str, set]:
    out: dict[str, set] = {t: set() for t in KEYS}
    for d in gold["documents"]:
        p = d["path"]
        out["documents"].add((p, KEYS["documents"](d)))
        for t in ("case_grades", "recommendations", "progress", "claims"):
            out[t].update((p, KEYS[t](r)) for r in d.get(t, []))
        for e in d.get("events", []):
            e = {**e, "event": PUBLICATION_EVENT.get(d["kind"], "published") if e["event"] == "published" else e["event"]}
            out["events"].add((p, KEYS["events"](e)))
    return out


def extracted_rows(tables: dict[str, pd.DataFrame], paths: set[str]) -> dict[str, set]:
    docs = tables["documents"]
    path_of = dict(zip(docs["doc_id"], docs["path"]))
    out: dict[str, set] = {t: set() for t in KEYS}
    for t in KEYS:
        df = tables[t].astype(object).where(tables[t].notna(), None)
        for r in df.to_dict("records"):
            p = r["path"] if t == "documents" else path_of.get(r["doc_id"])
            if p in paths:
                out[t].add((p, KEYS[t](r)))
    return out


def score(tables: dict[str, pd.DataFrame], gold: dict) -> pd.DataFrame:
    """One row per table: gold rows, extracted rows, true positives, precision, recall."""
    want = gold_rows(gold)
    got = extracted_rows(tables, {d["path"] for d in gold["documents"]})
    rows = []
    for t in KEYS:
        tp = len(want[t] & got[t])
        rows.append({"table": t, "gold": len(want[t]), "extracted": len(got[t]), "matched": tp,
                     "precision": tp / len(got[t]) if got[t] else 1.0,
                     "recall": tp / len(want[t]) if want[t] else 1.0})
    return pd.DataFrame(rows)


def misses(tables: dict[str, pd.DataFrame], gold: dict, table: str) -> tuple[list, list]:
    """(gold rows not found, extracted rows not in gold) for one table, for debugging."""
    want = gold_rows(gold)[table]
    got = extracted_rows(tables, {d["path"] for d in gold["documents"]})[table]
    return sorted(want - got, key=str), sorted(got - want, key=str)
