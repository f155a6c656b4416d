"""The shapes in which a sentence pairs case grades with their numbers: one declarative table.

Step two of the case-grade reader (``mentions.py`` is step one). A sentence becomes a skeleton,
"of these , N1 were G2 , N3 G4 and N5 were G6 .", and each shape below is a pattern over
skeletons that pairs one grade token with one number token. To read a new wording, add a
``Shape`` with its examples: ``tests/test_shapes.py`` checks every example reads as it says.

Pattern notation (``re.VERBOSE``, so spaces in a pattern are free): ``_`` is the single space between
two tokens; ``{G}`` a grade, ``{NUM}`` a count, a count of a total ("11 of the 34") or a share,
``{W}`` one ordinary word (no conjunction, no negation, no mention), ``{PAREN}`` a share set off in
dashes, commas or brackets ("212 - or 71 per cent - were ..."). A shape that can only be read
inside a list of grades (``list_only``) pairs nothing in a sentence with one grade.

When two shapes pair one grade with different numbers, or one number with two grades, or two
grades stand joined ("good or adequate in 30"), the sentence gives no figure and says why
(``Reading.unread``). An approximation ("nearly a third") paired with a grade is never a count:
it is reported, and the figures stated beside it are kept (``Reading.aside``), as is a count the
``UNPAIRED`` shapes find with no grade of its own ("the inspectorate agreed on just six"). Every
reason is one of ``vocabulary.UNREAD_REASONS``. A share keeps its stated base ("62 per cent of the
40 cases": percent 62, total 40); the base is never a count, and no count is derived from them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from reportkit.extract.mentions import Mention, find_mentions, skeleton
from reportkit.vocabulary import UNREAD_REASONS


def why(reason: str) -> str:
    """An unread statement's reason, always one the data dictionary lists (UNREAD_REASONS)."""
    if reason not in UNREAD_REASONS:
        raise ValueError(f"not an unread reason: {reason!r}")
    return reason


AMBIGUOUS = why("ambiguous pairing")
COMBINED_GRADES = why("combined grades")
APPROXIMATION = why("approximation")
AGREEMENT = why("agreement without a grade")
NO_GRADE = why("count without a grade")
SPLIT_NUMBER = why("number not clear")

# Words a number and its grade never have between them: joins, contrasts and negations ("11 were
# not good", "neither good nor", "far from good", "failed to reach good", "fell short of good")
_STOP = (r"(?:and|or|but|while|whilst|whereas|compared|than|although|though|not|never|because|"
         r"if|unless|nor|yet|so|then|also|both|rather|neither|far|fail|fails|failed|failing|"
         r"short|fell|fall|falls|below|anything|nowhere|no|none|nothing|lacked|lacking)")
_MACROS = {
    "G": r"(?P<g>G\d+)",
    "NUM": r"(?P<n>[NFPA]\d+)",
    "R": r"(?P<n>R\d+)",
    "W": rf"(?!{_STOP}\b)[a-z][a-z'-]*",
    "PAREN": r"(?:[(,\u2013\u2014-] _ (?:or _ |some _ )?(?P<p>[PA]\d+) _ [),\u2013\u2014-])",
}


@dataclass(frozen=True)
class Shape:
    name: str
    pattern: str
    examples: tuple[str, ...] = ()
    list_only: bool = False  # read only when the sentence pairs two or more grades
    single_only: bool = False  # read only when the sentence has one grade
    derived: bool = False  # the count is not stated: it is the total less the others
    report: str | None = None  # the shape says which report: "earlier", "latest"; or "comparison"
    shares_grade: bool = False  # one grade, several numbers (one per report): not ambiguous
    reason: str | None = None  # UNPAIRED: why the number it finds is left unread

    def regex(self) -> re.Pattern[str]:
        text = self.pattern
        for key, value in _MACROS.items():
            text = text.replace("{" + key + "}", value)
        return re.compile(text.replace("_", r"\x20"), re.VERBOSE)


