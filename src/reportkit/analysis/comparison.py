"""Baseline against follow-up: harmonised grades, Wilson intervals, exact tests and plain verdicts.

The 2014-15 inspections graded cases on four levels, reviews and later reports on three. Nothing is
folded silently: ``grade_mapping()`` is the harmonisation shown to the reader, the main view keeps
"adequate" apart, and two sensitivity views count it with good or with requires improvement.
"""
from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import pandas as pd

from reportkit import forces
from reportkit.analysis.memo import per_tables
from reportkit.tables import schema
from reportkit.vocabulary import (
    ANNOUNCING_GENRES,
    GRADE_WORDS,
    SCALE_WORDS,
    SUBSET_WORDS,
    VIEW_WORDS,
    date_words,
    label,
    words,
)

Z95 = 1.959963984540054
Z80_POWER = 0.8416212335729143  # one-sided z for 80% power
VIEWS = ("main", "adequate_as_good", "adequate_as_ri")
# A report may give only a combined figure ("278 were requires improvement or inadequate").
COMBINED_GRADES = ("requires_improvement_or_inadequate",)
ORDER = ("outstanding", "good", "adequate", "requires_improvement", *COMBINED_GRADES,
         "inadequate", "not_stated")
FOLLOW_UP_KINDS = ("review", "reinspection", "update")


# ---- table access shared by the analysis modules ------------------------------------------------

@per_tables
def frame(tables: dict, name: str, force: str | None = None) -> pd.DataFrame:
    """A copy of one tidy table with every schema column present and dates as datetime64."""
    df = tables.get(name)
    df = pd.DataFrame(columns=schema.columns(name)) if df is None else df.copy()
    for col in schema.columns(name):
        if col not in df.columns:
            df[col] = pd.NA
    for col in schema.date_columns(name):
        df[col] = pd.to_datetime(df[col], errors="coerce")
    if force is not None and len(df):
        df = df[df["force"].astype("string") == forces.resolve(force)]
    return df.reset_index(drop=True)


@per_tables
def documents_index(tables: dict) -> pd.DataFrame:
    return frame(tables, "documents").drop_duplicates("doc_id").set_index("doc_id")


# ---- statistics ---------------------------------------------------------------------------------

