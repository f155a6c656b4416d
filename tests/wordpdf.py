"""Build word-processor PDFs for tests: .docx files written with python-docx, printed to PDF by
LibreOffice (``soffice --headless --convert-to pdf``).

Real inspection reports were made in Word, and a word processor lays text out in its own way: a
section break into two columns (balanced on a page that goes back to one column), justified lines
with stretched spaces, tables whose cells wrap, footnotes with superscript markers glued to the
words and their notes at the page foot, running headers and footers with page-number fields.
reportlab (tests/pdfmaker.py) draws none of that as Word does, so these documents are made here.

python-docx has no column or footnote API: ``w:cols`` is set on a section's ``sectPr`` and the
footnotes part (``word/footnotes.xml``) is written and related to the document part by hand.

``build(docs, out_dir)`` writes each :class:`WordDoc` and converts them all in one soffice run;
``soffice()`` is the converter's path or None. The test module skips when it is None.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

# --- content: what a document says, so that tests know every sentence --------------------------


@dataclass
class Block:
    """One thing in the body. kind: heading, para (sentences), table (rows of cells), columns /
    single (a continuous section break into two columns / back to one), page (a page break)."""

    kind: str
    sentences: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    notes: dict[int, str] = field(default_factory=dict)  # sentence index -> footnote text


@dataclass
class WordDoc:
    name: str
    cover: list[str]
    header: str
    blocks: list[Block]

    def sentences(self) -> list[str]:
        """Body sentences in reading order (headings included)."""
        return [s for b in self.blocks if b.kind in ("heading", "para") for s in b.sentences]

    def footnotes(self) -> list[str]:
        return [n for b in self.blocks for n in b.notes.values()]


def heading(text: str) -> Block:
    return Block("heading", [text])


def para(*sentences: str, notes: dict[int, str] | None = None) -> Block:
    return Block("para", list(sentences), notes=notes or {})


def table(rows: list[list[str]]) -> Block:
    return Block("table", rows=rows)


COLUMNS, SINGLE, PAGE = Block("columns"), Block("single"), Block("page")
COLUMN_BREAK = Block("column-break")


# --- docx ------------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_FOOTNOTES_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_FOOTNOTES_RT = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                 "footnotes")


def write_docx(doc: WordDoc, path: Path) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt

    d = docx.Document()
    style = d.styles["Normal"]
    style.font.name, style.font.size = "Liberation Serif", Pt(11)
    first = d.sections[0]
    first.different_first_page_header_footer = True  # a cover without furniture, as in reports
    _furniture(first, doc.header)
    for line in doc.cover:
        d.add_paragraph(line).runs[0].font.size = Pt(20)
    d.add_page_break()
    notes: list[str] = []
    for block in doc.blocks:
        if block.kind == "heading":
            d.add_heading(block.sentences[0], level=2)
        elif block.kind == "para":
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            _sentences(p, block, notes)
        elif block.kind == "table":
            _table(d, block.rows)
        elif block.kind in ("columns", "single"):
            _section(d, 2 if block.kind == "columns" else 1)
        elif block.kind == "page":
            d.add_page_break()
        elif block.kind == "column-break":
            d.add_paragraph().add_run().add_break(WD_BREAK.COLUMN)
    if notes:
        _footnotes_part(d, notes)
    d.save(path)
    return path


def _furniture(section, header: str) -> None:
    section.header.paragraphs[0].text = header
    p = section.footer.paragraphs[0]
    p.alignment = 1  # centred
    p.add_run("Page ")
    p._p.append(_field("PAGE", "1"))


def _field(instr: str, shown: str):
    from docx.oxml import parse_xml

    return parse_xml(f'<w:fldSimple xmlns:w="{_W}" w:instr="{instr}"><w:r><w:t>{shown}</w:t>'
                     '</w:r></w:fldSimple>')


def _sentences(p, block: Block, notes: list[str]) -> None:
    """The sentences one run each; a footnote reference glued to the end of a sentence's last
    word, before its full stop (as Word puts it when the note is about the word)."""
    for i, s in enumerate(block.sentences):
        if i in block.notes:
            notes.append(block.notes[i])
            body, stop = (s[:-1], s[-1]) if s[-1] in ".;:" else (s, "")
            p.add_run(body)
            p._p.append(_note_ref(len(notes)))
            p.add_run(stop + " ")
        else:
            p.add_run(s + " ")


def _note_ref(n: int):
    from docx.oxml import parse_xml

    return parse_xml(f'<w:r xmlns:w="{_W}"><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                     f'<w:footnoteReference w:id="{n}"/></w:r>')


def _footnotes_part(d, notes: list[str]) -> None:
    """word/footnotes.xml: the two separators Word always writes, then one note per reference."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    def note(i: int, body: str) -> str:
        return (f'<w:footnote w:id="{i}"><w:p><w:pPr><w:rPr><w:sz w:val="16"/></w:rPr></w:pPr>'
                f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="16"/></w:rPr>'
                f'<w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
                f'<w:t xml:space="preserve"> {body}</w:t></w:r></w:p></w:footnote>')

    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
           '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
           '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
           '<w:continuationSeparator/></w:r></w:p></w:footnote>'
           + "".join(note(i, n) for i, n in enumerate(notes, 1)) + "</w:footnotes>")
    part = Part(PackURI("/word/footnotes.xml"), _FOOTNOTES_CT, xml.encode(), d.part.package)
    d.part.relate_to(part, _FOOTNOTES_RT)


