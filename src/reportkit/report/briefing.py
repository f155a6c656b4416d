"""What the notebooks call to write prose and show tables: a briefing, not a notebook dump.

Every string that may come from a document (titles, quotes, recommendation text, paths) passes
through ``esc()`` before it reaches HTML: briefings are emailed to people who did not make them.
The ``show_*`` helpers return IPython display objects, so a notebook cell is one call.
"""
from __future__ import annotations

import html
import logging
import warnings
from datetime import date
from pathlib import Path

import pandas as pd

from reportkit import config, forces
from reportkit.analysis.memo import per_tables
from reportkit.vocabulary import (  # the words for codes and dates, under the names notebooks use
    GRADE_WORDS,
    KIND_WORDS,
    MISSING,
    RATING_WORDS,
    VIEW_WORDS,
    document_words,  # noqa: F401  (re-exported: report.findings_view uses it)
    words,
)
from reportkit.vocabulary import date_words as fmt_date

# ---- setup --------------------------------------------------------------------------------------

QUIET_LOGGERS = ("reportkit", "matplotlib", "fontTools", "pdfminer", "PIL")


def setup() -> None:
    """For a briefing notebook that a reader will see: the libraries' own logging and warnings stay
    out of the page. Called explicitly by the briefing notebooks; the root logger, other
    libraries' warnings and anything else in the analyst's session are left as they are."""
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.ERROR)
    for module in ("matplotlib", "seaborn", "pandas", "scipy", "pdfplumber", "pdfminer"):
        warnings.filterwarnings("ignore", module=module)
    pd.set_option("display.max_colwidth", 200)


def load(processed_dir: str | Path | None = None) -> dict[str, pd.DataFrame]:
    """The tidy tables from ``processed_dir`` (default: config.PROCESSED_DIR)."""
    from reportkit.tables.store import load_tables

    return load_tables(Path(processed_dir) if processed_dir else config.PROCESSED_DIR)


# ---- formatting ---------------------------------------------------------------------------------

def esc(value) -> str:
    """HTML-escape anything (None and NA become an em dash)."""
    if value is None or (not isinstance(value, str) and _isna(value)):
        return MISSING
    return html.escape(str(value), quote=True)


def _isna(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def fmt_pct(share, digits: int = 0) -> str:
    """A share from 0 to 1 as '32%'."""
    if share is None or _isna(share):
        return MISSING
    return f"{100 * float(share):.{digits}f}%"


def fmt_int(value) -> str:
    """'1,234'; a whole float loses its '.0'; other floats keep one decimal."""
    if value is None or _isna(value):
        return MISSING
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.1f}"


def fmt_days(lo, hi=None) -> str:
    if lo is None or _isna(lo):
        return MISSING
    if hi is None or _isna(hi) or float(hi) == float(lo):
        return f"{fmt_int(lo)} days"
    return f"{fmt_int(lo)}\u2013{fmt_int(hi)} days"


FORMATTERS = {"date": fmt_date, "month": lambda v: fmt_date(v, "month"), "pct": fmt_pct,
              "int": fmt_int, "text": lambda v: MISSING if v is None or _isna(v) else str(v),
              "grade": lambda v: words(v, GRADE_WORDS), "rating": lambda v: words(v, RATING_WORDS),
              "kind": lambda v: words(v, KIND_WORDS), "force": lambda v: force_name(v)}


def force_name(slug) -> str:
    """A force's full name; None or 'all' means every force."""
    if slug is None or str(slug).strip().lower() in ("", "all"):
        return "all forces"
    try:
        return forces.display_name(str(slug))
    except forces.UnknownForce:
        return str(slug)


# ---- HTML building blocks -----------------------------------------------------------------------

def table_html(df: pd.DataFrame, columns: dict[str, tuple[str, str]], caption: str | None = None,
               empty: str = "Nothing to show.", max_rows: int | None = None) -> str:
    """A formatted, escaped table: ``columns`` maps a column to (heading, formatter name)."""
    if df is None or df.empty:
        return f'<p class="rk-empty">{esc(empty)}</p>'
    shown = df if max_rows is None else df.head(max_rows)
    head = "".join(f'<th class="{_cell_class(kind)}">{esc(label)}</th>'
                   for label, kind in columns.values())
    rows = []
    for _, r in shown.iterrows():
        cells = "".join(f'<td class="{_cell_class(kind)}">{_cell(kind, r.get(col))}</td>'
                        for col, (_, kind) in columns.items())
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    more = ""
    if max_rows is not None and len(df) > max_rows:
        more = f'<p class="rk-note">Showing {max_rows} of {fmt_int(len(df))} rows.</p>'
    return (f'<table class="rk-table">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{more}')


def _cell(kind: str, value) -> str:
    """A cell's escaped text; a "link" cell shows an http(s) address as a link to it, by its host."""
    if kind == "cite":
        return cite_html(value)  # note numbers only: nothing from a document
    if kind != "link":
        return esc(FORMATTERS[kind](value))
    url = "" if value is None or _isna(value) else str(value)
    if not url.lower().startswith(("https://", "http://")):
        return MISSING  # a javascript: or data: address is never made a link
    from urllib.parse import urlsplit

    return f'<a href="{esc(url)}">{esc(urlsplit(url).netloc)}</a>'


def _cell_class(kind: str) -> str:
    return {"int": "num", "pct": "num", "date": "date", "month": "date"}.get(kind, "")


def para(text: str, cls: str = "") -> str:
    return f'<p class="{esc(cls)}">{esc(text)}</p>' if cls else f"<p>{esc(text)}</p>"


