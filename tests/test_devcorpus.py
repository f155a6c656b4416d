"""The development corpus (tests/devcorpus/): its gold file is well formed and covers every row of
the phrasebook, and the extractor writes no wrong case figure on it.

The corpus and the scorer are described in tests/devcorpus/evaluate.py (`make eval` prints the
scores per phrasebook shape).
"""
from __future__ import annotations

import importlib.util
import json
import re
from collections import Counter
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # extracts the 144-document development corpus

DEVCORPUS = Path(__file__).resolve().parent / "devcorpus"
PHRASEBOOK = Path(__file__).resolve().parents[2] / "shared" / "phrasebook.md"
MIN_DOCS_PER_SHAPE = 5

# Issue 11's targets on the development corpus: recall per family (the precision target, no wrong
# figure at all, is asserted below). Measured at 1.000 in every family when these were set.
RECALL_FLOOR = dict.fromkeys(("kind", "dates", "grades", "claims", "recommendations"), 0.98)
# The held-out corpus (tests/holdout, never used to tune the extractor) measures generalisation:
# no wrong case figure there either, and recall no lower than these (measured 0.967-1.000).
HOLDOUT_RECALL_FLOOR = dict.fromkeys(("kind", "dates", "grades", "claims", "recommendations"), 0.95)
HOLDOUT = DEVCORPUS.parent / "holdout"

KINDS = {"inspection", "review", "press", "pcc_response", "national"}
GENRES = {"news", "press_release", "force_statement", "publication_page", "recommendation_tracker",
          "panel_minutes", "letter", "report"}
GRADES = {"good", "adequate", "requires_improvement", "inadequate",
          "requires_improvement_or_inadequate"}
FAMILIES = {"kind", "dates", "grades", "claims", "recommendations"}
DATE = re.compile(r"^(?:\d{4}-\d{2}(?:-\d{2})?)?$")
MEASURE = re.compile(r"^(?:baseline_)?(?:force_)?(?:(?:cse|missing|custody|care_home)_)?"
                     r"(?:cases_total|good|adequate|requires_improvement|inadequate|"
                     r"requires_improvement_or_inadequate)(?:_percent)?$")