def _section(d, columns: int) -> None:
    """A continuous section break; the new section (what follows) has ``columns`` columns."""
    from docx.enum.section import WD_SECTION
    from docx.oxml import parse_xml

    section = d.add_section(WD_SECTION.CONTINUOUS)
    sect_pr = section._sectPr
    for old in sect_pr.findall(f"{{{_W}}}cols"):
        sect_pr.remove(old)
    cols = parse_xml(f'<w:cols xmlns:w="{_W}" w:num="{columns}" w:space="567"/>')
    # w:cols comes after w:pgMar / w:pgSz in the schema order: just before w:docGrid
    grid = sect_pr.find(f"{{{_W}}}docGrid")
    if grid is not None:
        grid.addprevious(cols)
    else:
        sect_pr.append(cols)


def _table(d, rows: list[list[str]]) -> None:
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    t.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    d.add_paragraph()


# --- PDF -------------------------------------------------------------------------------------
def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(exe: str, sources: list[Path], out_dir: Path) -> None:
    """Print ``sources`` (.docx) to PDF in ``out_dir`` with LibreOffice, in one run."""
    env = dict(os.environ, HOME=str(out_dir))  # a private profile: no clash with another run
    profile = f"-env:UserInstallation=file://{out_dir / 'lo-profile'}"
    subprocess.run([exe, profile, "--headless", "--convert-to", "pdf", "--outdir", str(out_dir),
                    *map(str, sources)], check=True, capture_output=True, timeout=300, env=env)


def build(docs: list[WordDoc], out_dir: Path) -> dict[str, Path]:
    """Each document as a PDF in ``out_dir`` (one soffice run for all), by name."""
    exe = soffice()
    if exe is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    out_dir.mkdir(parents=True, exist_ok=True)
    convert(exe, [write_docx(doc, out_dir / f"{doc.name}.docx") for doc in docs], out_dir)
    pdfs = {doc.name: out_dir / f"{doc.name}.pdf" for doc in docs}
    missing = [n for n, p in pdfs.items() if not p.exists()]
    if missing:
        raise RuntimeError(f"soffice made no PDF for {missing}")
    return pdfs



