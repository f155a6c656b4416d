"""Graded areas: the five topics a report has graded since April 2024, each on the five-point scale.

``AREA_WORDINGS`` holds the wordings reports, press and letters use for each area, and
``GRADE_WORDINGS`` those for each grade; ``SHAPES`` the statements that pair them, each with its
examples (checked by tests/test_area_grades.py): a heading or a summary-table row ("Investigation:
requires improvement", "Leadership | Good"), prose ("rated adequate for its initial response",
"its investigation was graded as inadequate"), and counts ("good in two areas and adequate in
three"). A count names no area, so it is filed as a count row (area empty, ``areas`` = the count,
basis ``count``), and only when the document does not grade all five areas itself. An area given
two different grades in one document is a conflict: neither is filed, and a warning says so.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from reportkit.extract.sentences import lines, sentences, window
from reportkit.read.document import Document
from reportkit.vocabulary import GRADED_AREAS

FIRST_YEAR = 2024  # the method took effect in April 2024: an earlier document grades no area

# area code -> (pattern, examples). Longest wordings first inside each pattern.
AREA_WORDINGS: dict[str, tuple[str, tuple[str, ...]]] = {
    "leadership": (
        r"""(?:strategic\s+)? leadership (?: \s*,\s*management\s+and\s+governance
                                          | \s+and\s+(?:management|governance) )?
            | how\s+(?:well\s+)?the\s+force\s+is\s+led""",
        ("leadership", "Leadership and governance", "how well the force is led")),
    "partnership": (
        r"""partnership\s+working | (?:working|work)\s+with\s+(?:its\s+|other\s+)?(?:partners|partner\s+agencies
            |other\s+agencies) | multi-agency\s+working | partnerships?""",
        ("partnership working", "working with partners", "work with partner agencies",
         "multi-agency working")),
    "initial_response": (
        r"""(?:the\s+)?initial\s+(?:police\s+)?(?:response|contact) (?:\s+to\s+(?:children|concerns))?
            | first\s+response""",
        ("initial response", "initial contact", "initial response to children", "first response")),
    "risk_assessment": (
        r"""(?:the\s+)?(?:risk\s+assessment|assessment\s+of\s+risk) (?:\s+and\s+referral (?:\s+of\s+cases)?)?
            | assessing\s+(?:and\s+referring\s+)?risk | assessment\s+and\s+referral""",
        ("risk assessment and referral of cases", "risk assessment and referral",
         "risk assessment", "assessment of risk", "assessing risk")),
    "investigation": (
        r"investigations? | investigating\s+(?:offences|crimes?|cases)",
        ("investigation", "investigations", "investigating offences")),
}
# grade code -> pattern (the five-point scale: vocabulary.AREA_SCALE)
GRADE_WORDINGS: dict[str, str] = {
    "outstanding": r"outstanding",
    "good": r"good",
    "adequate": r"adequate",
    "requires_improvement": r"requir(?:es|ed|ing|e)\s+improvement | needs?\s+improvement",
    "inadequate": r"inadequate",
}
_Q = r"""['"\u2018\u2019\u201c\u201d]?"""  # a grade may stand in quotes: 'good', “adequate”


def _alternation(table: dict[str, str], group: str) -> str:
    return "(?:" + "|".join(f"(?P<{group}_{code}>{rx})" for code, rx in table.items()) + ")"


_AREA = _alternation({k: v for k, (v, _) in AREA_WORDINGS.items()}, "a")
_GRADE = _Q + _alternation(GRADE_WORDINGS, "g") + _Q
_THE = r"(?:(?:its|the|their|the\s+force['\u2019]s)\s+)?"
_VERB = r"(?:rated|graded|judged|assessed|found\s+to\s+be)"
_NUMBER = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "all": 5}
_N = r"(?P<n>[1-5]|one|two|three|four|five)"


@dataclass(frozen=True)
class Shape:
    name: str
    pattern: re.Pattern[str]
    examples: tuple[str, ...]
    on_lines: bool = False  # read line by line (headings, table rows), else sentence by sentence


