"""Case grades: how many audited cases were good, adequate, requires improvement or inadequate.

Reports state them in prose ("Of these, 11 were good, 20 required improvement and three were
inadequate"), in parentheses ("(11 good, 8 requires improvement, 14 inadequate)"), as a subset
("five of the seven cases ... required improvement"), as percentages and in tables, whose rows the
reader gives as lines ("Good 11"). Figures are recorded as stated: a sum that misses its stated
total keeps both numbers and raises a warning rather than being "fixed".
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportkit.extract.counts import COUNT, has_count, parse_count
from reportkit.extract.dates import find_dates
from reportkit.extract.sentences import Span, lines, sentences, window
from reportkit.read.document import Document
from reportkit.vocabulary import GRADES

GRADE_RE = re.compile(
    r"\b(?P<g>(?:requir(?:es|ed|ing|e)|needs?|needed)\s+improvement\s+or\s+(?:(?:was|were)\s+)?"
    r"inadequate|outstanding|good|adequate|inadequate"
    r"|(?:requir(?:es|ed|ing|e)|needs?|needed|needing)\s+(?:some\s+)?improvement)\b"
    r"(?!\s+(?:practice|progress|example|work|amount|quality|reason|start|understanding|and\s+"
    r"improving))", re.I)
_NUM_RE = re.compile(rf"\b(?P<n>{COUNT})\b(?P<pc>\s*(?:per\s*cent|percent|%))?", re.I)
_OF_RE = re.compile(
    rf"\b(?P<a>{COUNT})\s+(?:\(\d+\s*(?:per\s*cent|%)\)\s+)?(?:out\s+)?of\s+(?:the\s+|these\s+|those\s+"
    rf"|its\s+|all\s+)?(?P<b>{COUNT})\b", re.I)
_TOTAL_RE = re.compile(
    rf"(?:\b(?P<n>{COUNT})(?!\s*(?:per\s*cent|percent|%))\s+(?:[\w'-]+\s+){{0,5}}?(?:cases|case\s+files|referrals|investigations)\b"
    rf"|\bsample\s+of\s+(?P<s>{COUNT})\b)", re.I)
_TOTAL_WORDS = ("case", "referral", "investigation", "sample")  # one is in every _TOTAL_RE match
_CASE_WORDS = re.compile(r"\b(cases?|graded|grading|assessed|judged|rated|audit\w*|sample)\b", re.I)
_CARRY = re.compile(r"^\W*(?:of\s+(?:these|those|them|the\s+\w+)|these|in\s+these|the\s+same)\b", re.I)
_GENERAL = re.compile(r"\bof\s+(?:all\s+)?(?:the\s+)?cases\b", re.I)  # about every case, not the last set
_SUBSETS = [
    ("custody", re.compile(r"custody|\bdetain|\bdetention", re.I)),
    ("cse", re.compile(r"sexual(?:ly)?\s+exploit|\bCSE\b", re.I)),
    ("missing", re.compile(r"\bmissing\b", re.I)),
    ("care_home", re.compile(r"care\s+homes?", re.I)),
    ("further", re.compile(r"\bin\s+addition\s+to\b|\b(?:further|additional|another|other)\s+"
                           r"(?:\w+\s+){0,3}?cases", re.I)),
    ("audit", re.compile(r"\baudit|\bown\s+assess|self-assess|re-?grad|the\s+same\s+(?:\w+\s+){0,2}?cases", re.I)),
]
_FORCE_CUE = re.compile(
    r"\b(?:own\s+assessors?|force\s+assessors?|its\s+assessors?|self-assess\w*|force'?s\s+own\s+(?:assessment|grading|"
    r"audit\w*)|the\s+force\s+(?:had\s+)?(?:graded|assessed|rated|judged)|(?:graded|assessed|rated)"
    r"\s+by\s+the\s+force)", re.I)
# Weak: "the force had audited" names the force's work, and its grading only when no one else grades
_WEAK_FORCE_CUE = re.compile(r"\bthe\s+force\s+(?:had\s+|has\s+)?audited\b", re.I)
_INSP_CUE = re.compile(
    r"\b(?:HMICFRS|HMIC|inspectors?|inspectorate|we\s+(?:graded|assessed|found|judged)|re-?grad\w*)\b",
    re.I)
_ROW_RE = re.compile(
    r"^(?P<label>outstanding|good|adequate|inadequate|requires?\s+improvement|total|all\s+cases)"
    r"\s*[:|]?\s+(?P<nums>(?:(?:\d+(?:\.\d+)?\s*%?|-)\s*){1,4})$", re.I)
_COL_RE = re.compile(
    r"\b(?P<force>force|self)|\b(?P<insp>HMICFRS|HMIC|inspectors?|inspectorate)|(?P<pc>%|per\s*cent"
    r"|percentage)|\b(?P<n>number(?:\s+of\s+cases)?|cases|count|n)\b", re.I)
# A combined "requires improvement or inadequate" count is a figure of its own: claims always keep
# it; the case_grades table keeps it once schema.GRADES allows it (its validation would refuse it).
COMBINED = "requires_improvement_or_inadequate"
SUBSET_CUES = tuple(s for s, _ in _SUBSETS)
# Every GRADE_RE match holds one of these: a substring test rules out most sentences at once.
_GRADE_WORDS = ("good", "adequate", "outstanding", "improvement")


def has_grade_word(text: str) -> bool:
    """False when ``text`` cannot hold a grade (a cheap filter to run before GRADE_RE)."""
    low = text.lower()
    return any(w in low for w in _GRADE_WORDS)


@dataclass
class _Context:
    """What the previous sentences said about the case set the next figures belong to."""

    total: int | None = None
    subset: str = "all"
    assessor: str = "inspectorate"
    total_quote: str | None = None


def grade_slug(word: str) -> str:
    word = word.lower()
    if "improvement" in word:
        return "requires_improvement_or_inadequate" if "inadequate" in word else "requires_improvement"
    return word


def _subset(text: str) -> str | None:
    return next((slug for slug, rx in _SUBSETS if rx.search(text)), None)


def _assessor(text: str, pos: int, lo: int = 0) -> str | None:
    """Who graded the figure at ``pos``: the last cue since the previous figure (``lo``), else the
    sentence's first cue (its subject), else a weak cue."""
    cues = sorted([(m.start(), "force") for m in _FORCE_CUE.finditer(text)]
                  + [(m.start(), "inspectorate") for m in _INSP_CUE.finditer(text)])
    near = [c for c in cues if lo <= c[0] < pos]
    if near:
        return near[-1][1]
    if cues:
        return cues[0][1]
    return "force" if _WEAK_FORCE_CUE.search(text) else None