# --- the documents the tests read ----------------------------------------------------------------
# Invented prose in the shape of report sections; every sentence is unique, so a test can find it.
_COLUMN_PARAS = [
    ("Officers who attended domestic abuse incidents usually spoke to the children present "
     "and recorded what they said.",
     "Supervisors checked most of these records within a day, although the checks were brief.",
     "Where a child was not seen, the reason was rarely written down."),
    ("The force had audited its own work before the inspection and shared the results openly.",
     "Inspectors examined 64 case files: 12 were good, 18 were adequate, 20 required improvement "
     "and 14 were inadequate.",
     "Most of the weaker cases involved children who went missing more than once."),
    ("Strategy discussions with children's social care were held promptly in urgent cases.",
     "In less urgent cases they were often delayed by several days, and the delay was not "
     "explained.",
     "Partner agencies told us that police representatives came well prepared to meetings."),
    ("Investigations into the abuse of children were allocated to specialist teams according to "
     "a clear written policy.",
     "Caseloads in two of the four teams were high, and investigators said this slowed their "
     "work.",
     "Victims and their families were kept informed of progress in about half of the cases we "
     "reviewed."),
    ("The missing persons coordinator reviewed every report of a missing child each morning.",
     "Return home interviews were carried out by an independent charity under contract to the "
     "councils.",
     "Information from those interviews did not always reach the officers who needed it."),
    ("Children detained overnight after charge were rarely moved to local authority "
     "accommodation.",
     "Custody officers told us that beds were hard to find, especially at weekends.",
     "The force did not record how often it asked for a bed and was refused."),
    ("Training on child sexual exploitation had reached nearly all frontline officers by the "
     "time of our visit.",
     "Officers we spoke to could describe the warning signs with confidence.",
     "Fewer could say what they would do next once they had spotted them."),
    ("Managers used a monthly performance report to follow the progress of child protection "
     "work.",
     "The report counted activity well but said little about the quality of decisions.",
     "Leaders had recognised this and were designing a new set of measures."),
    ("Officers on response shifts said they valued the advice of the safeguarding hub.",
     "The hub was staffed from early morning until midnight on every day of the week.",
     "Outside those hours, decisions fell to a duty inspector with little specialist support."),
    ("The force's records system made it hard to link a child to earlier incidents at other "
     "addresses.",
     "A replacement system had been bought and was due to be introduced the following spring.",
     "Until then, analysts searched the old system by hand for each referral."),
    ("Registered sex offenders were visited at the intervals their risk level required.",
     "Offender managers carried caseloads close to the national guideline.",
     "Some risk assessments had not been reviewed after a significant change in the "
     "offender's circumstances."),
    ("Children who had been arrested were usually seen by an appropriate adult within two "
     "hours.",
     "Custody staff explained their rights to them in plain language.",
     "Detention logs showed that their welfare was checked regularly through the night."),
    ("Work with schools was a strength, and every secondary school had a named police "
     "contact.",
     "Officers told schools the next morning when a pupil had been present at a domestic "
     "abuse incident.",
     "Head teachers said the notices helped them to support the children concerned."),
    ("Leaders accepted that some of these weaknesses had been known for some time.",
     "They had agreed a plan with partner agencies to put them right within a year.",
     "We will return to examine the progress the force has made."),
]

_TABLE = [
    ["Area of practice", "What we found", "Grade"],
    ["Initial contact", "Call handlers identified risk to children in most calls, but the "
     "history of earlier incidents was not always checked before officers were sent.",
     "Requires improvement"],
    ["Assessment and help", "Referrals to children's social care were made quickly and were "
     "usually of good quality.", "Good"],
    ["Investigation", "Plans were set early, but supervision lapsed in long-running cases and "
     "some drifted for months.", "Requires improvement"],
]

_NOTES = {
    "children": "Children means people under the age of 18 years.",
    "guidance": "Working Together to Safeguard Children, a guide for agencies.",
}


