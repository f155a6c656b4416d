"""The demo reports (PDF), one Report each, built on the facts in ncpi-publications.csv."""
from __future__ import annotations

from .specs import Grades, Report, recs

S2014 = "National Child Protection Inspection"
S2016 = "National Child Protection Inspection Post-Inspection Review"
S2019 = "National Child Protection Post-Inspection Review"

CORE = ["Initial contact", "Assessment and help", "Investigation", "Decision making",
        "Trusted adult", "Managing those posing a risk to children", "Police detention",
        "Leadership, management and governance"]
REVIEW_ORDER = ["Initial contact", "Assessment and help", "Investigation", "Decision making",
                "Trusted adult", "Police detention", "Leadership, management and governance"]
ALL4 = ("good", "adequate", "requires_improvement", "inadequate")

WY_2014 = "west-yorkshire/2015-01-west-yorkshire-inspection.pdf"
WY_2016 = "west-yorkshire/2016-03-west-yorkshire-post-inspection-review.pdf"
SY_2015 = "south-yorkshire/2015-07-south-yorkshire-post-inspection-review.pdf"
MET_2016 = "metropolitan/2016-11-metropolitan-inspection.pdf"
LANCS_2018 = "lancashire/2018-03-lancashire-inspection.pdf"

WY_RECS = recs(("within three months", "recording"), ("within three months", "referrals"),
               ("within six months", "conferences"), ("within three months", "strategy"),
               ("within six months", "supervision"), ("immediately", "detention"),
               ("within six months", "detention_data"), ("within six months", "quality_data"))
MET_RECS = recs(("immediately", "recording"), ("immediately", "referrals"),
                ("immediately", "strategy"), ("immediately", "protection"),
                ("within three months", "supervision"), ("within three months", "detention"),
                ("within six months", "quality_data"), ("within six months", "trusted"),
                ("within six months", "offenders"))
SY_RECS = recs(("immediately", "cse"), ("within three months", "recording"),
               ("within three months", "missing"), ("within six months", "supervision"),
               ("within six months", "detention"), ("within six months", "quality_data"))
LANCS_RECS = recs(("immediately", "referrals"), ("within three months", "recording"),
                  ("within three months", "trusted"), ("within six months", "supervision"),
                  ("within six months", "detention_data"), ("within six months", "quality_data"))


def _g(subset, assessor, total, *counts, **kw) -> Grades:
    return Grades(subset, assessor, total, {k: v for k, v in zip(ALL4, counts) if v is not None},
                  **kw)


def west_yorkshire() -> list[Report]:
    insp = Report(
        WY_2014, "west-yorkshire", "West Yorkshire Police", "inspection", S2014,
        "West Yorkshire Police – National Child Protection Inspection", "August 2014",
        ("2014-08-01", "2014-08-01", "month"), "2015-01", "2015-01-13", "HMIC", None, "four",
        CORE + ["Child sexual exploitation"],
        [_g("audit", "force", 33, 17, 8, 5, 3, style="parens",
            label="that the force had audited itself before the inspection"),
         _g("audit", "inspectorate", 33, 9, 8, 7, 10, style="prose", table=True,
            label="that the force had audited itself before the inspection"),
         _g("further", "inspectorate", 64, 17, 20, 12, 15, style="parens",
            label="chosen in addition to the audited cases"),
         _g("cse", "inspectorate", 15, None, None, None, 9, style="words",
            topic="Child sexual exploitation",
            label="involving children at risk of sexual exploitation")],
        WY_RECS, numbered=True, copyright_year="2015",
        warnings=["inspectorate audit grades sum to 34, stated total 33"])
    review = Report(
        WY_2016, "west-yorkshire", "West Yorkshire Police", "review", S2016,
        "West Yorkshire Police – National Child Protection Inspection Post-Inspection Review",
        "25–28 August 2015", ("2015-08-25", "2015-08-28", "day"), "2016-03", "2016-03-08", "HMIC",
        "978-1-78655-088-0", "three", REVIEW_ORDER,
        [_g("all", "inspectorate", 34, 11, None, 20, 3, style="prose", table=True,
            label="during the post-inspection review"),
         _g("custody", "inspectorate", 7, None, None, 5, None, style="words",
            topic="Police detention", label="in which a child had been detained in custody")],
        WY_RECS, progress=["no_progress", "some_progress", "some_progress", "good_progress",
                           "limited_progress", "some_progress", "limited_progress",
                           "some_progress"],
        target_pages=22, baseline=("August 2014", "January 2015"), copyright_year="2016")
    return [insp, review]