def _numbers(text: str) -> list[tuple[int, int, int, bool]]:
    """(start, end, value, is_percent) of counts in ``text``, leaving out dates and references."""
    dates = [d.span for d in find_dates(text)]
    out = []
    for m in _NUM_RE.finditer(text):
        if any(a <= m.start() < b for a, b in dates):
            continue
        if re.search(r"(?:recommendation|paragraph|para|section|page|figure|table|chapter)\s*$",
                     text[max(0, m.start() - 16):m.start()], re.I):
            continue
        value = parse_count(m.group("n"))
        if value is not None:
            out.append((m.start(), m.end(), value, bool(m.group("pc"))))
    return out


def _pairs(text: str) -> list[tuple[re.Match[str], tuple[int, int, int, bool]]]:
    """Pair each grade word with its figure: count-then-grade or grade-then-count, per sentence."""
    grades = list(GRADE_RE.finditer(text))
    nums = _numbers(text)
    before, after = [], []
    for i, g in enumerate(grades):
        lo = grades[i - 1].end() if i else 0
        hi = grades[i + 1].start() if i + 1 < len(grades) else len(text)
        prev = [n for n in nums if lo <= n[0] and n[1] <= g.start() and g.start() - n[1] <= 45]
        nxt = [n for n in nums if g.end() <= n[0] < hi and n[0] - g.end() <= 25]
        if prev and not re.search(r"[.;]", text[prev[-1][1]:g.start()]):
            before.append((g, prev[-1]))
        if nxt and re.fullmatch(r"[\s:|(]*(?:in\s+)?(?:(?:about|around|some|nearly|almost|over)\s+)?",
                                text[g.end():nxt[0][0]], re.I):
            after.append((g, nxt[0]))
    return before if len(before) >= len(after) else after


@dataclass
class Figure:
    """A grade figure as stated: cases or percent, the set's total, and the quotes for both."""

    grade: str
    cases: int | None
    percent: float | None
    total: int | None
    subset: str
    assessor: str
    quote: str
    total_quote: str | None = None
    pos: int = 0  # offset on the page, to keep figures in reading order