SHAPES: tuple[Shape, ...] = (
    Shape("number before grade", r"""
          {NUM} (?: _ cases? | _ of _ (?:the _ | all _)? cases)? (?: _ {PAREN})? (?: _ {W}){0,7}? _ {G}
          (?: _ , _ or _ (?P<p2>P\d+) | _ \( _ (?P<p3>P\d+) _ \))?""",
          ("Of these, 14 were good, 9 required improvement and three were inadequate.",
           "Inspectors looked at 61 cases. 15 cases were seen as good, 29 cases requiring "
           "improvement, 17 cases as inadequate.",
           "They audited 31 cases (10 cases were good, 13 required improvement and 8 were "
           "inadequate).",
           "Of 58 cases, 40 - or 69 per cent - were rated 'inadequate' or 'requires improvement'.",
           "Inspectors found 19 of the 72 cases they checked were inadequate.",
           "None of these cases were assessed as good.",
           "In the review, 5 of 25 were inadequate, or 20 per cent.",
           "Of the 66 cases, 17 cases (26%) were good and 20 were inadequate (30%).")),
    Shape("N of the M cases, a long clause, one grade", r"""
          (?P<n>F\d+) (?: _ {W}){8,16}? _ {G}""",
          ("Five of the seven cases inspectors looked at where a child was held in custody were "
           "judged to require improvement.",), single_only=True),
    Shape("in N cases, then the grade", r"""
          in _ (?:the _ remaining _ | a _ further _ | another _)? {NUM} (?: _ {W}){0,3}? _ cases
          (?: _ {W}){0,12}? _ , (?: _ which | (?: _ {W}){1,5}?) (?: _ either)? _ {G}""",
          ("In the remaining 40 cases, the work required improvement or was inadequate.",
           "In four of the ten cases involving children who had gone missing, the police "
           "response was inadequate."),
          single_only=True),
    Shape("the remaining N cases, which ...", r"""
          remaining _ {NUM} _ cases _ , _ which (?: _ {W}){0,2}? _ {G}""",
          ("A member asked about the remaining 13 cases, which either required improvement or "
           "were inadequate.",), single_only=True),
    Shape("fallen from N", r"""
          number _ of _ {G} _ cases _ (?:has _ | had _)? (?:fallen | dropped | gone _ down | risen |
          gone _ up | increased | decreased | reduced | come _ down) _ from _ {NUM}""",
          ("The number of inadequate cases has fallen from 30 at the first inspection to six.",),
          report="earlier", shares_grade=True),
    Shape("... to N", r"""
          number _ of _ {G} _ cases _ (?:has _ | had _)? (?:fallen | dropped | gone _ down | risen |
          gone _ up | increased | decreased | reduced | come _ down) _ from _ [NF]\d+
          (?: _ {W}){0,5}? _ to _ {NUM}""",
          ("The number of inadequate cases has fallen from 30 at the first inspection to six.",),
          report="latest", shares_grade=True),
    Shape("grade before number, in N", r"""
          {G} _ in (?: _ (?:a _ further | another | only | just | a _ total _ of))? _ {NUM}
          (?: _ (?:cases? | of _ them | of _ these | of _ those | instances))?""",
          ("Practice was judged good in 19 cases, requiring improvement in 22 and inadequate "
           "in 11.",
           "It was rated 'Good' in 19 cases, 'Requiring Improvement' in 22 cases, and "
           "'Inadequate' in 11 cases.",
           "Work was good in 12 cases, required improvement in a further 12 cases, and "
           "inadequate in 30.",
           "They assessed the work as 'good' in 25 of them, 'requiring improvement' in 20 and "
           "'inadequate' in 18.")),
    Shape("grade practice in N cases", r"""
          {G} _ practice (?: _ (?:was | were) _ (?:found | seen | identified))? _ in _
          (?:only _ | just _)? (?: (?P<n>F\d+) | (?P<n2>N\d+) _ cases\b | (?P<n3>P\d+) _ of)""",
          ("Inspectors found good practice in 11 of the 32 cases they audited.",
           "It found 'good' practice in only 30 per cent of the cases it examined.")),
    Shape("grade practice, found in N", r"""
          {G} _ practice (?: _ (?:was | were) _ (?:found | seen | identified))? _ in _ {NUM}
          (?: _ (?:cases? | of _ them))?""",
          ("The audit found 'good' practice in 12, 'requires improvement' in 20 and "
           "'inadequate' in 9.",), list_only=True),
    Shape("grade, colon, number", r"""
          {G} _ (?: : | \u2013 | - ) _ {NUM} (?: _ cases?)?""",
          ("Good: 12 cases; requires improvement: 20 cases; inadequate: 9 cases.",),
          list_only=True),
    Shape("the remainder", r"""
          {R} (?: _ {W}){0,3}? _ {G}""",
          ("We audited 30 cases: seven were good, 15 required improvement and the rest were "
           "inadequate.",), derived=True),
)
_COMPILED = tuple((s, s.regex()) for s in SHAPES)

