"""Recommendation status over time (issue 13): tracker pages saved as text and HTML, a review's
ratings and a commissioner's letter (real PDFs), through the reader, the parser and the pipeline,
and linked to their report by analysis.status."""
from __future__ import annotations

from datetime import date

import pytest
from tests.pdfmaker import make_pdf

from reportkit.analysis.status import status_history, status_spans
from reportkit.extract import tracker
from reportkit.extract.parse import parse_document
from reportkit.pipeline import extract_corpus
from reportkit.read.reader import read_document
from reportkit.vocabulary import REC_STATUSES


@pytest.mark.parametrize("status", list(tracker.STATUS_WORDINGS))
def test_every_status_wording_example_is_that_status(status):
    for example in tracker.STATUS_WORDINGS[status][1]:
        assert tracker.status_of(example) == status, example


@pytest.mark.parametrize("shape", list(tracker.ENTRY_SHAPES))
def test_every_entry_shape_example_matches(shape):
    assert tracker.ENTRY_SHAPES[shape].search(tracker.ENTRY_EXAMPLES[shape])


@pytest.mark.parametrize("words", ["has not been completed", "is not yet complete",
                                   "complete in one district but still open in another"])
def test_a_negated_or_double_status_is_none(words):
    assert tracker.status_of(words) is None


def test_the_statuses_are_one_ordered_scale():
    assert set(tracker.STATUS_WORDINGS) == set(REC_STATUSES)
    assert REC_STATUSES[0] == "complete"


SAVED = ("Northshire \u2013 National child protection inspection (7310)\n\n"
         "Recommendation 2\n\n"
         "Within three months, Northshire Police should make sure that every child present at an "
         "incident is seen and spoken to.\n\n"
         "[on]12th March 2019 [status]awaiting-review[/status][/on][on]30th April 2019 "
         "[status]will-be-progressed[/status][/on][on]30th April 2019 [comment]\n\n"
         "The force has changed its guidance & will report back.[/comment][/on]"
         "[on]2nd December 2019 [status]complete[/status][/on]\n")


def _entries(parsed):
    return [(r["recommendation"], r["tracker_id"], r["status"], r["status_text"], r["date"])
            for r in parsed.recommendation_status]


def test_a_tracker_saved_as_text(tmp_path):
    path = tmp_path / "northshire" / "tracker-7310.txt"
    path.parent.mkdir()
    path.write_text(SAVED, encoding="utf-8")
    doc = read_document(path)
    parsed = parse_document(doc)
    assert parsed.meta["genre"] == "recommendation_tracker"
    assert _entries(parsed) == [
        ("2", "7310", "awaiting_review", "awaiting-review", date(2019, 3, 12)),
        ("2", "7310", "being_progressed", "will-be-progressed", date(2019, 4, 30)),
        ("2", "7310", "complete", "complete", date(2019, 12, 2))]
    assert parsed.recommendation_status[1]["comment"] == "The force has changed its guidance & will report back."
    assert parsed.progress == []  # the tracker's own status, not a review's judgment
    for r in parsed.recommendation_status:
        assert r["quote"] in doc.pages[r["page"] - 1].text


