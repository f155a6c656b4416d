"""What the notebooks call to write prose and show tables: a briefing, not a notebook dump.

Every string that may come from a document (titles, quotes, recommendation text, paths) passes
through ``esc()`` before it reaches HTML: briefings are emailed to people who did not make them.
The ``show_*`` helpers return IPython display objects, so a notebook cell is one call.
"""
from __future__ import annotations

import base64
import html
import io
import logging
import warnings
from datetime import date
from pathlib import Path

import pandas as pd

from reportkit import config, forces
from reportkit.vocabulary import (  # the words for codes and dates, under the names notebooks use
    GRADE_WORDS,
    KIND_WORDS,
    MISSING,
    RATING_WORDS,
    VIEW_WORDS,
    document_words,
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
        cells = "".join(f'<td class="{_cell_class(kind)}">'
                        f"{esc(FORMATTERS[kind](r.get(col)))}</td>"
                        for col, (_, kind) in columns.items())
        rows.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{esc(caption)}</caption>" if caption else ""
    more = ""
    if max_rows is not None and len(df) > max_rows:
        more = f'<p class="rk-note">Showing {max_rows} of {fmt_int(len(df))} rows.</p>'
    return (f'<table class="rk-table">{cap}<thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table>{more}')


def _cell_class(kind: str) -> str:
    return {"int": "num", "pct": "num", "date": "date", "month": "date"}.get(kind, "")


def para(text: str, cls: str = "") -> str:
    return f'<p class="{esc(cls)}">{esc(text)}</p>' if cls else f"<p>{esc(text)}</p>"


def figure_html(fig, alt: str | None = None, dpi: int = 100) -> str:
    """A matplotlib figure as an embedded PNG sized for a laptop; the figure is then closed."""
    import matplotlib.pyplot as plt

    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    plt.close(fig)
    title = alt or (fig._suptitle.get_text() if getattr(fig, "_suptitle", None) else "Chart")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    return (f'<figure class="rk-chart"><img src="data:image/png;base64,{data}" '
            f'alt="{esc(title)}"></figure>')


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


# ---- headline figures ---------------------------------------------------------------------------

def latest_grades(tables: dict, force: str) -> dict | None:
    """The latest inspectorate grading of a force's cases (its headline subset, main view)."""
    from reportkit.analysis.comparison import grade_table, headline_subset

    grades = grade_table(tables, force, views=("main",))
    mine = grades[grades["assessor"] == "inspectorate"].dropna(subset=["n"])
    if mine.empty:
        return None
    doc = mine.sort_values(["published", "doc_id"], kind="stable")["doc_id"].iloc[-1]
    subset = headline_subset(grades, doc)
    rows = mine[(mine["doc_id"] == doc) & (mine["subset"] == subset)]
    counts = dict(zip(rows["grade"], rows["cases"]))
    first = rows.iloc[0]
    return {"doc_id": doc, "kind": first["kind"], "published": first["published"],
            "subset": subset, "cases": float(first["n"]), "counts": counts,
            "good": counts.get("good"), "inadequate": counts.get("inadequate")}


def headline_figures(tables: dict, force: str) -> dict:
    """The few numbers a reader looks for first; also what the index lists."""
    from reportkit.analysis.comparison import frame
    from reportkit.analysis.progress import progress_table

    slug = forces.resolve(force)
    docs = frame(tables, "documents", slug)
    docs = docs[docs["status"].astype("string") != "error"]
    latest = latest_grades(tables, slug)
    prog = progress_table(tables, slug)
    rated = prog["rating"].value_counts().to_dict() if len(prog) else {}
    out = {"force": slug, "name": forces.display_name(slug), "documents": len(docs),
           "recommendations": int(prog["doc_id"].notna().sum()) if len(prog) else 0,
           "ratings": {str(k): int(v) for k, v in rated.items()}, "latest": latest,
           "last_published": docs["published"].max() if len(docs) else pd.NaT}
    return out


def headline_text(tables: dict, force: str, figures: dict | None = None) -> str:
    """Plain findings in two to four sentences, written from the data."""
    f = figures or headline_figures(tables, force)
    name = f["name"]
    if not f["documents"]:
        return f"The corpus holds no readable document about {name}."
    parts = []
    latest = f["latest"]
    if latest:
        n = latest["cases"]
        when = fmt_date(latest["published"], "month")
        what = KIND_WORDS.get(str(latest["kind"]), "report")
        grades = [f"{fmt_int(c)} {GRADE_WORDS.get(g, g)}"
                  + (f" ({fmt_pct(c / n)})" if g == "good" and n else "")
                  for g, c in _ordered(latest["counts"])]
        parts.append(f"In the latest graded report on {name}, the {what} of {when}, the "
                     f"inspectorate graded {fmt_int(n)} cases: {', '.join(grades)}.")
    else:
        parts.append(f"No report on {name} in the corpus grades cases.")
    parts.append(_baseline_sentence(tables, f["force"]))
    parts.append(_progress_sentence(f))
    return " ".join(p for p in parts if p)


def _ordered(counts: dict) -> list[tuple[str, float]]:
    from reportkit.analysis.comparison import ORDER

    return [(g, counts[g]) for g in ORDER if g in counts]


def _baseline_sentence(tables: dict, slug: str) -> str:
    from reportkit.analysis.comparison import compare

    ch = compare(tables, slug).changes
    if ch is None or ch.empty:
        return ""
    r = ch[(ch["view"] == "main") & (ch["grade"] == "good")]
    if r.empty:
        return ""
    r = r.iloc[-1]
    verdict = ("a change unlikely to be chance alone" if r["fisher_p"] < 0.05 else
               "too few cases to tell the change apart from chance")
    return (f"At the baseline inspection {fmt_int(r['baseline_cases'])} of "
            f"{fmt_int(r['baseline_n'])} cases ({fmt_pct(r['baseline_share'])}) were good, "
            f"against {fmt_pct(r['followup_share'])} at follow-up: {verdict}.")


def _progress_sentence(f: dict) -> str:
    total = f["recommendations"]
    if not total:
        return "The corpus records no recommendations for the force."
    rated = {k: v for k, v in f["ratings"].items() if k != "not_followed_up" and v}
    if not rated:
        return f"The reports made {fmt_int(total)} recommendations; none has been followed up yet."
    from reportkit.tables import schema

    parts = ", ".join(f"{fmt_int(rated[k])} {RATING_WORDS[k]}"
                      for k in schema.RATINGS if k in rated)
    waiting = f["ratings"].get("not_followed_up", 0)
    tail = f"; {fmt_int(waiting)} not followed up yet" if waiting else ""
    return f"Of {fmt_int(total)} recommendations, the follow-up rated {parts}{tail}."


# ---- sections of the force briefing -------------------------------------------------------------

CSS_CLASSES = ("rk-headline", "rk-meta", "rk-note", "rk-empty")


def show_title(force: str, tables: dict | None = None):
    name = forces.display_name(forces.resolve(force))
    stamp = fmt_date(date.today())
    return _display(f"<h1>{esc(name)}: child protection inspections</h1>"
                    f'<p class="rk-meta">Briefing made {esc(stamp)} by reportkit from the '
                    f"inspection reports, press articles and commissioner letters listed at the "
                    f"end.</p>")


def show_headline(tables: dict, force: str):
    return _display(f'<p class="rk-headline">{esc(headline_text(tables, force))}</p>')


GRADE_COLUMNS = {"published": ("Published", "month"), "kind": ("Report", "kind"),
                 "assessor": ("Graded by", "text"), "subset": ("Cases", "text"),
                 "grade": ("Grade", "grade"), "cases_shown": ("Cases graded", "text"),
                 "n": ("Out of", "int"), "share": ("Share", "pct")}
DERIVED_MARK = " (derived)"  # a count the document does not state: a remainder, or from a share


def _cases_shown(grades: pd.DataFrame) -> pd.Series:
    """The count as a reader should take it: stated counts as they are, derived ones marked."""
    marks = grades.get("basis", pd.Series("stated", index=grades.index)).eq("derived")
    return pd.Series([fmt_int(c) + (DERIVED_MARK if m else "")
                      for c, m in zip(grades["cases"], marks.fillna(False), strict=True)],
                     index=grades.index, dtype="string")


def show_comparison(tables: dict, force: str):
    """The verdict in words, then every grade count behind it."""
    from reportkit.analysis.comparison import compare

    result = compare(tables, force)
    grades = result.grades[result.grades["view"] == "main"].copy()
    grades["subset"] = grades["subset"].astype("string").str.replace("_", " ")
    grades["cases_shown"] = _cases_shown(grades)
    notes = "".join(para(f"Check: {n}.", "rk-note") for n in result.notes
                    if f"Check: {n}." not in result.verdict)
    return _display(para(result.verdict) + notes + table_html(
        grades, GRADE_COLUMNS, empty="No graded cases for this force in the corpus."))


PROGRESS_COLUMNS = {"number": ("No.", "int"), "text": ("Recommendation", "text"),
                    "due": ("Due", "date"), "rating": ("Latest rating", "rating"),
                    "followup_published": ("Rated in", "month")}


def show_progress(tables: dict, force: str):
    from reportkit.analysis.progress import progress_table

    prog = progress_table(tables, force)
    counts = {str(k): int(v) for k, v in prog["rating"].value_counts().items()}
    lead = _progress_sentence({"recommendations": int(prog["doc_id"].notna().sum()),
                               "ratings": counts})
    prog["text"] = prog["text"].astype("string").map(_shorten, na_action="ignore")
    return _display(para(lead) + table_html(
        prog, PROGRESS_COLUMNS, empty="No recommendations for this force in the corpus."))


def _shorten(text: str, limit: int = 240) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


TIMELINE_COLUMNS = {"published": ("Published", "text"), "kind": ("Report", "kind"),
                    "fieldwork_end": ("Fieldwork ended", "text"),
                    "fieldwork_to_publication": ("Fieldwork to publication", "text"),
                    "response_published": ("Commissioner responded", "date"),
                    "publication_to_response": ("Publication to response", "text"),
                    "rule_56_days": ("56-day limit", "text")}


def show_timeliness(tables: dict, force: str | None = None):
    from reportkit.analysis.timeliness import lag_table

    t = lag_table(tables, force)
    for col, prec in (("published", "published_precision"),
                      ("fieldwork_end", "fieldwork_precision")):
        t[col] = [fmt_date(v, p) for v, p in zip(t[col], t[prec], strict=True)]
    t["rule_56_days"] = t["rule_56_days"].map(lambda v: words(v), na_action="ignore")
    if force is None:
        cols = {"force": ("Force", "force"), **TIMELINE_COLUMNS}
    else:
        cols = TIMELINE_COLUMNS
    return _display(table_html(t, cols, empty="No dated reports for this force in the corpus."))


CLAIM_COLUMNS = {"claim_shown": ("Said in", "text"), "claim_published": ("On", "date"),
                 "measure": ("Figure", "text"), "claimed_shown": ("They said", "text"),
                 "report_value": ("The report says", "int"), "status": ("Check", "text"),
                 "claim_quote": ("Their words", "text")}


def show_claims(tables: dict, force: str):
    from reportkit.analysis.reconciliation import check_claims

    c = check_claims(tables, force)
    c["measure"] = c["measure"].map(lambda v: words(v), na_action="ignore")
    c["claim_shown"] = [document_words(k, g) for k, g in zip(c["claim_kind"], c["claim_genre"],
                                                             strict=True)]
    c["claimed_shown"] = _cases_shown(c.rename(columns={"claimed": "cases", "claim_basis": "basis"}))
    c["status"] = c["status"].map({"agrees": "agrees", "differs": "DIFFERS",
                                   "not_found": "not in the report"}, na_action="ignore")
    differ = int((c["status"] == "DIFFERS").sum()) if len(c) else 0
    lead = (f"{fmt_int(len(c))} figures quoted by the press or the commissioner were checked "
            f"against the report they describe; {fmt_int(differ)} differ." if len(c) else "")
    return _display((para(lead) if lead else "") + table_html(
        c, CLAIM_COLUMNS, empty="No press article or commissioner letter quotes figures."))


SOURCE_COLUMNS = {"published": ("Published", "date"), "kind_shown": ("Kind", "text"),
                  "title": ("Title", "text"), "pages": ("Pages", "int"), "path": ("File", "text")}


def show_sources(tables: dict, force: str | None = None):
    from reportkit.analysis.comparison import frame

    docs = frame(tables, "documents", force)
    docs = docs[docs["status"].astype("string") != "error"].sort_values("published")
    genres = docs["genre"] if "genre" in docs else pd.Series(pd.NA, index=docs.index)
    docs = docs.assign(kind_shown=[document_words(k, g) for k, g in zip(docs["kind"], genres,
                                                                          strict=True)])
    return _display(table_html(docs, SOURCE_COLUMNS, empty="No sources."))


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
                  "published": ("Published", "date"), "pages": ("Pages", "int"),
                  "status": ("Status", "text"), "path": ("File", "text"),
                  "message": ("Notes", "text")}


