"""Progress ratings that reviews give against the earlier report's recommendations."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportkit.extract.sentences import headings, sentences, window
from reportkit.read.document import Document

if TYPE_CHECKING:  # recommendations imports this module; the type is only named here
    from reportkit.extract.recommendations import Rec

# Best first, as schema.RATINGS. The first pattern that matches a sentence gives its rating.
_RATINGS = [
    ("no_progress", r"(?:made|making|shown|achieved|was|been)\s+no\s+(?:real\s+|significant\s+)?progress"
     r"|not\s+(?:yet\s+)?(?:made|shown|achieved)\s+any\s+progress|n't\s+made\s+any\s+progress"
     r"|no\s+progress\s+(?:has|had)\s+been\s+made|failed\s+to\s+make\s+(?:any\s+)?progress"),
    ("limited_progress", r"\b(?:limited|little|insufficient|slow|minimal|poor)\s+progress"),
    ("some_progress", r"\b(?:some|reasonable|partial|mixed|modest|adequate)\s+progress"
     r"|partially\s+(?:achieved|implemented|met)"),
    ("good_progress", r"\b(?:good|significant|substantial|considerable|strong|excellent|sound)"
     r"\s+progress"),
    ("achieved", r"\b(?:has|had|have)\s+(?:now\s+)?been\s+(?:fully\s+)?(?:achieved|met|implemented|"
     r"discharged|completed)|\bfully\s+(?:implemented|achieved|met)\b|\brecommendation\s+"
     r"(?:is|was)\s+(?:now\s+)?(?:achieved|complete|closed)"),
    ("not_assessed", r"\bnot\s+(?:been\s+)?(?:assessed|examined|tested|reviewed)\b|\bdid\s+not\s+"
     r"(?:assess|examine|test|review)\b"),
]
_RATING_RES = [(slug, re.compile(rx, re.I)) for slug, rx in _RATINGS]
# Every pattern above needs one of these words: a cheap test before trying them all (keep in step)
_RATING_WORDS = ("progress", "partially", "achieved", "met", "implemented", "discharged",
                 "complete", "closed", "assess", "examine", "test", "review")
_ABOUT = re.compile(r"recommendation|progress|implement|achieved|the\s+force|HMI", re.I)
_REC_NO = re.compile(r"\brecommendation\s+(\d{1,2})\b", re.I)
_PROSPECT = re.compile(r"\b(?:how\s+far|whether|will|would|to\s+(?:check|assess|see|test))\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no)\s+(?:\w+\s+){0,2}$", re.I)


def rating_of(sentence: str) -> str | None:
    """The progress rating a sentence states, or None ("some progress" -> some_progress)."""
    if not isinstance(sentence, str) or not _ABOUT.search(sentence):
        return None
    low = sentence.lower()
    if not any(w in low for w in _RATING_WORDS) or _PROSPECT.search(sentence):
        return None  # "will return to check how far the recommendations have been met" rates nothing
    for slug, rx in _RATING_RES:
        m = rx.search(sentence)
        if not m:
            continue
        if slug == "achieved" and _NEGATED.search(sentence[max(0, m.start() - 20):m.start()]):
            return None  # "had not been achieved" is not an achievement
        if slug == "not_assessed" and "recommendation" not in sentence.lower():
            continue
        return slug
    return None


def _section_at(text: str, pos: int, current: str | None) -> str | None:
    heads = [s.text for s in headings(text[:pos])]
    return heads[-1] if heads else current


def document_progress(doc: Document, recs: list[Rec]) -> list[dict]:
    """One row per rating sentence, tied to the reviewed recommendation it follows (or names)."""
    earlier = [r for r in recs if r.earlier]
    out: list[dict] = []
    section: str | None = None
    for p in doc.pages:
        for span in sentences(p.text):
            slug = rating_of(span.text)
            if slug is None or _inside_rec(recs, p.number, span.start):
                continue
            named = _REC_NO.search(span.text)
            prior = [r for r in earlier if (r.page, r.start) < (p.number, span.start)]
            if named:
                ref = named.group(1)
            elif prior:
                ref = str(prior[-1].number)
            else:
                ref = _section_at(p.text, span.start, section) or "overall"
            out.append({"recommendation": ref, "rating": slug, "page": p.number,
                        "quote": window(p.text, span, (span.start, span.end))})
        section = _section_at(p.text, len(p.text), section)
    return _one_per_recommendation(out)


def _inside_rec(recs: list[Rec], page: int, pos: int) -> bool:
    return any(r.page == page and r.start <= pos < r.start + len(r.quote) for r in recs)


def _one_per_recommendation(rows: list[dict]) -> list[dict]:
    """A review restates its judgment (summary, then detail): keep the first per recommendation
    and rating."""
    seen, out = set(), []
    for r in rows:
        key = (r["recommendation"], r["rating"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out