# A number whose grade is understood from the figure before it: it takes that figure's grade.
ELLIPSES: tuple[Shape, ...] = (
    Shape("comparison, grade understood", r"""
          (?: compared | against | set _ against | up _ from | down _ from) _ (?:with _ | to _)?
          (?P<n>[NF]\d+) (?! _ (?:cases _)? (?:were _ | was _)? G\d+)""",
          report="comparison",
          examples=("Nine cases out of 34 were inadequate, compared with 30 out of 70 at the "
                    "first inspection.",)),
    Shape("the same again, grade understood", r"""
          [,;] (?: _ {W}){0,6}? _ (?P<n>F\d+) _ (?:cases _)? (?:were | was | did) (?= _ [.;] | $)""",
          ("In the 2015 inspection, 20 of 60 cases were inadequate; in the 2017 review, 5 of 30 "
           "were.",)),
)
_ELLIPSES = tuple((s, s.regex()) for s in ELLIPSES)

# A count no shape paired, in a wording that names no grade of its own: "the inspectorate agreed on
# just six" (agreed with the force's grading? with one grade or all?). Never guessed: left unread.
UNPAIRED: tuple[Shape, ...] = (
    Shape("agreed on N", r"""
          (?:agreed | agree | agrees | agreeing | concurred | concur | concurs | matched | upheld |
          endorsed | confirmed | accepted | shared) (?: _ {W}){0,8}? _ (?P<n>[NF]\d+)""",
          ("Of 20 cases, the force's auditors said 14 were good; the inspectorate agreed on just "
           "six.",
           "Of the 12 cases the force's own assessors judged good, the inspectors agreed in only "
           "five."), reason=AGREEMENT),
    Shape("a grader's bare count", r"""
          (?:said | says | found | finds | judged | rated | graded | assessed | counted | scored |
          put _ it _ at | gave) _ (?:only _ | just _ | a _ mere _ | as _ few _ as _)?
          (?P<n>[NF]\d+) (?= _ [.;,)] | $)""",
          ("Of the 40 cases, the force said 25 were good; inspectors said 12.",
           "Internally, 20 of the 35 cases were judged good, but HMIC found only 9."),
          reason=NO_GRADE),
)


def _reason(shape: Shape) -> str:
    """An UNPAIRED shape's reason for the number it finds: each one names it."""
    if shape.reason is None:
        raise ValueError(f"UNPAIRED shape without a reason: {shape.name!r}")
    return shape.reason


_UNPAIRED = tuple((_reason(s), s.regex()) for s in UNPAIRED)

# The size of the case set: a number these shapes find is a total, never a grade's count.
_CASES = r"(?:cases? | case _ files | files | referrals | investigations | records)\b"
_EXAMINED = (r"(?:examined | looked _ at | audited | reviewed | assessed | inspected | checked |"
             r" considered | sampled | analysed | studied | read | re-graded | regraded | tested |"
             r" scrutinised | dip-sampled | selected | inspecting | examining | reviewing |"
             r" auditing | graded | went _ through | looked _ through | examine | review | audit)\b")
# ... unless the cases are graded in the same breath ("assessed 15 cases as good")
_NOT_GRADED = r""" (?! (?: _ {W}){0,7}? _ (?:as _ | to _ be _)? G\d+ (?! _ (?:practice _)? in\b))"""
TOTALS: tuple[Shape, ...] = (
    Shape("of N cases", r"""
          (?: ^ | [,:;(.] _ | ^ (?:{W} _){1,6}? | (?:audit | sample | review | total | analysis |
          examination | findings | results) _ )
          (?: out _ )? (?: of | for | among | amongst) _ (?:the _ | these _ | those _ | all _ | its _)?
          (?P<t>N\d+) (?= (?: _ {W}){0,4}? _ """ + _CASES + _NOT_GRADED + r""")""",
          ("Of 58 cases where officers had identified a risk, 14 were good.",
           "Out of 12 cases of sexual exploitation examined, seven were inadequate.",
           "Among 9 cases of online abuse, four were good.",
           "The force's audit of 40 cases found ...")),
    Shape("examined N cases", r"""
          """ + _EXAMINED + r""" (?: _ (?!in\b){W}){0,3}? _ (?P<t>N\d+) (?= (?: _ {W}){0,5}? _ """
          + _CASES + _NOT_GRADED + r""")""",
          ("Inspectors examined 66 cases involving children at risk.",
           "HMIC audited 31 child protection cases.")),
    Shape("N cases were examined", r"""
          (?P<t>N\d+) (?: _ {W}){0,5}? _ """ + _CASES + r""" (?: _ {W}){0,3}?
          (?: _ (?:were | was | had _ been | have _ been | being))? _ """ + _EXAMINED
          + _NOT_GRADED,
          ("During the inspection, 61 cases were examined.",
           "the findings for the 60 cases inspected:")),
    Shape("N of the cases involved ...", r"""
          (?: ^ | \. _ ) (?P<t>N\d+) _ of _ (?:the _ | these _ | those _)? cases _
          (?:involved | concerned | related | were _ about | were _ of)""",
          ("Eleven of the cases involved children held in police custody.",)),
    Shape("the case files of N children", r"""
          (?:case _ files | cases | files | records) _ of _ (?P<t>N\d+) _ (?:children | young _ people)""",
          ("Inspectors assessed the case files of seven children in residential care.",)),
    Shape("N audited cases", r"""
          (?P<t>N\d+) _ (?:self _ assessed | self-assessed | audited | sampled | examined |
          reviewed | inspected) _ (?:child _ protection _)? cases""" + _NOT_GRADED,
          ("The force had graded its 30 self-assessed cases before the visit.",)),
    Shape("a sample of N", r"""
          (?: sample | total ) _ of _ (?P<t>N\d+)""",
          ("a sample of 40 cases",)),
    # the base of a share or an approximation is stated exactly even where the share is not
    Shape("a share of N cases", r"""
          (?P<t>[AP]\d+) (?= (?: _ {W}){0,2}? _ """ + _CASES + r""")""",
          ("Just under 90% of the 31 cases reviewed required improvement or were inadequate.",
           "62 per cent of the 40 cases were judged good.")),
)
_TOTALS = tuple((s, s.regex()) for s in TOTALS)


