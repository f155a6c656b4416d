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


# ---------------------------------------------------------------------------------------------
# genre: every shape of phrasebook section 4, in short documents written for these tests

import pytest  # noqa: E402

from reportkit.extract import genre  # noqa: E402


def test_every_cue_matches_its_own_example():
    for cue in genre.CUES:
        hits = cue.pattern.findall(cue.example)
        assert hits, f"cue {cue.name} does not match its example {cue.example!r}"


GENRE_CASES = [
    ("news-txt", "txt",
     "Force must do better for children, says watchdog\nBy Ann Pryce\nMonday 4 March 2019 07:15\n\n"
     "Inspectors have criticised the force. The report found that 12 of 40 cases were inadequate.\n"
     "The chief constable said the force would act quickly.\nMost read\nShare this article",
     "news", "press"),
    ("news-retelling-the-report", "txt",
     "Child protection failings at Wessex Police\nValley Star | 3rd May 2018\n\n"
     "Within three months the force should improve supervision, the report said. Inspectors found "
     "children waited too long. Recommendation 1 was urgent; recommendation 2 less so.\n"
     "A spokesman said the force accepted the findings.", "news", "press"),
    ("press-release", "txt",
     "Police in Mercia must protect children better\n2 June 2016\n\nHMIC has today published its "
     "report on child protection in West Mercia Police.\nHM Inspector of Constabulary Tom Hale said:\n"
     "\"The force has more to do.\"\nNotes to editors\n1. The report is on our website.",
     "press_release", "press"),
    ("press-release-of-a-review", "txt",
     "Progress in Dorset, but more needed\n\nHMICFRS today publishes a post-inspection review of "
     "Dorset Police.\nGet the report\nDorset - National child protection inspection: post-inspection review\n"
     "HM Inspector of Constabulary Ruth Gale said the force had improved.", "press_release", "press"),
    ("force-statement", "txt",
     "Cleveland Police - News\nPosted 09.10.19\n\nOur response to the child protection inspection\n"
     "Assistant Chief Constable Lee Dunn said: \"We accept the findings and have already made changes.\"",
     "force_statement", "press"),
    ("publication-page", "html",
     "Essex - National child protection inspection\nPublished on: 8 March 2017\nPublication types: "
     "Child protection\nWe found the force needed to improve.\nGet the report\nDownload the report (PDF)",
     "publication_page", "inspection"),
    ("publication-page-of-a-review", "html",
     "Essex - National child protection inspection: post-inspection review\nPublished on: 9 May 2018\n"
     "We returned to the force in January 2018.\nGet the report\nRead the report online",
     "publication_page", "review"),
    ("tracker", "html",
     "Essex - National child protection inspection | Recommendation tracker\nRecommendation 4\n"
     "Within six months, the force should train its call handlers.\nStatus: on\nLast updated: 03/04/2018",
     "recommendation_tracker", "inspection"),
    ("panel-minutes", "txt",
     "Suffolk Police and Crime Panel\nMinutes of the meeting held on 12 June 2017\nPresent: Councillor "
     "R Gray (Chair)\n5. Child protection inspection\nThe Commissioner said the post-inspection review "
     "was encouraging.\nResolved: that the update be noted.", "panel_minutes", "pcc_response"),
    ("commissioner-letter", "txt",
     "Office of the Police and Crime Commissioner for Kent\n03.05.17\n\nDear Home Secretary,\n\n"
     "Section 55 response: post-inspection review of Kent Police\n\nI welcome the review.\n\n"
     "Yours sincerely", "letter", "pcc_response"),
    ("commissioner-statement", "txt",
     "Police and Crime Commissioner for Norfolk\nNews | Tuesday 5th June\n\nI welcome the 2018 "
     "inspection report. My office will monitor the action plan.", "letter", "pcc_response"),
    ("inspectorate-letter-about-all-forces", "txt",
     "HM Inspectorate of Constabulary\n12/12/2016\nDear Chief Constables,\nWhat the inspections of "
     "all forces have shown so far\nAcross the first 20 inspections we found too many cases were "
     "inadequate.\nYours sincerely,\nHM Chief Inspector of Constabulary", "letter", "thematic"),
    ("report-cover", "pdf",
     "National Child Protection Inspections\nSurrey Police\n4-15 May 2015\nSeptember 2015\n"
     "(c) HMIC 2015\nISBN: 978-1-78246-000-0\nContents\n1. Introduction\n2. Case audit",
     "report", "inspection"),
    ("review-opening-as-text", "txt",
     "Gwent Police\nChild protection: post-inspection review\nMay 2017\n\n1. Introduction\nWe returned "
     "to the force last month to check our earlier recommendations.\n2. Case audit\nWe reviewed 30 "
     "cases.", "report", "review"),
    ("thematic-cover", "pdf",
     "In harm's way: children and the police\nA national thematic report\nJuly 2016\nContents",
     "report", "thematic"),
]


