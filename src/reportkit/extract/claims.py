"""Claims: the case figures that press articles and commissioners' letters quote about a report.

Measures are named from the case set and the grade: ``cases_total``, ``good``,
``requires_improvement``, ``custody_total``, ``custody_requires_improvement``, ``audit_total``,
``force_good`` (the force's own grading) ... Each keeps its page and quote, for reconciliation.
"""
from __future__ import annotations

from reportkit.extract.grades import Figure, page_figures, page_totals
from reportkit.read.document import Document


# what every claim read from the text says of itself until the report it describes is matched
_STATED = {"basis": "stated", "about_kind": None, "about_year": None, "about_doc_id": None}


def _prefix(fig: Figure) -> str:
    """``custody_``, ``audit_`` ...; the force's own grading is ``force_`` (its set is the audit)."""
    if fig.assessor == "force":
        return "force_" + ("" if fig.subset in ("all", "audit") else f"{fig.subset}_")
    return "" if fig.subset == "all" else f"{fig.subset}_"


def _total_measure(fig: Figure) -> str:
    """The size of a case set does not depend on who graded it: ``audit_total``, ``cases_total``."""
    return "cases_total" if fig.subset == "all" else f"{fig.subset}_total"


def page_claims(text: str, page: int = 1) -> list[dict]:
    """Claim rows for one page: each grade figure and, once, the total of its case set."""
    out: list[dict] = []
    for fig in page_figures(text):
        value = fig.percent if fig.cases is None else fig.cases
        unit = "percent" if fig.cases is None else "cases"
        out.append({"measure": _prefix(fig) + fig.grade, "value": float(value), "page": page,
                    "quote": fig.quote, "unit": unit, **_STATED})
        if fig.total is not None and fig.total_quote and fig.total_quote in text:
            out.append({"measure": _total_measure(fig), "value": float(fig.total), "page": page,
                        "quote": fig.total_quote, "unit": "cases", **_STATED})
    for total, subset, _assessor, quote in page_totals(text):
        measure = "cases_total" if subset == "all" else f"{subset}_total"
        out.append({"measure": measure, "value": float(total), "page": page, "quote": quote,
                    "unit": "cases", **_STATED})
    return out


def document_claims(doc: Document) -> list[dict]:
    """Every distinct figure (measure, value) a press page or letter states, first quote kept."""
    seen, out = set(), []
    for p in doc.pages:
        for row in page_claims(p.text, p.number):
            key = (row["measure"], row["value"], row["unit"])
            if key not in seen:
                seen.add(key)
                out.append(row)
    return out