def figure_html(fig, alt: str | None = None, dpi: int = 100) -> str:
    """A matplotlib figure as an embedded picture for laptop and phone (charts.style.chart_html)."""
    from reportkit.charts.style import chart_html

    return chart_html(fig, alt, dpi)


def _display(markup: str):
    from IPython.display import HTML

    return HTML(f'<div class="rk">{markup}</div>')


def show_html(markup: str):
    """Markup built here (already escaped) as a display object."""
    return _display(markup)


def show_text(text: str):
    """A paragraph of plain text (escaped)."""
    return _display(para(text))


def show_chart(fig, alt: str | None = None):
    return _display(figure_html(fig, alt))


def show_table(df: pd.DataFrame, columns: dict[str, tuple[str, str]], **kwargs):
    return _display(table_html(df, columns, **kwargs))


# ---- notes: where each figure comes from -------------------------------------------------------

@per_tables
def notes_table(tables: dict, force: str | None = None) -> pd.DataFrame:
    """The numbered notes of a force's briefing (analysis.citations.citation_table)."""
    from reportkit.analysis.citations import citation_table

    return citation_table(tables, force)


def _index(tables: dict, force: str | None) -> dict:
    from reportkit.analysis.citations import note_index

    return note_index(notes_table(tables, force))


def _notes(index: dict, doc_id, page=None, quote=None) -> list[int]:
    from reportkit.analysis.citations import notes_for

    return notes_for(index, doc_id, page, quote)


def _quoted_notes(index: dict, rows: pd.DataFrame, prefix: str = "") -> list[int]:
    """The notes of rows that quote a document (``{prefix}doc_id``, ``page``, ``quote`` columns).
    Columns zipped, not itertuples: that builds a namedtuple class per call, a cost in loops."""
    if rows.empty:
        return []
    doc_col = f"{prefix}_doc_id" if prefix else "doc_id"
    page_col, quote_col = (f"{prefix}_page", f"{prefix}_quote") if prefix else ("page", "quote")
    return [n for d, p, q in zip(rows[doc_col], rows[page_col], rows[quote_col], strict=True)
            for n in _notes(index, d, p, q)]


def cite_html(numbers) -> str:
    """'[3, 5]' as superscript links to the notes at the end of the page (numbers only: no text
    from a document passes through here)."""
    nums = sorted({int(n) for n in (numbers or [])})
    if not nums:
        return ""
    links = ", ".join(f'<a href="#note-{n}">{n}</a>' for n in nums)
    return f'<sup class="rk-cite">[{links}]</sup>'


def parts_html(parts) -> str:
    """(text, notes) parts as escaped sentences, each followed by its notes."""
    return " ".join(f"{esc(text)}{cite_html(nums)}" for text, nums in parts)


NOTE_SHAPE = "{title} ({what}, {when}){page}: \u201c{quote}\u201d. File: {path}."


def note_html(r) -> str:
    from reportkit.report.headline import kind_words

    what = kind_words(r.kind, r.genre, r.title, r.path)
    when = fmt_date(r.published, None if _isna(r.published_precision) else r.published_precision)
    page = "" if _isna(r.page) else f", page {fmt_int(r.page)}"
    if _isna(r.quote):
        text = f"{r.title} ({what}, {when}): {r.detail}. File: {r.path}."
    else:
        text = NOTE_SHAPE.format(title=r.title, what=what, when=when, page=page, quote=r.quote,
                                 path=r.path)
    return f'<li id="note-{int(r.note)}" value="{int(r.note)}">{esc(text)}</li>'


def show_notes(tables: dict, force: str | None = None):
    """Every note the page cites: document, page and the quoted words."""
    notes = notes_table(tables, force)
    if notes.empty:
        return _display(para("No figure on this page has a quoted source.", "rk-empty"))
    items = "".join(note_html(r) for r in notes.itertuples())
    lead = para("Each number in square brackets above leads here: the document, its page and "
                "the words the figure was read from.", "rk-note")
    return _display(f'{lead}<ol class="rk-notes">{items}</ol>')


# ---- headline figures ---------------------------------------------------------------------------

def latest_grades(tables: dict, force: str) -> dict | None:
    """The latest inspectorate grading of a force's cases (report.headline.latest_grades)."""
    from reportkit.report.headline import latest_grades as latest

    return latest(tables, force)


def headline_figures(tables: dict, force: str) -> dict:
    """The few numbers a reader looks for first; also what the index lists. ``good`` and
    ``inadequate`` are stated counts only (None when the report gives a share alone: see
    ``inadequate_shown``); ``four_grade`` marks a grading on the 2014-15 four-grade scale."""
    from reportkit.analysis.comparison import frame
    from reportkit.analysis.progress import progress_table
    from reportkit.analysis.reconciliation import check_claims

    slug = forces.resolve(force)
    docs = frame(tables, "documents", slug)
    docs = docs[docs["status"].astype("string").fillna("ok") != "error"]
    latest = latest_grades(tables, slug)
    prog = progress_table(tables, slug)
    rated = prog["rating"].value_counts().to_dict() if len(prog) else {}
    claims = check_claims(tables, slug)
    status = claims["status"].value_counts().to_dict() if len(claims) else {}
    out = {"force": slug, "name": forces.display_name(slug), "documents": len(docs),
           "recommendations": int(prog["doc_id"].notna().sum()) if len(prog) else 0,
           "ratings": {str(k): int(v) for k, v in rated.items()}, "latest": latest,
           "last_published": docs["published"].max() if len(docs) else pd.NaT,
           "claims_checked": int(status.get("agrees", 0) + status.get("differs", 0)),
           "claims_differ": int(status.get("differs", 0)),
           "claims_not_found": int(status.get("not_found", 0)),
           "four_grade": bool(latest and latest["scale"] == "four")}
    for grade in ("good", "inadequate"):
        out[f"{grade}_shown"] = grade_shown(latest, grade)
    return out


