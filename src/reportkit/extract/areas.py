"""Which inspection area a heading names, or a sentence is about (codes: vocabulary.INSPECTION_AREAS).

Two declarative tables, each shape with examples the tests check:

- ``AREA_HEADINGS``: the whole of a heading (its numbering dropped) as reports print a chapter:
  "4. Investigation", "Leadership, management and governance", "Police detention of children".
  A heading must *be* the area's name: a sub-heading that is a sentence ("Investigations were
  delayed by high workloads") names no area, so it cannot move a finding to another chapter.
- ``AREA_PHRASES``: what a sentence or a recommendation is about ("children held in police cells"),
  for a finding in a section that names no area (a conclusion, a progress chapter). The area
  with most phrases wins; a tie goes to the first in the table, none found gives no area.
"""
from __future__ import annotations

import re

_NUMBERING = re.compile(r"^\s*(?:(?:chapter|section|part)\s+)?\d{1,2}(?:\.\d{1,2})*[.:)]?\s+", re.I)
_LEAD = r"(?:(?:the|our|how\s+the\s+force|how\s+well\s+the\s+force)\s+)?"

# area -> (the heading's whole text, examples). Order matters only where two could match.
AREA_HEADINGS: dict[str, tuple[str, list[str]]] = {
    "risk_assessment": (
        r"risk\s+assessment(?:\s+and\s+referrals?)?(?:\s+of\s+(?:cases|children))?"
        r"|assessing\s+risk(?:\s+and\s+referring)?",
        ["Risk assessment and referral", "5. Assessing risk",
         "7. Risk assessment and referral of cases: requires improvement"]),
    "initial_contact": (
        r"initial\s+contacts?|first\s+contact|call\s+handling(?:\s+and\s+attendance)?",
        ["Initial contact", "2.1 First contact"]),
    "initial_response": (
        r"initial\s+response|(?:responding\s+to|the\s+first\s+response\s+to)\s+children\s+at\s+risk",
        ["Initial response"]),
    "assessment_and_help": (
        r"assessment\s+and\s+help|assessing\s+and\s+helping(?:\s+children)?"
        r"|assessment(?:\s+of\s+need)?\s+and\s+(?:support|referral\s+to\s+help)",
        ["Assessment and help", "3. Assessing and helping children"]),
    "investigation": (
        _LEAD + r"investigati(?:on|ons|ng)(?:\s+(?:of\s+)?(?:child\s+abuse|abuse|offences"
        r"(?:\s+against\s+children)?|crimes?\s+against\s+children))?",
        ["Investigation", "4. Investigating child abuse", "Investigations"]),
    "decision_making": (
        r"decision[\s-]+making|decisions(?:\s+about\s+(?:cases|children))?",
        ["Decision making", "Decision-making"]),
    "trusted_adult": (
        r"(?:a\s+)?trusted\s+adults?|(?:a\s+)?named\s+(?:person|officer)\s+for\s+(?:the\s+)?child(?:ren)?",
        ["Trusted adult"]),
    "managing_risk": (
        r"managing\s+(?:those|people|individuals|offenders)(?:\s+who\s+pose|\s+posing)\s+a\s+risk"
        r"(?:\s+to\s+children)?|managing\s+(?:registered\s+)?(?:sex\s+)?offenders|offender\s+management",
        ["Managing those posing a risk to children", "Managing those who pose a risk to children"]),
    "police_detention": (
        r"(?:police\s+)?detention(?:\s+of\s+children)?|children\s+in\s+(?:police\s+)?custody|custody",
        ["Police detention", "Police detention of children", "Children in custody"]),
    "leadership": (
        _LEAD + r"leadership(?:,?\s+(?:and\s+)?management)?(?:,?\s+and\s+governance)?"
        r"|management\s+and\s+governance|governance",
        ["Leadership, management and governance", "Leadership", "Leadership and management",
         "4. Leadership: adequate"]),
    "case_file_analysis": (
        r"case\s+file\s+(?:analysis|audit|review)|(?:the\s+)?cases\s+(?:we\s+|inspectors\s+)?examined",
        ["Case file analysis", "3. Case file analysis"]),
    "child_sexual_exploitation": (
        r"(?:child\s+sexual\s+exploitation|sexual\s+exploitation\s+of\s+children|cse)"
        r"(?:\s+\(cse\))?",
        ["Child sexual exploitation", "Child sexual exploitation (CSE)"]),
    "missing_children": (
        r"missing\s+children|children\s+who\s+go\s+missing(?:\s+from\s+home)?|missing\s+from\s+home",
        ["Missing children", "Children who go missing"]),
    "partnership": (
        r"partnership(?:\s+working)?|working\s+with\s+partners|multi[\s-]agency\s+working",
        ["Partnership working", "Working with partners"]),
}