@pytest.mark.parametrize("name, fmt, text, want_genre, want_kind", GENRE_CASES,
                         ids=[c[0] for c in GENRE_CASES])
def test_genre_and_kind(name, fmt, text, want_genre, want_kind):
    doc = _doc(text, fmt=fmt)
    assert (genre.classify(doc), kinds.kind(doc)) == (want_genre, want_kind), genre.scores(doc)
    assert kinds.kind_and_genre(doc) == (want_kind, want_genre)


def test_html_article_the_reader_stripped_of_furniture_is_still_news():
    # trafilatura keeps the article body only: the reader's verdict is what remains
    doc = _doc("Police told to improve\n\nThe force has been told it must improve, after a report "
               "published on Thursday (June 28).\nThe commissioner said she would act.", fmt="html",
               meta={"html_kind": "press"})
    assert (genre.classify(doc), kinds.kind(doc)) == ("news", "press")


# ---------------------------------------------------------------------------------------------
# dates as documents state them

def _dates(text, fmt="pdf", **kw):
    doc = _doc(text, fmt=fmt, **kw)
    k, g = kinds.kind_and_genre(doc)
    pub, notes = kinds.published_and_conflicts(doc, k, g)
    work, more = kinds.fieldwork_and_conflicts(doc, k, pub.start if pub else None)
    return doc, pub, work, notes + more


def _span(d):
    return None if d is None else (d.start.isoformat(), d.end.isoformat(), d.precision)


def test_force_and_fieldwork_on_one_line_across_months():
    _, pub, work, notes = _dates("National Child Protection Inspections\nDevon and Cornwall Police "
                                 "28 June \u2013 9 July 2021\nNovember 2021")
    assert _span(work) == ("2021-06-28", "2021-07-09", "day")
    assert _span(pub) == ("2021-11-01", "2021-11-01", "month") and notes == []


def test_force_line_then_fieldwork_line():
    _, _, work, _ = _dates("Child protection: post-inspection review\nAvon and Somerset Constabulary\n"
                           "11\u201315 March 2019\nJuly 2019")
    assert _span(work) == ("2019-03-11", "2019-03-15", "day")


def test_cover_that_lost_its_line_breaks():
    _, pub, work, _ = _dates("National Child Protection Inspections Kent Police 2\u201313 October 2017 "
                             "January 2018 \u00a9 HMICFRS 2018 ISBN: 978-1-78655-000-1 Foreword Children ...")
    assert _span(work) == ("2017-10-02", "2017-10-13", "day")
    assert _span(pub) == ("2018-01-01", "2018-01-01", "month")


