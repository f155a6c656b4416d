"""Case-grade figures as report text: prose, parentheses, number words, tables; and their gold."""
from __future__ import annotations

from .grammar import number_word
from .specs import GRADE_KEYS, Grades

LABEL = {"good": "good", "adequate": "adequate", "requires_improvement": "requires improvement",
         "inadequate": "inadequate"}
_PLURAL = {"good": "were good", "adequate": "were adequate",
           "requires_improvement": "required improvement", "inadequate": "were inadequate"}
_SINGLE = {"good": "was good", "adequate": "was adequate",
           "requires_improvement": "required improvement", "inadequate": "was inadequate"}


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _ordered(g: Grades) -> list[tuple[str, int]]:
    return [(k, g.counts[k]) for k in GRADE_KEYS if k in g.counts]


def parens(g: Grades) -> str:
    return ", ".join(f"{n} {LABEL[k]}" for k, n in _ordered(g))


def sentences(g: Grades, body: str) -> list[str]:
    """The text that states one set of figures, in the style the spec asks for."""
    who = "The force’s own assessors had graded" if g.assessor == "force" else f"{body} examined"
    if g.combined is not None:
        return [f"{body} examined {g.total} cases {g.label}.",
                f"Of these, {g.combined} were graded as requires improvement or inadequate."]
    if g.percent:
        (k, p), = g.percent.items()
        return [f"{body} examined {g.total} cases {g.label}.",
                f"About {p:.0f}% of these cases were judged {LABEL[k]}."]
    if g.assessor == "force" and list(g.counts) == ["good"] and g.counts["good"] == g.total:
        return [f"The force had audited {g.total} cases {g.label} and had rated all "
                f"{g.total} of them as good."]
    if g.style == "parens":
        return [f"{who} {g.total} cases {g.label} ({parens(g)})."]
    if g.style == "words":
        (k, n), = _ordered(g)[-1:]
        return [f"In {number_word(n)} of the {number_word(g.total)} cases {g.label}, the "
                f"police response {_SINGLE[k]}."]
    parts = [f"{n} {_PLURAL[k]}" for k, n in _ordered(g)]
    return [f"{who} {g.total} cases {g.label}.", f"Of these, {_join(parts)}."]


def table_rows(blocks: list[Grades]) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Header and rows for a table of one or more blocks over the same subset."""
    header = ("Grade",) + tuple(
        "Force audit" if b.assessor == "force" else "Number of cases" if len(blocks) == 1
        else "Inspectorate grading" for b in blocks)
    keys = [k for k in GRADE_KEYS if any(k in b.counts for b in blocks)]
    rows = [(LABEL[k].capitalize(),) + tuple(str(b.counts.get(k, "–")) for b in blocks)
            for k in keys]
    rows.append(("Total",) + tuple(str(b.total) for b in blocks))
    return header, rows


def gold(g: Grades) -> list[dict]:
    base = {"assessor": g.assessor, "subset": g.subset, "total": g.total}
    if g.combined is not None:
        return [{**base, "grade": "requires_improvement_or_inadequate", "cases": g.combined,
                 "percent": None}]
    out = [{**base, "grade": k, "cases": n, "percent": None} for k, n in _ordered(g)]
    out += [{**base, "grade": k, "cases": None, "percent": p} for k, p in g.percent.items()]
    return [{k: d[k] for k in ("assessor", "subset", "grade", "cases", "total", "percent")}
            for d in out]