def _shape(name: str, rx: str, examples: tuple[str, ...], on_lines: bool = False) -> Shape:
    return Shape(name, re.compile(rx, re.I | re.X), examples, on_lines)


# statements that pair one area with one grade
SHAPES: tuple[Shape, ...] = (
    _shape("heading", rf"^ \s* (?:\d{{1,2}}(?:\.\d{{1,2}})*\.?\s+)? {_AREA} \s* (?: [:|\u2013\u2014-] | \t | \s{{2,}} | \s ) \s* {_GRADE} \s* $",
           ("Investigation: requires improvement", "Partnership working \u2013 good",
            "Leadership | Good", "Risk assessment and referral of cases Adequate",
            "4. Leadership: requires improvement"), on_lines=True),
    _shape("grade-for-area", rf"\b{_VERB}\s+(?:(?:it|the\s+force|[A-Z]\w+(?:\s+[A-Z]\w+){{0,3}})\s+)?(?:as\s+|to\s+)?"
                             rf"{_GRADE}\s+(?:for|in|at|on)\s+{_THE}{_AREA}\b",
           ("The force was rated adequate for its initial response.",
            "We graded the force as good for leadership.",
            "It was judged to require improvement in investigation.")),
    _shape("area-was-graded", rf"\b{_THE}{_AREA}\s+(?:was|is|has\s+been)\s+(?:also\s+)?{_VERB}\s+(?:as\s+)?{_GRADE}",
           ("Its investigation was graded as inadequate.",
            "Partnership working was rated good.")),
)
# counts of areas per grade: "good in two areas and adequate in three", "two areas were graded good"
_COUNT_AFTER = re.compile(rf"{_GRADE}\s+(?:in|for)\s+{_N}\b(?!\s+(?:of\s+(?:the\s+)?)?cases?\b)", re.I | re.X)
_COUNT_BEFORE = re.compile(rf"\b{_N}\s+(?:of\s+the\s+five\s+)?areas?\s+(?:were|was)\s+(?:{_VERB}\s+)?(?:as\s+)?{_GRADE}",
                           re.I | re.X)
_CASES = re.compile(r"\bcases?\b|\bcase\s+files?\b", re.I)
_AREAS_WORD = re.compile(r"\bareas?\b|\btopics?\b", re.I)
COUNT_EXAMPLES = ("We graded the force as good in two areas and adequate in three.",
                  "Two areas were graded good and three adequate.")


def _code(m: re.Match[str], group: str) -> str:
    return next(k[len(group) + 1:] for k, v in m.groupdict().items()
                if v is not None and k.startswith(group + "_"))


def pairs_in(text: str, on_lines: bool | None = None) -> list[tuple[str, str, int, int]]:
    """(area, grade, start, end) for each area-and-grade statement in a line (``on_lines``), a
    sentence (not ``on_lines``) or either (None)."""
    out = []
    for shape in SHAPES:
        if on_lines is not None and shape.on_lines != on_lines:
            continue
        for m in shape.pattern.finditer(text):
            out.append((_code(m, "a"), _code(m, "g"), m.start(), m.end()))
    return out


def counts_in(sentence: str) -> list[tuple[str, int]]:
    """(grade, number of areas) a sentence states, when it counts areas ("good in two areas")."""
    if not _AREAS_WORD.search(sentence):
        return []
    found = [(_code(m, "g"), _NUMBER.get(m.group("n").lower()) or int(m.group("n")))
             for rx in (_COUNT_AFTER, _COUNT_BEFORE) for m in rx.finditer(sentence)]
    if (m := _COUNT_BEFORE.search(sentence)) is not None:  # "... and three adequate"
        rest = re.finditer(rf"\band\s+{_N}\s+(?:as\s+)?{_GRADE}", sentence[m.end():], re.I | re.X)
        found += [(_code(r, "g"), _NUMBER.get(r.group("n").lower()) or int(r.group("n"))) for r in rest]
    seen: dict[str, int] = {}
    for grade, n in found:
        seen.setdefault(grade, n)
    return list(seen.items()) if sum(seen.values()) <= len(GRADED_AREAS) else []


