"""Reading order for one PDF page from its word boxes, and running headers/footers across pages.

Words are grouped into rows, rows are split into segments at wide gaps, and the gutter is the gap
most rows share mid-page. Lines crossing it (full-width titles, paragraphs, figures) cut the page
into runs; each run is read as two columns, left then right, when both sides hold prose-width
lines of about the same width (a table's label and number columns do not qualify). Judging runs
one by one, not the page, is for word processors: a Word section goes into two columns for a few
paragraphs between full-width text, and its footnotes sit below the columns, not in the left one.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from operator import attrgetter
from statistics import median

from reportkit.read.document import Word
from reportkit.read.text import mask_digits


@dataclass(slots=True)
class Line:
    words: list[Word]
    x0: float
    top: float
    x1: float
    bottom: float
    col: int = 0  # 0: full width or single column; 1: left column; 2: right column
    para_break: bool = False  # a paragraph starts with this line
    text: str = field(default="")

    @classmethod
    def of(cls, words: list[Word], col: int = 0) -> Line:
        """A line of ``words`` sorted left to right."""
        return cls(words, words[0].x0, min(map(_TOP, words)), max(words[-1].x1, words[0].x1),
                   max(map(_BOTTOM, words)), col, text=" ".join(map(_TEXT, words)))


_TOP, _BOTTOM, _TEXT, _X0 = (attrgetter(a) for a in ("top", "bottom", "text", "x0"))


def _rows(words: list[Word]) -> list[list[Word]]:
    """Words whose vertical middles agree (within about half a line) form a row, left to right."""
    rows: list[list[Word]] = []
    row: list[Word] = []
    mid = height = 0.0
    for w in sorted(words, key=_middle):  # the hot loop of the layout: keep it lean
        top, bottom = w.top, w.bottom
        m, h = (top + bottom) / 2, bottom - top
        if row and abs(m - mid) <= 0.45 * (h if h > height else height):
            row.append(w)
        else:
            row = [w]
            rows.append(row)
            mid, height = m, h
    for row in rows:
        row.sort(key=_X0)
    return rows


def _middle(w: Word) -> float:
    return w.top + w.bottom


def _segments(row: list[Word], gap: float) -> list[Line]:
    out, start = [], 0
    for i in range(1, len(row)):
        if row[i].x0 - row[i - 1].x1 > gap:
            out.append(Line.of(row[start:i]))
            start = i
    out.append(Line.of(row[start:]))
    return out


def _gutter(rows: list[list[Line]], width: float) -> float | None:
    """Where the right column starts: just left of the gap that most rows share mid-page.

    Columns are ragged on the right and aligned on the left, so the gutter is placed against
    the right column's left edge, clear of the left column's longest lines.
    """
    lo, hi = 0.25 * width, 0.75 * width
    gaps = [(max(a.x1, lo), min(b.x0, hi)) for segs in rows
            for a, b in zip(segs, segs[1:], strict=False) if b.x0 > lo and a.x1 < hi]
    if len(gaps) < 3:  # fewer than three rows with a central gap: perhaps no shared rows
        return _drifting_gutter(rows, lo, hi)
    events = sorted([(a, 1) for a, _ in gaps] + [(b, -1) for _, b in gaps],
                    key=lambda e: (e[0], -e[1]))
    best = count = 0
    at = lo
    for x, step in events:
        count += step
        if count > best:
            best, at = count, x
    return min(b for a, b in gaps if a <= at < b) - 1.0


def _drifting_gutter(rows: list[list[Line]], lo: float, hi: float) -> float | None:
    """Just left of the edge where most lines that start mid-page start, if three do.

    A word processor spaces each column's paragraphs on its own, so the two columns' baselines
    drift apart and their lines seldom share a row; the right column's left edge still lines up.
    Whether the page is read in columns there is for the runs to say (``_two_columns``).
    """
    mid = [s.x0 for segs in rows for s in segs if lo < s.x0 < hi]
    if len(mid) < 3:  # most one-column pages
        return None
    starts = Counter(map(round, mid))
    edge, count = starts.most_common(1)[0]
    count += starts[edge - 1] + starts[edge + 1]
    return edge - 2.0 if count >= 3 else None


def _blocks(segs: list[Line], x: float) -> list[tuple[str, list[Line]]]:
    """Segments in top order, cut into runs that do not cross ``x`` and single crossing lines."""
    blocks: list[tuple[str, list[Line]]] = []
    for s in sorted(segs, key=lambda s: s.top):
        kind = "cross" if s.x0 < x < s.x1 else "side"
        if kind == "side" and blocks and blocks[-1][0] == "side":
            blocks[-1][1].append(s)
        else:
            blocks.append((kind, [s]))
    return blocks


def _side_lists(segs: list[Line], x: float) -> tuple[list[Line], list[Line]]:
    return [s for s in segs if s.x1 <= x], [s for s in segs if s.x0 >= x]


def _is_column_run(left: list[Line], right: list[Line], x: float) -> bool:
    """Both sides hold several prose-width lines and are about as wide as each other (a word
    processor's columns are equal; a table's label and text columns are not)."""
    if len(left) < 3 or len(right) < 3:
        return False
    lw = x - min(s.x0 for s in left)
    rw = max(s.x1 for s in right) - x
    return (max(lw, rw) < 1.6 * min(lw, rw)
            and median(s.x1 - s.x0 for s in left) > 0.5 * lw
            and median(s.x1 - s.x0 for s in right) > 0.5 * rw)


def _merge_row(segs: list[Line]) -> Line:
    return segs[0] if len(segs) == 1 else Line.of([w for s in segs for w in s.words])


def _single_column(rows: list[list[Line]]) -> list[Line]:
    return [_merge_row(segs) for segs in rows]


def _run_end(rows: list[list[Line]], x: float, size: float) -> float:
    """The top of the first row of a table below the columns, else infinity: a row with a cell
    set in from a column's edge and three cells or more, or set in on both sides. (A justified
    line cut at wide spaces starts at its column's edge; an indented line in one column alone
    is a list or a quotation.)"""
    lefts = [s.x0 for r in rows for s in r if s.x1 <= x]
    rights = [s.x0 for r in rows for s in r if s.x0 >= x]
    if not lefts or not rights:
        return float("inf")
    edges = (min(lefts), min(rights))
    for row in rows[1:]:
        starts = [min((s.x0 for s in row if (s.x0 >= x) == side), default=edges[side])
                  for side in (0, 1)]
        set_in = [start - edge > 3 * size for start, edge in zip(starts, edges, strict=True)]
        if all(set_in) or (any(set_in) and len(row) > 2):
            return row[0].top
    return float("inf")


def _left_tail(left: list[Line], right_bottom: float, size: float, more: bool) -> int:
    """Where the text below the columns starts in the left one (``len(left)`` if nowhere).

    Only the left side can hold what follows the columns (full-width text starts at the left
    margin). Smaller lines at its end are footnotes (beside the right column's last lines, as
    often as below them); and when full-width text follows, a paragraph gap within a line or
    two below the right column's end starts it (a balanced section's columns end together, so
    the heading below them is not the left column's last line; a left column that runs on far
    below the right one is the last page of a section that is not balanced).
    """
    end = len(left)
    while end > 1 and median(w.bottom - w.top for w in left[end - 1].words) < 0.85 * size:
        end -= 1  # the median: a note's number may be printed full size
    if not more:
        return end
    usual = median([b.top - a.bottom for a, b in zip(left, left[1:end], strict=False)] or [0.0])
    below = [i for i in range(1, end) if left[i].top >= right_bottom - 0.5 * size]
    for i in below[:3]:
        if left[i].top - left[i - 1].bottom > usual + 0.5 * size:
            return i
    return end


def _two_columns(segs: list[Line], x: float, size: float, ends_block: bool
                 ) -> tuple[list[Line], list[Line]] | None:
    """A run of segments that do not cross ``x`` read as left column then right column, and
    the segments that lie below them (a table, footnotes); None when it is not two columns."""
    stop = _run_end(_rows_of(segs), x, size)
    cols = [s for s in segs if s.top < stop]
    rest = [s for s in segs if s.top >= stop]
    left, right = _side_lists(cols, x)
    if not _is_column_run(left, right, x):
        return None
    left.sort(key=_TOP)
    right.sort(key=_TOP)
    margin = left[0].x0 + 3 * size  # full-width text below starts at the left margin
    more = ends_block or any(s.x0 < margin for s in rest)
    cut = _left_tail(left, right[-1].bottom, size, more)
    rest[:0], left[cut:] = left[cut:], []
    out = [_tag(line, 1) for line in _single_column(_rows_of(left))]
    out += [_tag(line, 2) for line in _single_column(_rows_of(right))]
    return out, rest


def _tag(line: Line, col: int) -> Line:
    line.col = col
    return line


def _rows_of(segs: list[Line]) -> list[list[Line]]:
    """Segments regrouped into rows (top to bottom), each row left to right."""
    rows: list[list[Line]] = []
    for s in sorted(segs, key=lambda s: (s.top, s.x0)):
        if rows and abs(s.top - rows[-1][0].top) < 0.5 * (s.bottom - s.top):
            rows[-1].append(s)
        else:
            rows.append([s])
    for row in rows:
        row.sort(key=lambda s: s.x0)
    return rows


EDGE = 0.07  # share of the page height at top and bottom that holds margin furniture


def _columns(rows: list[list[Line]], x: float, height: float, size: float) -> list[Line] | None:
    """The page read with two columns split at ``x`` wherever a run of lines that do not cross
    it is laid out so, or None when no run is.

    Each run between full-width lines is judged on its own: a word processor's section can go
    into two columns for a few paragraphs and come back. Rows in the page margins (running
    headers, page numbers) stay out of the columns.
    """
    def where(row: list[Line]) -> int:
        mid = (row[0].top + row[0].bottom) / 2
        return -1 if mid < EDGE * height else 1 if mid > (1 - EDGE) * height else 0

    body = [s for r in rows if where(r) == 0 for s in r]
    out: list[Line] = []
    found = False
    other: list[Line] = []  # what lies between column runs, read in rows (a table's cells)
    blocks = _blocks(body, x)
    for n, (kind, segs) in enumerate(blocks):
        cols = None if kind == "cross" else _two_columns(segs, x, size, n + 1 < len(blocks))
        if cols is None:
            other += segs
            continue
        found = True
        out += _single_column(_rows_of(other)) + cols[0]
        other = cols[1]
    if not found:
        return None
    out += _single_column(_rows_of(other))
    return ([_merge_row(r) for r in rows if where(r) < 0] + out
            + [_merge_row(r) for r in rows if where(r) > 0])


def layout_page(words: list[Word], width: float, height: float) -> list[Line]:
    """The page's lines in reading order, paragraph starts marked."""
    if not words:
        return []
    heights = [w.bottom - w.top for w in words]
    size = median(heights)
    rows = [_segments(r, 1.2 * size) for r in _rows(words)]
    x = _gutter(rows, width)
    lines = _columns(rows, x, height, size) if x is not None else None
    if lines is None:
        lines = _single_column(rows)
    _mark_paragraphs(lines, size)
    return lines