@pytest.mark.parametrize("sentence, kind_text, want", [
    ("The inspection took place in November 2021.", "inspection",
     ("2021-11-01", "2021-11-01", "month")),
    ("We returned to the force between 9 and 13 May 2022 to check progress on our earlier "
     "recommendations.", "review", ("2022-05-09", "2022-05-13", "day")),
    ("In March 2021, HMICFRS inspected the force. In late September and early October 2022, we went "
     "back to the force.", "review", ("2022-09-01", "2022-10-01", "month")),
    ("Our first inspection was in April 2021. This report covers our re-inspection of the force, which "
     "took place in June 2022.", "review", ("2022-06-01", "2022-06-01", "month")),
    ("We carried out our inspection in late January and early February 2020.", "inspection",
     ("2020-01-01", "2020-02-01", "month")),
    ("We inspected seven forces between November 2022 and February 2023.", "thematic",
     ("2022-11-01", "2023-02-01", "month")),
    ("Inspectors were on site from 4 to 8 March 2019.", "inspection", ("2019-03-04", "2019-03-08", "day")),
    ("The inspection ran from 2 to 13 October 2017.", "inspection", ("2017-10-02", "2017-10-13", "day")),
    ("HMIC inspected the force in 2015 and reported in October 2015. We revisited it in May 2016.",
     "review", ("2016-05-01", "2016-05-01", "month")),
    ("We first inspected the force in May 2016. We returned in the week of 12 June 2017.", "review",
     ("2017-06-12", "2017-06-12", "month")),
])
def test_fieldwork_in_prose(sentence, kind_text, want):
    title = {"inspection": "Kent - National child protection inspection",
             "review": "Kent - National child protection inspection: post-inspection review",
             "thematic": "National child protection inspections: thematic report"}[kind_text]
    _, _, work, notes = _dates(f"{title}\nPublished on: 1 December 2023\n{sentence}", fmt="html")
    assert _span(work) == want and notes == []


@pytest.mark.parametrize("sentence", [
    "Our fieldwork took place in the autumn, mostly online.",
    "The inspection took place in the autumn of 2019.",
    "The inspection took place in early 2020.",  # a vague part of a year names no month
    "Our 2020 inspection report made five recommendations.",
])
def test_fieldwork_only_as_vague_as_the_text(sentence):
    _, _, work, _ = _dates("Kent - National child protection inspection\nPublished on: 4 May 2021\n"
                           f"{sentence}", fmt="html")
    assert work is None


def test_relative_fieldwork_anchored_to_the_documents_date():
    cases = [("We returned to the force last month.", "2023-10-01"),
             ("We re-inspected the force in January this year.", "2023-01-01"),
             ("We returned to the constabulary in September, after our original inspection.", "2022-09-01")]
    for sentence, start in cases:
        _, pub, work, _ = _dates("Lancashire Constabulary\nChild protection: post-inspection review\n"
                                 f"November 2023\n\nIntroduction\n{sentence}")
        assert pub.start.isoformat() == "2023-11-01"
        if "September" in sentence:
            assert _span(work) == ("2023-09-01", "2023-09-01", "month")
        else:
            assert _span(work) == (start, start, "month")


def test_week_of_without_a_year():
    _, _, work, _ = _dates("Child protection: post-inspection review\nMerseyside Police\nJune 2023\n\n"
                           "Introduction\nOur fieldwork in the week of 6 March looked at 30 cases.")
    assert _span(work) == ("2023-03-06", "2023-03-06", "month")


def test_two_fieldwork_statements_that_disagree_are_a_warning():
    _, _, work, notes = _dates("National Child Protection Inspections\nHampshire Constabulary 6-17 "
                               "March 2017\nJune 2017\n\nIntroduction\nThe inspection took place in "
                               "May 2017.")
    assert _span(work) == ("2017-03-06", "2017-03-17", "day")
    assert len(notes) == 1 and "6-17 March 2017" in notes[0] and "May 2017" in notes[0]