def grade_shown(latest: dict | None, grade: str) -> str:
    """A grade as the index shows it: '11 (32%)', or what the report said ('about 42%, a share:
    no count given'); a four-grade share is marked."""
    if not latest:
        return MISSING
    hit = [g for g in latest["grades"] if g["grade"] == grade]
    if not hit:
        return MISSING
    g = hit[0]
    four = " (four-grade scale)" if latest["scale"] == "four" else ""
    if g["basis"] == "derived" and g["percent"] is not None:
        about = "about " if g["approximate"] else ""
        return f"{about}{g['percent']:g}%, a share: no count given{four}"
    if g["basis"] == "derived":
        return MISSING
    return f"{fmt_int(g['cases'])} ({fmt_pct(g['cases'] / latest['cases'])}){four}"


def headline_text(tables: dict, force: str, figures: dict | None = None) -> str:
    """Plain findings in a few sentences, written from the data (report.headline)."""
    from reportkit.report.headline import headline_text as text

    return text(tables, force)


# ---- sections of the force briefing -------------------------------------------------------------

CSS_CLASSES = ("rk-headline", "rk-meta", "rk-note", "rk-empty", "rk-cite", "rk-notes",
               "rk-differs")


def show_title(force: str, tables: dict | None = None):
    name = forces.display_name(forces.resolve(force))
    stamp = fmt_date(date.today())
    return _display(f"<h1>{esc(name)}: child protection inspections</h1>"
                    f'<p class="rk-meta">Briefing made {esc(stamp)} by reportkit from the '
                    f"inspection reports, press articles and commissioner letters listed at the "
                    f"end. Numbers in square brackets lead to the notes at the end: the "
                    f"document, page and words each figure comes from.</p>")


def show_headline(tables: dict, force: str):
    from reportkit.report.headline import headline_parts

    return _display(f'<p class="rk-headline">{parts_html(headline_parts(tables, force))}</p>')


GRADE_COLUMNS = {"published": ("Published", "month"), "kind": ("Report", "kind"),
                 "assessor_shown": ("Graded by", "text"), "subset_shown": ("Which cases", "text"),
                 "grade_shown": ("Grade", "text"), "cases_shown": ("Cases", "text"),
                 "n": ("Out of", "int"), "share_shown": ("Share", "text"),
                 "notes": ("Source", "cite")}
DERIVED_MARK = " (derived)"  # a count the document does not state: a remainder, or from a share


def _cases_shown(grades: pd.DataFrame) -> pd.Series:
    """The count as a reader should take it: stated counts as they are, derived ones marked."""
    marks = grades.get("basis", pd.Series("stated", index=grades.index)).eq("derived")
    return pd.Series([fmt_int(c) + (DERIVED_MARK if m else "")
                      for c, m in zip(grades["cases"], marks.fillna(False), strict=True)],
                     index=grades.index, dtype="string")


@per_tables
def grade_rows(tables: dict, force: str) -> pd.DataFrame:
    """The main view's grade counts with what was said and what was derived, and their notes."""
    from reportkit.analysis.comparison import compare, frame

    grades = compare(tables, force).grades
    grades = grades[grades["view"] == "main"].copy()
    raw = frame(tables, "case_grades", force)
    index = _index(tables, force)
    shown = [_grade_row(r, raw, index) for r in grades.itertuples()]
    return pd.concat([grades.reset_index(drop=True),
                      pd.DataFrame(shown, columns=["assessor_shown", "subset_shown",
                                                   "grade_shown", "cases_shown", "share_shown",
                                                   "notes"])], axis=1)


def _grade_row(r, raw: pd.DataFrame, index: dict) -> tuple:
    from reportkit.vocabulary import ASSESSOR_WORDS, SUBSET_WORDS

    mine = raw[(raw["doc_id"] == r.doc_id) & (raw["assessor"] == r.assessor)
               & (raw["subset"] == r.subset)]
    src = mine[mine["grade"] == r.grade] if r.grade != "not_stated" else mine
    notes = sorted(set(_quoted_notes(index, src)))
    percent = src["percent"].dropna()
    if r.grade == "not_stated":
        cases, grade = f"{fmt_int(r.cases)} (the rest of {fmt_int(r.n)})", "grade not given"
    elif r.basis == "derived" and len(percent):
        cases = f"{fmt_int(r.cases)} (derived from {percent.iloc[0]:g}% of {fmt_int(r.n)})"
        grade = words(r.grade, GRADE_WORDS)
    else:
        cases = fmt_int(r.cases) + (DERIVED_MARK if r.basis == "derived" else "")
        grade = words(r.grade, GRADE_WORDS)
    if r.grade == "not_stated":
        share = fmt_pct(r.share) + DERIVED_MARK  # the rest: no document states it
    else:
        share = f"{percent.iloc[0]:g}% (as stated)" if len(percent) else fmt_pct(r.share)
    return (words(r.assessor, ASSESSOR_WORDS), words(r.subset, SUBSET_WORDS), grade, cases,
            share, notes)


def show_comparison(tables: dict, force: str):
    """The verdict in words, then every grade count behind it, each with its source."""
    from reportkit.analysis.comparison import compare

    result = compare(tables, force)
    notes = "".join(para(f"Note: {n}.", "rk-note") for n in result.notes
                    if f"Note: {n}." not in result.verdict)
    return _display(para(result.verdict) + notes + table_html(
        grade_rows(tables, force), GRADE_COLUMNS,
        empty="No graded cases for this force in the corpus."))


