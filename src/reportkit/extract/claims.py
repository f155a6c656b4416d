"""Claims: the case figures that press articles and commissioners' letters quote about a report.

Measures are named from the case set and the grade: ``cases_total``, ``good``,
``requires_improvement``, ``custody_total``, ``custody_requires_improvement``, ``audit_total``,
``force_good`` (the force's own grading) ... Each keeps its page and quote, for reconciliation.

A text that gives two case sets keeps them apart by the report each describes: the earlier
inspection's figures are ``baseline_good``, ``baseline_cases_total`` ...; the latest review's are
plain. Every claim says which report it is about where the text does (``about_kind``,
``about_year``) and how it was read (``basis``: stated, or derived from a stated total).
"""
from __future__ import annotations

from reportkit.extract.grades import Figure, page_reading, page_total_sets
from reportkit.extract.shapes import why
from reportkit.read.document import Document

TWO_SETS = why("two case sets, report not named")


def _prefix(fig: Figure) -> str:
    """``custody_``, ``audit_`` ...; the force's own grading is ``force_`` (its set is the audit)."""
    if fig.assessor == "force":
        return "force_" + ("" if fig.subset in ("all", "audit") else f"{fig.subset}_")
    return "" if fig.subset == "all" else f"{fig.subset}_"


def _total_measure(subset: str) -> str:
    """The size of a case set does not depend on who graded it: ``audit_total``, ``cases_total``."""
    return "cases_total" if subset == "all" else f"{subset}_total"


def _about(report: str | None, year: int | None, kind: str | None, years: set[int]) -> dict:
    """The claim's report columns, and whether it is the earlier report's (``baseline_``). A bare
    year names the earlier report only beside another year's set."""
    earlier = report == "earlier" or (report == "year" and len(years) > 1 and year == min(years))
    if report == "year" and earlier:
        kind = kind or "inspection"
    return {"about_kind": kind if report else None, "about_year": year, "about_doc_id": None,
            "baseline": earlier}


def _claim(measure: str, value: float, page: int, quote: str, unit: str, basis: str,
           about: dict) -> dict:
    name = ("baseline_" if about["baseline"] else "") + measure
    return {"measure": name, "value": float(value), "page": page, "quote": quote, "unit": unit,
            "basis": basis, "about_kind": about["about_kind"], "about_year": about["about_year"],
            "about_doc_id": None}


def page_claims(text: str, page: int = 1, years: set[int] | None = None,
                unread: list[dict] | None = None,
                reading: tuple[list[Figure], list[dict]] | None = None) -> list[dict]:
    """Claim rows for one page: each grade figure and, once, the total of its case set
    (``reading``: the page's ``page_reading``, when the caller has it already)."""
    figures, not_read = reading if reading is not None else page_reading(text)
    if unread is not None:
        unread += [{"page": page, **u} for u in not_read]
    years = years if years is not None else _years(figures)
    out: list[dict] = []
    for fig in figures:
        about = _about(fig.report, fig.report_year, fig.report_kind, years)
        value, unit = _stated(fig)
        out.append(_claim(_prefix(fig) + fig.grade, value, page, fig.quote, unit, fig.basis,
                          about))
        if fig.cases is not None and fig.percent is not None:  # "212 - or 71 per cent - were"
            out.append(_claim(_prefix(fig) + fig.grade, fig.percent, page, fig.quote, "percent",
                              "stated", about))
        if fig.total is not None and fig.total_quote and fig.total_quote in text:
            out.append(_claim(_total_measure(fig.subset), fig.total, page, fig.total_quote,
                              "cases", "stated", about))
    for total, subset, report, quote in page_total_sets(text):
        said, year, kind = report if report is not None else (None, None, None)
        about = _about(said, year, kind, years)
        out.append(_claim(_total_measure(subset), total, page, quote, "cases", "stated", about))
    return out


def _stated(fig: Figure) -> tuple[float, str]:
    """The figure's value and unit: its count of cases, else its share."""
    if fig.cases is not None:
        return fig.cases, "cases"
    if fig.percent is None:  # the readers never make a figure with neither
        raise ValueError(f"a figure with neither count nor share: {fig.quote!r}")
    return fig.percent, "percent"


def _years(figures: list[Figure]) -> set[int]:
    return {f.report_year for f in figures if f.report == "year" and f.report_year}


def document_claims(doc: Document, unread: list[dict] | None = None) -> list[dict]:
    """Every distinct figure (measure, value) a press page or letter states, first quote kept.
    Statements of figures that could not be read for certain go to ``unread`` when given."""
    readings = [page_reading(p.text) for p in doc.pages]  # each page read once, used twice
    years: set[int] = set()
    for figures, _ in readings:
        years |= _years(figures)
    seen, out = set(), []
    for p, reading in zip(doc.pages, readings, strict=True):
        for row in page_claims(p.text, p.number, years, unread, reading):
            key = (row["measure"], row["value"], row["unit"])
            if key not in seen:
                seen.add(key)
                out.append(row)
    return _one_value_each(out, unread)


def _one_value_each(rows: list[dict], unread: list[dict] | None) -> list[dict]:
    """One measure, two values: two case sets the text did not tell apart. When one of them is
    named as the latest report's and the other is not named, the other is the earlier report's;
    otherwise neither is kept (a wrong figure is worse than a missing one)."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        groups.setdefault((r["measure"], r["unit"]), []).append(r)
    out = []
    for (measure, _unit), group in groups.items():
        if len({r["value"] for r in group}) == 1:
            out += group
            continue
        latest = [r for r in group if r["about_kind"] in ("review", "reinspection")]
        unnamed = [r for r in group if r["about_kind"] is None]  # at most a bare year
        if len(latest) == 1 and len(unnamed) == len(group) - 1 and not measure.startswith(
                "baseline_") and len({r["value"] for r in unnamed}) == 1:
            out += latest + [{**r, "measure": "baseline_" + measure, "about_kind": "inspection"}
                             for r in unnamed]
            continue
        if unread is not None:
            unread += [{"page": r["page"], "quote": r["quote"],
                        "reason": TWO_SETS} for r in group]
    return sorted(out, key=lambda r: rows.index(r) if r in rows else len(rows))
