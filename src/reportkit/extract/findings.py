"""Findings: sentences that mark a strength or a concern, with the cue and the section they sit in."""
from __future__ import annotations

import re

from reportkit.extract.grades import GRADE_RE, has_grade_word, page_figures
from reportkit.extract.sentences import headings, sentences
from reportkit.read.document import Document

# Concern cues are tried first: "improved, but not consistently" is a concern.
_CONCERN = [
    "serious concern", "grave concern", "concerns", "concerned", "concern", "weaknesses",
    "weakness", "failed", "failing", "fails", "requires improvement", "required improvement",
    "requiring improvement", "inadequate", "insufficient", "disappointing", "worrying",
    "no progress", "limited progress", "shortfall", "shortfalls",
]
_STRENGTH = [
    "good practice", "strengths", "strength", "positive", "positively", "improved",
    "good progress", "commended", "commend", "impressive", "innovative", "notable practice",
]
_NOT_CONSISTENTLY = re.compile(r"\bnot\b(?:\s+\w+){0,4}\s+consistent(?:ly)?\b", re.I)
_HYPOTHETICAL = re.compile(r"^(?:If|Where|When|Whether)\b[^,]*\bcause\s+for\s+concern", re.I)
_DOTTED = re.compile(r"\.{4,}|(?:\. ){3,}")
_LOWER = re.compile(r"[a-z]")


def _cue_re(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.I)


def _stems(words: list[str]) -> tuple[str, ...]:
    """The cues that hold no shorter cue: a text holds some cue only if it holds one of these."""
    return tuple(w for w in words if not any(v != w and v in w for v in words))


_CONCERN_RE, _STRENGTH_RE = _cue_re(_CONCERN), _cue_re(_STRENGTH)
_CONCERN_STEMS, _STRENGTH_STEMS = _stems(_CONCERN), _stems(_STRENGTH)
_SHOULD_LATER = re.compile(r"(?i)(?:within|immediately)\b.*\bshould\b")


def _cue(rx: re.Pattern[str], words: tuple[str, ...], low: str) -> str | None:
    """The first cue ``rx`` finds; the substring test first, as the big alternation is slow."""
    if not any(w in low for w in words):
        return None
    m = rx.search(low)
    return m.group(1) if m else None


def classify(sentence: str) -> tuple[str, str] | None:
    """(polarity, cue) of a finding sentence, or None when it carries no cue."""
    if not isinstance(sentence, str) or len(sentence) < 25 or not _LOWER.search(sentence):
        return None
    if _HYPOTHETICAL.search(sentence):
        return None  # "where a case gave cause for concern, it was referred" describes a method
    if has_grade_word(sentence) and GRADE_RE.search(sentence) and page_figures(sentence):
        return None  # case grade figures, not a finding
    low = sentence.lower()
    if "consistent" in low and _NOT_CONSISTENTLY.search(sentence):
        return "concern", "not consistently"
    cue = _cue(_CONCERN_RE, _CONCERN_STEMS, low)
    if cue:
        return "concern", cue
    cue = _cue(_STRENGTH_RE, _STRENGTH_STEMS, low)
    return ("strength", cue) if cue else None


def _is_finding_text(text: str, skip: set[str]) -> bool:
    return (text not in skip and not _DOTTED.search(text) and text[-1:] in ".!?\"'"
            and not _SHOULD_LATER.match(text))


def document_findings(doc: Document, skip_quotes: set[str] | None = None) -> list[dict]:
    """Strength and concern sentences in reading order, with the heading above each."""
    skip = skip_quotes or set()
    out: list[dict] = []
    section = ""
    for p in doc.pages:
        heads = headings(p.text)
        is_head, k = set(heads), 0
        for span in sentences(p.text):
            while k < len(heads) and heads[k].start <= span.start:  # the last heading above
                section, k = heads[k].text, k + 1
            if span in is_head or not _is_finding_text(span.text, skip):
                continue
            found = classify(span.text)
            if found:
                out.append({"section": section, "polarity": found[0], "text": " ".join(
                    span.text.split()), "cue": found[1], "page": p.number})
    return out