def test_web_copy_redated_is_a_warning_and_the_earlier_date_is_kept():
    _, pub, _, notes = _dates("Kent - National child protection inspection\nPublished on: 14 March 2023"
                              "\nJuly 2015\nThe inspection took place in March 2015.", fmt="html")
    assert _span(pub) == ("2015-07-01", "2015-07-01", "month")
    assert len(notes) == 1 and "14 March 2023" in notes[0] and "July 2015" in notes[0]


def test_agreeing_statements_are_not_a_conflict():
    _, _, _, notes = _dates("National Child Protection Inspections\nKent Police 3-14 July 2017\n"
                            "October 2017\nThe inspection took place in July 2017.")
    assert notes == []


@pytest.mark.parametrize("text, fmt, want", [
    # ordinal and glued
    ("Essex Police - news\n\nPosted on 2nd Nov 2022\n\nChief Constable Ben Hart said: \"We accept the "
     "findings.\"", "txt", "2022-11-02"),
    # numeric, day first, two-digit year
    ("Harbour Gazette \u00b7 11.12.14\n\nInspectors have criticised the force. She said the report was fair.",
     "txt", "2014-12-11"),
    ("Office of the Police and Crime Commissioner for Kent\n14/03/2023\n\nDear Home Secretary,\n\n"
     "I welcome the report.\n\nYours sincerely", "txt", "2023-03-14"),
    # weekday without a year: the year the document's other dates imply, and the weekday allows
    ("Police and Crime Commissioner for Dorset\nNews | Friday 30th August\n\nI welcome the 2019 "
     "inspection report. My office will monitor progress.", "txt", "2019-08-30"),
    ("Gloucestershire Constabulary - News\nWednesday 4 March\n\nOur response to the 2019 child "
     "protection inspection\nChief Constable Ann Lowe said: \"We accept the findings.\"", "txt",
     "2020-03-04"),
    # a panel minute is dated by its meeting
    ("Kent Police and Crime Panel\nMinutes of the meeting held on 7 February 2018 at County Hall\n"
     "Present: Councillor A Lee (Chair)\nResolved: that the report be noted.", "txt", "2018-02-07"),
])
def test_the_documents_own_date(text, fmt, want):
    _, pub, _, _ = _dates(text, fmt=fmt)
    assert pub is not None and (pub.start.isoformat(), pub.precision) == (want, "day")


def test_a_weekday_that_no_nearby_year_allows_gives_no_date():
    # 30 August was a Friday in 2019 but not in 2017 or 2018
    _, pub, _, _ = _dates("Police and Crime Commissioner for Dorset\nNews | Friday 30th August\n\n"
                          "I welcome the 2017 inspection report.", fmt="txt")
    assert pub is None


def test_tracker_status_dates_are_not_a_publication():
    _, pub, _, _ = _dates("Essex - National child protection inspection | Recommendation tracker\n"
                          "Recommendation 2\nStatus: complete\nLast updated: 05/06/2018", fmt="html")
    assert pub is None


def test_press_metadata_and_dateline_that_disagree_are_a_warning():
    _, pub, _, notes = _dates("Force told to improve\nBy Sam Lyle\n9 March 2016\n\nInspectors have "
                              "criticised the force.", fmt="html", published="2016-03-10")
    assert pub.start.isoformat() == "2016-03-09"
    assert len(notes) == 1 and "10 March 2016" in notes[0] and "9 March 2016" in notes[0]


def test_fieldwork_cues_each_read_their_example():
    for name, _role, rx, example in kinds.FIELD_CUES:
        assert rx.search(example), name


def test_parse_sets_genre_and_shows_a_conflict_on_the_document():
    from reportkit.extract.parse import parse_document

    doc = _doc("National Child Protection Inspections\nHampshire Constabulary 6-17 March 2017\n"
               "June 2017\n\nIntroduction\nThe inspection took place in May 2017.")
    parsed = parse_document(doc)
    assert parsed.meta["genre"] == "report" and parsed.meta["kind"] == "inspection"
    assert (parsed.meta["fieldwork_start"], parsed.meta["fieldwork_end"]) == (date(2017, 3, 6), date(2017, 3, 17))
    assert any("fieldwork dates disagree" in w for w in doc.warnings)