def show_corpus(tables: dict):
    from reportkit.analysis.comparison import frame

    docs = frame(tables, "documents")
    counts = docs["status"].astype("string").value_counts().to_dict()
    states = ", ".join(f"{fmt_int(counts.get(s, 0))} {s}" for s in ("ok", "warning", "error"))
    lead = f"{fmt_int(len(docs))} documents: {states}."
    return _display(para(lead) + table_html(docs.sort_values(["force", "published"]),
                                            CORPUS_COLUMNS, empty="No documents extracted yet."))


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
               "published": ("Published", "date"), "pages": ("Pages", "int"),
               "path": ("File", "text"), "doc_id": ("Id", "text")}


def show_document(doc: pd.Series):
    return _display(table_html(pd.DataFrame([doc]), DOC_COLUMNS))


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
                  "baseline_cases": ("Baseline cases", "int"), "baseline_n": ("of", "int"),
                  "baseline_share": ("Baseline share", "pct"),
                  "followup_cases": ("Follow-up cases", "int"), "followup_n": ("of", "int"),
                  "followup_share": ("Follow-up share", "pct"),
                  "change_points": ("Change (points)", "int"), "fisher_p": ("p (Fisher)", "text")}
MAPPING_COLUMNS = {"scale": ("Scale", "text"), "grade": ("Grade in the report", "grade"),
                   "main": ("Main view", "grade"),
                   "adequate_as_good": ("Adequate as good", "grade"),
                   "adequate_as_ri": ("Adequate as requires improvement", "grade")}