def show_grade_chart(tables: dict, force: str):
    """The grades chart, with a caption saying where its figures come from."""
    from reportkit import charts

    rows = grade_rows(tables, force)
    nums = sorted({n for ns in rows["notes"] for n in ns}) if len(rows) else []
    four = bool((rows["scale"] == "four").any()) if len(rows) else False
    cap = ("Each bar is one set of graded cases in the table below." if len(rows) else "")
    if four:
        cap += (" Bars from 2014-15 reports use the four-grade scale, with 'adequate' between "
                "good and requires improvement; later reports use three grades.")
    return _display(figure_html(charts.grade_distribution(tables, force))
                    + _caption(cap, nums))


def _caption(text: str, nums) -> str:
    if not text and not nums:
        return ""
    src = f" Sources: {cite_html(nums)}" if nums else ""
    return f'<p class="rk-note">{esc(text)}{src}</p>'


PROGRESS_COLUMNS = {"number": ("No.", "int"), "text": ("Recommendation", "text"),
                    "due_shown": ("Due", "text"), "rating": ("Latest rating", "rating"),
                    "followup_published": ("Rated in", "month"), "notes": ("Source", "cite")}


@per_tables
def progress_rows(tables: dict, force: str) -> pd.DataFrame:
    from reportkit.analysis.progress import progress_table

    prog = progress_table(tables, force)
    index = _index(tables, force)
    prog["due_shown"] = [fmt_date(d, p) if p else MISSING
                         for d, p in zip(prog["due"], prog["due_precision"], strict=True)]
    prog["notes"] = [sorted(set(_notes(index, r.doc_id, r.page, r.quote)
                                + _notes(index, r.followup_doc_id, r.progress_page,
                                         r.progress_quote)))
                     for r in prog.itertuples()]
    return prog


def show_progress(tables: dict, force: str):
    """Every recommendation in full (texts are cut only in chart labels), due date, rating."""
    from reportkit.report.headline import progress_parts

    slug = forces.resolve(force)
    lead = parts_html(progress_parts(tables, slug, _index(tables, slug)))
    return _display(f"<p>{lead}</p>" + table_html(
        progress_rows(tables, slug), PROGRESS_COLUMNS,
        empty="No recommendations for this force in the corpus."))


def show_progress_chart(tables: dict, force: str):
    from reportkit import charts

    cap = "Each recommendation's rating is the latest follow-up's, quoted in the table below."
    return _cited_chart(charts.recommendation_progress(tables, force), progress_rows(tables, force),
                        cap)


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


TIMELINE_COLUMNS = {"published_shown": ("Published", "text"), "kind": ("Report", "kind"),
                    "fieldwork_shown": ("Fieldwork ended", "text"),
                    "fieldwork_to_publication": ("Fieldwork to publication", "text"),
                    "response_shown": ("Commissioner's formal response", "text"),
                    "publication_to_response": ("Publication to formal response", "text"),
                    "statement_shown": ("Commissioner's public statement", "text"),
                    "rule_shown": ("56-day limit", "text"), "notes": ("Source", "cite")}
CONFLICT_COLUMNS = {"report_shown": ("Report", "text"), "what": ("Date", "text"),
                    "a_shown": ("The report says", "text"), "b_shown": ("Another source says", "text"),
                    "notes": ("Source", "cite")}


@per_tables
def timeline_rows(tables: dict, force: str | None = None) -> pd.DataFrame:
    from reportkit.analysis.timeliness import lag_table
    from reportkit.vocabulary import RULE_WORDS

    t = lag_table(tables, force)
    index = _index(tables, force)
    t["published_shown"] = [fmt_date(v, p) for v, p in
                            zip(t["published"], t["published_precision"], strict=True)]
    t["fieldwork_shown"] = [fmt_date(v, p) for v, p in
                            zip(t["fieldwork_end"], t["fieldwork_precision"], strict=True)]
    t["response_shown"] = [fmt_date(v, p) if not _isna(v) else MISSING for v, p in
                           zip(t["response_published"], t["response_precision"], strict=True)]
    t["statement_shown"] = [fmt_date(v) if not _isna(v) else MISSING
                            for v in t["statement_published"]]
    t["publication_to_response"] = t["publication_to_response"].fillna(MISSING)
    t["rule_shown"] = t["rule_56_days"].map(lambda v: words(v, RULE_WORDS), na_action="ignore")
    t["notes"] = [_timeline_notes(tables, index, r) for r in t.itertuples()]
    return t


def _timeline_notes(tables: dict, index: dict, r) -> list[int]:
    from reportkit.analysis.comparison import frame

    ev = frame(tables, "events")
    wanted = {r.doc_id: ("published", "fieldwork_end"),
              r.response_doc_id: ("response_published",),
              r.statement_doc_id: ("response_published",)}
    out: set[int] = set(_notes(index, r.doc_id))  # a manifest's publication day
    for doc, names in wanted.items():
        if _isna(doc):
            continue
        out.update(_quoted_notes(index, ev[(ev["doc_id"] == doc) & ev["event"].isin(names)]))
    return sorted(out)