def wilson(k: float, n: float, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for k successes in n trials (NaN, NaN when n is 0 or unknown).

    Counts are whole cases; a count worked out from a stated share is rounded to the nearest case.
    ``z`` sets the confidence level (1.96: 95%). Newcombe's (1998) closed form, as scipy's
    ``binomtest(...).proportion_ci(method="wilson")`` computes it, without importing scipy."""
    if n is None or pd.isna(n) or n <= 0 or k is None or pd.isna(k):
        return (math.nan, math.nan)
    trials = max(1, round(float(n)))
    hits = min(max(0, round(float(k))), trials)
    p = hits / trials
    centre = (2 * hits + z * z) / (2 * (trials + z * z))
    half = z / (2 * (trials + z * z)) * math.sqrt(4 * trials * p * (1 - p) + z * z)
    low = 0.0 if hits == 0 else centre - half
    high = 1.0 if hits == trials else centre + half
    # the bounds bracket the share even where rounding would put it a hair out
    return (max(0.0, min(p, low)), min(1.0, max(p, high)))


def fisher_p(k1: int, n1: int, k2: int, n2: int) -> float:
    """Fisher's exact test, two-sided, of k1 of n1 cases against k2 of n2: with the margins fixed,
    the chance of a table no likelier than the one seen. The same p as scipy's ``fisher_exact``,
    summed in exact whole numbers, without importing scipy.stats (0.4 s) into every briefing."""
    hits = k1 + k2
    lowest, highest = max(0, hits - n2), min(n1, hits)

    def ways(x: int) -> int:  # tables with x hits in the first sample, out of all with these margins
        return math.comb(n1, x) * math.comb(n2, hits - x)

    seen = ways(k1)
    tail = sum(w for w in map(ways, range(lowest, highest + 1)) if w <= seen)
    return min(1.0, tail / math.comb(n1 + n2, hits))  # int / int: rounded once, correctly


def min_detectable_difference(n1: int, n2: int, p: float) -> float:
    """Smallest difference in shares (0-1) two samples detect at 5% two-sided with 80% power."""
    p = min(max(p, 0.5 / (n1 + n2)), 1 - 0.5 / (n1 + n2))  # a 0% share would give a zero MDD
    return (Z95 + Z80_POWER) * math.sqrt(p * (1 - p) * (1 / n1 + 1 / n2))


# ---- harmonisation ------------------------------------------------------------------------------

def grade_mapping() -> pd.DataFrame:
    """How each scale's grades map in each view: the table shown to the reader."""
    rows = []
    for scale, grades in (
        ("four", ("good", "adequate", "requires_improvement", "inadequate")),
        ("three", ("good", "requires_improvement", "inadequate")),
        ("five", ("outstanding", "good", "adequate", "requires_improvement", "inadequate")),
    ):
        for g in grades:
            rows.append({
                "scale": scale, "grade": g, "main": g,
                "adequate_as_good": {"adequate": "good", "outstanding": "good"}.get(g, g),
                "adequate_as_ri": {"adequate": "requires_improvement",
                                   "outstanding": "good"}.get(g, g),
            })
    return pd.DataFrame(rows)


@functools.cache
def _view_mapping(scale: str, view: str) -> dict[str, str]:
    """grade_mapping() as a look-up for one scale and view: built once, not per graded set."""
    mapping = grade_mapping()
    return mapping[mapping["scale"] == scale].set_index("grade")[view].to_dict()


def _scale_of(rows: pd.DataFrame) -> str:
    stated = rows["scale"].dropna().astype(str)
    if len(stated):
        return stated.iloc[0]
    return "four" if (rows["grade"] == "adequate").any() else "three"


def _counts(rows: pd.DataFrame) -> tuple[dict[str, float], set[str]]:
    """Counts per grade, and the grades whose count is derived: worked out here from a stated
    percentage and total (rounded), or marked derived by extraction (a remainder)."""
    counts: dict[str, float] = {}
    derived: set[str] = set()
    basis = rows["basis"] if "basis" in rows else pd.Series(pd.NA, index=rows.index)
    # plain columns, not itertuples: it builds a namedtuple class per call, the cost of this loop
    for grade, cases, percent, total, how in zip(rows["grade"], rows["cases"], rows["percent"],
                                                 rows["total"], basis, strict=True):
        if pd.isna(cases) and not pd.isna(percent) and not pd.isna(total):
            cases = round(float(percent) / 100 * float(total))
            derived.add(grade)
        elif not pd.isna(cases) and str(how) == "derived":
            derived.add(grade)
        if not pd.isna(cases):
            counts[grade] = counts.get(grade, 0) + float(cases)
    return counts, derived


def _group_grades(rows: pd.DataFrame, view: str) -> list[dict]:
    scale = _scale_of(rows)
    counts, derived = _counts(rows)
    mapping = _view_mapping(scale, view)
    mapped: dict[str, float] = {}
    derived_to: set[str] = set()
    for g, c in counts.items():
        target = mapping.get(g, g)
        if target in mapped or g in derived:  # two grades added up: a figure no report states
            derived_to.add(target)
        mapped[target] = mapped.get(target, 0) + c
    stated = rows["total"].dropna()
    stated = float(stated.iloc[0]) if len(stated) else math.nan
    counted = float(sum(counts.values()))
    n = counted if math.isnan(stated) else max(stated, counted)
    flag = _flag(stated, counted, derived)
    if n - counted > 0:
        mapped["not_stated"] = n - counted
    out = []  # known grades in scale order; any other label follows, never dropped
    for g in [g for g in ORDER if g in mapped] + sorted(set(mapped) - set(ORDER)):
        lo, hi = wilson(mapped[g], n)
        out.append({"scale": scale, "view": view, "grade": g, "cases": mapped[g], "n": n,
                    "stated_total": stated, "counted_total": counted,
                    "share": mapped[g] / n if n else math.nan, "ci_low": lo, "ci_high": hi,
                    "sums_to_total": (math.isnan(stated) or stated == counted), "flag": flag,
                    "basis": "derived" if g in derived_to or g == "not_stated" else "stated"})
    return out


def _flag(stated: float, counted: float, derived: set[str]) -> str:
    notes = []
    if not math.isnan(stated) and counted > stated:
        notes.append(f"counts sum to {counted:g} but the stated total is {stated:g}; "
                     f"shares use {counted:g}")
    elif not math.isnan(stated) and counted < stated and derived:
        notes.append(f"the report gives grades for only part of the {stated:g} cases")
    elif not math.isnan(stated) and counted < stated:
        notes.append(f"only {counted:g} of {stated:g} cases have a stated grade")
    if derived:
        notes.append("some counts are derived (from percentages or a remainder), not stated: "
                     + ", ".join(sorted(derived)))
    return "; ".join(notes)


def restated_elsewhere(docs: pd.DataFrame) -> set[str]:
    """doc_ids of publication and tracker pages whose report is in the corpus too (same force and
    kind, published the same month): their figures restate that report's and would count twice."""
    if "genre" not in docs or docs.empty:
        return set()
    genre = docs["genre"].astype("string")
    pages = docs[genre.isin(ANNOUNCING_GENRES).fillna(False).astype(bool)]
    reports = docs[~genre.isin(ANNOUNCING_GENRES).fillna(False).astype(bool)]
    month = pd.to_datetime(docs["published"], errors="coerce").dt.to_period("M")
    held = set(zip(reports["force"].astype("string"), reports["kind"].astype("string"),
                   month[reports.index], strict=True))
    return {str(i) for i, f, k, m in zip(pages.index, pages["force"].astype("string"),
                                         pages["kind"].astype("string"), month[pages.index],
                                         strict=True) if pd.notna(m) and (f, k, m) in held}


@per_tables
def _restated(tables: dict) -> frozenset[str]:
    """restated_elsewhere() of the corpus, once for all its forces."""
    return frozenset(restated_elsewhere(documents_index(tables)))


@per_tables
def grade_table(tables: dict, force: str, views: tuple[str, ...] = VIEWS) -> pd.DataFrame:
    """Per document, assessor and subset: count, share and Wilson 95% interval of each grade.
    A publication page's figures are left out when the report it announces is in the corpus."""
    grades = frame(tables, "case_grades", force)
    docs = documents_index(tables)
    grades = grades[~grades["doc_id"].astype("string").isin(_restated(tables))]
    rows = []
    for (doc_id, assessor, subset), grp in grades.groupby(
            ["doc_id", "assessor", "subset"], dropna=False, sort=False):
        for view in views:
            for r in _group_grades(grp, view):
                rows.append({"force": forces.resolve(force), "doc_id": doc_id,
                             "kind": _doc_field(docs, doc_id, "kind"),
                             "published": _doc_field(docs, doc_id, "published"),
                             "assessor": assessor, "subset": subset, **r})
    cols = ["force", "doc_id", "kind", "published", "assessor", "subset", "scale", "view", "grade",
            "cases", "n", "stated_total", "counted_total", "share", "ci_low", "ci_high",
            "sums_to_total", "flag", "basis"]
    out = pd.DataFrame(rows, columns=cols)
    out["published"] = pd.to_datetime(out["published"])
    return out.sort_values(["published", "doc_id", "assessor", "subset"], kind="stable",
                           ignore_index=True)


def harmonise(case_grades: pd.DataFrame, documents: pd.DataFrame,
              views: tuple[str, ...] = VIEWS) -> pd.DataFrame:
    """grade_table() for every force in ``case_grades``, DataFrames first so that it chains:
    ``t.case_grades.pipe(harmonise, t.documents)``."""
    tables = {"case_grades": case_grades, "documents": documents}
    known = {*forces.slugs(), forces.NATIONAL}  # rows of an 'unknown' force have no baseline
    slugs = sorted({str(f) for f in case_grades["force"].dropna()} & known)
    parts = [grade_table(tables, slug, views) for slug in slugs]
    if not parts:
        return grade_table(tables, forces.NATIONAL, views).iloc[0:0]
    return pd.concat(parts, ignore_index=True)


def _doc_field(docs: pd.DataFrame, doc_id, col: str):
    if doc_id in docs.index:
        return docs.at[doc_id, col]
    return pd.NA


# ---- pairing and comparison ---------------------------------------------------------------------

@dataclass
class Comparison:
    force: str
    mapping: pd.DataFrame
    grades: pd.DataFrame
    changes: pd.DataFrame
    gap: pd.DataFrame
    verdict: str
    notes: list[str] = field(default_factory=list)


def headline_subset(grades: pd.DataFrame, doc_id: str, assessor: str = "inspectorate"):
    """The subset a document's comparison uses: 'all' when graded, else its largest subset."""
    rows = grades[(grades["doc_id"] == doc_id) & (grades["assessor"] == assessor)
                  & (grades["view"] == "main")]
    if rows.empty:
        return None
    if (rows["subset"] == "all").any():
        return "all"
    return rows.sort_values("n", ascending=False, kind="stable")["subset"].iloc[0]


def pair_documents(grades: pd.DataFrame, assessor: str = "inspectorate"):
    """The baseline inspection and the later follow-ups that graded cases."""
    graded = grades[grades["assessor"] == assessor].drop_duplicates("doc_id")
    baseline = graded[graded["kind"] == "inspection"]
    if baseline.empty:  # a follow-up alone is not a baseline: say there is none
        return None, []
    base = baseline.sort_values("published", kind="stable").iloc[0]
    later = graded[(graded["kind"].isin(FOLLOW_UP_KINDS)) & (graded["doc_id"] != base["doc_id"])]
    if pd.notna(base["published"]):
        later = later[~(later["published"] < base["published"])]
    return base["doc_id"], list(later.sort_values("published", kind="stable")["doc_id"])


def _select(grades, doc_id, subset, view, assessor):
    return grades[(grades["doc_id"] == doc_id) & (grades["subset"] == subset)
                  & (grades["view"] == view) & (grades["assessor"] == assessor)]


def _count(rows: pd.DataFrame, grade: str) -> tuple[int, bool] | None:
    """(cases, derived) of one grade in one graded set; None when the set does not say.

    A grade missing from a complete set counts 0; from an incomplete one it is unknown. The
    combined "requires improvement or inadequate" is the stated figure, else the two grades added
    (derived)."""
    hit = rows[rows["grade"] == grade]
    if len(hit):
        return int(hit["cases"].iloc[0]), bool((hit["basis"] == "derived").any())
    incomplete = (rows["grade"] == "not_stated").any()
    if grade in COMBINED_GRADES:
        parts = rows[rows["grade"].isin(("requires_improvement", "inadequate"))]
        if incomplete and len(parts) < 2:
            return None
        return int(parts["cases"].sum()), True
    return None if incomplete else (0, False)


def _change_row(base, follow, grade, view, base_doc, follow_doc, subsets) -> dict | None:
    if base.empty or follow.empty:
        return None
    b, f = _count(base, grade), _count(follow, grade)
    if b is None or f is None:
        return None
    (k1, d1), (k2, d2) = b, f
    n1, n2 = int(base["n"].iloc[0]), int(follow["n"].iloc[0])
    p = fisher_p(k1, n1, k2, n2)
    lo1, hi1 = wilson(k1, n1)
    lo2, hi2 = wilson(k2, n2)
    return {"view": view, "grade": grade, "baseline_doc": base_doc, "followup_doc": follow_doc,
            "baseline_subset": subsets[0], "followup_subset": subsets[1],
            "baseline_scale": base["scale"].iloc[0], "followup_scale": follow["scale"].iloc[0],
            "baseline_cases": k1, "baseline_n": n1, "baseline_share": k1 / n1,
            "baseline_ci_low": lo1, "baseline_ci_high": hi1,
            "baseline_basis": "derived" if d1 else "stated",
            "followup_cases": k2, "followup_n": n2, "followup_share": k2 / n2,
            "followup_ci_low": lo2, "followup_ci_high": hi2,
            "followup_basis": "derived" if d2 else "stated",
            "change_points": 100 * (k2 / n2 - k1 / n1), "fisher_p": p,
            "min_detectable_points": 100 * min_detectable_difference(
                n1, n2, (k1 + k2) / (n1 + n2)),
            "baseline_flag": base["flag"].iloc[0], "followup_flag": follow["flag"].iloc[0]}


def _measures(base: pd.DataFrame, follow: pd.DataFrame) -> tuple[str, ...]:
    """Good and inadequate; and the combined measure when either end states only that."""
    combined = bool(base["grade"].isin(COMBINED_GRADES).any()
                    or follow["grade"].isin(COMBINED_GRADES).any())
    return ("good", "inadequate", *(COMBINED_GRADES if combined else ()))


def changes_table(grades: pd.DataFrame, base_doc, follow_docs, assessor="inspectorate",
                  subsets: dict | None = None) -> pd.DataFrame:
    """Change in the share of good and of inadequate cases (and of "requires improvement or
    inadequate" when a report states only that), per follow-up and view."""
    subsets = subsets or {}
    rows = []
    sb = subsets.get(base_doc) or headline_subset(grades, base_doc, assessor)
    for doc in follow_docs:
        sf = subsets.get(doc) or headline_subset(grades, doc, assessor)
        for view in VIEWS:
            base = _select(grades, base_doc, sb, view, assessor)
            follow = _select(grades, doc, sf, view, assessor)
            for grade in _measures(base, follow):
                row = _change_row(base, follow, grade, view, base_doc, doc, (sb, sf))
                if row:
                    rows.append(row)
    return pd.DataFrame(rows)


def view_readings(changes: pd.DataFrame, grade: str) -> pd.DataFrame:
    """One row per distinct reading of one measure at the latest follow-up: views that give the
    same counts are one reading (``views`` lists them). A reader must see every reading whose
    verdict differs: on the four-grade scale "adequate" may be read as good or not."""
    if changes is None or changes.empty:
        return pd.DataFrame()
    last = changes["followup_doc"].iloc[-1]
    rows = changes[(changes["followup_doc"] == last) & (changes["grade"] == grade)].copy()
    if rows.empty:
        return rows
    rows["significant"] = rows["fisher_p"] < 0.05
    key = ["baseline_cases", "followup_cases"]
    views = rows.groupby(key, sort=False)["view"].agg(tuple).rename("views")
    return (rows.drop_duplicates(key).merge(views, left_on=key, right_index=True)
            .reset_index(drop=True))


def gap_table(grades: pd.DataFrame) -> pd.DataFrame:
    """Where the force and the inspectorate graded the same cases: each grade side by side."""
    main = grades[grades["view"] == "main"]
    rows = []
    for (doc, subset), grp in main.groupby(["doc_id", "subset"], sort=False, dropna=False):
        if set(grp["assessor"]) < {"force", "inspectorate"}:
            continue
        for grade in [g for g in ORDER if g in set(grp["grade"])]:
            f = grp[(grp["assessor"] == "force") & (grp["grade"] == grade)]
            i = grp[(grp["assessor"] == "inspectorate") & (grp["grade"] == grade)]
            fs = f["share"].iloc[0] if len(f) else 0.0
            is_ = i["share"].iloc[0] if len(i) else 0.0
            rows.append({"doc_id": doc, "subset": subset, "grade": grade,
                         "force_cases": f["cases"].iloc[0] if len(f) else 0,
                         "force_n": grp[grp["assessor"] == "force"]["n"].iloc[0],
                         "force_share": fs,
                         "inspectorate_cases": i["cases"].iloc[0] if len(i) else 0,
                         "inspectorate_n": grp[grp["assessor"] == "inspectorate"]["n"].iloc[0],
                         "inspectorate_share": is_, "gap_points": 100 * (fs - is_)})
    return pd.DataFrame(rows)


@per_tables
def compare(tables: dict, force: str, assessor: str = "inspectorate",
            subsets: dict | None = None) -> Comparison:
    """Baseline inspection against each follow-up for one force, with a plain verdict.

    ``subsets`` maps a doc_id to the subset to compare when the default ('all', else the largest
    graded subset) is not the right one.
    """
    slug = forces.resolve(force)
    grades = grade_table(tables, slug)
    base, follows = pair_documents(grades, assessor)
    changes = changes_table(grades, base, follows, assessor, subsets) if base else pd.DataFrame()
    gap = gap_table(grades)
    verdict = verdict_text(slug, grades, changes, gap)
    notes = sorted({f for f in grades["flag"] if f})
    return Comparison(slug, grade_mapping(), grades, changes, gap, verdict, notes)


# ---- plain-language verdicts --------------------------------------------------------------------

def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _date(ts) -> str:
    return date_words(ts, "month", missing="undated")


def _subset(code) -> str:
    return words(code, SUBSET_WORDS)


def _side(r: pd.Series, side: str, interval: str = "") -> str:
    """'17 of 64 cases (27%, 95% interval 17%-38%)', a derived count said to be derived."""
    derived = "; derived: the grades added up" if r.get(f"{side}_basis") == "derived" else ""
    return (f"{r[f'{side}_cases']} of {r[f'{side}_n']} ({_pct(r[f'{side}_share'])}, {interval}"
            f"{_pct(r[f'{side}_ci_low'])}-{_pct(r[f'{side}_ci_high'])}{derived})")


def p_text(p: float) -> str:
    """A p-value as a reader can quote it: 'p = 0.64', 'p < 0.001' (never 'p = 0.00')."""
    return "p < 0.001" if p < 0.001 else f"p = {p:.3f}" if p < 0.01 else f"p = {p:.2f}"


def _grade_sentence(r: pd.Series) -> str:
    word = label(r["grade"], GRADE_WORDS)
    head = (f"{word}: {_side(r, 'baseline', '95% interval ')} at baseline, "
            f"{_side(r, 'followup')} at follow-up, a change of {r['change_points']:+.0f} points "
            f"(Fisher's exact {p_text(r['fisher_p'])}).")
    return head + _significance(r)


def _significance(r: pd.Series) -> str:
    mdd = r["min_detectable_points"]
    if r["fisher_p"] < 0.05:
        return " A change this large is unlikely to be chance alone."
    if abs(r["change_points"]) < mdd:
        return (f" With {r['baseline_n']} and {r['followup_n']} cases, only a change of about "
                f"{mdd:.0f} points or more could be detected reliably: this is no evidence of "
                "change either way.")
    return " The samples are too small for this change to be told apart from chance."


def _other_view_sentences(changes: pd.DataFrame, follow_doc) -> list[str]:
    """Readings of 'adequate' whose verdict differs from the main view's, said as plainly."""
    out = []
    mine = changes[changes["followup_doc"] == follow_doc]
    for _, grp in mine.groupby("grade", sort=False):
        main = grp[grp["view"] == "main"]
        if main.empty:
            continue
        significant = bool(main["fisher_p"].iloc[0] < 0.05)
        for _, r in grp[grp["view"] != "main"].iterrows():
            if bool(r["fisher_p"] < 0.05) != significant:
                out.append(f"With {VIEW_WORDS[r['view']]}, the verdict changes. "
                           + _grade_sentence(r))
    return out


def _scale_sentence(grp: pd.DataFrame) -> str:
    b, f = grp["baseline_scale"].iloc[0], grp["followup_scale"].iloc[0]
    if b == f or pd.isna(b) or pd.isna(f):
        return ""
    return (f"The baseline graded on {SCALE_WORDS.get(b, b)}, the follow-up on "
            f"{SCALE_WORDS.get(f, f)}: how 'adequate' is counted matters.")


def verdict_text(force: str, grades, changes: pd.DataFrame, gap: pd.DataFrame) -> str:
    name = forces.display_name(force)
    if changes is None or changes.empty:
        return f"{name}: no baseline and follow-up with graded cases to compare."
    parts = []
    main = changes[changes["view"] == "main"]
    for follow_doc, grp in main.groupby("followup_doc", sort=False):
        b = grades[grades["doc_id"] == grp["baseline_doc"].iloc[0]]["published"].iloc[0]
        f = grades[grades["doc_id"] == follow_doc]["published"].iloc[0]
        parts.append(f"{name}, baseline ({_date(b)}, {_subset(grp['baseline_subset'].iloc[0])}) "
                     f"against follow-up ({_date(f)}, "
                     f"{_subset(grp['followup_subset'].iloc[0])}).")
        parts.append(_scale_sentence(grp))
        parts.extend(_grade_sentence(r) for _, r in grp.iterrows())
        parts.extend(_other_view_sentences(changes, follow_doc))
    parts.extend(_gap_sentences(gap))
    flags = sorted({f for f in grades["flag"] if f and "sum to" in f})
    parts.extend(f"Note: {f}." for f in flags)
    return " ".join(p for p in parts if p)


def _gap_sentences(gap: pd.DataFrame) -> list[str]:
    out: list[str] = []
    if gap is None or gap.empty:
        return out
    for (_, subset), grp in gap.groupby(["doc_id", "subset"], sort=False):
        good = grp[grp["grade"] == "good"]
        if good.empty:
            continue
        g = good.iloc[0]
        out.append(f"On the same cases ({_subset(subset)}), the force graded {g['force_cases']:g} of "
                   f"{g['force_n']:g} good and the inspectorate {g['inspectorate_cases']:g} of "
                   f"{g['inspectorate_n']:g}: a gap of {g['gap_points']:+.0f} points.")
    return out