def greater_manchester() -> Report:
    return Report(
        "greater-manchester/2014-12-greater-manchester-inspection.pdf", "greater-manchester",
        "Greater Manchester Police", "inspection", S2014,
        "Greater Manchester Police – National Child Protection Inspection", "July 2014",
        ("2014-07-01", "2014-07-01", "month"), "2014-12", "2014-12-11", "HMIC", None, "four",
        CORE + ["Missing children"],
        [_g("audit", "force", 30, 30, style="prose",
            label="that the force had audited itself before the inspection"),
         _g("audit", "inspectorate", 30, 8, 16, 1, 5, style="parens", table=True,
            label="that the force had audited itself before the inspection")],
        recs(("immediately", "strategy"), ("within three months", "recording"),
             ("within three months", "supervision"), ("within six months", "trusted"),
             ("within six months", "missing"), ("within six months", "quality_data")),
        numbered=True, copyright_year="2014")


def south_yorkshire() -> list[Report]:
    insp = Report(
        "south-yorkshire/2014-09-south-yorkshire-inspection.pdf", "south-yorkshire",
        "South Yorkshire Police", "inspection", S2014,
        "South Yorkshire Police – National Child Protection Inspection", "May 2014",
        ("2014-05-01", "2014-05-01", "month"), "2014-09", None, "HMIC", None, "four",
        CORE + ["Child sexual exploitation", "Missing children"], [], SY_RECS, numbered=True,
        copyright_year="2014")
    review = Report(
        SY_2015, "south-yorkshire", "South Yorkshire Police", "review", S2016,
        "South Yorkshire Police – National Child Protection Inspection Post-Inspection Review",
        "April 2015", ("2015-04-01", "2015-04-01", "month"), "2015-07", "2015-07-21", "HMIC", None,
        "three", REVIEW_ORDER[:5] + ["Child sexual exploitation"] + REVIEW_ORDER[5:],
        [_g("all", "inspectorate", 28, 2, None, 19, 7, style="parens", table=True,
            label="during the post-inspection review"),
         _g("care_home", "inspectorate", 6, None, None, None, 3, style="words",
            topic="Child sexual exploitation",
            label="concerning children living in residential care homes")],
        SY_RECS, progress=["good_progress", "limited_progress", "some_progress",
                           "some_progress", "limited_progress", "some_progress"],
        baseline=("May 2014", "September 2014"), copyright_year="2015")
    return [insp, review]


def metropolitan() -> list[Report]:
    insp = Report(
        MET_2016, "metropolitan", "Metropolitan Police Service", "inspection", S2014,
        "Metropolitan Police Service – National Child Protection Inspection", "2016",
        ("2016-01-01", "2016-01-01", "year"), "2016-11", "2016-11-25", "HMIC", None, "four",
        CORE + ["Child sexual exploitation", "Missing children"],
        [_g("all", "inspectorate", 374, combined=278, style="prose",
            label="across the force's boroughs and specialist commands")],
        MET_RECS, copyright_year="2016",
        notes=["HMIC referred 38 cases back to the force because a child might still have "
               "been at risk."])
    update = Report(
        "metropolitan/2017-11-metropolitan-quarterly-update.pdf", "metropolitan",
        "Metropolitan Police Service", "update", S2014 + ": Quarterly Update",
        "Metropolitan Police Service – National Child Protection Inspection: Quarterly Update",
        "2017", ("2017-01-01", "2017-01-01", "year"), "2017-11", "2017-11-24", "HMICFRS", None,
        "three", ["Initial contact", "Assessment and help", "Investigation", "Decision making",
                  "Leadership, management and governance"],
        [_g("all", "inspectorate", 135, 10, None, 64, 61, style="prose", table=True,
            label="for this update")],
        MET_RECS, progress=["some_progress", "good_progress", "some_progress", "achieved",
                            "limited_progress", "some_progress", "limited_progress",
                            "some_progress", "good_progress"],
        baseline=("2016", "November 2016"), copyright_year="2017")
    review = Report(
        "metropolitan/2019-03-metropolitan-post-inspection-review.pdf", "metropolitan",
        "Metropolitan Police Service", "review", S2019,
        "Metropolitan Police Service – National Child Protection Post-Inspection Review",
        "8–19 October 2018", ("2018-10-08", "2018-10-19", "day"), "2019-03", None, "HMICFRS",
        "978-1-78655-781-0", "three",
        ["Leadership, management and governance"] + REVIEW_ORDER[:-1]
        + ["Managing those posing a risk to children"],
        [], MET_RECS, progress=["good_progress", "good_progress", "some_progress", "achieved",
                                "some_progress", "limited_progress", "some_progress",
                                "good_progress", "achieved"],
        baseline=("2016", "November 2016"), copyright_year="2019")
    return [insp, update, review]


