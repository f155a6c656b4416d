"""Each recommendation's status over time: tracker pages, follow-up reports' ratings, letters.

A tracker page (genre ``recommendation_tracker``) states one recommendation and dated entries, in
one of the shapes ``ENTRY_SHAPES`` lists: the site's short codes saved as text ("[on]30th August
2018 [status]awaiting-review[/status][/on]", a "[comment]" after), or a table of date, status and
comment ("19 April 2018 | Being progressed | The force has ..."). ``STATUS_WORDINGS`` maps the
words each source uses to one scale (vocabulary.REC_STATUSES); the source's own words are kept in
``status_text``. A review's rating becomes a status through vocabulary.RATING_STATUS; a
commissioner's letter gives one where a sentence names a recommendation and its status
("Recommendation 3 has now been completed"). A status word that is negated, or a sentence naming
two statuses, gives nothing.
"""
from __future__ import annotations

import re

from reportkit.extract.dates import find_dates
from reportkit.extract.sentences import sentences
from reportkit.read.document import Document
from reportkit.vocabulary import RATING_STATUS, RATING_WORDS

# status code -> (pattern, examples); tried in this order, so "not started" is no progress
# before "started" could be anything, and "partially complete" is progress before "complete".
STATUS_WORDINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "superseded": (r"superseded | withdrawn | no\s+longer\s+(?:applicable|relevant)",
                   ("superseded", "withdrawn", "no longer applicable")),
    "no_progress": (r"not[\s-]+(?:yet[\s-]+)?started | no[\s-]+progress",
                    ("not started", "not-started", "no progress")),
    "awaiting_review": (r"awaiting[\s-]+(?:review|update|evidence|response) | open | pending",
                        ("awaiting review", "awaiting-review", "open", "pending")),
    "being_progressed": (
        r"""(?:being|will[\s-]+be|to[\s-]+be)[\s-]+progressed | in[\s-]+progress | ongoing | on[\s-]+track
            | partially[\s-]+(?:complete[d]?|met|achieved) | under[\s-]+way""",
        ("being progressed", "will-be-progressed", "in progress", "ongoing", "partially complete")),
    "complete": (r"complete[d]? | closed | achieved | discharged | implemented",
                 ("complete", "completed", "closed", "achieved", "discharged")),
}
_STATUS = "(?:" + "|".join(f"(?P<s_{k}>{rx})" for k, (rx, _) in STATUS_WORDINGS.items()) + ")"
_STATUS_RE = re.compile(rf"\b{_STATUS}\b", re.I | re.X)
_SEP = r"[ \t]*[|:\u2013\u2014-]?[ \t]*"
# the shapes of a tracker entry: name -> pattern (examples in ENTRY_EXAMPLES)
ENTRY_SHAPES: dict[str, re.Pattern[str]] = {
    "short-code": re.compile(r"\[on\][ \t]*(?P<date>[^\[\n]{6,40}?)[ \t]*\[status\](?P<status>[^\[\n]{2,40})"
                             r"\[/status\][ \t]*\[/on\]", re.I),
    "comment-code": re.compile(r"\[on\][ \t]*(?P<date>[^\[\n]{6,40}?)[ \t]*\[comment\](?P<comment>.*?)"
                               r"(?:\[/comment\]|(?=\[on\])|\Z)", re.I | re.S),
    # a table row or line: the date first, then the status, then any comment
    "dated-line": re.compile(rf"^[ \t]*\|?[ \t]*(?P<date>\d{{1,2}}(?:st|nd|rd|th)?[ \t]+[A-Z][a-z]+[ \t]+\d{{4}}"
                             rf"|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}){_SEP}(?P<status>{_STATUS})\b{_SEP}"
                             rf"(?P<comment>[^\n]*)$", re.I | re.M | re.X),
}
ENTRY_EXAMPLES = {
    "short-code": "[on]30th August 2018 [status]awaiting-review[/status][/on]",
    "comment-code": "[on]6th September 2018 [comment]The force will provide an update.",
    "dated-line": "19 April 2018 | Being progressed | The force has appointed a lead.",
}
_TRACKER_ID = re.compile(r"\((?!(?:19|20)\d\d\))(\d{3,6})\)\s*$", re.M)
_REC_LABEL = re.compile(r"^\s*Recommendation\s+(\d{1,2})\b", re.I | re.M)
_NAMED = re.compile(r"\brecommendations?\s+(\d{1,2})\b", re.I)
_NEGATED = re.compile(r"\b(?:not|never|yet\s+to\s+be)\s+(?:\w+\s+){0,2}$", re.I)
# a letter's report of progress: "recommendation 3 has now been completed", "... remains open"
_LETTER_VERB = re.compile(r"\b(?:has|have)\s+(?:now\s+)?been\s+|\b(?:is|are|was|were|remains?)\s+(?:now\s+)?",
                          re.I)