def test_press_and_letters_read_no_fieldwork_of_their_own():
    from reportkit.extract.parse import parse_document

    doc = _doc("Force told to improve\nBy Sam Lyle\n9 March 2016\n\nInspectors have criticised the "
               "force. The inspection took place in November 2015, the report said.", fmt="txt")
    meta = parse_document(doc).meta
    assert (meta["kind"], meta["genre"], meta["fieldwork_start"]) == ("press", "news", None)
    assert meta["published"] == date(2016, 3, 9) and meta["about_fieldwork"] == date(2015, 11, 1)


# ---------------------------------------------------------------------------------------------
# the inspectorate's pages in the wordings other than "Published on:" (texts written for these tests)

PAGE_CASES = [
    ("ordinal-no-colon-download-size", "txt",
     "Rutland: National child protection inspection - HMICFRS\n\nPublished on 3rd March 2016\n\n"
     "We looked at how well the force protects children at risk of harm.\n\n"
     "Download the report (PDF document, 640KB)", "publication_page", "inspection", "2016-03-03"),
    ("date-published-download-pdf", "txt",
     "Dorset - Child protection post-inspection review | HMIC\n\nDate published: 09/11/2017\n\n"
     "We went back to the force in July 2017.\n\nDownload (PDF, 1.4MB)",
     "publication_page", "review", "2017-11-09"),
    ("published-colon-get-the-report", "txt",
     "Norfolk \u2013 National child protection inspection\nPublished: 2 February 2016\n"
     "Officers were committed but risk was not always recognised.\nGet the report (PDF, 1MB)",
     "publication_page", "inspection", "2016-02-02"),
    # HTML whose reader kept neither the links nor a "Published on:" line: the title and the date
    # line are what is left of the page
    ("reader-dropped-the-links", "html",
     "Surrey: National child protection inspection\n\nPublished on 14th May 2015\n\n"
     "This inspection looked at how the force protects children.", "publication_page",
     "inspection", "2015-05-14"),
    # the label and the date in two elements, as the reader lays out <dt>/<dd> and table rows
    ("label-over-its-date", "html",
     "Gwent - Child protection post-inspection review\n\nPublished on:\n\n21/01/2021\n\n"
     "We went back to the force.\n\nRead the report", "publication_page", "review", "2021-01-21"),
    ("label-and-date-as-list-items", "html",
     "Kent - National child protection inspection\n\n- Published\n\n- 5th October 2018\n\n"
     "- Type\n\n- Inspection\n\nWe found the force had improved.", "publication_page", "inspection",
     "2018-10-05"),
    ("table-row", "html",
     "Essex \u2013 National child protection inspection\n\n| Published | 13 February 2020 |\n\n"
     "|---|---|\n\n| Force | Essex Police |\n\nWe inspected the force.", "publication_page",
     "inspection", "2020-02-13"),
    ("table-row-without-marks", "txt",
     "Cheshire - National child protection inspection - HMICFRS\nPublished | 8 July 2021\n"
     "We inspected the constabulary.\nRead the report", "publication_page", "inspection", "2021-07-08"),
]


@pytest.mark.parametrize("name, fmt, text, want_genre, want_kind, want_date", PAGE_CASES,
                         ids=[c[0] for c in PAGE_CASES])
def test_publication_pages_in_other_wordings(name, fmt, text, want_genre, want_kind, want_date):
    doc, pub, _, _ = _dates(text, fmt=fmt, meta={"html_kind": "press"} if fmt == "html" else {})
    assert kinds.kind_and_genre(doc) == (want_kind, want_genre), genre.scores(doc)
    assert pub is not None and (pub.start.isoformat(), pub.precision) == (want_date, "day")
    assert pub.quote in doc.text  # cited as the page shows it


