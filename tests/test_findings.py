"""Findings: the inspectorate's judgments, with area, polarity, type, links and place."""
import pytest

from reportkit.extract import areas
from reportkit.extract.findings import FINDING_SHAPES, classify, document_findings, page_heads
from reportkit.extract.recommendations import Rec
from reportkit.read.document import Document, Page
from reportkit.vocabulary import INSPECTION_AREAS


def _doc(*texts: str) -> Document:
    return Document(path="x.pdf", sha256="0", format="pdf",
                    pages=[Page(i, t) for i, t in enumerate(texts, 1)])


@pytest.mark.parametrize("name", list(FINDING_SHAPES))
def test_every_shape_reads_its_examples(name):
    polarity, _, examples = FINDING_SHAPES[name]
    for ex in examples:
        assert classify(ex) is not None and classify(ex)[0] == polarity, (name, ex)


@pytest.mark.parametrize("sentence", [
    "Officers can consult good practice guides on the force intranet.",
    "Concerns were referred to children's social care through the hub.",
    "Staff at a children's home raised concerns that a girl had been picked up by adults.",
    "The aim was to understand the response from the moment a concern is raised.",
    "If a case gave cause for concern, it was referred back to the force for action.",
    "Where HMIC is concerned that a child is at risk, the case is referred back at once.",
    'A manager told inspectors: "Joint working with the police is a real strength here."',
    "Partners said that they were concerned that police attendance at meetings had fallen.",
    "Head teachers felt that the new notices were a strength of the scheme.",
    "Figure 2: Where the force was a strength and where it remains a weakness.",
    "Officers did not always speak to the children present at domestic incidents.",
    "The force had made good arrangements, which commanders described as a strength.",
    "Inspectors found good practice in 11 of the 32 cases they audited.",  # a grade figure
    "HMIC found good practice guides in every station it visited.",
])
def test_words_of_a_finding_are_not_a_finding(sentence):
    found = document_findings(_doc(f"Initial contact\n\n{sentence}"))
    assert found == [], sentence


def test_a_heading_names_an_area_only_when_it_is_the_area():
    for area, (_, examples) in areas.AREA_HEADINGS.items():
        assert area in INSPECTION_AREAS
        for ex in examples:
            assert areas.heading_area(ex) == area, ex
    assert areas.heading_area("Investigations were delayed by high workloads") is None
    assert areas.heading_area("Post-inspection review findings") is None
    for area, (_, examples) in areas.AREA_PHRASES.items():
        for ex in examples:
            assert areas.topic_area(ex) == area, ex
    assert areas.topic_area("The weather was fine.") is None


def test_area_from_numbered_and_unnumbered_sections_section_as_printed():
    text = ("4. Findings\n\nInitial contact\n\nHMIC found good practice in the way call handlers "
            "recorded the presence of children.\n\n4.2 Police detention\n\n4.21 HMIC is concerned "
            "that children charged with offences were still held overnight in cells.\n\n"
            "5. Conclusion\n\nHMIC is concerned that supervisors seldom set a direction for "
            "investigators.")
    got = document_findings(_doc(text))
    assert [(f["area"], f["section"], f["polarity"], f["type"]) for f in got] == [
        ("initial_contact", "Initial contact", "strength", "practice"),
        ("police_detention", "4.2 Police detention", "concern", "practice"),
        ("investigation", "5. Conclusion", "concern", "summary"),  # area from what it says
    ]
    assert got[1]["text"].startswith("HMIC is concerned that children")  # paragraph number dropped
    assert [f["finding"] for f in got] == [1, 2, 3]


def test_a_section_carries_over_pages_and_ends_at_the_next_chapter():
    got = document_findings(_doc(
        "Trusted adult\n\nChildren said they valued a named officer.",
        "The continuity of contact between investigators and children was a strength.",
        "Annex A: Glossary\n\nHMIC found good practice in the recording of reasons when cases "
        "were closed."))
    assert [(f["area"], f["page"]) for f in got] == [("trusted_adult", 2),
                                                     ("decision_making", 3)]


def _review_page() -> tuple[str, list[Rec]]:
    rec_text = ("Within three months, Someshire Police should improve the timeliness of strategy "
                "discussions for cases first assessed as lower risk.")
    text = ("3. Assessment and help\n\nOur earlier recommendation\n\nRecommendation 2\n\n"
            f"{rec_text}\n\nSummary of findings\n\nThe force has made limited progress against "
            "this recommendation. We are concerned that lower-risk referrals still wait several "
            "days for a strategy discussion.\n\nDetailed findings\n\nStrategy discussions were "
            "held within a day in urgent cases. We are concerned that lower-risk referrals still "
            "waited several days before a strategy discussion took place.")
    start = text.index(rec_text)
    rec = Rec(2, rec_text, "within three months", 91, 1, rec_text, start, earlier=True)
    return text, [rec]


def test_review_chapter_split_into_recommendation_summary_and_detail():
    text, recs = _review_page()
    got = document_findings(_doc(text), {r.quote for r in recs}, recs)
    assert [(f["finding"], f["type"], f["polarity"], f["recommendation"], f["duplicate_of"])
            for f in got] == [(1, "progress", "concern", "2", None),
                              (2, "summary", "concern", None, 3),
                              (3, "practice", "concern", None, None)]
    assert {f["area"] for f in got} == {"assessment_and_help"}
    assert {f["section"] for f in got} == {"3. Assessment and help"}


def test_progress_chapter_takes_the_area_of_the_recommendation():
    rec_text = ("Within six months, the force should work with local authorities to end the "
                "overnight detention of children in police cells after charge.")
    text = ("6. Progress against the 2014\nrecommendations\n\n2014 recommendation 6\n"
            f"{rec_text}\nHMIC found that the force had made no progress against this "
            "recommendation.\nHMIC is concerned that, as a result, some children remain at risk.\n\n"
            "7. Conclusion\n\nHMIC is concerned that, as a result, children wait for help.")
    rec = Rec(6, rec_text, "within six months", 182, 1, rec_text, text.index(rec_text), earlier=True)
    got = document_findings(_doc(text), {rec.quote}, [rec])
    assert [(f["type"], f["area"], f["recommendation"]) for f in got] == [
        ("progress", "police_detention", "6"), ("progress", "police_detention", "6"),
        ("summary", None, None)]  # after the next heading: no longer said of the recommendation
    assert got[0]["section"] == "6. Progress against the 2014 recommendations"  # wrapped heading


def test_wrapped_numbered_heading_is_one_heading():
    heads = page_heads("4. Progress against the 2014\nrecommendations\n\nText follows here.")
    assert [h.text for h in heads] == ["4. Progress against the 2014 recommendations"]


def test_contents_lines_and_captions_are_not_findings():
    text = ("Contents\n\n1. Police detention remains a weakness . . . . . . . . 4\n"
            "2. HMIC found good practice in custody ............ 6\n\nPolice detention\n\n"
            "Figure 3: Custody remains a weakness in every district.\n\n"
            "Case study 2: HMIC is concerned that the girl was not seen.")
    assert document_findings(_doc(text)) == []