# area -> (phrases a sentence about it uses, examples). Each phrase is a whole word or phrase.
AREA_PHRASES: dict[str, tuple[str, list[str]]] = {
    "child_sexual_exploitation": (
        r"sexual\s+exploitation|exploitation\s+(?:screening|teams?|cases)|\bcse\b",
        ["screening for child sexual exploitation is used consistently"]),
    "missing_children": (
        r"return\s+(?:home\s+)?interviews?|missing\s+(?:episodes?|children|from\s+home)|go(?:es|ne)?\s+missing",
        ["information from return interviews reaches the officers dealing with missing episodes"]),
    "managing_risk": (
        r"registered\s+(?:sex\s+)?offenders?|offender\s+risk\s+assessments?|sex\s+offenders?"
        r"|(?:civil|prevention)\s+orders",
        ["bring overdue risk assessments of registered offenders up to date"]),
    "police_detention": (
        r"\bcustody\b|police\s+cells?|\bcells\b|\bdetain(?:ed|ing)?\b|\bdetention\b|appropriate\s+adults?"
        r"|police\s+protection|places?\s+of\s+safety|after\s+charge",
        ["end the overnight detention of children in police cells after charge",
         "review its use of police protection powers so that children are taken to places of safety"]),
    "initial_contact": (
        r"call\s+handlers?|control\s+room|frontline\s+officers?|attending\s+officers?"
        r"|(?:at|to)\s+(?:an|the|each)\s+incident|domestic\s+incidents?|first\s+point\s+of\s+contact"
        r"|front\s+counter|body[\s-]worn",
        ["frontline officers record the views of every child present at an incident"]),
    "assessment_and_help": (
        r"\breferrals?\b|strategy\s+(?:discussions?|meetings?)|safeguarding\s+hub|\bhub\b"
        r"|(?:child\s+protection|case)\s+conferences?|information\s+sharing",
        ["improve the timeliness of strategy discussions",
         "ensure that an officer attends each initial child protection conference"]),
    "trusted_adult": (
        r"named\s+officer|single\s+point\s+of\s+contact|kept\s+informed|keeps?\s+(?:each|the)\s+child"
        r"\s+informed|independent\s+advocates?|continuity\s+of\s+contact|investigating\s+officer\s+changed",
        ["ensure that a named officer keeps each child informed throughout an investigation"]),
    "investigation": (
        r"\binvestigat(?:ion|ions|ive|or|ors)\b|forensic|\bevidence\b|\bsuspects?\b|\bbail\b"
        r"|interviews?\s+with\s+children|supervisory\s+(?:reviews?|direction)",
        ["ensure that supervisors set and record clear investigative actions"]),
    "decision_making": (
        r"no\s+further\s+action|\bdecisions?\b|prosecutors?|crown\s+prosecution|cases?\s+(?:were\s+)?closed",
        ["some decisions were taken without knowledge of the family's history"]),
    "leadership": (
        r"performance\s+(?:information|data)|chief\s+officers?|\bleaders\b|governance|workloads?"
        r"|data\s+about\s+(?:the\s+)?quality|training",
        ["develop performance information that tells leaders about the quality of the service"]),
    "partnership": (
        r"multi[\s-]agency\s+meetings?|partners\s+could|joint\s+training",
        ["partners could not rely on police attendance at meetings"]),
}

_HEADING_RES = [(a, re.compile(rx, re.I | re.X)) for a, (rx, _) in AREA_HEADINGS.items()]
_PHRASE_RES = [(a, re.compile(rx, re.I)) for a, (rx, _) in AREA_PHRASES.items()]

# Headings that open a part of a report outside any area: a finding under them takes its area
# from what it says. A numbered heading that names no area does the same ("4. Findings").
_OUTSIDE = re.compile(
    r"""(?:contents|foreword|introduction|background|context(?:\s+for\s+the\s+force)?
      |(?:executive\s+)?summary|(?:overall\s+)?conclusions?|recommendations?|next\s+steps
      |(?:post-inspection\s+review\s+)?findings|annex\b.*|appendix\b.*|glossary|methodology
      |progress\s+against\b.*|about\s+this\s+(?:report|review|inspection))""", re.I | re.X)
# Headings over a report's own summary statements ("Summary of findings", "Conclusion").
SUMMARY_HEADING = re.compile(
    r"""(?:executive\s+)?summary(?:\s+of\s+(?:our\s+)?findings)?|key\s+findings|overall\s+findings
      |(?:overall\s+)?conclusions?|in\s+summary|overview""", re.I | re.X)
# Headings over the detail that a summary restates: they end a summary part, not an area.
DETAIL_HEADING = re.compile(r"detailed\s+findings|(?:our\s+)?findings\s+in\s+detail|our\s+earlier\s+"
                            r"recommendations?", re.I)


def bare(heading: str) -> str:
    """The heading without its numbering ("4.2 Investigation" -> "Investigation")."""
    return _NUMBERING.sub("", " ".join(heading.split())).strip()


def is_numbered(heading: str) -> bool:
    return bool(_NUMBERING.match(heading))


# Since 2024 a chapter's heading may carry its grade: "4. Leadership: adequate".
_GRADED = re.compile(r"\s*[:\u2013\u2014-]\s*(?:outstanding|good|adequate|requires\s+improvement"
                     r"|inadequate)\s*$", re.I)


def heading_area(heading: str) -> str | None:
    """The area a heading names, or None ("Leadership, management and governance" -> leadership;
    "Investigation: good" -> investigation)."""
    text = _GRADED.sub("", bare(heading)).rstrip(" .:")
    for area, rx in _HEADING_RES:
        if rx.fullmatch(text):
            return area
    return None


def leaves_area(heading: str) -> bool:
    """Whether a heading that names no area ends the area above it (a chapter of its own)."""
    return is_numbered(heading) or bool(_OUTSIDE.fullmatch(bare(heading).rstrip(" .:")))


def topic_area(text: str) -> str | None:
    """The area a sentence is about, by its phrases (None when it names none)."""
    best, hits = None, 0
    for area, rx in _PHRASE_RES:
        n = len(rx.findall(text))
        if n > hits:
            best, hits = area, n
    return best