def _sentence_rows(page: str, span: Span, ctx: _Context) -> list[Figure]:
    text = span.text
    of_match = _OF_RE.search(text)
    grades = list(GRADE_RE.finditer(text))
    total = _total(text, of_match)
    # "Of these ...", no new total, or the same total again: the figures belong to the last set
    carried = bool(_CARRY.search(text)) or total == ctx.total or (
        total is None and not _GENERAL.search(text))
    subset = _subset(text) or (ctx.subset if carried else "all")
    total_quote = span.text if total is not None else (ctx.total_quote if carried else None)
    total = total if total is not None else (ctx.total if carried else None)
    if of_match and len(grades) == 1:
        a, b = parse_count(of_match.group("a")), parse_count(of_match.group("b"))
        if a is not None and b is not None and a <= b and _CASE_WORDS.search(text):
            assessor = _assessor(text, grades[0].start()) or ctx.assessor
            quote = window(page, span, (span.start + of_match.start(), span.start + grades[0].end()))
            return [Figure(grade_slug(grades[0].group("g")), a, None, b, subset, assessor, quote,
                           quote, span.start)]
    pairs = _pairs(text)
    if not pairs or (len(pairs) < 2 and not (_CASE_WORDS.search(text) or ctx.total)):
        return []
    rows, lo = [], 0
    for g, (n0, n1, value, is_pc) in pairs:
        assessor = _assessor(text, min(g.start(), n0), lo) or ctx.assessor
        lo = max(g.end(), n1)
        focus = (span.start + min(g.start(), n0), span.start + max(g.end(), n1))
        rows.append(Figure(grade_slug(g.group("g")), None if is_pc else value,
                           float(value) if is_pc else None, total, subset, assessor,
                           window(page, span, focus), total_quote, focus[0]))
    return rows


def _total(text: str, of_match: re.Match[str] | None) -> int | None:
    if of_match:
        return parse_count(of_match.group("b"))
    low = text.lower()
    if not any(w in low for w in _TOTAL_WORDS):  # _TOTAL_RE is slow: skip text it cannot match
        return None
    for m in _TOTAL_RE.finditer(text):
        token = m.group("n") or m.group("s")
        before = text[:m.start()]
        if GRADE_RE.search(text[m.start():m.end()]) or re.search(r"\bin\s*$", before):
            continue  # "good in 11 cases" is a figure, not the size of the set
        value = parse_count(token)
        if value:
            return value
    return None


def _update(ctx: _Context, span: Span, found: list[Figure]) -> _Context:
    if found:
        last = found[-1]
        return _Context(last.total, last.subset, last.assessor, last.total_quote)
    if not _CASE_WORDS.search(span.text) or not has_count(span.text):  # cheap tests first
        return ctx
    total = _total(span.text, _OF_RE.search(span.text))
    if total is not None:
        assessor = _assessor(span.text, len(span.text)) or "inspectorate"
        return _Context(total, _subset(span.text) or "all", assessor, span.text)
    return ctx


def _table_rows(page: str, ctx_text: str) -> tuple[list[Figure], list[tuple[int, int]]]:
    """Grade rows laid out as lines ("Good 11", "Requires improvement 20 61%"): one block at a time."""
    found: list[Figure] = []
    used: list[tuple[int, int]] = []
    spans = lines(page)
    i = 0
    while i < len(spans):
        block = []
        while i + len(block) < len(spans) and _ROW_RE.match(spans[i + len(block)].text):
            block.append(spans[i + len(block)])
        if len(block) >= 2:
            header = _header(spans[max(0, i - 3):i])
            caption = " ".join(s.text for s in spans[max(0, i - 3):i]) or ctx_text
            found += _block_rows(block, header, caption)
            used.append((block[0].start, block[-1].end))
        i += max(1, len(block))
    return found, used


def _header(above: list[Span]) -> str:
    """The header row over a table block; a cell that wraps puts words on the lines around the
    "Grade ..." line, so that line's columns come first and the wrapped words after it."""
    cells = []
    for s in reversed(above):
        if len(s.text) > 60 or s.text[-1:] in ".:" or re.match(r"(?:Figure|Table)\b", s.text):
            break
        cells.insert(0, s.text)
    main = [c for c in cells if re.match(r"(?i)grade", c)]
    return " ".join(main + [c for c in cells if c not in main])


def _cells(nums: str) -> list[str]:
    return re.findall(r"\d+(?:\.\d+)?\s*%?|-", nums)


def _columns(header: str, width: int) -> list[tuple[str | None, bool]]:
    """(assessor, is_percent) for each numeric column, read from the header line when it names them."""
    cols: list[tuple[str | None, bool]] = []
    for m in _COL_RE.finditer(header):
        if m.group("pc") and cols and not cols[-1][1] and len(cols) >= width:
            continue
        assessor = "force" if m.group("force") else "inspectorate" if m.group("insp") else None
        cols.append((assessor, bool(m.group("pc"))))
    return cols if len(cols) == width else [(None, False)] * width