@dataclass
class Item:
    """One grade paired with one number: the count (or share) and, from "11 of the 34", a total."""

    grade: str
    cases: int | None
    percent: float | None
    total: int | None
    start: int  # offsets in the sentence of the grade and its number, both
    end: int
    shape: str
    basis: str = "stated"
    grade_at: int = 0  # where the grade is: who graded is named before it
    report: str | None = None  # from the shape: "earlier" or "latest"


@dataclass
class Reading:
    items: list[Item] = field(default_factory=list)
    total: int | None = None
    total_at: int | None = None
    unread: str | None = None  # why the sentence's figures were not read (none of them is kept)
    aside: list[str] = field(default_factory=list)  # why some were not: the others stand

    @property
    def approximations(self) -> bool:
        return APPROXIMATION in self.aside


def _tokens(skel: str) -> list[str]:
    return skel.split(" ")


def _index(token: str) -> int:
    return int(token[1:])


def _token(group: str | None) -> str:
    """A token the shape's pattern always captures (its ``{NUM}``, in one of its groups)."""
    if group is None:
        raise ValueError("shape matched without its number")
    return group


def _grade(m: Mention) -> str:
    """The slug of a grade mention (kind G): every one has it."""
    if m.grade is None:
        raise ValueError(f"a grade mention without its grade at {m.start}")
    return m.grade


def _count(m: Mention) -> int:
    """The count a number mention (N, F) states."""
    if m.value is None:
        raise ValueError(f"a number mention without its value at {m.start}")
    return int(m.value)


def _size(m: Mention) -> int | None:
    """The case-set size a total mention states: a count, or the base of a share ("of the 31")."""
    return m.total if m.kind in "AP" else (int(m.value) if m.value is not None else None)


def _totals(skel: str, mentions: list[Mention]) -> list[int]:
    """Indices (into ``mentions``) of the numbers that state the size of the case set."""
    found = []
    for _shape, rx in _TOTALS:
        for m in rx.finditer(skel):
            i = _index(m.group("t"))
            if i not in found and _size(mentions[i]):  # a set of no cases is no set
                found.append(i)
    return found


def _pairs(skel: str, grades: int) -> list[tuple[Shape, int, int, int | None]]:
    """(shape, grade index, number index, share index) for every shape match in the skeleton."""
    out = []
    for shape, rx in _COMPILED:
        for m in rx.finditer(skel):
            p = m.groupdict().get("p") or m.groupdict().get("p2") or m.groupdict().get("p3")
            n = m.group("n") or m.groupdict().get("n2") or m.groupdict().get("n3")
            out.append((shape, _index(m.group("g")), _index(_token(n)), _index(p) if p else None))
    return [x for x in out if (not x[0].list_only or grades >= 2)
            and (not x[0].single_only or grades == 1)]


_JOINED = re.compile(r"\bG\d+ (?:or|and|/|and/or) G\d+\b")
_FORCES = re.compile(r"\b(?:forces|constabularies|police\s+services)\b", re.I)
_CASE_NOUN = re.compile(r"\bcases?\b|\bcase\s+files\b", re.I)