def lancashire() -> Report:
    return Report(
        LANCS_2018, "lancashire", "Lancashire Constabulary", "inspection",
        "National Child Protection Inspections",
        "Lancashire Constabulary – National Child Protection Inspection", "October 2017",
        ("2017-10-01", "2017-10-01", "month"), "2018-03", "2018-03-08", "HMICFRS", None, "three",
        CORE + ["Child sexual exploitation"],
        [_g("all", "inspectorate", 79, None, None, None, 30, style="prose", table=True,
            label="in which children had come to the attention of the force")],
        LANCS_RECS, copyright_year="2018",
        notes=["HMICFRS referred 10 cases back to the force for further action."])


def west_midlands() -> Report:
    return Report(
        "west-midlands/2014-10-west-midlands-inspection.pdf", "west-midlands",
        "West Midlands Police", "inspection", S2014,
        "West Midlands Police – National Child Protection Inspection", "June 2014",
        ("2014-06-01", "2014-06-01", "month"), "2014-10", "2014-10-28", "HMIC", None, "four",
        CORE + ["Child sexual exploitation", "Missing children"],
        [Grades("all", "inspectorate", 115, percent={"inadequate": 42.0}, style="prose",
                label="across the force's local policing units"),
         _g("cse", "inspectorate", 9, None, None, None, 5, style="words",
            topic="Child sexual exploitation", label="involving child sexual exploitation"),
         _g("missing", "inspectorate", 11, None, None, None, 9, style="words",
            topic="Missing children", label="involving children who had gone missing")],
        recs(("immediately", "cse"), ("immediately", "missing"),
             ("within three months", "recording"), ("within three months", "supervision"),
             ("within six months", "protection"), ("within six months", "trusted"),
             ("within six months", "quality_data")),
        numbered=True, copyright_year="2014")


def norfolk() -> Report:
    return Report(
        "norfolk/2014-08-norfolk-inspection.pdf", "norfolk", "Norfolk Constabulary",
        "inspection", S2014, "Norfolk Constabulary – National Child Protection Inspection",
        "April 2014", ("2014-04-01", "2014-04-01", "month"), "2014-08", "2014-08-29", "HMIC",
        None, "four", CORE, [],
        recs(("within three months", "recording"), ("within three months", "referrals"),
             ("within six months", "supervision"), ("within six months", "detention"),
             ("within six months", "quality_data")),
        numbered=True, copyright_year="2014")


def thematic() -> Report:
    return Report(
        "national/2015-07-in-harms-way-thematic.pdf", "national", "All forces", "thematic",
        "National Child Protection Inspections", "In harm’s way: the role of the police in "
        "keeping children safe", "", None, "2015-07", "2015-07-02", "HMIC", None, "three",
        ["Initial contact", "Assessment and help", "Investigation", "Decision making",
         "Police detention", "Leadership, management and governance"],
        [_g("all", "inspectorate", 576, 177, 179, None, 220, style="parens", table=True,
            label="in the first eight inspections of the programme")],
        recs(("within six months", "recording"), ("within six months", "detention_data"),
             ("within twelve months", "quality_data")),
        subtitle="In harm’s way: the role of the police in keeping children safe",
        copyright_year="2015")


def all_reports() -> list[Report]:
    return [*west_yorkshire(), greater_manchester(), *south_yorkshire(), *metropolitan(),
            lancashire(), west_midlands(), norfolk(), thematic()]
