"""Sentences, lines and headings of a page as exact slices of its text (so quotes stay citable).

Several extractors split the same page: the splits are cached by text (a small LRU), so a page is
split once per document whatever the number of modules that read its sentences.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_PARA = re.compile(r"\n[ \t]*\n+")
# A sentence ends at . ! ? (maybe closed by a quote or bracket) before a capital, digit or quote.
_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[\"'(\[]?[A-Z0-9\u2018\u201c])")
_NO_END = re.compile(r"\b(?:e\.g|i\.e|etc|Mr|Mrs|Ms|Dr|No|para|paras|p|pp|cf|St|vs|Rt|Hon|approx)\.$", re.I)
_BULLET = re.compile(r"\n(?=[ \t]*(?:[\u2022\u25cf\u25aa\u2013*-]|\(?[a-z0-9]{1,2}[.)])[ \t]+\S)")
_NUMBERING = re.compile(r"[ \t]*\(?\d{1,2}(?:\.\d{1,2})*[.)]")  # a line that is only a number
_DANGLING = re.compile(r"\b(?:the|of|and|to|a|an|in|for|with|on|by|or|as|at|that|from|is|are)$", re.I)
_HEADING = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?[A-Z][^.!?:;]{1,90}$")


class Span(NamedTuple):  # a tuple: built tens of thousands of times per document
    start: int
    end: int
    text: str


_new = tuple.__new__  # builds a Span without NamedTuple's slower keyword-handling constructor


def _trimmed(text: str, start: int, end: int) -> Span | None:
    piece = text[start:end]
    lead = len(piece) - len(piece.lstrip())
    piece = piece.strip()
    return _new(Span, (start + lead, start + lead + len(piece), piece)) if piece else None


def _cuts(text: str, start: int, end: int) -> list[int]:
    chunk = text[start:end]
    cuts = [start + m.start() for m in _BULLET.finditer(chunk)]
    for m in _END.finditer(chunk):
        at = m.start()
        line = chunk.rfind("\n", 0, at) + 1  # "1." alone on its line numbers what follows
        if not _NO_END.search(chunk, max(0, at - 8), at) and not _NUMBERING.fullmatch(
                chunk, line, at):
            cuts.append(start + m.end())
    return sorted(set(cuts))


def clear_cache() -> None:
    """Forget cached splits (the parser does so per document: memory stays flat, timing honest)."""
    for cached in (_sentences, _lines, _headings):
        cached.cache_clear()


def paragraphs(text: str) -> list[Span]:
    spans, pos = [], 0
    for m in [*_PARA.finditer(text), None]:
        stop = m.start() if m else len(text)
        span = _trimmed(text, pos, stop)
        if span:
            spans.append(span)
        pos = m.end() if m else pos
    return spans


_CACHE = 1024  # pages: one document read module after module hits the cache up to this length


def sentences(text: str, heads: bool = True) -> list[Span]:
    """Sentences (and bullet points) of ``text``; each ``text[s.start:s.end] == s.text``.
    Heading lines are sentences of their own unless ``heads`` is False."""
    return list(_sentences(text, heads))


@lru_cache(maxsize=_CACHE)
def _sentences(text: str, heads: bool) -> tuple[Span, ...]:
    out: list[Span] = []
    extra = sorted({x for h in headings(text) for x in (h.start, h.end)}) if heads else []
    for para in paragraphs(text):
        inner = [x for x in extra if para.start < x < para.end]
        bounds = sorted({para.start, *_cuts(text, para.start, para.end), *inner, para.end})
        for a, b in zip(bounds, bounds[1:], strict=False):
            span = _trimmed(text, a, b)
            if span:
                out.append(span)
    return tuple(out)


def lines(text: str) -> list[Span]:
    return list(_lines(text))


@lru_cache(maxsize=_CACHE)
def _lines(text: str) -> tuple[Span, ...]:
    out, pos = [], 0
    for raw in text.split("\n"):
        span = _trimmed(text, pos, pos + len(raw))
        if span:
            out.append(span)
        pos += len(raw) + 1
    return tuple(out)


def headings(text: str) -> list[Span]:
    """Heading lines: short, unpunctuated, capitalised, after a blank line or a finished sentence."""
    return list(_headings(text))


@lru_cache(maxsize=_CACHE)
def _headings(text: str) -> tuple[Span, ...]:
    out, prev_end, prev_text = [], 0, ""
    spans = _lines(text)
    for i, span in enumerate(spans):
        gap = text[prev_end:span.start]
        fresh = not prev_text or gap.count("\n") > 1 or prev_text[-1] in ".!?:"
        nxt = spans[i + 1].text if i + 1 < len(spans) else "X"
        if fresh and is_heading(span.text) and not _DANGLING.search(span.text) and (
                not nxt[0].islower()):
            out.append(span)
        prev_end, prev_text = span.end, span.text
    return tuple(out)


def is_heading(line: str) -> bool:
    """A short line without closing punctuation that starts with a capital: a section head."""
    line = line.strip()
    return bool(_HEADING.match(line)) and len(line.split()) <= 12 and not line[-1].isdigit()


def window(text: str, span: Span, focus: tuple[int, int], limit: int = 300) -> str:
    """The sentence ``span`` or, when longer than ``limit``, the clauses around ``focus``: the
    clause that holds it, widened clause by clause while the quote stays within ``limit``."""
    if span.end - span.start <= limit:
        return span.text
    a, b = max(span.start, focus[0]), min(span.end, focus[1])
    marks = [span.start + m.end() for m in re.finditer(r"[,;:()]\s*", span.text)]
    lefts = sorted({span.start, *(m for m in marks if m <= a)}, reverse=True)
    rights = sorted({span.end, *(m for m in marks if m >= b)})
    left, right = lefts[0], rights[0]
    if right - left > limit:
        left = max(span.start, min(a, b - limit // 2))
        return text[left:left + limit].strip()
    ls, rs = iter(lefts[1:]), iter(rights[1:])
    nl, nr = next(ls, None), next(rs, None)
    while nl is not None or nr is not None:  # widen one clause at a time, left and right in turn
        if nl is not None and right - nl <= limit:
            left, nl = nl, next(ls, None)
        else:
            nl = None
        if nr is not None and nr - left <= limit:
            right, nr = nr, next(rs, None)
        else:
            nr = None
    return text[left:right].strip()