def _load_evaluate():
    spec = importlib.util.spec_from_file_location("devcorpus_evaluate", DEVCORPUS / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


evaluate = _load_evaluate()


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return json.loads((DEVCORPUS / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shapes() -> dict:
    return json.loads((DEVCORPUS / "shapes.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> dict:
    return evaluate.evaluate(tmp_path_factory.mktemp("devcorpus-out"))


def _phrasebook_rows(text: str) -> list[tuple[str, str]]:
    """(section title, first cell) of every table row under a numbered ``## N. ...`` heading."""
    rows, section = [], None
    for line in text.splitlines():
        heading = re.match(r"^##\s+(\d+\.\s.*\S)\s*$", line)
        if heading:
            section = heading.group(1)
            continue
        if line.startswith("#"):
            section = None
            continue
        if section is None or not line.lstrip().startswith("|"):
            continue
        cell = line.strip().strip("|").split("|")[0].strip()
        if not cell or set(cell) <= set("-: ") or cell in ("shape", "kind"):
            continue  # separator or header row
        rows.append((section, cell))
    return rows


def test_gold_records_are_well_formed(gold, shapes):
    docs = DEVCORPUS / "docs"
    paths = [rec["path"] for rec in gold]
    assert len(paths) == len(set(paths)), "a document appears twice in gold.json"
    on_disk = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    assert on_disk == set(paths), "documents without gold, or gold without a document"
    for rec in gold:
        where = rec["path"]
        text = (docs / where).read_text(encoding="utf-8")
        assert where.endswith((".txt", ".html")), where
        assert rec["force"] == where.split("/")[0], where
        assert rec["kind"] in KINDS, where
        assert rec["genre"] in GENRES, where
        assert rec["shapes"] and len(set(rec["shapes"])) == len(rec["shapes"]), where
        for shape in rec["shapes"]:
            assert shape in shapes, f"{where}: shape {shape} is not defined in shapes.json"
        for field in ("published", "fieldwork_start", "fieldwork_end"):
            assert DATE.match(rec[field]), f"{where}: {field} {rec[field]!r}"
        for assessor, total, grade, count in rec["grades"]:
            assert assessor in ("inspectorate", "force") and grade in GRADES, where
            assert (total is None or isinstance(total, int)) and isinstance(count, int), where
        if rec["grades"]:
            assert rec["kind"] in evaluate.REPORT_KINDS, f"{where}: grades belong to reports"
        measures = [m for m, _ in rec["claims"]]
        assert len(measures) == len(set(measures)), where
        for measure, value in rec["claims"]:
            assert MEASURE.match(measure) and isinstance(value, (int, float)), f"{where}: {measure}"
        if rec["claims"]:
            assert rec["kind"] in evaluate.PRESS_KINDS, f"{where}: claims belong to press/letters"
        for number, days in rec["recommendations"]:
            assert isinstance(number, int) and (days is None or isinstance(days, int)), where
        flat = " ".join(text.split()).lower()
        for phrase in rec["unread"]:
            assert phrase.lower() in flat, f"{where}: unread phrase not in the text: {phrase!r}"


def test_shapes_are_defined_and_used(gold, shapes):
    used = Counter(s for rec in gold for s in rec["shapes"])
    for shape_id, entry in shapes.items():
        assert re.match(r"^\d+\.[a-z0-9-]+$", shape_id), shape_id
        assert shape_id.split(".")[0] == entry["section"].split(".")[0], shape_id
        assert entry["shape"] and entry["family"] in FAMILIES, shape_id
        assert used[shape_id] >= MIN_DOCS_PER_SHAPE, f"{shape_id}: {used[shape_id]} document(s)"


def test_every_phrasebook_row_has_documents(gold, shapes):
    if not PHRASEBOOK.is_file():
        pytest.skip(f"no phrasebook at {PHRASEBOOK}")
    rows = _phrasebook_rows(PHRASEBOOK.read_text(encoding="utf-8"))
    assert rows, "no table rows found in the phrasebook"
    used = Counter(s for rec in gold for s in rec["shapes"])
    for section, cell in rows:
        ids = [i for i, e in shapes.items() if e["section"] == section and e["shape"] == cell]
        assert len(ids) == 1, f"phrasebook row {section!r} / {cell!r} has {len(ids)} shape id(s)"
        assert used[ids[0]] >= MIN_DOCS_PER_SHAPE, f"{ids[0]} ({cell}): {used[ids[0]]} document(s)"


def _wrong_figures(result: dict) -> list[dict]:
    return [w for w in result["wrong"] if w["family"] in ("grades", "claims")]


@pytest.fixture(scope="module")
def holdout(tmp_path_factory) -> dict:
    return evaluate.evaluate(tmp_path_factory.mktemp("holdout-out"), corpus=HOLDOUT)


def test_no_wrong_figure_in_the_holdout_and_recall_holds(holdout):
    wrong = _wrong_figures(holdout)
    assert not wrong, [(w["path"], w["item"], w["emitted"]) for w in wrong]
    low = {f: round(holdout["families"][f]["recall"], 3) for f, floor in HOLDOUT_RECALL_FLOOR.items()
           if holdout["families"][f]["recall"] < floor}
    assert not low, f"held-out recall below its floor: {low}"


def test_no_wrong_grade_or_claim_figure(result):
    wrong = _wrong_figures(result)
    shown = "\n".join(f"{w['path']}: {w['family']} {w['item']} = {w['emitted']!r} ({w['reason']})"
                      for w in wrong[:40])
    assert not wrong, f"{len(wrong)} wrong figure(s):\n{shown}"


def test_recall_does_not_fall_below_the_floor(result):
    assert not result["unmatched"], f"documents missing from the tables: {result['unmatched']}"
    low = {}
    for family, floor in RECALL_FLOOR.items():
        recall = result["families"][family]["recall"]
        if recall is not None and recall < floor:
            low[family] = (round(recall, 3), floor)
    assert not low, f"recall below the floor (recall, floor): {low}"
