"""Measure extraction against a gold file (the demo corpus writes one): precision and recall per table.

A row counts as found when its key matches a gold row of the same document exactly; see KEYS.
Findings are scored per field: a finding is known by its sentence (``findings``), and each of its
fields by the sentence and the field's value (``findings.area``, ``findings.polarity``, ...), so a
finding found with the wrong area counts against the area alone. Only documents whose gold lists
its findings (a ``findings`` key) are scored for them.
"""
from __future__ import annotations

import json
import re
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
    # issue 13: a count row has no area, an area's row no count
    "area_grades": lambda r: (r.get("area"), r["grade"], _num(r.get("areas")), r["basis"]),
    "recommendation_status": lambda r: (str(r["recommendation"]), r["status"], _day(r["date"]),
                                        r["source"]),
}


# finding fields scored one by one (findings.<field>), besides the finding itself
FINDING_FIELDS = ("area", "polarity", "type", "recommendation", "duplicate_of")
_PARA_NO = re.compile(r"^\s*\d{1,2}(?:\.\d{1,3})*\.?\s+")


def sentence_key(text) -> str:
    """A sentence as compared: no paragraph number, lower case, words only (quotes and dashes of
    either shape compare equal)."""
    if text is None or (not isinstance(text, str) and pd.isna(text)):
        return ""
    return " ".join(re.findall(r"[a-z0-9]+", _PARA_NO.sub("", str(text)).lower()))


def _value(v):
    return None if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v)


def _finding_keys(rows: list[dict]) -> dict[str, set]:
    """``rows`` of one document ({quote, field...}, duplicate_of as the twin's quote)."""
    out: dict[str, set] = {"findings": set(), **{f"findings.{f}": set() for f in FINDING_FIELDS}}
    seen: dict[str, int] = {}
    for r in rows:  # in reading order: a sentence a document prints twice is two findings
        q = sentence_key(r["quote"])
        seen[q] = seen.get(q, 0) + 1
        q = f"{q} #{seen[q]}"
        out["findings"].add(q)
        for f in FINDING_FIELDS:
            v = sentence_key(r.get(f)) if f == "duplicate_of" else _value(r.get(f))
            if v or f in ("area", "polarity", "type"):
                out[f"findings.{f}"].add((q, v or None))
    return out


def _extracted_findings(df: pd.DataFrame) -> list[dict]:
    """One document's findings rows as scored: duplicate_of turned into the twin's sentence."""
    text_of = dict(zip(df["finding"], df["text"]))
    rows = []
    for r in df.sort_values("finding").to_dict("records"):
        twin = r.get("duplicate_of")
        rows.append({**r, "quote": r["text"], "duplicate_of": text_of.get(twin) if twin else None})
    return rows


def load_gold(path: Path | str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def gold_rows(gold: dict) -> dict[str, set]:
    out: dict[str, set] = {t: set() for t in KEYS}
    for d in gold["documents"]:
        p = d["path"]
        out["documents"].add((p, KEYS["documents"](d)))
        for t in ("case_grades", "recommendations", "progress", "claims", "area_grades",
                  "recommendation_status"):
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


def finding_rows(tables: dict[str, pd.DataFrame], gold: dict) -> tuple[dict[str, set], dict[str, set]]:
    """(gold, extracted) keys per findings field, over the documents whose gold lists findings."""
    scored = {d["path"]: d["findings"] for d in gold["documents"] if "findings" in d}
    want: dict[str, set] = {}
    got: dict[str, set] = {}
    docs = tables["documents"]
    ids = {p: i for i, p in zip(docs["doc_id"], docs["path"]) if p in scored}
    found = tables["findings"].astype(object).where(tables["findings"].notna(), None)
    for path, rows in scored.items():
        mine = found[found["doc_id"] == ids.get(path)] if path in ids else found.iloc[:0]
        for name, keys in _finding_keys(rows).items():
            want.setdefault(name, set()).update((path, k) for k in keys)
        for name, keys in _finding_keys(_extracted_findings(mine)).items():
            got.setdefault(name, set()).update((path, k) for k in keys)
    return want, got


def _all_rows(tables: dict[str, pd.DataFrame], gold: dict) -> tuple[dict[str, set], dict[str, set]]:
    want = gold_rows(gold)
    got = extracted_rows(tables, {d["path"] for d in gold["documents"]})
    if "findings" in tables:
        fw, fg = finding_rows(tables, gold)
        want.update(fw)
        got.update(fg)
    return want, got


def score(tables: dict[str, pd.DataFrame], gold: dict) -> pd.DataFrame:
    """One row per table (and per findings field): gold rows, extracted rows, true positives,
    precision, recall."""
    want, got = _all_rows(tables, gold)
    rows = []
    for t in want:
        tp = len(want[t] & got[t])
        rows.append({"table": t, "gold": len(want[t]), "extracted": len(got[t]), "matched": tp,
                     "precision": tp / len(got[t]) if got[t] else 1.0,
                     "recall": tp / len(want[t]) if want[t] else 1.0})
    return pd.DataFrame(rows)


def misses(tables: dict[str, pd.DataFrame], gold: dict, table: str) -> tuple[list, list]:
    """(gold rows not found, extracted rows not in gold) for one table, for debugging."""
    want, got = (rows[table] for rows in _all_rows(tables, gold))
    return sorted(want - got, key=str), sorted(got - want, key=str)