@per_tables
def conflict_rows(tables: dict, force: str | None = None) -> pd.DataFrame:
    from reportkit.analysis.conflicts import date_conflicts
    from reportkit.report.headline import source_words

    c = date_conflicts(tables, force)
    index = _index(tables, force)
    c["report_shown"] = [source_words(tables, d) for d in c["report_doc_id"]]
    c["a_shown"] = [fmt_date(d, p) for d, p in zip(c["a_date"], c["a_precision"], strict=True)]
    c["b_shown"] = [f"{fmt_date(d, p)} ({source_words(tables, s)})" for d, p, s in
                    zip(c["b_date"], c["b_precision"], c["b_doc_id"], strict=True)]
    c["notes"] = [_notes(index, r.a_doc_id, r.a_page, r.a_quote)
                  + _notes(index, r.b_doc_id, r.b_page, r.b_quote) for r in c.itertuples()]
    return c


def show_timeliness(tables: dict, force: str | None = None):
    """Each report's dates and lags (months as months, lags as ranges), the commissioner's formal
    response apart from statements, and any date two sources give differently."""
    t = timeline_rows(tables, force)
    cols = {"force": ("Force", "force"), **TIMELINE_COLUMNS} if force is None else TIMELINE_COLUMNS
    out = table_html(t, cols, empty="No dated reports for this force in the corpus.")
    if len(t):
        out += para("The response that counts is the commissioner's formal response (the "
                    "comments the law asks for, sent to the Home Secretary); a public statement "
                    "on the day is shown apart and is not counted.", "rk-note")
    conflicts = conflict_rows(tables, force)
    if len(conflicts):
        out += ("<h3>Dates the sources give differently</h3>"
                + para("Both are kept: the corpus cannot tell which is right.", "rk-note")
                + table_html(conflicts, CONFLICT_COLUMNS))
    return _display(out)


def show_timeline_chart(tables: dict, force: str):
    from reportkit import charts

    cap = "The dates drawn are those in the table below; a month shows as the whole month."
    return _cited_chart(charts.force_timeline(tables, force), timeline_rows(tables, force), cap)


def _cited_chart(fig, rows: pd.DataFrame, caption: str):
    """A chart with a caption citing the notes of the table rows it draws (none: no caption)."""
    nums = sorted({n for ns in rows["notes"] for n in ns}) if len(rows) else []
    return _display(figure_html(fig) + _caption(caption if len(rows) else "", nums))


CLAIM_COLUMNS = {"claim_shown": ("Said in", "text"), "claim_published": ("On", "date"),
                 "measure_shown": ("Figure", "text"), "claimed_shown": ("They said", "text"),
                 "report_shown": ("The report says", "text"), "status_shown": ("Check", "text"),
                 "notes": ("Source", "cite")}


@per_tables
def claim_rows(tables: dict, force: str) -> pd.DataFrame:
    """Every checked figure, disagreements first, in plain words, with both quotes' notes."""
    from reportkit.analysis.reconciliation import check_claims
    from reportkit.report.headline import measure_words, source_words
    from reportkit.vocabulary import CLAIM_STATUS_WORDS

    c = check_claims(tables, force)
    index = _index(tables, force)
    order = {"differs": 0, "agrees": 1, "not_found": 2}
    c = c.assign(_order=c["status"].map(order)).sort_values("_order", kind="stable")
    c = c.drop(columns="_order").reset_index(drop=True)
    c["measure_shown"] = c["measure"].map(measure_words, na_action="ignore")
    c["claim_shown"] = [source_words(tables, d).rsplit(" of ", 1)[0] for d in c["claim_doc_id"]]
    c["claimed_shown"] = _cases_shown(c.rename(columns={"claimed": "cases", "claim_basis": "basis"}))
    c["report_shown"] = c["report_value"].map(fmt_int, na_action="ignore").fillna(MISSING)
    c["status_shown"] = c["status"].map(lambda v: words(v, CLAIM_STATUS_WORDS))
    c["notes"] = [_notes(index, r.claim_doc_id, r.claim_page, r.claim_quote)
                  + _notes(index, r.report_doc_id, r.report_page, r.report_quote)
                  for r in c.itertuples()]
    return c


def show_claims(tables: dict, force: str):
    """Disagreements first and highlighted, then agreements, then what cannot be checked."""
    from reportkit.report.headline import press_parts

    c = claim_rows(tables, force)
    if c.empty:
        return _display(para("No press article or commissioner letter quotes figures.",
                             "rk-empty"))
    slug = forces.resolve(force)
    lead = f"<p>{parts_html(press_parts(tables, slug, _index(tables, slug)))}</p>"
    differ, agree = c[c["status"] == "differs"], c[c["status"] == "agrees"]
    unchecked = c[c["status"] == "not_found"]
    out = lead
    if len(differ):
        out += ('<div class="rk-differs"><h3>Figures that differ from the report</h3>'
                + table_html(differ, CLAIM_COLUMNS) + "</div>")
    if len(agree):
        out += "<h3>Figures that agree with the report</h3>" + table_html(agree, CLAIM_COLUMNS)
    if len(unchecked):
        out += ("<h3>Figures that cannot be checked</h3>"
                + para("The report they describe is not in the corpus, or it gives no such "
                       "figure: these neither agree nor differ.", "rk-note")
                + table_html(unchecked, CLAIM_COLUMNS))
    return _display(out)


SOURCE_COLUMNS = {"published_shown": ("Published", "text"), "kind_shown": ("Kind", "text"),
                  "title": ("Title", "text"), "pages": ("Pages", "int"), "path": ("File", "text")}


