"""Recommendations read from a Word-made PDF (python-docx, printed by LibreOffice): numbered
paragraphs that run on through the report, lines justified and wrapped by the word processor, a
bulleted recommendation, one without a time limit, and the list carried over a page break."""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from reportkit.extract.recommendations import document_recommendations, rows
from reportkit.read import read_document

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")

FILLER = ("Inspectors spoke to officers and staff in every district, sat in on meetings with "
          "partner agencies and read the records of each case from the first call onwards. ")


@pytest.fixture(scope="module")
def word_pdf(tmp_path_factory):
    from docx import Document as Docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK

    out = tmp_path_factory.mktemp("wordrec")
    doc = Docx()
    doc.add_paragraph("National child protection inspection")
    doc.add_paragraph("Someshire Police 2\u201313 March 2015")
    doc.add_heading("1. Introduction", level=1)
    for n in range(1, 4):
        p = doc.add_paragraph(f"{n}. " + FILLER * 3)
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_heading("2. Recommendations", level=1)
    doc.add_paragraph("4. Immediately, Someshire Police should review every case in which a child "
                      "was held overnight in custody after charge, and ask the local authority "
                      "why no other accommodation was found.").alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    doc.add_paragraph("5. Within three months, the force should make sure that supervisors check:")
    doc.add_paragraph("that the child's views are recorded; and", style="List Bullet")
    doc.add_paragraph("that referrals reach children's social care within a day.", style="List Bullet")
    brk = doc.add_paragraph("6. Within six weeks, the force should send an action plan to the inspectorate.")
    brk.add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph("7. Within six months, the force should review the staffing of its child "
                      "abuse investigation teams against the demand they face.")
    doc.add_paragraph("8. The force should also agree with its partners how strategy discussions "
                      "are recorded.")
    doc.add_heading("Annex A: Method", level=1)
    doc.add_paragraph("The force should not read this sentence as a recommendation, as it sits "
                      "in the method annex.")
    src = out / "someshire.docx"
    doc.save(src)
    env = dict(os.environ, HOME=str(out))
    subprocess.run([SOFFICE, f"-env:UserInstallation=file://{out / 'profile'}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(out), str(src)],
                   check=True, capture_output=True, timeout=300, env=env)
    return out / "someshire.pdf"


def test_word_pdf_recommendations_numbered_by_their_order(word_pdf):
    doc = read_document(word_pdf)
    got = rows(document_recommendations(doc, "inspection"))
    assert [(r["number"], r["timescale_days"]) for r in got] == [
        (1, 0), (2, 91), (3, 42), (4, 182), (5, None)]
    assert "referrals reach children's social care" in got[1]["text"]
    for r in got:
        assert r["quote"] in doc.pages[r["page"] - 1].text
