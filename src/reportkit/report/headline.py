"""The briefing's headline: a few sentences a reader can quote, each figure with its note.

Every sentence is built from the tables as (text, note numbers) parts, so the same words serve the
page (with numbered notes) and the index or a test (plain text). What a report gives as a share
is said as a share; a count worked out here is said to be derived; where the verdict on a change
depends on how the four-grade scale's "adequate" is read, each reading is given.
"""
from __future__ import annotations

import re

import pandas as pd

from reportkit import forces
from reportkit.analysis.citations import citation_table, note_index, notes_for
from reportkit.analysis.comparison import (
    COMBINED_GRADES,
    ORDER,
    compare,
    frame,
    grade_table,
    headline_subset,
    p_text,
    view_readings,
)
from reportkit.tables import schema
from reportkit.vocabulary import (
    GRADE_WORDS,
    KIND_WORDS,
    RATING_WORDS,
    SCALE_WORDS,
    SUBSET_WORDS,
    VIEW_WORDS,
    date_words,
    document_words,
    words,
)

Part = tuple[str, list[int]]  # words, then the notes that back them

# A stated share that the report itself calls approximate ("About 42% of these cases").
APPROXIMATE = re.compile(r"""\b(?:about|around|approximately|roughly|nearly|almost|some
                             |just \s+ (?:under|over))\s+\d+(?:\.\d+)?\s*(?:%|per\s*cent)""",
                         re.I | re.X)


def _n(value) -> str:
    value = float(value)
    return f"{int(value):,}" if value.is_integer() else f"{value:,.1f}"


def _pct(share) -> str:
    return f"{100 * float(share):.0f}%"


# ---- the latest grading -------------------------------------------------------------------------

def latest_grades(tables: dict, force: str) -> dict | None:
    """The latest inspectorate grading of a force's cases (its headline subset, main view), with
    each grade's count, share, basis and source quote."""
    grades = grade_table(tables, force, views=("main",))
    mine = grades[grades["assessor"] == "inspectorate"].dropna(subset=["n"])
    if mine.empty:
        return None
    doc = mine.sort_values(["published", "doc_id"], kind="stable")["doc_id"].iloc[-1]
    subset = headline_subset(grades, doc)
    rows = mine[(mine["doc_id"] == doc) & (mine["subset"] == subset)]
    raw = frame(tables, "case_grades", force)
    raw = raw[(raw["doc_id"] == doc) & (raw["subset"] == subset)
              & (raw["assessor"] == "inspectorate")]
    stated = {str(r.grade): r for r in raw.itertuples()}
    first = rows.iloc[0]
    out = {"doc_id": doc, "kind": first["kind"], "published": first["published"],
           "subset": subset, "scale": first["scale"], "cases": float(first["n"]),
           "counts": dict(zip(rows["grade"], rows["cases"], strict=True)), "grades": []}
    for r in rows.itertuples():
        src = stated.get(str(r.grade))
        percent = None if src is None or pd.isna(src.percent) else float(src.percent)
        out["grades"].append({
            "grade": r.grade, "cases": float(r.cases), "share": float(r.share),
            "basis": r.basis, "percent": percent,
            "approximate": bool(src is not None and APPROXIMATE.search(str(src.quote))),
            "page": None if src is None else src.page, "quote": None if src is None else src.quote})
    stated_counts = {g["grade"]: g["cases"] for g in out["grades"] if g["basis"] == "stated"}
    out["good"], out["inadequate"] = stated_counts.get("good"), stated_counts.get("inadequate")
    return out


def _grade_part(g: dict, n: float, index) -> str:
    word = GRADE_WORDS.get(g["grade"], g["grade"])
    if g["basis"] == "derived" and g["percent"] is not None:
        about = "about " if g["approximate"] else ""
        return f"{about}{g['percent']:g}% {word} (a share: the report gives no count)"
    text = f"{_n(g['cases'])} {word}"
    return text + (f" ({_pct(g['cases'] / n)})" if g["grade"] in ("good", "inadequate") else "")