def show_sources(tables: dict, force: str | None = None):
    from reportkit.analysis.comparison import frame

    docs = frame(tables, "documents", force)
    docs = docs[docs["status"].astype("string").fillna("ok") != "error"].sort_values("published")
    genres = docs["genre"] if "genre" in docs else pd.Series(pd.NA, index=docs.index)
    from reportkit.report.headline import kind_words

    docs = docs.assign(kind_shown=[kind_words(k, g, t, p) for k, g, t, p in
                                   zip(docs["kind"], genres, docs["title"], docs["path"],
                                       strict=True)],
                       published_shown=[fmt_date(d, None if _isna(p) else p) for d, p in
                                        zip(docs["published"], docs["published_precision"],
                                            strict=True)])  # a month stays a month
    columns = SOURCE_COLUMNS  # with the original's address when `reportkit fetch` recorded one
    if "source_url" in docs and docs["source_url"].notna().any():
        columns = {**SOURCE_COLUMNS, "source_url": ("Original", "link")}
    return _display(table_html(docs, columns, empty="No sources."))


# ---- the other notebooks ------------------------------------------------------------------------

def show_page_title(title: str, subtitle: str | None = None):
    sub = f'<p class="rk-meta">{esc(subtitle)}</p>' if subtitle else ""
    return _display(f"<h1>{esc(title)}</h1>{sub}")


def resolve_force(force: str | None) -> str | None:
    """A force parameter as a slug; 'all' or empty means every force (None)."""
    if force is None or str(force).strip().lower() in ("", "all"):
        return None
    return forces.resolve(force)


CORPUS_COLUMNS = {"force": ("Force", "force"), "kind": ("Kind", "kind"),
                  "published_shown": ("Published", "text"), "pages": ("Pages", "int"),
                  "status": ("Status", "text"), "path": ("File", "text"),
                  "message": ("Notes", "text")}


def show_corpus(tables: dict):
    from reportkit.analysis.comparison import frame

    docs = frame(tables, "documents")
    counts = docs["status"].astype("string").value_counts().to_dict()
    states = ", ".join(f"{fmt_int(counts.get(s, 0))} {s}" for s in ("ok", "warning", "error"))
    lead = f"{fmt_int(len(docs))} documents: {states}."
    return _display(para(lead) + table_html(_with_published(docs).sort_values(
        ["force", "published"]), CORPUS_COLUMNS, empty="No documents extracted yet."))


def _with_published(docs: pd.DataFrame) -> pd.DataFrame:
    """A ``published_shown`` column: a date as precisely as the document gives it."""
    prec = docs["published_precision"] if "published_precision" in docs else pd.Series(
        pd.NA, index=docs.index)
    return docs.assign(published_shown=[fmt_date(d, None if _isna(p) else p)
                                        for d, p in zip(docs["published"], prec, strict=True)])


LOG_COLUMNS = {"status": ("Status", "text"), "path": ("File", "text"),
               "message": ("What happened", "text")}


def show_log(tables: dict):
    """Warnings and errors from the extraction log: what a reader should check by hand."""
    from reportkit.analysis.comparison import frame

    log = frame(tables, "extraction_log")
    log = log[log["status"].astype("string") != "ok"]
    return _display(table_html(log, LOG_COLUMNS, empty="Every file was read without a warning."))


def show_staleness(raw_dir, processed_dir):
    from reportkit.pipeline import is_stale

    if not Path(raw_dir).is_dir():
        return show_text(f"The raw folder {raw_dir} does not exist.")
    if is_stale(raw_dir, processed_dir):
        return show_text("The raw folder (or reportkit's extractor) changed since the last "
                         "extraction: run `reportkit extract` to bring the tables up to date.")
    return show_text("The tables are up to date with the raw folder.")


def corpus_chart(tables: dict):
    """Documents per force, stacked by kind."""
    from reportkit.charts import style

    with style.house_style():
        return _corpus_chart(tables)


