"""What each demo report contains: the public facts (ncpi-publications.csv) as data.

Case figures, dates, ISBNs and the Metropolitan recommendation counts come from the facts. The wording
of recommendations, the other recommendation counts and the progress ratings are demo content.
"""
from __future__ import annotations

from dataclasses import dataclass, field

GRADE_KEYS = ("good", "adequate", "requires_improvement", "inadequate")
TIMESCALE_DAYS = {"immediately": 0, "within six weeks": 42, "within three months": 91,
                  "within six months": 182, "within twelve months": 365}


@dataclass(frozen=True)
class Grades:
    """One set of graded cases. counts maps grade -> cases (missing grades are simply absent)."""

    subset: str
    assessor: str
    total: int
    counts: dict[str, int] = field(default_factory=dict)
    percent: dict[str, float] = field(default_factory=dict)  # percentage-only figures
    combined: int | None = None  # "requires improvement or inadequate" as one figure
    label: str = ""  # how the text introduces the set
    style: str = "prose"  # prose | parens | words
    table: bool = False
    topic: str = ""  # findings sub-head the figure belongs to ("" = case file analysis)


@dataclass(frozen=True)
class Rec:
    timescale: str
    action: str
    points: tuple[str, ...] = ()
    area: str = ""  # the inspection area it is about (the findings gold of a review rating it)


@dataclass
class Report:
    path: str
    force: str
    force_name: str
    kind: str
    series: str
    title: str
    fieldwork_text: str  # as on the cover, after the force name
    fieldwork: tuple[str, str, str] | None  # (start, end, precision)
    month: str  # cover month, YYYY-MM
    day: str | None  # exact publication day (manifest), when the facts give one
    body: str  # HMIC or HMICFRS
    isbn: str | None
    scale: str
    topics: list[str]
    grades: list[Grades]
    recs: list[Rec]
    progress: list[str] = field(default_factory=list)  # rating per rec (reviews, updates)
    numbered: bool = False
    target_pages: int | None = None
    warnings: list[str] = field(default_factory=list)
    baseline: tuple[str, str] | None = None  # (fieldwork text, published text) of the 2014 report
    subtitle: str = ""
    notes: list[str] = field(default_factory=list)  # extra fact sentences for case file analysis
    copyright_year: str = ""

    @property
    def web(self) -> str:
        return "www.justiceinspectorates.gov.uk/" + self.body.lower()


ACTIONS = {
    "recording": Rec("", "make sure that frontline officers record the demeanour, views and "
                     "circumstances of every child present at an incident, and pass that "
                     "information to children's social care"),
    "referrals": Rec("", "review how supervisors check referrals before they are sent to "
                     "partner agencies"),
    "conferences": Rec("", "ensure that an officer attends each initial child protection "
                       "conference or sends a written contribution"),
    "strategy": Rec("", "improve the timeliness of strategy discussions for cases first assessed "
                    "as lower risk"),
    "supervision": Rec("", "ensure that supervisors set and record clear investigative actions "
                       "at regular intervals", ("the date of the next review;",
                                                "the actions required of the investigator;",
                                                "the views of the child and family.")),
    "detention": Rec("", "work with local authorities to end the overnight detention of "
                     "children in police cells after charge"),
    "detention_data": Rec("", "collect and analyse information on the detention of children so "
                          "that it understands why children are held in custody"),
    "quality_data": Rec("", "develop performance information that tells leaders about the "
                        "quality of the service children receive", (
                            "the outcomes of cases for children;",
                            "the findings of regular case audits;",
                            "feedback from children and families.")),
    "trusted": Rec("", "ensure that a named officer keeps each child informed throughout an "
                   "investigation"),
    "protection": Rec("", "review its use of police protection powers so that children are "
                      "taken to suitable places of safety"),
    "cse": Rec("", "make sure that screening for child sexual exploitation is used consistently "
               "in every district"),
    "missing": Rec("", "ensure that information from return interviews reaches the officers "
                   "dealing with missing episodes"),
    "offenders": Rec("", "bring overdue risk assessments of registered offenders up to date"),
}


# Which area each recommendation is about (vocabulary.INSPECTION_AREAS).
REC_AREAS = {
    "recording": "initial_contact",
    "referrals": "assessment_and_help",
    "conferences": "assessment_and_help",
    "strategy": "assessment_and_help",
    "supervision": "investigation",
    "detention": "police_detention",
    "detention_data": "police_detention",
    "quality_data": "leadership",
    "trusted": "trusted_adult",
    "protection": "police_detention",
    "cse": "child_sexual_exploitation",
    "missing": "missing_children",
    "offenders": "managing_risk",
}


def recs(*pairs: tuple[str, str]) -> list[Rec]:
    out = []
    for timescale, key in pairs:
        base = ACTIONS[key]
        out.append(Rec(timescale, base.action, base.points, REC_AREAS[key]))
    return out