def latest_parts(tables: dict, force: str, latest: dict | None, index) -> list[Part]:
    name = forces.display_name(forces.resolve(force))
    if not latest:
        return [(f"No report on {name} in the corpus grades cases.", [])]
    n = latest["cases"]
    what = KIND_WORDS.get(str(latest["kind"]), "report")
    when = date_words(latest["published"], "month")
    known = [g for g in latest["grades"] if g["grade"] != "not_stated"]
    known.sort(key=lambda g: ORDER.index(g["grade"]) if g["grade"] in ORDER else len(ORDER))
    notes = sorted({x for g in known for x in notes_for(index, latest["doc_id"], g["page"],
                                                        g["quote"])})
    which = "" if latest["subset"] == "all" else f" ({words(latest['subset'], SUBSET_WORDS)})"
    scale = (f", on the {SCALE_WORDS['four']} of 2014-15" if latest["scale"] == "four" else "")
    text = (f"In the latest graded report on {name}, the {what} of {when}, the inspectorate "
            f"graded {_n(n)} cases{which}{scale}: "
            + ", ".join(_grade_part(g, n, index) for g in known))
    missing = [g for g in latest["grades"] if g["grade"] == "not_stated"]
    if missing and not any(g["basis"] == "derived" and g["percent"] is not None for g in known):
        text += f"; the report does not give the grades of the other {_n(missing[0]['cases'])}"
    elif missing:
        text += "; it gives no other grade"
    return [(text + ".", notes)]


# ---- baseline against follow-up -----------------------------------------------------------------

def _verdict(r: pd.Series) -> str:
    if r["fisher_p"] < 0.05:
        way = "rise" if r["change_points"] > 0 else "fall"
        return f"a {way} unlikely to be chance alone (Fisher's exact test, {p_text(r['fisher_p'])})"
    return ("too few cases to tell the change apart from chance (Fisher's exact test, "
            f"{p_text(r['fisher_p'])})")


def _side(r: pd.Series, side: str) -> str:
    derived = "; derived: the grades added up" if r[f"{side}_basis"] == "derived" else ""
    return (f"{_n(r[f'{side}_cases'])} of {_n(r[f'{side}_n'])} "
            f"({_pct(r[f'{side}_share'])}{derived})")


def _measure(changes: pd.DataFrame) -> str | None:
    """Good when both ends state it; else the combined measure the baseline states."""
    for grade in ("good", *COMBINED_GRADES):
        if (changes["grade"] == grade).any():
            return grade
    return None


def _change_notes(tables, force, r: pd.Series, index) -> list[int]:
    raw = frame(tables, "case_grades", force)
    out: set[int] = set()
    for side in ("baseline", "followup"):
        rows = raw[(raw["doc_id"] == r[f"{side}_doc"]) & (raw["subset"] == r[f"{side}_subset"])
                   & (raw["assessor"] == "inspectorate")]
        for q in rows.itertuples():
            out.update(notes_for(index, q.doc_id, q.page, q.quote))
    return sorted(out)


def _when(tables: dict, r: pd.Series) -> tuple[str, str]:
    """The baseline's and the follow-up's publication, as precisely as each is known."""
    docs = frame(tables, "documents").drop_duplicates("doc_id").set_index("doc_id")
    out = []
    for side in ("baseline", "followup"):
        doc = r[f"{side}_doc"]
        d = docs.loc[doc] if doc in docs.index else None
        out.append(date_words(d["published"], "month") if d is not None else "undated")
    return out[0], out[1]


def baseline_parts(tables: dict, force: str, index) -> list[Part]:
    ch = compare(tables, force).changes
    if ch is None or ch.empty:
        return []
    grade = _measure(ch)
    if grade is None:
        return []
    reads = view_readings(ch, grade)
    first = reads.iloc[0]
    notes = _change_notes(tables, force, first, index)
    word = GRADE_WORDS[grade]
    subsets = (f" (baseline: {words(first['baseline_subset'], SUBSET_WORDS)}; follow-up: "
               f"{words(first['followup_subset'], SUBSET_WORDS)})"
               if first["baseline_subset"] != first["followup_subset"] else "")
    only = (", the only figure the baseline report gives"
            if grade in COMBINED_GRADES and first["baseline_basis"] == "stated" else "")
    when = _when(tables, first)
    if len(reads) == 1 or reads["significant"].nunique() == 1:
        return [(f"Baseline against follow-up{subsets}: {_side(first, 'baseline')} cases were "
                 f"{word} at the baseline inspection ({when[0]}){only}, against "
                 f"{_side(first, 'followup')} at the follow-up ({when[1]}): {_verdict(first)}.",
                 notes)]
    scales = (SCALE_WORDS.get(first["baseline_scale"]), SCALE_WORDS.get(first["followup_scale"]))
    parts: list[Part] = [(f"The baseline inspection graded on {scales[0]}, the follow-up on "
                          f"{scales[1]}, so the verdict depends on how 'adequate' is "
                          f"counted{subsets}.", [])]
    for _, r in reads.iterrows():
        how = ", or ".join([VIEW_WORDS[r["views"][0]],
                            *(VIEW_WORDS[v].removeprefix("adequate ") for v in r["views"][1:])])
        parts.append((f"With {how}, {_side(r, 'baseline')} cases were {word} at baseline "
                      f"({when[0]}) against {_side(r, 'followup')} at follow-up ({when[1]}): "
                      f"{_verdict(r)}.", notes))
    return parts


