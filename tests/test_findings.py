"""Strengths and concerns with their cue and section heading."""
from reportkit.extract.findings import classify, document_findings
from reportkit.read.document import Document, Page


def test_classify_cues():
    assert classify("HMIC found good practice in the way call handlers recorded children.") == ("strength", "good practice")
    assert classify("HMIC is concerned that children were held overnight in cells.") == ("concern", "concerned")
    assert classify("Officers did not record views consistently across the districts.") == ("concern", "not consistently")
    assert classify("Officers attended the meeting on time and took notes.") is None


def test_sections_come_from_the_heading_above():
    text = ("Initial contact\nHMIC found good practice in the way call handlers recorded the presence of children.\n\n"
            "Police detention\nHMIC is concerned that children charged with offences were still held overnight in cells.")
    got = document_findings(Document(path="x.pdf", sha256="0", format="pdf", pages=[Page(2, text)]))
    assert [(f["section"], f["polarity"], f["page"]) for f in got] == [
        ("Initial contact", "strength", 2), ("Police detention", "concern", 2)]
    assert got[1]["text"].startswith("HMIC is concerned that")