def read_sentence(text: str) -> Reading:
    """Pair the grades of one sentence with their numbers, or say why it cannot be done."""
    if _FORCES.search(text) and not _CASE_NOUN.search(text):
        return Reading()  # "rated 21 forces as requiring improvement": forces, not cases
    mentions = find_mentions(text)
    grades = [m for m in mentions if m.kind == "G"]
    if not grades:
        return Reading()
    if any(m.kind == "X" for m in mentions):  # "1 000 were good": 1,000 or 1 and 0
        return Reading(unread=SPLIT_NUMBER)
    skel, _spans = skeleton(text, mentions)
    totals = _totals(skel, mentions)
    for i in totals:  # a total is never a grade's count: hide it from the shapes
        skel = re.sub(rf"\b[NF]{i}\b", "T", skel)
    reading = Reading()
    if totals:
        first = mentions[totals[0]]
        reading.total, reading.total_at = _size(first), first.start
    if _JOINED.search(skel):  # "good or adequate in 30": a combination the scale has no name for
        reading.unread = COMBINED_GRADES
        return reading
    pairs = _pairs(skel, len(grades))
    by_grade: dict[int, set[int]] = {}
    by_number: dict[int, set[int]] = {}
    for shape, g, n, _p in pairs:
        if not shape.shares_grade:
            by_grade.setdefault(g, set()).add(n)
        by_number.setdefault(n, set()).add(g)
    if any(len(v) > 1 for v in by_grade.values()) or any(len(v) > 1 for v in by_number.values()):
        reading.unread = AMBIGUOUS
        return reading
    seen = set()
    for shape, g, n, p in sorted(pairs, key=lambda x: (mentions[x[1]].start, mentions[x[2]].start)):
        if (g, n) in seen:
            continue
        seen.add((g, n))
        item = _item(shape, mentions[g], mentions[n], mentions[p] if p is not None else None)
        if item is None:
            _aside(reading, APPROXIMATION)
            continue
        item.report = shape.report
        reading.items.append(item)
    reading.items += _understood(skel, mentions, reading.items)
    for reason in _unpaired(skel, {n for _s, _g, n, _p in pairs}, reading.items, mentions):
        _aside(reading, reason)
    return reading


def _aside(reading: Reading, reason: str) -> None:
    if reason not in reading.aside:
        reading.aside.append(reason)


def _unpaired(skel: str, paired: set[int], items: list[Item], mentions: list[Mention]) -> list[str]:
    """Reasons for the counts the UNPAIRED shapes find that no shape (nor ellipsis) has read."""
    taken = {(i.start, i.end) for i in items}
    out = []
    for reason, rx in _UNPAIRED:
        for m in rx.finditer(skel):
            i = _index(m.group("n"))
            n = mentions[i]
            if i not in paired and not any(a <= n.start and n.end <= b for a, b in taken):
                out.append(reason)
    return out


def _understood(skel: str, mentions: list[Mention], items: list[Item]) -> list[Item]:
    """Numbers whose grade is the one just stated ("..., compared with 30 out of 70 ...")."""
    out = []
    for shape, rx in _ELLIPSES:
        for m in rx.finditer(skel):
            n = mentions[_index(m.group("n"))]
            before = [i for i in items if i.end <= n.start and i.cases is not None]
            if before:
                g = before[-1]
                out.append(Item(g.grade, _count(n), None, n.total, n.start, n.end, shape.name,
                                grade_at=n.start, report=shape.report))
    return out


def _item(shape: Shape, g: Mention, n: Mention, p: Mention | None) -> Item | None:
    at = (min(g.start, n.start), max(g.end, n.end))
    if p is not None and p.kind == "A":
        p = None  # "183 - almost half - were inadequate": the count is stated, the share is not
    if n.kind == "A":  # "nearly half (44%)": the share is stated, the words only round it
        if p is None:
            return None
        return Item(_grade(g), None, p.value, p.total, *at, shape.name, grade_at=g.start)
    if n.kind == "R":
        return Item(_grade(g), None, None, None, *at, shape.name, "derived", g.start)
    if n.kind == "P":  # a share, with its base if stated; its count is never derived from them
        return Item(_grade(g), None, n.value, n.total, *at, shape.name, grade_at=g.start)
    percent = p.value if p is not None else None
    return Item(_grade(g), _count(n), percent, n.total, *at, shape.name, grade_at=g.start)


def sentence_totals(text: str) -> list[tuple[int, int]]:
    """(total, offset) of the case-set sizes a sentence states, grades or not."""
    mentions = find_mentions(text)
    if not any(m.kind in "NF" or m.total for m in mentions):
        return []
    skel, _ = skeleton(text, mentions)
    return [(size, mentions[i].start) for i in _totals(skel, mentions)
            if (size := _size(mentions[i])) is not None]  # _totals keeps only sets of some size