def show_changes(tables: dict, force: str):
    """The change in each view, so a reader sees whether the verdict depends on 'adequate'."""
    from reportkit.analysis.comparison import compare

    ch = compare(tables, force).changes.copy()
    if len(ch):
        ch["view"] = ch["view"].map(VIEW_WORDS)
        ch["change_points"] = ch["change_points"].round()
        ch["fisher_p"] = ch["fisher_p"].map(lambda p: f"{p:.2f}")
    return _display(table_html(ch, CHANGE_COLUMNS,
                               empty="No baseline and follow-up with graded cases to compare."))


def show_mapping():
    from reportkit.analysis.comparison import grade_mapping

    return _display(table_html(grade_mapping(), MAPPING_COLUMNS))


NATIONAL_COLUMNS = {"name": ("Force", "text"), "baseline_n": ("Baseline cases", "int"),
                    "baseline_good_share": ("Good at baseline", "pct"),
                    "follow_up_n": ("Follow-up cases", "int"),
                    "follow_up_good_share": ("Good at follow-up", "pct"),
                    "follow_up_inadequate_share": ("Inadequate at follow-up", "pct"),
                    "recommendations": ("Recommendations", "int"),
                    "no_progress": ("No progress", "int"),
                    "median_fieldwork_to_publication_days": ("Median days to publish", "int")}


def show_national(tables: dict):
    from reportkit.analysis.national import national_summary

    summary = national_summary(tables)
    if len(summary):
        summary["median_fieldwork_to_publication_days"] = pd.to_numeric(
            summary["median_fieldwork_to_publication_days"]).round()
    lead = (f"{fmt_int(len(summary))} forces have documents in the corpus." if len(summary)
            else "")
    return _display((para(lead) if lead else "") + table_html(
        summary, NATIONAL_COLUMNS, empty="No force has documents in the corpus."))