def is_area_statement(quote: str) -> bool:
    """A sentence about graded areas, not cases: the case-grade and claim readers leave it alone
    ("good in two areas and adequate in three" is no count of three adequate cases). One that
    counts cases too ("investigation was rated good in 12 cases") stays theirs."""
    if not isinstance(quote, str):
        return False
    return bool(counts_in(quote)) or (bool(pairs_in(quote)) and not _CASES.search(quote))


# every statement above holds one of these grade stems: a cheap test before the patterns
_GRADE_STEMS = ("outstanding", "good", "adequate", "improvement")


def _graded(text: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in _GRADE_STEMS)


def _page_rows(number: int, text: str) -> tuple[list[dict], list[dict]]:
    stated: list[dict] = []
    counted: list[dict] = []
    if not _graded(text):
        return stated, counted
    for quote in _line_statements(text):
        for area, grade, *_ in pairs_in(quote.replace("\n", " "), on_lines=True):
            stated.append(_stated(area, grade, number, quote))
    for span in sentences(text):
        if not _graded(span.text):
            continue
        for area, grade, a, b in pairs_in(span.text, on_lines=False):
            stated.append(_stated(area, grade, number, window(text, span, (span.start + a, span.start + b))))
        counted += [{"area": None, "grade": g, "areas": n, "page": number, "quote": span.text,
                     "basis": "count"} for g, n in counts_in(span.text)]
    return stated, counted


def _line_statements(text: str) -> list[str]:
    """Each line, and each two lines that read as one heading or table row only together (a
    heading or a table cell wraps: "Risk assessment and" / "referral of cases Adequate")."""
    spans = [s for s in lines(text) if len(s.text) <= 120]  # a heading or a row, not prose
    out = [s.text for s in spans if _graded(s.text)]
    for a, b in zip(spans, spans[1:]):
        if ("\n\n" not in text[a.end:b.start] and _graded(b.text) and not pairs_in(a.text, on_lines=True)
                and not pairs_in(b.text, on_lines=True)):
            out.append(text[a.start:b.end])
    return out


def _stated(area: str, grade: str, page: int, quote: str) -> dict:
    return {"area": area, "grade": grade, "areas": None, "page": page, "quote": quote, "basis": "stated"}


def document_areas(doc: Document) -> tuple[list[dict], list[str]]:
    """The area_grades rows of a document and plain-English warnings (conflicting grades)."""
    stated: list[dict] = []
    counted: list[dict] = []
    for p in doc.pages:
        s, c = _page_rows(p.number, p.text)
        stated += s
        counted += c
    rows, warnings = _one_per_area(stated)
    if len({r["area"] for r in rows}) < len(GRADED_AREAS):
        rows += _first_per_grade(counted)
    return rows, warnings


def _one_per_area(rows: list[dict]) -> tuple[list[dict], list[str]]:
    grades: dict[str, set[str]] = {}
    for r in rows:
        grades.setdefault(r["area"], set()).add(r["grade"])
    out, seen, warnings = [], set(), []
    for r in rows:
        if len(grades[r["area"]]) > 1:
            continue
        if r["area"] not in seen:
            seen.add(r["area"])
            out.append(r)
    for area, found in grades.items():
        if len(found) > 1:
            warnings.append(f"area {area.replace('_', ' ')} given two grades "
                            f"({' and '.join(sorted(g.replace('_', ' ') for g in found))}): neither filed")
    return out, warnings


def _first_per_grade(rows: list[dict]) -> list[dict]:
    """A count restated (summary, then conclusion) once; two different counts of one grade: none."""
    values: dict[str, set[int]] = {}
    for r in rows:
        values.setdefault(r["grade"], set()).add(r["areas"])
    out, seen = [], set()
    for r in rows:
        if len(values[r["grade"]]) == 1 and r["grade"] not in seen:
            seen.add(r["grade"])
            out.append(r)
    return out
