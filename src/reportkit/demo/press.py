"""Press articles about the reports: fictional outlets, our own words, the figures the press quoted."""
from __future__ import annotations

from dataclasses import dataclass, field

from .catalogue import SY_2015, WY_2014, WY_2016


@dataclass
class Article:
    path: str
    outlet: str
    date: str  # ISO day of the dateline
    dateline: str
    time: str
    headline: str
    standfirst: str
    byline: str
    caption: str
    paragraphs: list[str]
    related: list[str]
    answers: str
    claims: list[dict] = field(default_factory=list)


def _claims(**kw: int) -> list[dict]:
    return [{"measure": k, "value": v} for k, v in kw.items()]


def articles() -> list[Article]:
    return [
        Article(
            "west-yorkshire/2015-01-13-aire-valley-echo-article.html", "Aire Valley Echo",
            "2015-01-13", "Tuesday 13 January 2015", "10:42",
            "Inspectors find force’s own case checks were too generous",
            "A watchdog says West Yorkshire Police graded its child protection work more "
            "kindly than the inspectors did.",
            "By Our Home Affairs Reporter",
            "A police station in West Yorkshire. The inspection took place in August 2014. "
            "Picture: library image.",
            [
                "West Yorkshire Police has been told to improve how it protects children after "
                "inspectors found its response to reports of abuse was inconsistent.",
                "Before the inspection the force audited 33 of its own child protection cases. "
                "Its assessors judged 17 of them good, 8 adequate, 5 as requiring improvement "
                "and 3 inadequate.",
                "When HMIC examined the same 33 cases it reached a far harsher view: 9 good, "
                "8 adequate, 7 requiring improvement and 10 inadequate.",
                "Inspectors also looked at 64 further cases, of which 17 were rated good and "
                "15 inadequate.",
                "The report, published today, makes a series of recommendations with deadlines "
                "of between three and six months.",
                "A spokesperson for the force said it accepted the findings and had already "
                "begun work on an action plan.",
            ],
            ["Commissioner responds to child protection report",
             "How the national inspection programme works",
             "Safeguarding hubs: what they do"],
            WY_2014,
            _claims(audit_total=33, force_good=17, force_adequate=8,
                    force_requires_improvement=5, force_inadequate=3, audit_good=9,
                    audit_adequate=8, audit_requires_improvement=7, audit_inadequate=10,
                    further_total=64, further_good=17, further_inadequate=15)),
        Article(
            "west-yorkshire/2016-03-08-west-riding-herald-article.html", "West Riding Herald",
            "2016-03-08", "Tuesday 8 March 2016", "12:05",
            "Force still not recording concerns about children, review finds",
            "Inspectors who returned to West Yorkshire Police say progress since 2014 has been "
            "disappointing.",
            "By Our Crime Correspondent",
            "Inspectors revisited the force in August 2015. Picture: posed by model.",
            [
                "Frontline officers in West Yorkshire are still not recording what they see of "
                "children at incidents, more than a year after inspectors first raised the "
                "problem, according to a review published today.",
                "HMIC examined 34 child protection cases during its return visit. It judged "
                "11 of them good, 20 as requiring improvement and 3 inadequate.",
                "The inspectors also looked at cases in which children had been held in custody "
                "and found that five of the seven required improvement.",
                "The review credits the force with extra safeguarding staff and new "
                "multi-agency hubs but says it made no progress on its recording of "
                "children’s circumstances.",
                "The commissioner said he would meet senior officers to go through the findings.",
            ],
            ["Commissioner to meet force chiefs over review",
             "Children held overnight in police cells: the figures",
             "What the 2014 inspection found"],
            WY_2016,
            _claims(cases_total=34, good=11, requires_improvement=20, inadequate=3,
                    custody_total=7, custody_requires_improvement=5)),
        Article(
            "south-yorkshire/2015-07-21-don-valley-chronicle-article.html", "Don Valley Chronicle",
            "2015-07-21", "Tuesday 21 July 2015", "09:15",
            "Police child protection still falling short, inspectors warn",
            "A follow-up review of South Yorkshire Police finds most cases need improvement.",
            "By Our Political Reporter",
            "South Yorkshire Police headquarters. Picture: library image.",
            [
                "South Yorkshire Police still needs to make major improvements to the way it "
                "protects children, inspectors have said.",
                "Reviewers who returned to the force in April examined 27 cases and found that "
                "seven were inadequate.",
                "The review follows the inspection published last September, weeks after a "
                "report on child sexual exploitation in Rotherham.",
                "The force said it had restructured its specialist teams and would study the "
                "findings closely.",
            ],
            ["Rotherham: the reports so far", "Inspectors’ first visit: what they found",
             "Care homes and exploitation"],
            SY_2015, _claims(cases_total=27, inadequate=7)),
    ]
