"""Findings read from a Word-made review (python-docx, printed by LibreOffice): a contents page,
numbered and unnumbered sections, a chapter split into the earlier recommendation, a summary and
detailed findings, a caption, someone else's quoted words and sentences with a finding's words
that state none. Every finding the document states is read, with its area, type and links, and
nothing else."""
from __future__ import annotations

import pytest
from tests.wordpdf import PAGE, WordDoc, build, heading, para, soffice

from reportkit.extract.parse import parse_document
from reportkit.read import read_document

pytestmark = pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed")

REC = ("Within three months, Someshire Police should improve the timeliness of strategy "
       "discussions for cases first assessed as lower risk.")
FILLER = ("Inspectors spoke to officers and staff in every district and read the records of "
          "each case from the first call onwards.")


def review() -> WordDoc:
    return WordDoc("someshire-review", [
        "National Child Protection Inspection Post-Inspection Review",
        "Someshire Police", "2\u20136 November 2015", "March 2016"], "Someshire Police review", [
        heading("Contents"),
        para("1. Introduction . . . . . . . . . . . . . . . . . 3"),
        para("2. Police detention remains a weakness . . . . . . . 3"),
        PAGE,
        heading("1. Introduction"),
        para("HMIC inspected Someshire Police in May 2014 and published its report in "
             "September 2014.", FILLER,
             "Officers can consult good practice guides on the force intranet.",
             "Concerns were referred to children's social care through the hub."),
        heading("2. Initial contact"),
        para("HMIC found good practice in the way call handlers recorded the presence of "
             "children.", "Officers did not always speak to the children present at domestic "
             "incidents."),
        heading("Police detention"),
        para("We are concerned that children charged with offences were still held overnight in "
             "cells.", "A custody sergeant told us: \u201cThe lack of beds is a real weakness of "
             "the system.\u201d"),
        para("Figure 1: Custody remains a weakness in every district."),
        heading("3. Assessment and help"),
        heading("Our earlier recommendation"),
        para("Recommendation 2"),
        para(REC),
        heading("Summary of findings"),
        para("The force has made limited progress against this recommendation.",
             "We are concerned that lower-risk referrals still wait several days for a strategy "
             "discussion."),
        heading("Detailed findings"),
        para("Strategy discussions were held within a day in urgent cases.",
             "We are concerned that lower-risk referrals still waited several days before a "
             "strategy discussion took place.", FILLER),
        heading("4. Conclusion"),
        para("In summary, the planning of interviews with children was a strength."),
    ])


@pytest.fixture(scope="module")
def parsed(tmp_path_factory):
    pdf = build([review()], tmp_path_factory.mktemp("wordfind"))["someshire-review"]
    doc = read_document(pdf)
    return doc, parse_document(doc)


def test_every_finding_and_nothing_else(parsed):
    _, out = parsed
    got = [(f["area"], f["polarity"], f["type"], f["recommendation"], f["duplicate_of"],
            f["text"]) for f in out.findings]
    assert got == [
        ("initial_contact", "strength", "practice", None, None,
         "HMIC found good practice in the way call handlers recorded the presence of children."),
        ("police_detention", "concern", "practice", None, None,
         "We are concerned that children charged with offences were still held overnight in cells."),
        ("assessment_and_help", "concern", "progress", "2", None,
         "The force has made limited progress against this recommendation."),
        ("assessment_and_help", "concern", "summary", None, 5,
         "We are concerned that lower-risk referrals still wait several days for a strategy "
         "discussion."),
        ("assessment_and_help", "concern", "practice", None, None,
         "We are concerned that lower-risk referrals still waited several days before a strategy "
         "discussion took place."),
        ("investigation", "strength", "summary", None, None,
         "In summary, the planning of interviews with children was a strength."),
    ]


def test_sections_as_printed_and_quotes_on_their_page(parsed):
    doc, out = parsed
    assert [f["section"] for f in out.findings] == [
        "2. Initial contact", "Police detention", "3. Assessment and help",
        "3. Assessment and help", "3. Assessment and help", "4. Conclusion"]
    for f in out.findings:
        assert f["text"] in " ".join(doc.pages[f["page"] - 1].text.split()), f["text"]
    assert min(f["page"] for f in out.findings) > 2  # nothing from the cover or the contents