# ---- progress, press, response, conflicting dates -----------------------------------------------

def progress_parts(tables: dict, force: str, index) -> list[Part]:
    from reportkit.analysis.progress import progress_table

    prog = progress_table(tables, force)
    total = int(prog["doc_id"].notna().sum()) if len(prog) else 0
    if not total:
        return [("The corpus records no recommendations for the force.", [])]
    recs = prog[prog["doc_id"].notna()]
    rated = recs[recs["rating"] != "not_followed_up"]
    rec_notes = _row_notes(index, recs, "doc_id", "page", "quote")
    if rated.empty:
        return [(f"The reports made {_n(total)} recommendations; no later report in the corpus "
                 "says what progress was made on them.", rec_notes)]
    counts = rated["rating"].value_counts()
    said = ", ".join(f"{_n(counts[k])} {RATING_WORDS[k]}" for k in schema.RATINGS
                     if counts.get(k, 0))
    waiting = total - len(rated)
    tail = (f"; {_n(waiting)} were not rated by any later report in the corpus" if waiting
            else "")
    notes = _row_notes(index, rated, "followup_doc_id", "progress_page", "progress_quote")
    return [(f"Of {_n(total)} recommendations, the follow-up rated {said}{tail}.", notes)]


def _row_notes(index, rows: pd.DataFrame, doc: str, page: str, quote: str) -> list[int]:
    if quote not in rows:
        return []
    return sorted({x for r in rows[[doc, page, quote]].itertuples(index=False)
                   for x in notes_for(index, *r)})


def press_parts(tables: dict, force: str, index) -> list[Part]:
    from reportkit.analysis.reconciliation import check_claims

    c = check_claims(tables, force)
    if c.empty:
        return []
    differ = c[c["status"] == "differs"]
    unchecked = int((c["status"] == "not_found").sum())
    checked = len(c) - unchecked
    tail = (f" ({_n(unchecked)} more could not be checked: not in the report)" if unchecked
            else "")
    if not checked:
        return [(f"None of the {_n(unchecked)} figures the press or the commissioner quoted can "
                 "be checked: the report they describe, or that figure, is not in the corpus.",
                 [])]
    if differ.empty:
        return [(f"Of {_n(checked)} figures the press or the commissioner quoted that can be "
                 f"checked against the report, none differs{tail}.", [])]
    verb = "differs" if len(differ) == 1 else "differ"
    parts: list[Part] = [(f"{_n(len(differ))} of {_n(checked)} figures quoted by the press or "
                          f"the commissioner {verb} from the report{tail}:", [])]
    for r in differ.itertuples():
        who = source_words(tables, r.claim_doc_id).rsplit(" of ", 1)[0]
        notes = notes_for(index, r.claim_doc_id, r.claim_page, r.claim_quote) + notes_for(
            index, r.report_doc_id, r.report_page, r.report_quote)
        parts.append((f"a {who} of {date_words(r.claim_published)} gave {_n(r.claimed)} "
                      f"({measure_words(r.measure)}), the report gives {_n(r.report_value)}.",
                      notes))
    return parts


def measure_words(measure) -> str:
    """A claim's measure as a reader says it: 'cases examined', 'sexual exploitation cases:
    inadequate', 'the earlier inspection's further cases the inspectorate chose: good'."""
    from reportkit.analysis.reconciliation import parse_measure

    code = str(measure)
    earlier = "the earlier inspection's " if code.startswith("baseline_") else ""
    subset, grade, _ = parse_measure(code)
    if code.removeprefix("baseline_").startswith("force_"):
        subset = "force"
    if subset in (None, "all"):  # the report's whole set: 'cases examined', 'inadequate'
        return earlier + ("cases examined" if grade is None else words(grade, GRADE_WORDS))
    what = words(subset, SUBSET_WORDS)
    return earlier + (what if grade is None else f"{what}: {words(grade, GRADE_WORDS)}")