def status_of(words: str) -> str | None:
    """The status code a tracker's or letter's words state ("will-be-progressed" ->
    being_progressed), or None when they state none, or two."""
    found = {_code(m) for m in _STATUS_RE.finditer(words)
             if not _NEGATED.search(words[max(0, m.start() - 30):m.start()])}
    return found.pop() if len(found) == 1 else None


def _code(m: re.Match[str]) -> str:
    return next(k[2:] for k, v in m.groupdict().items() if v is not None and k.startswith("s_"))


def _date(text: str):
    found = find_dates(text)
    return (found[0].start, found[0].precision) if found else (None, None)


def _entry(page: int, quote: str, status_text: str, when: str, comment: str | None) -> dict | None:
    status = status_of(status_text)
    day, precision = _date(when)
    if status is None or day is None:
        return None
    return {"status": status, "status_text": status_text.strip(), "date": day, "precision": precision,
            "comment": (comment or "").strip(" \t|") or None, "page": page, "quote": quote}


def _page_entries(number: int, text: str) -> list[dict]:
    coded = [(m.start(), _entry(number, m.group(), m.group("status"), m.group("date"), None))
             for m in ENTRY_SHAPES["short-code"].finditer(text)]
    for m in ENTRY_SHAPES["comment-code"].finditer(text):
        day = _date(m.group("date"))[0]  # a comment belongs to the status entry of its day before it
        before = [r for at, r in coded if r and at < m.start() and r["date"] == day]
        if before:
            before[-1]["comment"] = " ".join(m.group("comment").split()) or None
    rows = [r for _, r in coded]
    for m in ENTRY_SHAPES["dated-line"].finditer(text):
        rows.append(_entry(number, m.group().strip(), m.group("status"), m.group("date"), m.group("comment")))
    return [r for r in rows if r]


def tracker_status(doc: Document) -> list[dict]:
    """The dated status entries of a tracker page, in the order the page gives them."""
    head = doc.title + "\n" + (doc.pages[0].text[:600] if doc.pages else "")
    tid = _TRACKER_ID.search(head)
    label = _REC_LABEL.search(doc.pages[0].text[:1500]) if doc.pages else None
    out = []
    for p in doc.pages:
        for r in _page_entries(p.number, p.text):
            out.append({"recommendation": label.group(1) if label else None,
                        "tracker_id": tid.group(1) if tid else None, **r, "source": "tracker"})
    return out


def review_status(progress: list[dict], published, precision: str | None) -> list[dict]:
    """A follow-up report's ratings as statuses, dated by the report's publication."""
    if published is None:
        return []
    return [{"recommendation": r["recommendation"], "tracker_id": None,
             "status": RATING_STATUS[r["rating"]], "status_text": RATING_WORDS[r["rating"]],
             "date": published, "precision": precision, "comment": None, "page": r["page"],
             "quote": r["quote"], "source": "review"}
            for r in progress if r["rating"] in RATING_STATUS]


def letter_status(doc: Document, published, precision: str | None) -> list[dict]:
    """Statuses a commissioner's letter reports: a sentence naming one recommendation and, after a
    verb, one status ("Recommendation 3 has now been completed")."""
    if published is None:
        return []
    out = []
    for p in doc.pages:
        for span in sentences(p.text):
            named = {m.group(1) for m in _NAMED.finditer(span.text)}
            verb = _LETTER_VERB.search(span.text)
            if len(named) != 1 or verb is None:
                continue
            status = status_of(span.text[verb.start():])
            if status is None:
                continue
            words = _STATUS_RE.search(span.text, verb.start())
            out.append({"recommendation": named.pop(), "tracker_id": None, "status": status,
                        "status_text": words.group() if words else None, "date": published,
                        "precision": precision, "comment": None, "page": p.number,
                        "quote": span.text, "source": "letter"})
    return out