@pytest.mark.parametrize("text", [
    "Kent - National child protection inspection\n\nPublished on:\n\nsee the report of 2 May 2019",
    "Kent - National child protection inspection\n\nDate of inspection: 2 May 2019",
    "Kent - National child protection inspection\n\nPublished on:\n\n2 May 2019 and 9 May 2019",
])
def test_a_label_gives_only_a_date_that_stands_alone_after_it(text):
    # words beside the date, another label, or two dates: not the page's publication date
    assert kinds._stated_line(_doc(text, fmt="html")) is None


def test_news_titles_of_the_inspectorate_are_not_a_news_site():
    doc = _doc("Child protection findings - HMICFRS\n\nWe found many cases inadequate.", fmt="txt")
    assert "site-name-in-title" not in genre.matched(doc)
    assert "site-name-in-title" in genre.matched(_doc("Police told to improve - Valley News\nText", fmt="txt"))


def test_a_dotted_date_is_not_a_time_of_day():
    assert "posted-time" not in genre.matched(_doc("Title\nUpdated | 02.09.2022\nText", fmt="html"))
    assert "posted-time" in genre.matched(_doc("Title\nUpdated 12.04 GMT\nText", fmt="html"))


# ---------------------------------------------------------------------------------------------
# national thematics that count or pool forces instead of naming one

@pytest.mark.parametrize("name", [c[0] for c in genre.THEMATIC_CUES])
def test_every_thematic_cue_reads_its_example(name):
    _n, rx, example = next(c for c in genre.THEMATIC_CUES if c[0] == name)
    assert rx.search(example)


@pytest.mark.parametrize("text", [
    "An inspection of how police forces keep children safe: pooled findings\n\nHMICFRS\n\nMarch 2017\n\n"
    "Across the nine forces, we examined 350 cases.\nContents",
    "Child protection: national findings from 14 force inspections\nHMIC\nJune 2016\n\nWe found that "
    "supervision was weak.",
    "What we found in all 43 forces\nHMICFRS\nApril 2022\nIn each force we inspected, we audited cases.",
    "An inspection of the police response to missing children\nNovember 2019\n\n"
    "In six forces we audited 180 cases.",
])
def test_a_report_counting_forces_without_naming_one_is_national(text):
    doc = _doc(text)
    assert kinds.kind(doc) == "thematic" and kinds.force(doc) == "national"


@pytest.mark.parametrize("text", [
    "National child protection inspection\nDorset Police 3-14 July 2017\nOctober 2017\n\n"
    "Dorset Police is one of the 43 forces in England and Wales; across all 43 forces we inspect.",
    "Devon and Cornwall - National child protection inspection\nPublished on: 4 June 2019\n"
    "We are inspecting all 43 forces.\nGet the report",
])
def test_a_single_forces_cover_is_not_national_for_counting_forces(text):
    assert kinds.kind(_doc(text, fmt="html")) == "inspection"


# ---------------------------------------------------------------------------------------------
# tracker pages in other layouts: a status row, an "Updated" row, a title cut short

@pytest.mark.parametrize("text, fmt, want_kind", [
    ("Norfolk: National child protection inspection &#8211; re&hellip;\n\nWithin six weeks, the "
     "constabulary should send an action plan.\n\n| Status | Complete |\n\n|---|---|\n\n"
     "| Updated | 02.09.2022 |", "html", "inspection"),
    ("Essex: National child protection inspection\n\nRecommendation 3 of 6: within six months, the "
     "force should train call handlers.\n\nStatus Achieved\nUpdated 12.01.2018", "txt", "inspection"),
    ("Avon and Somerset - Child protection post-inspection review\n\nWithin three months, the force "
     "should audit referrals.\n\n- Status\n\n- On\n\n- Updated\n\n- 14/05/2019", "html", "review"),
    # "achieved" is the tracker's status, not a review's judgment: the kind stays the report's
    ("Essex - National child protection inspection | HMICFRS\nRecommendation 2 of 4\nImmediately, the "
     "force should stop holding children overnight.\nStatus: achieved\nForce update: this "
     "recommendation has been achieved.", "txt", "inspection"),
])
def test_tracker_pages_in_other_layouts(text, fmt, want_kind):
    doc, pub, _, _ = _dates(text, fmt=fmt, meta={"html_kind": "press"} if fmt == "html" else {},
                            published="2022-09-02" if fmt == "html" else None)
    assert kinds.kind_and_genre(doc) == (want_kind, "recommendation_tracker"), genre.scores(doc)
    assert pub is None  # its status and updated dates are not a publication