def response_parts(tables: dict, force: str, index) -> list[Part]:
    from reportkit.analysis.timeliness import lag_table

    t = lag_table(tables, force)
    t = t[t["response_doc_id"].notna() | t["statement_doc_id"].notna()]
    if t.empty:
        return []
    r = t.iloc[-1]
    what = KIND_WORDS.get(str(r["kind"]), "report")
    said = _statement_words(tables, r, index)
    if pd.notna(r["response_doc_id"]):
        form = ("formal response" if r["response_form"] == "formal"
                else "response (the corpus does not say whether it is the formal one)")
        notes = (_doc_notes(tables, index, r["response_doc_id"], "response_published")
                 + notes_for(index, r["doc_id"])
                 + _doc_notes(tables, index, r["doc_id"], "published"))
        text = (f"The commissioner's {form} to the {what} of "
                f"{date_words(r['published'], r['published_precision'])} is dated "
                f"{date_words(r['response_published'], r['response_precision'])}, "
                f"{r['publication_to_response']} after publication")
        return [(text + (f"; {said[0]}" if said else "") + ".", notes + (said[1] if said else []))]
    return [(f"For the {what} of {date_words(r['published'], r['published_precision'])}, only a "
             f"public statement by the commissioner exists ({said[0] if said else ''}); the "
             "corpus holds no formal response.", said[1] if said else [])]


def _statement_words(tables, r: pd.Series, index) -> tuple[str, list[int]] | None:
    if pd.isna(r["statement_doc_id"]):
        return None
    when = r["statement_published"]
    same = pd.notna(when) and pd.notna(r["published"]) and when == r["published"]
    text = ("a public statement came the same day" if same else
            f"a public statement is dated {date_words(when)}")
    return text, _doc_notes(tables, index, r["statement_doc_id"], "response_published")


def _doc_notes(tables, index, doc_id, event: str) -> list[int]:
    ev = frame(tables, "events")
    ev = ev[(ev["doc_id"] == doc_id) & (ev["event"] == event)]
    return sorted({x for q in ev.itertuples() for x in notes_for(index, doc_id, q.page, q.quote)})


def conflict_parts(tables: dict, force: str, index) -> list[Part]:
    from reportkit.analysis.conflicts import date_conflicts

    out: list[Part] = []
    for r in date_conflicts(tables, force).itertuples():
        notes = notes_for(index, r.a_doc_id, r.a_page, r.a_quote) + notes_for(
            index, r.b_doc_id, r.b_page, r.b_quote)
        out.append((f"Sources disagree on the {r.what} of the {source_words(tables, r.a_doc_id)}: "
                    f"it says {date_words(r.a_date, r.a_precision)}, the "
                    f"{source_words(tables, r.b_doc_id)} says "
                    f"{date_words(r.b_date, r.b_precision)}; both are shown below.", notes))
    return out


def kind_words(kind, genre=None, title=None, path=None) -> str:
    """What to call a document: document_words(), and for a commissioner's document whether it
    is the formal response or a public statement (timeliness.RESPONSE_SHAPES)."""
    from reportkit.analysis.timeliness import response_form
    from reportkit.vocabulary import RESPONSE_FORM_WORDS

    if str(kind) == "pcc_response":
        form = response_form(title, path)
        if form != "unclear":
            return f"commissioner's {RESPONSE_FORM_WORDS[form]}"
    return document_words(kind, genre)


def source_words(tables: dict, doc_id) -> str:
    """'post-inspection review of September 2021' for a doc_id; 'corpus manifest' for the
    manifest that gave a publication day."""
    if str(doc_id) == "manifest.csv":
        return "corpus manifest"
    docs = frame(tables, "documents")
    hit = docs[docs["doc_id"] == doc_id]
    if hit.empty:
        return "document"
    d = hit.iloc[0]
    what = kind_words(d["kind"], d["genre"], d["title"], d["path"])
    return f"{what} of {date_words(d['published'], d['published_precision'])}"


# ---- the whole headline -------------------------------------------------------------------------

def headline_parts(tables: dict, force: str) -> list[Part]:
    slug = forces.resolve(force)
    docs = frame(tables, "documents", slug)
    if not (docs["status"].astype("string").fillna("ok") != "error").any():
        return [(f"The corpus holds no readable document about {forces.display_name(slug)}.",
                 [])]
    index = note_index(citation_table(tables, slug))
    latest = latest_grades(tables, slug)
    return [*latest_parts(tables, slug, latest, index), *baseline_parts(tables, slug, index),
            *progress_parts(tables, slug, index), *press_parts(tables, slug, index),
            *response_parts(tables, slug, index), *conflict_parts(tables, slug, index)]


def headline_text(tables: dict, force: str) -> str:
    """The headline as plain text (no notes): for the index, a test or a terminal."""
    return " ".join(text for text, _ in headline_parts(tables, force))
