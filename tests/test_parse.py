"""parse_document end to end on Document objects, including the two real seed documents."""
from datetime import date

import pytest

from reportkit.extract.parse import parse_document
from reportkit.read.document import Document, Page
from reportkit.tables.schema import KINDS, TABLES

_TYPOGRAPHY = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                             "\u2014": "-"})


def _seed_doc(path):
    """A seed as the reader would give it: one page, typographic quotes and dashes made ASCII."""
    try:
        from reportkit.read.reader import read_document

        return read_document(path)
    except ImportError:
        text = path.read_text(encoding="utf-8").translate(_TYPOGRAPHY)
        return Document(path=path.name, sha256="0", format="txt", pages=[Page(1, text)])


def _assert_cited(parsed, doc):
    for table in ("case_grades", "recommendations", "progress", "events", "claims"):
        for row in getattr(parsed, table):
            assert set(row) == set(TABLES[table]) - {"doc_id", "force"}, table
            if row.get("quote") is not None:
                assert row["quote"] in doc.pages[row["page"] - 1].text, (table, row)
                assert len(row["quote"]) <= 300


def test_press_seed(seeds):
    doc = _seed_doc(seeds / "press-article-2016-03-08.txt")
    parsed = parse_document(doc)
    assert parsed.meta["kind"] == "press" and parsed.meta["force"] == "west-yorkshire"
    assert parsed.meta["published"] == date(2016, 3, 8)
    claims = {(c["measure"], c["value"]) for c in parsed.claims if c["unit"] == "cases"}
    assert claims >= {("cases_total", 34), ("good", 11), ("requires_improvement", 20), ("inadequate", 3),
                      ("custody_total", 7), ("custody_requires_improvement", 5)}
    _assert_cited(parsed, doc)


def test_letter_seed(seeds):
    doc = _seed_doc(seeds / "pcc-response-letter-2016-04-15.txt")
    parsed = parse_document(doc)
    meta = parsed.meta
    assert meta["kind"] == "pcc_response" and meta["force"] == "west-yorkshire"
    assert (meta["published"], meta["published_precision"]) == (date(2016, 4, 15), "day")
    assert meta["about_fieldwork"] == date(2015, 8, 1) and meta["about_published"] == date(2016, 3, 1)
    assert [e["event"] for e in parsed.events] == ["response_published"]
    _assert_cited(parsed, doc)


def test_review_document_end_to_end():
    cover = ("National Child Protection Inspection\nPost-Inspection Review\nKent Police 1-5 June 2015\n\n"
             "October 2015")
    body = ("Background\n\nIn the 2014 report, HMIC recommended:\n\nImmediately, Kent Police should record the child's "
            "views.\n\nHMIC found that the force had made good progress against this recommendation.\n\n"
            "Case file analysis\n\nWe examined 20 cases. Of these, 8 were good, 9 required improvement and "
            "four were inadequate.\n\nHMIC is concerned that custody records did not explain detention.\n\n"
            "Recommendations\n\nWithin six months, Kent Police should audit custody records.")
    doc = Document(path="k.pdf", sha256="0", format="pdf", pages=[Page(1, cover), Page(2, body)])
    parsed = parse_document(doc)
    assert parsed.meta["kind"] == "review" and parsed.meta["force"] == "kent"
    assert (parsed.meta["fieldwork_start"], parsed.meta["fieldwork_end"]) == (date(2015, 6, 1), date(2015, 6, 5))
    assert {(e["event"], e["date"]) for e in parsed.events} == {
        ("published", date(2015, 10, 1)), ("fieldwork_start", date(2015, 6, 1)), ("fieldwork_end", date(2015, 6, 5))}
    assert [(r["number"], r["timescale_days"]) for r in parsed.recommendations] == [(1, 182)]
    assert [(p["recommendation"], p["rating"]) for p in parsed.progress] == [("1", "good_progress")]
    assert {(g["grade"], g["cases"], g["scale"]) for g in parsed.case_grades} == {
        ("good", 8, "three"), ("requires_improvement", 9, "three"), ("inadequate", 4, "three")}
    assert parsed.warnings == ["inspectorate grades for 'all' sum to 21, stated total 20"]
    assert ("Case file analysis", "concern") in {(f["section"], f["polarity"]) for f in parsed.findings}
    _assert_cited(parsed, doc)


@pytest.mark.parametrize("text", ["", "\x00\x00", "<script>alert(1)</script>", "Dear\n\nYours sincerely"])
def test_odd_documents_do_not_raise(text):
    for pages in ([Page(1, text)], []):
        parsed = parse_document(Document(path="x.txt", sha256="0", format="txt", pages=pages))
        assert parsed.meta["kind"] in KINDS
        assert parsed.case_grades == [] and parsed.claims == []


def _pdf(path, pages):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for lines in pages:
        y = 780
        for line in lines:
            c.drawString(60, y, line)
            y -= 16
        c.showPage()
    c.save()
    return path


def test_a_real_pdf_through_the_reader(tmp_path):
    reader = pytest.importorskip("reportkit.read.reader", reason="the reading layer is not in this tree")
    path = _pdf(tmp_path / "norfolk.pdf", [
        ["National Child Protection Inspection", "", "Norfolk Constabulary 8-12 April 2014", "", "August 2014"],
        ["Case file analysis", "", "HMIC examined 40 cases in which children had come to the attention of",
         "the force. Of these, 12 were good, 10 were adequate, 9 required improvement and",
         "nine were inadequate.", "", "Recommendations", "",
         "Within six weeks, Norfolk Constabulary should publish an action plan."],
    ])
    doc = reader.read_document(path)
    parsed = parse_document(doc)
    assert (parsed.meta["kind"], parsed.meta["force"]) == ("inspection", "norfolk")
    assert (parsed.meta["published"], parsed.meta["published_precision"]) == (date(2014, 8, 1), "month")
    assert (parsed.meta["fieldwork_start"], parsed.meta["fieldwork_end"]) == (date(2014, 4, 8), date(2014, 4, 12))
    assert {(g["grade"], g["cases"], g["total"]) for g in parsed.case_grades} == {
        ("good", 12, 40), ("adequate", 10, 40), ("requires_improvement", 9, 40), ("inadequate", 9, 40)}
    assert {g["scale"] for g in parsed.case_grades} == {"four"}
    assert [(r["number"], r["timescale_days"]) for r in parsed.recommendations] == [(1, 42)]
    _assert_cited(parsed, doc)