def test_a_tracker_reads_its_own_recommendation_with_its_time_limit():
    from reportkit.extract.parse import parse_document

    doc = _doc("Norfolk: National child protection inspection &#8211; re&hellip;\n\nWithin six weeks, "
               "the constabulary should send an action plan.\n\n| Status | Complete |\n\n"
               "| Updated | 02.09.2022 |", fmt="html", meta={"html_kind": "press"}, published="2022-09-02")
    parsed = parse_document(doc)
    assert parsed.meta["published"] is None
    assert [(r["timescale"], r["timescale_days"]) for r in parsed.recommendations] == [("Within six weeks", 42)]


def test_a_review_trackers_recommendation_is_its_own_not_an_earlier_one():
    from reportkit.extract.parse import parse_document

    doc = _doc("Norfolk - National child protection inspection: post-inspection review | HMICFRS\n\n"
               "Recommendation 2 of 4\n\nWithin three months, the constabulary should review missing "
               "child cases.\n\nStatus | Complete\n\nForce update: This recommendation has been achieved.",
               fmt="txt")
    parsed = parse_document(doc)
    assert (parsed.meta["kind"], parsed.meta["genre"]) == ("review", "recommendation_tracker")
    assert [(r["number"], r["timescale_days"]) for r in parsed.recommendations] == [(2, 91)]
    assert parsed.progress == []  # its status is not a review's judgment of an earlier report


def test_a_bare_date_label_over_a_date_is_not_a_publication():
    doc = _doc("National child protection inspection\nKent Police 3-14 July 2017\n\nDate\n\n12 May 2015\n\n"
               "Event\n\nStrategy meeting")
    assert kinds._stated_line(doc) is None


def test_two_forces_of_an_alliance_are_not_a_national_report():
    doc = _doc("An inspection of child protection in two forces\nWarwickshire Police and West Mercia "
               "Police\nMay 2016\n\nAcross the two forces we examined 80 cases.")
    assert kinds.kind(doc) == "inspection"


def test_a_page_titled_by_its_area_is_that_forces():
    doc = _doc("Norfolk: National child protection inspection &#8211; re&hellip;\n\nWithin six weeks, the "
               "constabulary should send a plan.\n\nStatus | Complete", fmt="txt")
    assert kinds.force(doc) == "norfolk"
    assert kinds.force(_doc("Protecting children: a report\n\nWe found things.", fmt="txt")) is None


def test_news_saved_as_text_is_titled_by_its_headline_not_its_masthead(tmp_path):
    from reportkit.extract.kinds import title
    from reportkit.read import read_document

    page = tmp_path / "article.txt"
    page.write_text("The Fenland Gazette\n\nHome | News | Sport\n\n"
                    "Watchdog tells police to listen to children\n\nBy a staff reporter\n"
                    "Monday 4 June 2018\n\nInspectors who visited the force in March said it\n"
                    "still missed warning signs in too many cases.\n", encoding="utf-8")
    doc = read_document(str(page))
    assert title(doc, "news") == "Watchdog tells police to listen to children"
    assert title(doc, "report") == "The Fenland Gazette"  # other genres keep the first line