def _mark_paragraphs(lines: list[Line], size: float) -> None:
    """A vertical gap clearly wider than the usual line gap starts a paragraph."""
    gaps = [b.top - a.bottom for a, b in zip(lines, lines[1:], strict=False)
            if b.col == a.col and b.top > a.bottom - 0.5 * size]
    usual = median(gaps) if gaps else 0.0
    for a, b in zip(lines, lines[1:], strict=False):
        if b.top < a.top:  # moved up: into the next column
            b.para_break = a.x1 < _column_right(lines, a) - 2 * size
        else:
            b.para_break = b.top - a.bottom > usual + 0.5 * size


def _column_right(lines: list[Line], line: Line) -> float:
    return max(x.x1 for x in lines if x.col == line.col)


# --- running headers and footers ---------------------------------------------------------------
BAND = 0.15  # top and bottom share of the page height where furniture lives
EDGE_LINES = 3  # at most this many lines at each edge can be furniture


def _edge_keys(lines: list[Line], height: float) -> dict[int, tuple[str, str]]:
    """Candidate furniture lines (by index) with their repetition keys."""
    order = sorted(range(len(lines)), key=lambda i: lines[i].top)
    keys = {}
    for i in order[:EDGE_LINES]:
        if lines[i].bottom < BAND * height:
            keys[i] = ("top", mask_digits(lines[i].text))
    for i in order[-EDGE_LINES:]:
        if lines[i].top > (1 - BAND) * height:
            keys[i] = ("bottom", mask_digits(lines[i].text))
    return keys


def strip_furniture(pages: list[list[Line]], heights: list[float]) -> list[list[Line]]:
    """Drop lines repeated (digits masked) in the top or bottom band of at least three pages and
    a quarter of all pages: running headers, footers, page numbers. Needs three pages or more."""
    if len(pages) < 3:
        return [list(p) for p in pages]
    keys = [_edge_keys(lines, h) for lines, h in zip(pages, heights, strict=True)]
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    for n, page_keys in enumerate(keys):
        for key in page_keys.values():
            seen[key].add(n)
    need = max(3, 0.25 * len(pages))
    out = []
    for lines, page_keys in zip(pages, keys, strict=True):
        drop = {i for i, k in page_keys.items() if len(seen[k]) >= need}
        kept = [line for i, line in enumerate(lines) if i not in drop]
        if kept and drop:
            kept[0].para_break = False
        out.append(kept)
    return out
