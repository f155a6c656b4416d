"""Kind, force, publication and fieldwork dates from covers, letters and press pages."""
from datetime import date

from reportkit.extract import kinds
from reportkit.read.document import Document, Page


def _doc(text, fmt="pdf", **kw):
    return Document(path=f"x.{fmt}", sha256="0", format=fmt, pages=[Page(1, text)], **kw)


def test_review_cover():
    cover = ("National Child Protection Inspection\nPost-Inspection Review\n\nWest Yorkshire Police\n"
             "25-28 August 2015\n\nMarch 2016\n\n(c) HMIC 2016\nISBN: 978-1-78655-000-0")
    doc = _doc(cover.replace("Police\n25", "Police 25"))
    assert kinds.kind(doc) == "review"
    assert kinds.force(doc) == "west-yorkshire"
    pub = kinds.published(doc, "review")
    assert (pub.start, pub.precision, pub.quote) == (date(2016, 3, 1), "month", "March 2016")
    work = kinds.fieldwork(doc)
    assert (work.start, work.end, work.quote) == (date(2015, 8, 25), date(2015, 8, 28), "West Yorkshire Police 25-28 August 2015")


def test_kinds_from_the_cover():
    assert kinds.kind(_doc("Kent Police\nChild protection re-inspection\nJune 2019")) == "reinspection"
    assert kinds.kind(_doc("Metropolitan Police Service\nNational child protection inspection: quarterly update\nMay 2017")) == "update"
    assert kinds.kind(_doc("National Child Protection Inspections\nKent Police\n3-14 June 2019\nOctober 2019")) == "inspection"
    assert kinds.kind(_doc("In harm's way: the role of the police in keeping children safe\nJuly 2015")) == "thematic"


def test_fieldwork_from_the_text_skips_the_earlier_inspection():
    text = ("Lancashire Constabulary\nAugust 2018\n\nHMIC first inspected the force in May 2016. "
            "The review fieldwork took place between 1 and 5 May 2018.")
    work = kinds.fieldwork(_doc(text))
    assert (work.start, work.end, work.precision) == (date(2018, 5, 1), date(2018, 5, 5), "day")


def test_html_published_on():
    text = "Kent: child protection post-inspection review\nPublished on: 14 July 2022\nRecommendation 1 ... recommendation 2"
    doc = _doc(text, fmt="html")
    pub = kinds.published(doc, kinds.kind(doc))
    assert (pub.start, pub.precision) == (date(2022, 7, 14), "day")


def test_press_uses_metadata_and_cites_the_dateline():
    doc = _doc("Force criticised\n\nBy a reporter\n8 March 2016\n\nThe force was criticised.", fmt="html",
               published="2016-03-08")
    assert kinds.kind(doc) == "press"
    pub = kinds.published(doc, "press")
    assert (pub.start, pub.quote) == (date(2016, 3, 8), "8 March 2016")


def test_letter_date_and_the_report_it_answers():
    text = ("Office of the Police and Crime Commissioner\n\n15 April 2016\n\nDear Home Secretary\n\n"
            "I write about the inspection of Kent Police, which reported in March 2016. The inspection took place "
            "in August 2015.\n\nYours sincerely")
    doc = _doc(text, fmt="txt")
    assert kinds.kind(doc) == "pcc_response"
    pub = kinds.published(doc, "pcc_response")
    assert pub.start == date(2016, 4, 15)
    about_pub, about_work = kinds.about(doc, pub)
    assert (about_pub.start, about_work.start) == (date(2016, 3, 1), date(2015, 8, 1))


def test_relative_month_in_press():
    text = "Headline\n9 March 2016\n\nIn the follow-up inspection last August 34 cases were examined."
    doc = _doc(text, fmt="txt")
    _, work = kinds.about(doc, kinds.published(doc, "press"))
    assert (work.start, work.precision) == (date(2015, 8, 1), "month")
