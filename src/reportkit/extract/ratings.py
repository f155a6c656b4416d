"""Progress ratings that reviews give against the earlier report's recommendations.

``RATING_SHAPES`` holds the wordings per rating, each with its examples (checked by the tests):
a degree before "progress" ("limited progress"), after it ("progress on this recommendation has
been slow"), and achievement ("had met this recommendation", "to be complete"). A sentence that
states two degrees, or progress with no degree, rates nothing rather than a guess.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reportkit.extract import genre
from reportkit.extract.sentences import headings, sentences, window
from reportkit.read.document import Document

if TYPE_CHECKING:  # recommendations imports this module; the type is only named here
    from reportkit.extract.recommendations import Rec

# How much progress a word says: "limited progress", "progress ... has been limited".
_DEGREE = {
    "no_progress": r"no\s+(?:real\s+|significant\s+|meaningful\s+|discernible\s+|tangible\s+)?",
    # not after "no": "no significant progress" is no progress, not good progress
    "limited_progress": r"(?<!no\s)(?:limited|little|insufficient|slow|minimal|poor)\s+",
    "some_progress": r"(?<!no\s)(?:some|reasonable|partial|mixed|modest|adequate)\s+",
    "good_progress": r"(?<!no\s)(?:(?:very\s+)?good|significant|substantial|considerable|strong"
                     r"|excellent|sound)\s+",
}
_AFTER = {  # "progress against this recommendation has been good"
    "limited_progress": "limited|slow|poor|insufficient|disappointing",
    "some_progress": "mixed|reasonable|modest|adequate",
    "good_progress": "good|significant|substantial|considerable|strong|excellent",
}
_PROGRESS_WAS = (r"\bprogress\s+(?:against|on|towards|in|with)\s+[^.;]{{0,80}}?\s+"
                 r"(?:has\s+been|had\s+been|was|is)\s+(?:(?:very|generally|largely)\s+)?(?:{})\b")
# Best first, as schema.RATINGS. The first shape that matches a sentence gives its rating:
# slug -> (pattern, examples). A sentence that states two degrees ("good progress in some areas
# but limited progress in others") is read two ways and rates nothing.
RATING_SHAPES: dict[str, tuple[str, list[str]]] = {
    "no_progress": (
        r"(?:made|making|shown|achieved|was|been)\s+" + _DEGREE["no_progress"] + r"progress"
        r"|not\s+(?:yet\s+)?(?:made|shown|achieved)\s+any\s+progress|n't\s+made\s+any\s+progress"
        r"|no\s+progress\s+(?:has|had)\s+been\s+made|failed\s+to\s+make\s+(?:any\s+)?progress",
        ["The force had made no progress against this recommendation.",
         "We found the force had made no meaningful progress on this recommendation."]),
    "limited_progress": (
        r"\b" + _DEGREE["limited_progress"] + r"progress"
        r"|\bnot\s+(?:yet\s+)?made\s+(?:enough|sufficient)\s+progress|"
        + _PROGRESS_WAS.format(_AFTER["limited_progress"]),
        ["Limited progress has been made against this recommendation.",
         "The force had not made enough progress against this recommendation.",
         "Progress against this recommendation has been slow."]),
    "some_progress": (
        r"\b" + _DEGREE["some_progress"] + r"progress|partially\s+(?:achieved|implemented|met)|"
        + _PROGRESS_WAS.format(_AFTER["some_progress"]),
        ["Some progress has been made against the recommendation.",
         "This recommendation has been partially achieved."]),
    "good_progress": (
        r"\b" + _DEGREE["good_progress"] + r"progress|" + _PROGRESS_WAS.format(_AFTER["good_progress"]),
        ["The force has made very good progress against this recommendation.",
         "Progress against this recommendation has been good."]),
    "achieved": (
        r"\b(?:has|had|have)\s+(?:now\s+)?been\s+(?:fully\s+)?(?:achieved|met|implemented|discharged|"
        r"completed)|\bfully\s+(?:implemented|achieved|met)\b|\brecommendation\s+(?:is|was|to\s+be)\s+"
        r"(?:now\s+)?(?:achieved|complete|closed|discharged)"
        r"|\b(?:has|had|have)\s+(?:now\s+)?(?:fully\s+)?(?:achieved|met|implemented|discharged|completed)"
        r"\s+(?:this|the|that)\s+recommendation",
        ["This recommendation has been achieved.", "The force had achieved this recommendation.",
         "We consider this recommendation to be complete."]),
    "not_assessed": (
        r"\bnot\s+(?:been\s+)?(?:assessed|examined|tested|reviewed)\b|\bdid\s+not\s+"
        r"(?:assess|examine|test|review)\b",
        ["This recommendation was not assessed during the review."]),
}
_RATING_RES = [(slug, re.compile(rx, re.I)) for slug, (rx, _) in RATING_SHAPES.items()]
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
    progress = [slug for slug, rx in _RATING_RES if slug in _DEGREE and rx.search(sentence)]
    if len(progress) > 1:
        return None  # "good progress in some areas but limited progress in others": two readings
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


def document_progress(doc: Document, recs: list[Rec], genre_: str | None = None) -> list[dict]:
    """One row per rating sentence, tied to the reviewed recommendation it follows (or names). A
    tracker page's status ("has been achieved") is its own recommendation's, not a review's
    progress against an earlier one: none."""
    if genre.is_tracker_page(doc, len(recs), genre_):
        return []
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
