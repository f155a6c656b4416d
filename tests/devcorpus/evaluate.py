"""Score reportkit's extraction on the development corpus, per family and per phrasebook shape.

    python tests/devcorpus/evaluate.py [--corpus DIR] [--out DIR] [-v] [--check]

Runs ``reportkit extract`` (same interpreter) on ``tests/devcorpus/docs`` into DIR (a temporary
folder unless ``--out`` is given), reads the CSV tables it writes and compares them with
``gold.json``. Each document's facts fall into five families:

- kind: the document's kind (thematic counts as national; reinspection and update as review);
- dates: published, fieldwork_start, fieldwork_end (fieldwork only for report kinds: a press text
  that mentions when inspectors visited is quoting the report);
- grades: case_grades rows of report kinds (inspection, review, national), as
  (assessor, total, grade, count); a row with a percentage and no count is not scored;
- claims: figures of press texts and letters (press, pcc_response), from claims.csv and from any
  case_grades rows of the same document, as (measure, value);
- recommendations: (number, timescale in days) of report kinds.

For each family: precision = correct / emitted, recall = correct / gold, and WRONG = emitted
figures that are not the truth: a value for a measure gold has with another value, a figure for a
measure gold does not have for that document (this covers approximations and other statements
listed under ``unread``), a date where the document gives none. A figure emitted twice counts once.

Exit status with ``--check``: 1 when a target fails (precision 1.000 for grades and claims, recall
>= 0.98 for every family), else 0.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import json
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "docs"
GOLD = HERE / "gold.json"
SHAPES = HERE / "shapes.json"

FAMILIES = ("kind", "dates", "grades", "claims", "recommendations")
REPORT_KINDS = {"inspection", "review", "national"}
PRESS_KINDS = {"press", "pcc_response"}
TARGET_PRECISION = {"grades": 1.0, "claims": 1.0}
TARGET_RECALL = 0.98

KIND_ALIASES = {"thematic": "national", "reinspection": "review", "update": "review",
                "post_inspection_review": "review", "assessment_of_progress": "review",
                "quarterly_update": "review", "pcc": "pcc_response", "letter": "pcc_response"}
GRADE_WORDS = ("requires_improvement_or_inadequate", "requires_improvement", "inadequate",
               "adequate", "good", "outstanding")
GRADE_ALIASES = {"requires improvement": "requires_improvement", "ri": "requires_improvement",
                 "requiring_improvement": "requires_improvement",
                 "ri_or_inadequate": "requires_improvement_or_inadequate"}
BASELINE_PREFIXES = ("baseline", "initial", "first", "earlier", "previous", "original")
SUBSET_ALIASES = {"cse": "cse", "sexual_exploitation": "cse", "exploitation": "cse",
                  "missing": "missing", "missing_children": "missing", "custody": "custody",
                  "care_home": "care_home", "care_homes": "care_home"}
# case sets that are the main set of the document under another name
MAIN_SETS = {"", "all", "audit", "main", "cases", "sample"}


# ----------------------------------------------------------------------------------------------
# running the extractor and reading its tables

def run_extraction(out_dir: Path, docs: Path = DOCS) -> None:
    """``python -m reportkit extract --raw DOCS --out OUT -q`` (exit 1 = some documents unread)."""
    base = [sys.executable, "-m", "reportkit", "extract", "--raw", str(docs), "--out", str(out_dir),
            "-q"]
    # a parse cache kept between runs could hide a change in the reader: parse afresh
    proc = subprocess.run(base + ["--no-cache"], capture_output=True, text=True)
    if proc.returncode == 2 and "no-cache" in proc.stderr:
        proc = subprocess.run(base, capture_output=True, text=True)
    if proc.returncode not in (0, 1) or not (out_dir / "documents.csv").is_file():
        raise RuntimeError(f"reportkit extract failed ({proc.returncode}):\n{proc.stderr[-3000:]}")


def _rows(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _num(text) -> float | None:
    if text is None:
        return None
    text = str(text).strip()
    if text in ("", "nan", "NaN", "None", "<NA>"):
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _int(text) -> int | None:
    value = _num(text)
    return None if value is None else int(round(value))


def _slug(text) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(text or "").strip().lower()).strip("_")


def read_tables(out_dir: Path) -> dict[str, dict]:
    """What the extractor emitted, per document path (relative to the raw folder)."""
    docs = _rows(out_dir / "documents.csv")
    by_id: dict[str, dict] = {}
    out: dict[str, dict] = {}
    for row in docs:
        path = row.get("path", "").replace("\\", "/")
        rec = {"doc_id": row.get("doc_id", ""), "force": row.get("force", ""),
               "kind": row.get("kind", ""), "dates": {}, "case_grades": [], "claims": [],
               "recommendations": []}
        for field in ("published", "fieldwork_start", "fieldwork_end"):
            value = (row.get(field) or "").strip()
            precision = (row.get(f"{field}_precision") or "").strip().lower()
            rec["dates"][field] = _clip(value, precision)
        out[path] = rec
        by_id[rec["doc_id"]] = rec
    for row in _rows(out_dir / "case_grades.csv"):
        if row.get("doc_id") in by_id:
            by_id[row["doc_id"]]["case_grades"].append(row)
    for row in _rows(out_dir / "claims.csv"):
        if row.get("doc_id") in by_id:
            by_id[row["doc_id"]]["claims"].append(row)
    for row in _rows(out_dir / "recommendations.csv"):
        if row.get("doc_id") in by_id:
            by_id[row["doc_id"]]["recommendations"].append(row)
    return out


def _clip(value: str, precision: str) -> str:
    """An ISO date cut to the precision the extractor claims for it (month: YYYY-MM)."""
    value = value[:10]
    if not value or value in ("nan", "NaT", "None"):
        return ""
    if precision == "month":
        return value[:7]
    if precision == "year":
        return value[:4]
    return value


# ----------------------------------------------------------------------------------------------
# normalising emitted figures

def _grade(text) -> str:
    slug = _slug(text)
    slug = GRADE_ALIASES.get(slug, slug)
    if "improvement" in slug:
        return ("requires_improvement_or_inadequate" if "inadequate" in slug
                else "requires_improvement")
    return slug


def _assessor(text) -> str:
    slug = _slug(text)
    if slug in ("force", "self", "own", "force_own", "internal"):
        return "force"
    return "inspectorate"


def claim_candidates(measure: str, unit: str = "") -> list[str] | None:
    """The gold measures an emitted claim measure can stand for, or None when it is no case
    figure (out of scope: not scored).

    ``audit_good`` -> good; ``initial_good`` -> baseline_good; ``custody_total`` ->
    custody_cases_total; ``audit_total`` -> cases_total or force_cases_total (the force's set);
    an unknown case-set prefix (``further_good``) -> good or baseline_good.
    """
    slug = _slug(measure)
    percent = slug.endswith("_percent") or _slug(unit) in ("percent", "pc", "per_cent", "share")
    if slug.endswith("_percent"):
        slug = slug[: -len("_percent")]
    tail = next((g for g in GRADE_WORDS if slug == g or slug.endswith("_" + g)), None)
    if tail is None:
        if slug == "total" or slug.endswith("_total") or slug.endswith("cases_total"):
            tail = "cases_total"
            head = slug[: -len("cases_total")] if slug.endswith("cases_total") else slug[: -len("total")]
        else:
            return None
    else:
        head = slug[: -len(tail)]
    tail = "requires_improvement_or_inadequate" if tail == "ri_or_inadequate" else tail
    parts = [p for p in head.strip("_").split("_") if p]
    baseline = force = False
    if parts and parts[0] in BASELINE_PREFIXES:
        baseline, parts = True, parts[1:]
    if parts and parts[0] == "force":
        force, parts = True, parts[1:]
    rest = "_".join(parts)
    if rest.endswith("_cases"):
        rest = rest[: -len("_cases")]
    suffix = "_percent" if percent else ""
    if rest in MAIN_SETS:
        subsets, unknown = [""], False
    elif rest in SUBSET_ALIASES:
        subsets, unknown = [SUBSET_ALIASES[rest] + "_"], False
    else:
        subsets, unknown = [""], True
    out = []
    for sub in subsets:
        name = f"{sub}{tail}{suffix}"
        if force:
            out.append(("baseline_" if baseline else "") + "force_" + name)
        else:
            out.append(("baseline_" if baseline else "") + name)
            if tail == "cases_total" and rest == "audit":
                out.append("force_" + name)
        if unknown and not baseline:
            out.append("baseline_" + out[0])
    return out


def grade_row_claim(row: dict) -> list[tuple[list[str], float, str]]:
    """A case_grades row of a press document as claims: the grade figure and its set's total."""
    grade = _grade(row.get("grade"))
    subset = _slug(row.get("subset"))
    cases, percent = _num(row.get("cases")), _num(row.get("percent"))
    prefix = "force_" if _assessor(row.get("assessor")) == "force" else ""
    if subset in BASELINE_PREFIXES:
        prefix = "baseline_" + prefix
        subset = ""
    sub = "" if subset in MAIN_SETS else f"{subset}_"
    out = []
    quote = row.get("quote", "")
    if cases is not None:
        cands = claim_candidates(f"{prefix}{sub}{grade}")
        if cands:
            out.append((cands, cases, quote))
    elif percent is not None:
        cands = claim_candidates(f"{prefix}{sub}{grade}_percent")
        if cands:
            out.append((cands, percent, quote))
    total = _num(row.get("total"))
    if total is not None:
        base = "baseline_" if prefix.startswith("baseline_") else ""
        cands = [f"{base}{sub}cases_total"]
        if prefix.endswith("force_") or subset == "audit":
            cands.append(f"{base}force_{sub}cases_total")  # the size of the force's own set
        out.append((cands, total, quote))
    return out


# ----------------------------------------------------------------------------------------------
# scoring

class Tally:
    """Counts for one family (or one shape): gold items, emitted items, correct, wrong."""

    def __init__(self):
        self.gold = self.emitted = self.correct = self.wrong = 0

    def add(self, other: Tally) -> None:
        self.gold += other.gold
        self.emitted += other.emitted
        self.correct += other.correct
        self.wrong += other.wrong

    def as_dict(self) -> dict:
        return {"gold": self.gold, "emitted": self.emitted, "correct": self.correct,
                "wrong": self.wrong,
                "precision": self.correct / self.emitted if self.emitted else None,
                "recall": self.correct / self.gold if self.gold else None}


def _flat(text: str) -> str:
    return " ".join(str(text).lower().replace("\u2019", "'").split())


def _unread_hit(quote: str, unread: list[str]) -> str | None:
    q = _flat(quote)
    return next((u for u in unread if _flat(u) in q), None) if q else None


def score_kind(gold: dict, got: dict | None, t: Tally, wrong: list, misses: list) -> None:
    t.gold += 1
    kind = _slug((got or {}).get("kind"))
    kind = KIND_ALIASES.get(kind, kind)
    if not kind:
        misses.append({"family": "kind", "item": "kind", "gold": gold["kind"]})
        return
    t.emitted += 1
    if kind == gold["kind"]:
        t.correct += 1
    else:
        t.wrong += 1
        wrong.append({"family": "kind", "item": "kind", "emitted": kind, "gold": gold["kind"]})


def score_dates(gold: dict, got: dict | None, t: Tally, wrong: list, misses: list) -> None:
    fields = ["published"]
    if gold["kind"] in REPORT_KINDS:
        fields += ["fieldwork_start", "fieldwork_end"]
    dates = (got or {}).get("dates", {})
    for field in fields:
        g, e = gold.get(field, ""), dates.get(field, "")
        if g:
            t.gold += 1
        if e:
            t.emitted += 1
        if not g and not e:
            continue
        if g and not e:
            misses.append({"family": "dates", "item": field, "gold": g})
        elif not g:
            t.wrong += 1
            wrong.append({"family": "dates", "item": field, "emitted": e, "gold": "",
                          "reason": "the document gives no such date"})
        elif (len(g) == 7 and e[:7] == g) or e == g:
            t.correct += 1
        elif len(g) == 10 and len(e) == 7 and g[:7] == e:
            misses.append({"family": "dates", "item": field, "gold": g, "emitted": e,
                           "reason": "month only"})
        else:
            t.wrong += 1
            wrong.append({"family": "dates", "item": field, "emitted": e, "gold": g})


def score_grades(gold: dict, got: dict | None, t: Tally, wrong: list, misses: list) -> None:
    golds = [dict(assessor=a, total=tot, grade=g, count=c, hit=False)
             for a, tot, g, c in gold.get("grades", [])]
    t.gold += len(golds)
    seen = set()
    for row in (got or {}).get("case_grades", []):
        subset = _slug(row.get("subset"))
        if subset in BASELINE_PREFIXES:
            continue  # filed as the earlier report's figures: not this document's
        grade, cases = _grade(row.get("grade")), _num(row.get("cases"))
        if cases is None:
            continue  # a share alone: gold grades of reports are counts, so it is not scored
        assessor, total = _assessor(row.get("assessor")), _int(row.get("total"))
        key = (assessor, total, grade, cases)
        if key in seen:
            continue
        seen.add(key)
        item = f"{assessor} {grade} {cases:g} of {total if total is not None else '?'}"

        def fits(gd, exact_total, assessor=assessor, grade=grade, total=total):
            if gd["assessor"] != assessor or gd["grade"] != grade:
                return False
            if exact_total:
                return gd["total"] == total
            return gd["total"] is None or total is None or gd["total"] == total

        match = (next((gd for gd in golds if not gd["hit"] and fits(gd, True)
                       and abs(gd["count"] - cases) < 0.01), None)
                 or next((gd for gd in golds if not gd["hit"] and fits(gd, False)
                          and abs(gd["count"] - cases) < 0.01), None))
        if match:
            match["hit"] = True
            t.emitted += 1
            t.correct += 1
            continue
        if any(gd["hit"] and fits(gd, False) and abs(gd["count"] - cases) < 0.01 for gd in golds):
            continue  # the same figure again under a looser total: counted once
        t.emitted += 1
        t.wrong += 1
        near = [gd for gd in golds if fits(gd, False)]
        reason = (f"gold: {', '.join(str(gd['count']) for gd in near)}" if near
                  else "no such figure in gold")
        hit = _unread_hit(row.get("quote", ""), gold.get("unread", []))
        if hit:
            reason += f"; from an unread statement ({hit!r})"
        wrong.append({"family": "grades", "item": item, "emitted": cases, "reason": reason,
                      "quote": row.get("quote", "")})
    for gd in golds:
        if not gd["hit"]:
            misses.append({"family": "grades",
                           "item": f"{gd['assessor']} {gd['grade']} of {gd['total']}",
                           "gold": gd["count"]})


def score_claims(gold: dict, got: dict | None, t: Tally, wrong: list, misses: list) -> None:
    golds = [dict(measure=m, value=v, hit=False) for m, v in gold.get("claims", [])]
    t.gold += len(golds)
    emitted: list[tuple[list[str], float, str]] = []
    for row in (got or {}).get("claims", []):
        cands, value = claim_candidates(row.get("measure", ""), row.get("unit", "")), _num(row.get("value"))
        if cands and value is not None:
            emitted.append((cands, value, row.get("quote", "")))
    for row in (got or {}).get("case_grades", []):
        emitted.extend(grade_row_claim(row))
    seen = set()
    for cands, value, quote in emitted:
        key = (tuple(cands), value)
        if key in seen:
            continue
        seen.add(key)
        match = next((gd for c in cands for gd in golds
                      if not gd["hit"] and gd["measure"] == c and abs(gd["value"] - value) < 0.01),
                     None)
        if match:
            match["hit"] = True
            t.emitted += 1
            t.correct += 1
            continue
        if any(gd["hit"] and gd["measure"] in cands and abs(gd["value"] - value) < 0.01
               for gd in golds):
            continue  # already counted under another name
        t.emitted += 1
        t.wrong += 1
        near = [gd for gd in golds if gd["measure"] in cands]
        shown = ", ".join(f"{gd['measure']}={gd['value']:g}" for gd in near)
        reason = f"gold: {shown}" if near else "no such measure in gold"
        hit = _unread_hit(quote, gold.get("unread", []))
        if hit:
            reason += f"; from an unread statement ({hit!r})"
        wrong.append({"family": "claims", "item": "/".join(cands), "emitted": value,
                      "reason": reason, "quote": quote})
    for gd in golds:
        if not gd["hit"]:
            misses.append({"family": "claims", "item": gd["measure"], "gold": gd["value"]})


def score_recommendations(gold: dict, got: dict | None, t: Tally, wrong: list,
                          misses: list) -> None:
    """Recommendations compared in order: the extractor may keep paragraph numbers where gold
    counts 1, 2, 3 ..., so the n-th recommendation is aligned with the n-th in gold (a missed or
    doubled one shifts nothing: the two sequences of time limits are aligned)."""
    g = sorted((int(n), d) for n, d in gold.get("recommendations", []))
    rows = (got or {}).get("recommendations", [])
    e = [(_int(r.get("number")), _int(r.get("timescale_days")), i) for i, r in enumerate(rows)]
    e.sort(key=lambda x: (x[0] is None, x[0] if x[0] is not None else 0, x[2]))
    t.gold += len(g)
    t.emitted += len(e)
    gd, ed = [d for _, d in g], [d for _, d, _ in e]
    ops = difflib.SequenceMatcher(a=ed, b=gd, autojunk=False).get_opcodes()
    for op, i1, i2, j1, j2 in ops:
        if op == "equal":
            t.correct += i2 - i1
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            i, j = i1 + k, j1 + k
            if i < i2:
                t.wrong += 1
                reason = (f"gold time limit {_days(gd[j])}" if j < j2
                          else "no such recommendation in gold")
                wrong.append({"family": "recommendations",
                              "item": f"recommendation {e[i][0]}", "emitted": _days(ed[i]),
                              "reason": reason, "quote": rows[e[i][2]].get("text", "")})
            else:
                misses.append({"family": "recommendations",
                               "item": f"recommendation {g[j][0]}", "gold": _days(gd[j])})


def _days(d) -> str:
    return "no time limit" if d is None else f"{d} days"


def score(out_dir: Path, gold_path: Path = GOLD, shapes_path: Path = SHAPES) -> dict:
    """Score the tables in ``out_dir`` against the gold file (no extraction)."""
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    shapes = json.loads(Path(shapes_path).read_text(encoding="utf-8"))
    got = read_tables(Path(out_dir))
    families = {f: Tally() for f in FAMILIES}
    per_shape = {s: {f: Tally() for f in FAMILIES} for s in shapes}
    shape_docs = defaultdict(int)
    wrong_all, miss_all, unmatched = [], [], []
    for rec in gold:
        emitted = got.get(rec["path"])
        if emitted is None:
            unmatched.append(rec["path"])
        doc = {f: Tally() for f in FAMILIES}
        wrong, misses = [], []
        score_kind(rec, emitted, doc["kind"], wrong, misses)
        score_dates(rec, emitted, doc["dates"], wrong, misses)
        if rec["kind"] in PRESS_KINDS:
            score_claims(rec, emitted, doc["claims"], wrong, misses)
        else:
            score_grades(rec, emitted, doc["grades"], wrong, misses)
            score_recommendations(rec, emitted, doc["recommendations"], wrong, misses)
        for f in FAMILIES:
            families[f].add(doc[f])
        for s in rec.get("shapes", []):
            shape_docs[s] += 1
            for f in FAMILIES:
                per_shape.setdefault(s, {f: Tally() for f in FAMILIES})[f].add(doc[f])
        for item in wrong:
            wrong_all.append({"path": rec["path"], **item})
        for item in misses:
            miss_all.append({"path": rec["path"], **item})
    overall = Tally()
    for f in FAMILIES:
        overall.add(families[f])
    shape_rows = {}
    for s, fams in per_shape.items():
        fam = shapes.get(s, {}).get("family", "grades")
        pool = Tally()
        # a grade shape is scored on grades in reports and on claims in press texts and letters
        for f in (("grades", "claims") if fam in ("grades", "claims") else (fam,)):
            pool.add(fams[f])
        shape_rows[s] = {"docs": shape_docs.get(s, 0), "family": fam, **pool.as_dict()}
    fam_rows = {f: families[f].as_dict() for f in FAMILIES}
    failures = []
    for f, row in fam_rows.items():
        if f in TARGET_PRECISION and row["wrong"]:
            failures.append(f"{f}: {row['wrong']} wrong value(s), precision {row['precision']:.3f}")
        if row["recall"] is not None and row["recall"] < TARGET_RECALL:
            failures.append(f"{f}: recall {row['recall']:.3f} < {TARGET_RECALL}")
    if unmatched:
        failures.append(f"{len(unmatched)} document(s) missing from documents.csv")
    return {"documents": len(gold), "families": fam_rows, "overall": overall.as_dict(),
            "shapes": shape_rows, "wrong": wrong_all, "misses": miss_all,
            "unmatched": unmatched, "failures": failures}


def evaluate(out_dir, run: bool = True, corpus=HERE) -> dict:
    """Extract a corpus (default: the development corpus) into ``out_dir`` (unless ``run`` is
    False) and score it. ``corpus`` holds ``docs/`` and ``gold.json``; shapes are always ours."""
    out_dir = Path(out_dir)
    corpus = Path(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    if run:
        run_extraction(out_dir, corpus / "docs")
    return score(out_dir, corpus / "gold.json")


# ----------------------------------------------------------------------------------------------
# printing

def _f(x) -> str:
    return "    -" if x is None else f"{x:.3f}"


def print_report(result: dict, verbose: bool = False) -> None:
    print(f"development corpus: {result['documents']} documents")
    print()
    print(f"{'shape':34s} {'docs':>4s} {'gold':>5s} {'recall':>6s} {'wrong':>5s}")
    for s, row in result["shapes"].items():
        print(f"{s:34s} {row['docs']:4d} {row['gold']:5d} {_f(row['recall']):>6s} "
              f"{row['wrong']:5d}")
    print()
    print(f"{'family':16s} {'gold':>5s} {'emitted':>7s} {'correct':>7s} {'wrong':>5s} "
          f"{'precision':>9s} {'recall':>6s}")
    for f, row in result["families"].items():
        print(f"{f:16s} {row['gold']:5d} {row['emitted']:7d} {row['correct']:7d} {row['wrong']:5d} "
              f"{_f(row['precision']):>9s} {_f(row['recall']):>6s}")
    o = result["overall"]
    print(f"{'overall':16s} {o['gold']:5d} {o['emitted']:7d} {o['correct']:7d} {o['wrong']:5d} "
          f"{_f(o['precision']):>9s} {_f(o['recall']):>6s}")
    if verbose:
        print("\nwrong values:")
        for w in result["wrong"]:
            quote = f"  <- {w['quote'][:110]!r}" if w.get("quote") else ""
            gold = f" (gold {w['gold']!r})" if "gold" in w else ""
            print(f"  {w['path']}: {w['family']} {w['item']} = {w.get('emitted')!r}{gold}"
                  f" {w.get('reason', '')}{quote}")
        print("\nmisses:")
        for m in result["misses"]:
            extra = f" (emitted {m['emitted']!r}, {m['reason']})" if "emitted" in m else ""
            print(f"  {m['path']}: {m['family']} {m['item']} = {m.get('gold')!r}{extra}")
    for path in result["unmatched"]:
        print(f"not in documents.csv: {path}")
    if result["failures"]:
        print("\ntargets not met:\n  " + "\n  ".join(result["failures"]))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=str(HERE),
                    help="folder with docs/ and gold.json to score (default: this folder)")
    ap.add_argument("--out", help="folder for the extracted tables (default: a temporary folder)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every wrong value and miss")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is not met")
    ap.add_argument("--json", help="also write the result as JSON to this file")
    args = ap.parse_args(argv)
    if args.out:
        result = evaluate(args.out, corpus=args.corpus)
    else:
        with tempfile.TemporaryDirectory(prefix="devcorpus-") as tmp:
            result = evaluate(tmp, corpus=args.corpus)
    print_report(result, args.verbose)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 1 if args.check and result["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