TABLE_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Northshire \u2013 National child protection inspection (7311)</title></head><body><main>
<h1>Northshire \u2013 National child protection inspection (7311)</h1>
<h2>Recommendation 3</h2>
<p>Within six months, Northshire Police should collect information on children held in custody.</p>
<h2>Recommendation tracker</h2>
<table><tr><th>Date</th><th>Status</th><th>Comment</th></tr>
<tr><td>12 March 2019</td><td>Awaiting review</td><td></td></tr>
<tr><td>4 July 2019</td><td>In progress</td><td>Data is now collected &lt;monthly&gt;.</td></tr>
<tr><td>9 January 2020</td><td>Superseded</td><td>Replaced by a national recommendation.</td></tr>
</table></main></body></html>"""


def test_a_tracker_web_page_with_a_table(tmp_path):
    path = tmp_path / "northshire" / "tracker-7311.html"
    path.parent.mkdir()
    path.write_text(TABLE_PAGE, encoding="utf-8")
    parsed = parse_document(read_document(path))
    assert [(r["recommendation"], r["status"], r["date"]) for r in parsed.recommendation_status] == [
        ("3", "awaiting_review", date(2019, 3, 12)), ("3", "being_progressed", date(2019, 7, 4)),
        ("3", "superseded", date(2020, 1, 9))]
    assert parsed.recommendation_status[1]["comment"] == "Data is now collected <monthly>."
    assert {r["source"] for r in parsed.recommendation_status} == {"tracker"}


REVIEW = [
    ["Northshire Police", "National Child Protection Inspection Post-Inspection Review",
     "Northshire Police 6-10 May 2020", "October 2020"],
    ["# Progress against the 2019 recommendations", "2019 recommendation 1",
     "Within three months, Northshire Police should improve how it records the views of children.",
     "HMICFRS found that the force had made limited progress against this recommendation.",
     "2019 recommendation 2",
     "Within six months, Northshire Police should improve its supervision of investigations.",
     "HMICFRS found that this recommendation had been achieved."],
]


def test_a_review_rating_is_a_status_dated_by_the_review(tmp_path):
    parsed = parse_document(read_document(make_pdf(tmp_path / "review.pdf", REVIEW)))
    assert [(r["recommendation"], r["status"], r["status_text"], r["date"], r["precision"], r["source"])
            for r in parsed.recommendation_status] == [
        ("1", "being_progressed", "limited progress", date(2020, 10, 1), "month", "review"),
        ("2", "complete", "achieved", date(2020, 10, 1), "month", "review")]


LETTER = [["Office of the Police and Crime Commissioner for Northshire", "",
           "15 January 2021", "", "Dear Chief Inspector",
           "Thank you for your review of child protection in Northshire.",
           "Recommendation 1 has now been completed: every officer has been trained.",
           "Recommendation 2 is being progressed and will be finished by the summer.",
           "Recommendation 3 has not yet been completed.",
           "Yours sincerely", "", "Police and Crime Commissioner for Northshire"]]


def test_a_commissioners_letter_reports_progress(tmp_path):
    parsed = parse_document(read_document(make_pdf(tmp_path / "letter.pdf", LETTER)))
    assert parsed.meta["kind"] == "pcc_response"
    assert [(r["recommendation"], r["status"], r["date"], r["source"]) for r in parsed.recommendation_status] == [
        ("1", "complete", date(2021, 1, 15), "letter"), ("2", "being_progressed", date(2021, 1, 15), "letter")]


@pytest.mark.slow
def test_the_pipeline_stores_and_links_the_history(tmp_path):
    raw = tmp_path / "raw"
    (raw / "cumbria").mkdir(parents=True)
    saved = SAVED.replace("Northshire Police", "Cumbria Constabulary").replace("Northshire", "Cumbria")
    (raw / "cumbria" / "tracker-7310.txt").write_text(saved, encoding="utf-8")
    # a tracker page with no number and no date of its own: linked by its recommendation's words
    (raw / "cumbria" / "tracker-7309.txt").write_text(
        "Cumbria \u2013 National child protection inspection (7309)\n\n"
        "Within three months, Cumbria Constabulary should review its referrals.\n\n"
        "[on]12th March 2019 [status]awaiting-review[/status][/on]\n", encoding="utf-8")
    make_pdf(raw / "cumbria" / "2019-03-inspection.pdf", [
        ["Cumbria Constabulary", "National Child Protection Inspection", "Cumbria Constabulary 3-14 December 2018",
         "March 2019"],
        ["# Recommendations", "Recommendation 1",
         "Within three months, Cumbria Constabulary should review its referrals.", "Recommendation 2",
         "Within three months, Cumbria Constabulary should make sure that every child present at an "
         "incident is seen and spoken to."]])
    (raw / "manifest.csv").write_text(
        "path,force,kind,published\ncumbria/tracker-7310.txt,cumbria,inspection,2019-03-12\n"
        "cumbria/2019-03-inspection.pdf,cumbria,inspection,2019-03-12\n", encoding="utf-8")
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=None)
    stored = tables["recommendation_status"]
    assert sorted(stored["status"].astype(str)) == ["awaiting_review", "awaiting_review",
                                                     "being_progressed", "complete"]
    assert (tmp_path / "out" / "recommendation_status.csv").is_file()
    history = status_history(tables, "cumbria")
    report = tables["documents"].set_index("path").loc["cumbria/2019-03-inspection.pdf", "doc_id"]
    assert set(history["report_doc_id"]) == {report}
    matched = history[history["tracker_id"] == "7309"]
    assert list(matched["recommendation"]) == ["1"] and "matched" in matched["linked_by"].iloc[0]
    spans = status_spans(history[history["recommendation"] == "2"])
    assert list(spans["status"]) == ["awaiting_review", "being_progressed", "complete"]
    assert spans["end"].iloc[-1] == spans["start"].iloc[-1]  # the latest source ends the row