def _block_rows(block: list[Span], header: str, caption: str) -> list[Figure]:
    subset = _subset(caption) or "all"
    assessor = _assessor(caption, len(caption)) or "inspectorate"
    parsed = [(_ROW_RE.match(s.text), s) for s in block]
    width = max(len(_cells(m.group("nums"))) for m, _ in parsed)
    cols = _columns(header, width)
    totals: dict[int, int] = {}
    stated = _total(caption, _OF_RE.search(caption))
    for m, _ in parsed:
        if m.group("label").lower() in ("total", "all cases"):
            for k, cell in enumerate(_cells(m.group("nums"))):
                if cell != "-" and "%" not in cell and not cols[min(k, width - 1)][1]:
                    totals[k] = int(float(cell))
    out = []
    for m, s in parsed:
        if m.group("label").lower() in ("total", "all cases"):
            continue
        for k, cell in enumerate(_cells(m.group("nums"))):
            if cell == "-":
                continue
            col_assessor, col_pc = cols[min(k, width - 1)]
            is_pc = "%" in cell or col_pc
            value = float(cell.rstrip("% "))
            out.append(Figure(grade_slug(m.group("label")), None if is_pc else int(value),
                              value if is_pc else None, totals.get(k, stated), subset,
                              col_assessor or assessor, s.text, caption if stated else None,
                              s.start))
    return out


def page_figures(text: str) -> list[Figure]:
    """Every grade figure on one page of normalised text, with the quote that states its total."""
    if not isinstance(text, str):
        return []
    found, used = _table_rows(text, "")
    masked = text
    for a, b in used:  # table lines become paragraph breaks so prose never reads them twice
        masked = masked[:a] + "\n" * (b - a) + masked[b:]
    ctx = _Context()
    for span in sentences(masked):
        rows = _sentence_rows(text, span, ctx) if has_grade_word(span.text) else []
        found += rows
        ctx = _update(ctx, span, rows)
    return sorted(found, key=lambda f: f.pos)


_EXAMINED = re.compile(r"\b(?:examined|looked\s+at|reviewed|audited|assessed|graded|inspected|read)\b",
                       re.I)


def page_totals(text: str) -> list[tuple[int, str, str, str]]:
    """(total, subset, assessor, quote) of case sets stated on their own: "Inspectors examined 34
    cases." A press page or a statement may give the size of a sample without its grades."""
    out = []
    for span in sentences(text) if isinstance(text, str) else []:
        if has_grade_word(span.text) and GRADE_RE.search(span.text):
            continue  # a sentence with grades states its set's total with them (page_figures)
        if not _EXAMINED.search(span.text) or not has_count(span.text):
            continue
        total = _total(span.text, _OF_RE.search(span.text))
        if total is not None:
            assessor = _assessor(span.text, len(span.text)) or "inspectorate"
            out.append((total, _subset(span.text) or "all", assessor, span.text[:300]))
    return out


def page_grades(text: str, page: int = 1) -> list[dict]:
    """Case grade rows of one page (scale filled in by ``document_grades``)."""
    return [_row(f, page) for f in page_figures(text) if f.grade in GRADES]


def _row(f: Figure, page: int) -> dict:
    return {"assessor": f.assessor, "subset": f.subset, "grade": f.grade, "cases": f.cases,
            "total": f.total, "page": page, "quote": f.quote, "percent": f.percent, "scale": None,
            "basis": "stated"}


def _same_figure(a: dict, b: dict) -> bool:
    if (a["assessor"], a["grade"], a["cases"], a["percent"]) != (
            b["assessor"], b["grade"], b["cases"], b["percent"]):
        return False
    return a["subset"] == b["subset"] or a["total"] == b["total"] or None in (a["total"], b["total"])


def dedupe(rows: list[dict]) -> list[dict]:
    """The same figure stated twice (prose and table, summary and body) is kept once, first quote.
    A restatement may not repeat which set it describes: the same total, or no total, is enough."""
    out: list[dict] = []
    for r in rows:
        if not any(_same_figure(r, kept) for kept in out):
            out.append(r)
    return out


def scale_of(rows: list[dict], text: str) -> str:
    if any(r["grade"] == "adequate" for r in rows):
        return "four"
    return "four" if re.search(r"\bgraded\b[^.]{0,80}\badequate\b", text, re.I) else "three"


def total_warnings(rows: list[dict], scale: str) -> list[str]:
    """Plain-English warnings for case sets whose counts do not add up to their stated total."""
    groups: dict[tuple, dict[str, int]] = {}
    for r in rows:
        if r["cases"] is not None and r["total"] is not None and r["grade"] != "outstanding":
            groups.setdefault((r["assessor"], r["subset"], r["total"]), {})[r["grade"]] = r["cases"]
    size = 4 if scale == "four" else 3
    out = []
    for (assessor, subset, total), counts in groups.items():
        s = sum(counts.values())
        if s > total or (s < total and len(counts) >= size):
            out.append(f"{assessor} grades for {subset!r} sum to {s}, stated total {total}")
    return out


def document_grades(doc: Document) -> tuple[list[dict], list[str]]:
    """All case grade rows of ``doc`` (deduplicated, with the document's scale) and warnings."""
    rows: list[dict] = []
    for p in doc.pages:
        rows += page_grades(p.text, p.number)
    rows = dedupe(rows)
    scale = scale_of(rows, doc.text)
    for r in rows:
        r["scale"] = scale
    return rows, total_warnings(rows, scale)