def _corpus_chart(tables: dict):
    from reportkit.analysis.comparison import frame
    from reportkit.charts import style

    docs = frame(tables, "documents")
    docs = docs[docs["status"].astype("string") != "error"]
    fig, ax = style.figure(9, 1.6 + 0.35 * max(docs["force"].nunique(), 2))
    if docs.empty:
        ax.set_axis_off()
        return style.finish(fig, "No readable documents yet")
    table = docs.groupby(["force", "kind"], observed=True).size().unstack(fill_value=0)
    table.index = [force_name(f) for f in table.index]
    table = table.sort_index(ascending=False)
    colours = list(style.OKABE_ITO.values())[1:]
    table.plot.barh(stacked=True, ax=ax, color=colours[: len(table.columns)], width=0.7)
    # beside the bars, not over them: the longest bar would run under a legend inside the axes
    ax.legend([KIND_WORDS.get(k, k) for k in table.columns], loc="upper left", fontsize=8,
              bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.set_xlabel("Documents")
    ax.set_ylabel("")
    local = docs.loc[docs["force"] != "national", "force"].nunique()
    national = " and all forces" if (docs["force"] == "national").any() else ""
    return style.finish(fig, f"{fmt_int(len(docs))} readable documents about "
                        f"{fmt_int(local)} forces{national}")


def pick_document(tables: dict, doc: str | None = None) -> pd.Series:
    """A document by doc_id or path (relative to the raw folder); empty: the first graded PDF."""
    from reportkit.analysis.comparison import frame

    docs = frame(tables, "documents")
    if doc:
        hit = docs[(docs["doc_id"] == doc) | (docs["path"] == doc)]
        if hit.empty:
            raise LookupError(f"no document {doc!r} in the documents table: give a doc_id or a "
                              "path relative to the raw folder")
        return hit.iloc[0]
    graded = set(frame(tables, "case_grades")["doc_id"].dropna())
    pdfs = docs[(docs["format"] == "pdf") & docs["doc_id"].isin(graded)]
    pick = pdfs if len(pdfs) else docs
    if pick.empty:
        raise LookupError("the documents table is empty: run `reportkit extract` first")
    return pick.iloc[0]


DOC_COLUMNS = {"title": ("Title", "text"), "force": ("Force", "force"), "kind": ("Kind", "kind"),
               "published_shown": ("Published", "text"), "pages": ("Pages", "int"),
               "path": ("File", "text"), "doc_id": ("Id", "text")}


def show_document(doc: pd.Series):
    return _display(table_html(_with_published(pd.DataFrame([doc])), DOC_COLUMNS))


FIGURE_COLUMNS = {"table": ("Table", "text"), "what": ("Figure", "text"),
                  "value": ("Value", "text"), "page": ("Page", "int"), "quote": ("Quote", "text")}


def document_figures(tables: dict, doc_id: str) -> pd.DataFrame:
    """Every figure extracted from one document, with its page and quote."""
    from reportkit.analysis.comparison import frame

    rows = []
    for r in frame(tables, "case_grades").query("doc_id == @doc_id").itertuples():
        rows.append(("case grades", f"{r.assessor}, {r.subset}: {words(r.grade, GRADE_WORDS)}",
                     fmt_int(r.cases) if pd.notna(r.cases) else fmt_pct(_share(r.percent)),
                     r.page, r.quote))
    for r in frame(tables, "recommendations").query("doc_id == @doc_id").itertuples():
        rows.append(("recommendations", f"recommendation {fmt_int(r.number)}",
                     words(r.timescale), r.page, r.quote))
    for r in frame(tables, "progress").query("doc_id == @doc_id").itertuples():
        rows.append(("progress", f"recommendation {r.recommendation}",
                     words(r.rating, RATING_WORDS), r.page, r.quote))
    for r in frame(tables, "claims").query("doc_id == @doc_id").itertuples():
        rows.append(("claims", words(r.measure), fmt_int(r.value), r.page, r.quote))
    for r in frame(tables, "events").query("doc_id == @doc_id").itertuples():
        rows.append(("events", words(r.event), fmt_date(r.date, r.precision), r.page, r.quote))
    return pd.DataFrame(rows, columns=list(FIGURE_COLUMNS))


def _share(percent):
    return None if percent is None or _isna(percent) else float(percent) / 100


def show_figures(tables: dict, doc_id: str):
    return _display(table_html(document_figures(tables, doc_id), FIGURE_COLUMNS,
                               empty="No figures were extracted from this document."))


def show_snippets(tables: dict, doc: pd.Series, raw_dir, limit: int = 12):
    """Each figure's quote highlighted on its page (PDF), or marked in the quote (other formats)."""
    figs = document_figures(tables, doc["doc_id"]).dropna(subset=["quote"])
    figs = figs.drop_duplicates(["page", "quote"]).head(limit)
    path = Path(raw_dir) / str(doc["path"])
    parts = []
    for r in figs.itertuples():
        parts.append(f"<h3>{esc(r.what)} (page {esc(fmt_int(r.page))})</h3>")
        parts.append(_snippet(path, r, doc["format"]))
    return _display("".join(parts) or para("No quotes to show."))


def _snippet(path: Path, r, fmt) -> str:
    if fmt == "pdf" and path.is_file() and pd.notna(r.page):
        from reportkit.charts.plots import evidence_snippet

        try:
            return figure_html(evidence_snippet(path, int(r.page), str(r.quote)))
        except LookupError as exc:
            return para(f"Not highlighted: {exc}", "rk-note")
    return f"<p><mark>{esc(r.quote)}</mark></p>"


CHANGE_COLUMNS = {"view": ("View", "text"), "grade": ("Grade", "grade"),
                  "baseline_cases": ("Baseline cases", "text"), "baseline_n": ("of", "int"),
                  "baseline_share": ("Baseline share", "pct"),
                  "followup_cases": ("Follow-up cases", "text"), "followup_n": ("of", "int"),
                  "followup_share": ("Follow-up share", "pct"),
                  "change_points": ("Change (points)", "int"),
                  "fisher_p": ("p (Fisher's exact test)", "text")}
MAPPING_COLUMNS = {"scale": ("Scale", "text"), "grade": ("Grade in the report", "grade"),
                   "main": ("Main view", "grade"),
                   "adequate_as_good": ("Adequate as good", "grade"),
                   "adequate_as_ri": ("Adequate as requires improvement", "grade")}


def show_changes(tables: dict, force: str):
    """The change in each view, so a reader sees whether the verdict depends on 'adequate'."""
    from reportkit.analysis.comparison import compare, p_text

    ch = compare(tables, force).changes.copy()
    if len(ch):
        ch["view"] = ch["view"].map(VIEW_WORDS)
        ch["change_points"] = ch["change_points"].round()
        ch["fisher_p"] = ch["fisher_p"].map(p_text)
        for side in ("baseline", "followup"):  # a count the report does not state, marked
            ch[f"{side}_cases"] = [fmt_int(k) + (DERIVED_MARK if b == "derived" else "")
                                   for k, b in zip(ch[f"{side}_cases"], ch[f"{side}_basis"],
                                                   strict=True)]
    return _display(table_html(ch, CHANGE_COLUMNS,
                               empty="No baseline and follow-up with graded cases to compare."))


def show_mapping():
    from reportkit.analysis.comparison import grade_mapping

    return _display(table_html(grade_mapping(), MAPPING_COLUMNS))


NATIONAL_COLUMNS = {"name": ("Force", "text"), "baseline_shown": ("Baseline report", "text"),
                    "baseline_good_shown": ("Good at baseline", "text"),
                    "baseline_inadequate_shown": ("Inadequate at baseline", "text"),
                    "follow_up_shown": ("Latest follow-up", "text"),
                    "follow_up_good_shown": ("Good at follow-up", "text"),
                    "follow_up_inadequate_shown": ("Inadequate at follow-up", "text"),
                    "progress_shown": ("Recommendations", "text"),
                    "fieldwork_to_publication": ("Fieldwork to publication", "text"),
                    "notes": ("Source", "cite")}
FOUR_MARK = " (four grades)"  # a share from the 2014-15 scale, where 'adequate' is apart


def _share_shown(row: pd.Series, stage: str, grade: str) -> str:
    from reportkit.analysis.national import COMBINED

    share = row.get(f"{stage}_{grade}_share")
    four = FOUR_MARK if str(row.get(f"{stage}_scale")) == "four" else ""  # the scale may be NA
    said = row.get(f"{stage}_{grade}_percent")
    if not _isna(said):  # the report gives a share, not a count: show what it said
        return f"{float(said):g}% (as the report states it){four}"
    if not _isna(share):
        return fmt_pct(share) + four
    combined = row.get(f"{stage}_{COMBINED}_share")
    if grade == "inadequate" and not _isna(combined):
        how = ("derived: the two grades added" if str(row.get(f"{stage}_{COMBINED}_basis")) ==
               "derived" else "the only figure given")
        return f"{fmt_pct(combined)} requires improvement or inadequate ({how})"
    return MISSING


@per_tables
def national_rows(tables: dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The overview table in words, and the notes it cites (numbered on this page)."""
    from reportkit.analysis.citations import citation_table, note_index
    from reportkit.analysis.comparison import frame
    from reportkit.analysis.national import national_grades, national_summary

    summary = national_summary(tables)
    notes = citation_table(tables)
    index = note_index(notes)
    raw = frame(tables, "case_grades")
    used: list[int] = []
    grades = national_grades(tables)
    cites = []
    thematic = raw[raw["doc_id"].isin(set(grades_thematic(tables)["doc_id"]))]
    used += _quoted_notes(index, thematic)
    for r in summary.itertuples():
        mine = grades[grades["force"] == r.force][["doc_id", "subset"]].drop_duplicates()
        nums: list[int] = []
        for g in mine.itertuples():
            src = raw[(raw["doc_id"] == g.doc_id) & (raw["subset"] == g.subset)
                      & (raw["assessor"] == "inspectorate")]
            nums += _quoted_notes(index, src)
        cites.append(sorted(set(nums)))
        used += nums
    for stage in ("baseline", "follow_up"):
        for grade in ("good", "inadequate"):
            summary[f"{stage}_{grade}_shown"] = [_share_shown(row, stage, grade)
                                                 for _, row in summary.iterrows()]
        summary[f"{stage}_shown"] = [
            MISSING if _isna(n) else f"{fmt_date(p, 'month')}, {fmt_int(n)} cases"
            for n, p in zip(summary[f"{stage}_n"], summary[f"{stage}_published"], strict=True)]
    summary["progress_shown"] = [
        f"{fmt_int(r.recommendations)}: {fmt_int(r.followed_up)} followed up, "
        f"{fmt_int(r.no_progress)} no progress" if r.followed_up else
        f"{fmt_int(r.recommendations)}: none followed up in the corpus"
        for r in summary.itertuples()]
    summary["fieldwork_to_publication"] = summary["fieldwork_to_publication"].fillna(MISSING)
    # this page numbers its own notes, in the order the table cites them
    local = {n: i + 1 for i, n in enumerate(dict.fromkeys(used))}
    summary["notes"] = [[local[n] for n in ns] for ns in cites]
    page_notes = notes[notes["note"].isin(local)].copy()
    page_notes["note"] = page_notes["note"].map(local)
    return summary, page_notes.sort_values("note")


def grades_thematic(tables: dict) -> pd.DataFrame:
    from reportkit.analysis.national import thematic_figures

    return thematic_figures(tables)


def thematic_parts(tables: dict) -> list[tuple[str, list[int]]]:
    """What the national thematic itself states, never rebuilt from the forces' reports; on the
    national page its quote is note 1."""
    t = grades_thematic(tables)
    if t.empty:
        return []
    first = t.iloc[0]
    grades = ", ".join(f"{fmt_int(r.cases)} {words(r.grade, GRADE_WORDS)} ({fmt_pct(r.share)})"
                       for r in t.itertuples() if r.grade != "not_stated")
    scale = " on the four-grade scale" if first["scale"] == "four" else ""
    return [(f"The national thematic report of {fmt_date(first['published'], 'month')} states "
             f"its own pooled figures{scale}: of {fmt_int(first['n'])} cases, {grades}.",
             [1])]


def show_national(tables: dict):
    """The thematic's own figures, then every force side by side, with this page's notes."""
    summary, notes = national_rows(tables)
    out = ""
    lead = thematic_parts(tables)
    if lead:
        out += f"<p>{parts_html(lead)}</p>"
    if len(summary):
        out += para(f"{fmt_int(len(summary))} forces have documents in the corpus. Shares "
                    "marked 'four grades' come from 2014-15 reports, which graded 'adequate' "
                    "apart from good and requires improvement; fieldwork-to-publication lags are "
                    "ranges where a date is known only to the month or year.", "rk-note")
    out += table_html(summary, NATIONAL_COLUMNS, empty="No force has documents in the corpus.")
    if len(notes):
        items = "".join(note_html(r) for r in notes.itertuples())
        out += f'<h3>Notes</h3><ol class="rk-notes">{items}</ol>'
    return _display(out)