def report_doc() -> WordDoc:
    """A report: one-column summary with footnotes, then two columns over more than a page
    (paragraphs running across the column break and the page break), then back to one column
    for a table whose cells wrap."""
    paras = [para(*p) for p in _COLUMN_PARAS]
    return WordDoc(
        "report", ["National Child Protection Inspection", "Kent Police 3\u201314 July 2017",
                   "Published October 2017"],
        "Kent Police \u2013 National child protection inspection",
        [heading("Summary"),
         para("The inspection looked at how well the force protects children.",
              "It took place over two weeks and covered every part of the force.",
              "Inspectors also read the guidance that sets out what agencies should do.",
              notes={0: _NOTES["children"], 2: _NOTES["guidance"]}),
         para("We found a force committed to keeping children safe, but with work to do.",
              "In 23 of the cases the force had already identified the problems itself."),
         heading("Findings"), COLUMNS, *paras[:4], heading("Missing and exploited children"),
         *paras[4:], SINGLE, heading("Findings by area of practice"), table(_TABLE),
         para("The table above sets out the main findings for three areas of practice.",
              "Each area is described more fully in the chapters that follow."),
         PAGE, heading("Recommendations"),
         para("Within three months, the force should make sure that the history of earlier "
              "incidents is checked before officers are sent to a call about a child.",
              "Within six months, the force should review how it supervises long "
              "investigations.")])


def short_columns_doc() -> WordDoc:
    """A page that goes into two columns for two paragraphs and back: the columns are balanced
    and fill only part of the page, between full-width text above and below."""
    p = _COLUMN_PARAS
    return WordDoc(
        "short-columns", ["Post-inspection review", "Kent Police 5\u20139 March 2018"],
        "Kent Police \u2013 post-inspection review",
        [heading("Introduction"), para(*p[6]), para(*p[7]), COLUMNS, para(*p[1]), para(*p[2]),
         SINGLE, para(*p[3]), para(*p[0]), PAGE, heading("Next steps"), para(*p[4]),
         para(*p[5]), PAGE, heading("About this review"), para(*p[8])])


def footnoted_page_doc() -> WordDoc:
    """A one-column page whose footnote markers follow figures and words."""
    return WordDoc(
        "footnotes", ["Post-inspection review", "Kent Police"],
        "Kent Police \u2013 post-inspection review",
        [heading("Our 2017 inspection"),
         para("In July 2017 we inspected how well the force protects children under 18.",
              "We audited 40 cases.",
              "Of these, 9 were good, 14 required improvement and 17 were inadequate.",
              notes={0: "A child is anyone who has not yet reached their 18th birthday.",
                     1: "The cases were chosen at random from the previous six months."}),
         para(*_COLUMN_PARAS[2]), PAGE, heading("The review"), para(*_COLUMN_PARAS[3]),
         PAGE, heading("Next steps"), para(*_COLUMN_PARAS[4])])


def columns_to_the_end_doc() -> WordDoc:
    """Two columns from the second page to the end of the document, with no section break
    after them (so the last page's columns are not balanced), and footnotes inside them."""
    p = _COLUMN_PARAS
    noted = para(*p[1], notes={0: "The audit is described in Annex A.",
                               1: "Figures are for the twelve months to March."})
    return WordDoc(
        "columns-to-end", ["Child protection inspection", "Kent Police 6–17 May 2019"],
        "Kent Police – child protection inspection",
        [heading("Summary"), para(*p[13]), COLUMNS, heading("Findings"), para(*p[0]), noted,
         *[para(*x) for x in p[2:12]], heading("Conclusion"), para(*p[12]), PAGE,
         heading("Next steps"), para(*p[0])])


def column_break_doc() -> WordDoc:
    """A column break before a heading: the right column's lines are spaced on their own, so
    its baselines drift out of line with the left column's."""
    p = _COLUMN_PARAS
    return WordDoc(
        "column-break", ["Child protection inspection", "Kent Police 2–13 March 2020"],
        "Kent Police – child protection inspection",
        [heading("Leadership"), COLUMNS, *[para(*x) for x in p[0:3]], COLUMN_BREAK,
         heading("Partnership working"), *[para(*x) for x in p[3:6]], SINGLE, PAGE,
         heading("Custody"), para(*p[6]), PAGE, heading("Conclusion"), para(*p[7])])


def all_docs() -> list[WordDoc]:
    return [report_doc(), short_columns_doc(), footnoted_page_doc(), columns_to_the_end_doc(),
            column_break_doc()]


if __name__ == "__main__":  # python tests/wordpdf.py DIR: build them to look at
    import sys

    print(build(all_docs(), Path(sys.argv[1] if len(sys.argv) > 1 else "word-pdfs")))
