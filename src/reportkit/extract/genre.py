"""What sort of document it is (vocabulary.GENRES) and its coarse kind (vocabulary.KINDS).

A document shows its genre through cues: a byline and reporting verbs (news), "Notes to editors"
(the inspectorate's press release), a chief officer saying "we accept the findings" (a force
statement), "Get the report" and "Published on:" (a publication page), "Status: complete" (a
recommendation tracker), "Minutes of the meeting" (a police and crime panel), "Dear ..." and
"Yours sincerely" or a commissioner's voice (a letter or statement), a cover with an ISBN,
contents and "we found" (a report). ``CUES`` lists them, each with its weight and an example;
``classify`` adds up the weights per genre and the highest total wins, so a news article that
retells a report's findings (report cues) still reads as news when its own furniture is there.

Written here rather than taken from a library: the cues are this domain's (no general-purpose
genre classifier knows an inspectorate's publication page from its press release), and a table
of named, weighted cues is something a maintainer can read and extend in one place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportkit import forces
from reportkit.read.document import Document


@dataclass(frozen=True)
class Cue:
    name: str
    genre: str
    weight: float
    where: str  # "title" (and the first line), "top" (title, first 300 characters), "head" (first
    # 1,500), "tail" (last 300), "text"
    pattern: re.Pattern[str]
    example: str  # a phrase the pattern matches (tests/test_classify.py checks every one)
    many: int = 1  # the pattern must match at least this many times


_CASED = re.M | re.X  # cues that read capitalised names must not ignore case
# what a tracker's status says: "Status Complete", "Status | On"
_STATUS_WORD = r"""(?i: complete[d]? | on | open | closed | achieved | in\s+progress | ongoing
                       | not\s+started | superseded | awaiting | discharged )\b"""


def _cue(name, genre, weight, where, pattern, example, many=1, flags=re.I | re.M | re.X) -> Cue:
    return Cue(name, genre, weight, where, re.compile(pattern, flags), example, many)


_INSPECTORATE = r"""(?: HMIC(?:FRS)? | HM\s+Inspectorate | H(?:er|is)\s+Majesty'?s\s+Inspectorate
                      | the\s+inspectorate )"""
# the inspectorate's name in full, with its initials after it: "HM Inspectorate of ... (HMICFRS)"
_INSP_NAMED = rf"""{_INSPECTORATE}
    (?:\s+of\s+Constabulary (?:\s+and\s+Fire\s+(?:&|and)\s+Rescue\s+Services)? )?
    (?:\s*\([A-Za-z&]+\))?"""
_OFFICER = r"""(?: (?:Temporary\s+|Acting\s+)? (?:Deputy\s+|Assistant\s+)? Chief\s+Constable
                 | (?:Detective\s+)? (?:Chief\s+)? Superintendent | Commander
                 | Deputy\s+Assistant\s+Commissioner )"""
_COMMISSIONER = r"""(?: Police\s*(?:,\s*Fire)?\s*(?:and|&)\s*Crime\s+Commissioner | \bO?PF?CC\b
                      | Police,?\s+Crime\s+(?:and|&)\s+Victims'?\s+Commissioner
                      | Mayor'?s\s+Office\s+for\s+Policing | Deputy\s+Mayor\s+for\s+Policing
                      | Local\s+Policing\s+Body )"""
_NAME = r"[A-Z][\w'-]+ (?:\s+[A-Z][\w'-]+)?"  # "Jo Hart", "Lee"
# a label that states a page's publication date, in the wordings the inspectorate's pages use:
# "Published on:", "Published on", "Published:", "Date published:", "Publication date"
_PUBLISHED_LABEL = r"""(?: (?:Date\s+)? (?:first\s+)? Published (?:\s+on)? | Publication\s+date
                        | Date\s+of\s+publication )"""
# a day that opens a date: "30th June 2015", "13/02/2020", "Tuesday 3 May" (dates.py reads it)
_DAY_START = r"(?: (?:[A-Z][a-z]+day,?\s+)? \d{1,2} (?:st|nd|rd|th)? [\s/.-] )"
# the end of a title on the inspectorate's own site: "- HMICFRS", "| HM Inspectorate of Constabulary"
_SITE_SUFFIX = r"""(?: \s* (?:[|\u2013\u2014-]|&\#821[12];|&ndash;) \s*
                     (?: HMIC(?:FRS)? | HM\s+Inspectorate\s+of\s+Constabulary[\w&\s]* ) \s* $ )"""
# a time of day, not the start of a dotted date ("12:04", never the "02.09" of "02.09.2022")
_TIME = r"\b\d{1,2}[:.]\d\d\b (?![./]\d)"
# a report's title as a page title: "Durham: National child protection inspection",
# "Gwent - Child protection post-inspection review" (the area, then the series)
_SERIES_TITLE = r"""^\s* (?:[A-Z][\w&'.-]*\s+(?:(?:and|of|the)\s+)?){0,5}? [A-Z][\w&'.-]* \s*
    (?:[:\u2013\u2014-]|&\#821[12];|&ndash;) \s*
    (?i: (?:National\s+)? child\s+protection\s*:?\s*
         (?: post-inspection\s+review | re-?\s?inspection | inspection | assessment\s+of\s+progress )
         (?: \s*:?\s* (?:post-inspection\s+review|quarterly\s+update|re-?inspection) )? )"""

CUES: tuple[Cue, ...] = (
    # -- news: a byline, the site's furniture, the reporter's voice
    _cue("byline", "news", 3, "head",
         r"""(?: ^\s* | [\u00b7|]\s* ) (?:By|BY|Written\s+by) \s+ [A-Z][a-z]+ (?:\s+[A-Z][\w'-]+){1,3} \b
             (?![^\n]{60})  # a byline is short""",
         "By Sam Okafor", flags=_CASED),
    _cue("site-furniture", "news", 2, "text",
         r"""\b(?: We\s+use\s+cookies | Accept\s+and\s+close | Most\s+read | Share\s+this\s+article
               | Sign\s+up\s+to | Subscribe | Advertise | Related\s+(?:stories|articles) | Read\s+more:
               | Comments?\s+\(\d+\) | Follow\s+us | Image\s+(?:caption|copyright) | Photo: | Picture:
               | Newsletter )\b
             | ^\s*Share\s*(?:[|:]|this) | \bTweet\s*\|""",
         "Most read"),
    _cue("site-dateline", "news", 2, "head",
         r"""^\s* (?!(?:Published|Updated|Last\s+updated|Date|Status|Issued)\b)  # a label, not a site
             [A-Z][\w' ]{2,40} \s*[|\u00b7]\s* (?:Updated:?\s*)? \d""",
         "Valley Star | 14th July 2016", flags=_CASED),
    _cue("updated-line", "news", 1, "head", r"^\s* Updated \s*:?\s* \d", "Updated: 14/03/2019"),
    _cue("indirect-speech", "news", 1.5, "text",
         r"\b(?:said|says) \s+ (?:that\s+)? (?:the|it|he|she|they|its|his|her) \s", "said the force had"),
    _cue("reported-criticism", "news", 2, "text",
         r"""\b(?: Inspectors | The\s+inspectorate | HMIC\w* | The\s+(?:police\s+)?watchdog )
             \s+ (?:have|has) \s+ (?:criticised|warned|praised|found|told|raised|said) \b""",
         "Inspectors have criticised"),
    _cue("site-name-in-title", "news", 1, "head",
         r"^ [^\n|]{15,} \s[|\u2013-]\s (?!HMIC)(?:[A-Z][\w']+\s?){1,4} $",  # the inspectorate's is not news
         "Force told to improve | Valley News", flags=_CASED),
    _cue("reported-finding", "news", 1, "text",
         r"""\b(?: the\s+(?:report|inspectorate|watchdog)\s+(?:found|said|says|concluded|revealed)
               | inspectors\s+(?:found|said) | according\s+to\s+the\s+report | watchdog )\b""",
         "the report found"),
    _cue("reported-speech", "news", 1, "text",
         r"\b(?:said|told|added|explained)\b [^\n]{0,40} $ | \b(?:he|she|they)\s+said\b", "she said", many=2),
    _cue("posted-time", "news", 2, "head",
         rf"\b(?:Posted|Published|Updated|Last\s+updated)\b [^\n]{{0,40}} {_TIME}", "Updated 12:04"),
    _cue("report-published-aside", "news", 1, "text", r"\bThe\s+report,\s+published\b", "The report, published on"),

    # -- the inspectorate's own press release
    _cue("has-published", "press_release", 3, "text",
         rf"""\b{_INSP_NAMED} \s+ (?:has\s+)? (?:today\s+)? (?:published|publishes|released) \b
             | \bToday,?\s+ {_INSPECTORATE} \s+ (?:has\s+)? (?:published|released) \b
             | \b(?:report|review|inspection) \s+ (?:published|released) \s+ today \b
             | \b(?:was|has\s+been) \s+ published \s+ (?:today|yesterday) \b""",
         "HMIC has today published"),
    _cue("release-voice", "press_release", 1, "text",
         r"""\bInspectors\s+(?:were|was)\s+(?:pleased|concerned|encouraged|disappointed)\s+to\s+(?:find|see)\b
             | \bis\s+one\s+of\s+a\s+rolling\s+programme\b | ^\s*Printable\s+version\s*$
             | ^\s*Get\s+the\s+report\s*$""",
         "Inspectors were pleased to find"),
    _cue("notes-to-editors", "press_release", 4, "text", r"^\s* Notes? \s+ (?:to|for) \s+ editors \b",
         "Notes to editors"),
    _cue("inspector-said", "press_release", 3, "text",
         r"""\b(?:HM|H(?:er|is)\s+Majesty'?s) \s+ (?:Chief\s+)? Inspector\s+of\s+Constabulary
             [^.]{0,80}? \bsaid\b  # "HM Inspector of Constabulary Ann Lee said", or the name first""",
         "HM Inspector of Constabulary Ann Lee said"),
    _cue("inspectorate-said", "press_release", 2, "text",
         rf"\b{_INSP_NAMED} \s+ (?:said|says|found|added) \b | \bA\s+new\s+report\s+(?:says|finds|has\s+found)\b",
         "HMICFRS said"),
    _cue("press-office", "press_release", 2, "text", r"\b(?: press\s+office | media\s+enquiries | ENDS )\b",
         "Media enquiries"),

    # -- the force's own statement
    _cue("accept-findings", "force_statement", 2, "text",
         r"""\bwe \s+ (?:fully\s+)? (?:accept|welcome|acknowledge) \s+ (?:the|all\s+(?:of\s+)?the|its) \s+
             (?:findings|report|recommendations)""",
         "We accept the findings"),
    _cue("chief-officer-said", "force_statement", 2, "text",
         rf"\b{_OFFICER} \s+ {_NAME} ,?\s+ (?:said|says|commented|added) \b",
         "Chief Constable Jo Hart said", flags=_CASED),
    _cue("force-newsroom", "force_statement", 3, "head",
         r"""\b(?:Police|Constabulary) \s* (?:[\u2013-]\s*)? (?:news(?:room)?|statement|press\s+release) \b
             | \bForce\s+(?:statement|newsroom)\b""",
         "Police news"),
    _cue("statement-heading", "force_statement", 1, "head", r"^\s* Statement \s+ (?:on|from|in\s+response) \b",
         "Statement on the inspection report"),
    _cue("force-masthead", "force_statement", 2, "top",
         r"""\A\s* [^\n]*? (?:[A-Z][\w&'-]*\s+){1,4} (?:Police|Constabulary|Police\s+Service)
             \s* (?:[\u2013-]\s*[A-Za-z ]{3,20})? \s*$  # the first line names the force, perhaps "- News" """,
         "Essex Police", flags=_CASED),
    _cue("our-response", "force_statement", 2, "head",
         r"""^\s* (?: Our\s+response | Force\s+responds | (?:The\s+)?force'?s\s+response ) \s+ to \b
             [^.\n]{0,80} $  # a heading, not a sentence""",
         "Our response to the inspection"),
    _cue("force-we", "force_statement", 1, "text",
         r"""\b(?: our\s+officers\s+and\s+staff | we\s+(?:have\s+)?already\s+(?:made|taken|started)
               | we\s+are\s+committed )\b""",
         "we have already made"),

    # -- the inspectorate's publication page of a report
    _cue("get-the-report", "publication_page", 1, "text",
         r"^\s* Get\s+the\s+(?:full\s+)?report \s* (?:\([^)\n]{0,40}\))? \s*$", "Get the report (PDF, 640KB)"),
    # a dated page of the inspectorate that links to a report is that report's publication page
    _cue("dated-page-links-report", "publication_page", 3, "text",
         rf"^\s* \|?\s* {_PUBLISHED_LABEL} \b .* ^\s* (?:Get|Download|Read)\s+the\s+(?:full\s+)?report \b",
         "Published on 30th June 2015\nGet the report", flags=re.I | re.M | re.S | re.X),
    _cue("download-links", "publication_page", 3, "text",
         r"""^\s* (?:Download|Read) \s+ the\s+(?:full\s+)?report \b | ^\s* Download \s* \(\s*PDF
             | \( (?:PDF|HTML) (?:\s+document)? (?:,\s*[\d.,]+\s*[KMG]B)? \) \s*$  # "(PDF document, 812KB)"
             | ^\s* Get\s+the\s+press\s+release""",
         "Download the report (PDF document, 812KB)"),
    # the inspectorate's page names a report by its title, not a headline; and by the site's name
    _cue("series-title", "publication_page", 1.5, "title",
         rf"""{_SERIES_TITLE}
             (?: \s*(?:[|\u2013\u2014-]|&\#821[12];)\s* (?:re(?:\.\.\.|\u2026|&hellip;)|Recommendations?) )*
             {_SITE_SUFFIX}? \s*$""",
         "Durham: National child protection inspection - HMICFRS", flags=_CASED),
    _cue("inspectorate-site-title", "publication_page", 1, "title", rf"[^\n]{{10,}} {_SITE_SUFFIX}",
         "Kent - National child protection inspection - HMICFRS", flags=_CASED),
    # a publication date as its own line, its own row ("Published | 13 February 2020") or a label
    # over the date's element ("Published on:" then "13/02/2020")
    _cue("published-line", "publication_page", 1, "head",
         rf"""^\s* [-\u2022|]?\s* {_PUBLISHED_LABEL} \s* (?:[:|]\s*)? (?: {_DAY_START} | $ )""",
         "Published | 13 February 2020"),
    _cue("publication-metadata", "publication_page", 2, "text",
         r"^\s* (?: Publication\s+types? | Police\s+forces? | Related\s+publications? ) \s*:",
         "Publication types:"),
    # "Published on:" heads the report's own web copy as much as the page announcing it: it says
    # "the inspectorate's website", not which of the two
    _cue("published-on", "report", 1, "head", rf"^\s* [-\u2022|]?\s* {_PUBLISHED_LABEL} \s* [:|]",
         "Published on: 3 May 2021"),

    # -- a recommendation-tracker page
    _cue("tracker-title", "recommendation_tracker", 4, "head",
         r"""\bRecommendation\s+tracker\b
             | ^ [^\n]* \( (?!(?:19|20)\d\d\)) \d{3,6} \) \s*$  # a title ending in its page number""",
         "Recommendation tracker"),
    _cue("tracker-heading", "recommendation_tracker", 3, "top",
         r"^\s* Recommendation\s+\d+ (?:\s+of\s+\d+)? \s* (?:\|\s*Page\s+\d+\s+of\s+\d+)? \s*$",
         "Recommendation 6"),
    _cue("tracker-status", "recommendation_tracker", 3, "text",
         rf"""^\s* [-\u2022|]? \s* Status \s* (?: [:|]\s*\w | $ | [ \t]+ (?={_STATUS_WORD}) )  # "Status | Complete"
             | \[status\] | \bawaiting-review\b | \bwill-be-progressed\b
             | ^\s* Recommendation\s+\d+\s+of\s+\d+ \b""",
         "Status Complete"),
    _cue("tracker-update", "recommendation_tracker", 2, "text",
         r"""^\s* \|?\s* (?: Force\s+(?:update|response|comment) | Last\s+updated | Progress\s+update
                  | Date\s+(?:closed|completed) ) \s*[:|]
             | ^\s* \|?\s* Updated \s* \|  # a status table's row: "Updated | 02.09.2022" """,
         "Force update: training given"),
    # a title cut short by the site: "... inspection &#8211; re&hellip;" (its recommendation)
    _cue("truncated-title", "recommendation_tracker", 2, "title",
         r"(?:[\u2013\u2014-]|&\#821[12];|&ndash;) \s* re (?:\.\.\.|\u2026|&hellip;|&\#8230;) \s*$",
         "inspection &#8211; re&hellip;"),

    # -- police and crime panel minutes
    _cue("panel", "panel_minutes", 2, "head", r"\bPolice \s+ (?:,\s*Fire\s+)? (?:and|&) \s+ Crime\s+Panel \b",
         "Police and Crime Panel"),
    _cue("minutes", "panel_minutes", 4, "head",
         r"\bMinutes\s+of\s+(?:the|a)\s+(?:\w+\s+)?meeting\b | ^\s*Minutes\b", "Minutes of the meeting"),
    _cue("minute-furniture", "panel_minutes", 2, "text",
         r"^\s* (?:Present|Apologies|Resolved|RESOLVED|In\s+attendance) \s* [:\-\u2013] | \bCouncillor\s+[A-Z]",
         "Resolved:", many=2),

    # -- a letter or statement: the commissioner's (or, about all forces, the inspectorate's)
    _cue("dear", "letter", 3, "text", r"^\s* Dear \s+ [A-Z]\w*", "Dear Home Secretary"),
    _cue("sign-off", "letter", 2, "text", r"\bYours\s+(?:sincerely|faithfully) | \bKind\s+regards\b",
         "Yours sincerely"),
    _cue("commissioner-letterhead", "letter", 2, "top", _COMMISSIONER,
         "Office of the Police and Crime Commissioner"),
    _cue("commissioner-sign", "letter", 2, "tail",
         rf"^\s* (?:[A-Z][\w.'-]*\s+){{0,4}} {_COMMISSIONER} (?:\s+for\s+[\w ,&'-]+)? \s*$",
         "Police and Crime Commissioner for Kent"),
    _cue("section-55", "letter", 3, "text", r"\bsection\s+55\b | \bs\.?\s?55\b", "under section 55"),
    _cue("response-to-report", "letter", 3, "head",
         rf"\bResponse \s+ (?:from|to) \s*:?\s+ (?:the\s+)? (?:{_INSPECTORATE}|Office|HMIC) | ^\s* RESPONSE\s+TO\s+HMIC",
         "Response to HMICFRS report"),
    _cue("commissioner-first-person", "letter", 2, "text",
         r"""\bAs\s+(?:your\s+)? (?: Police(?:,\s*Fire)?\s+(?:and|&)\s+Crime\s+Commissioner | Commissioner | PCC )\b
             | \bI\s+(?:will|have|am|welcome|would|want|note|expect|look\s+forward)\b""",
         "I will hold the force to account", many=3),
    _cue("commissioner-voice", "letter", 1, "text",
         r"""\b(?: I\s+welcome | my\s+office | I\s+will\s+(?:continue\s+to\s+)?hold\s+the\s+Chief\s+Constable
               | I\s+have\s+asked\s+the\s+Chief\s+Constable )\b""",
         "I welcome the report"),

    # -- the report itself
    _cue("series-title-line", "report", 3, "head",
         r"""^\s* (?:National\s+)? Child\s+Protection\s+Inspections?
               (?: \s*[:\u2013-]\s* (?:post-inspection\s+review|quarterly\s+update|re-?inspection) )? \s*$
             | ^\s* (?: Post-inspection\s+review | Child\s+protection\s+re-?inspection
                      | Assessment\s+of\s+progress ) \s*$""",
         "National Child Protection Inspection"),
    _cue("cover-fieldwork-line", "report", 3, "head",
         r"""^\s* (?:[A-Z][\w&'-]*\s+){1,4} (?:Police|Constabulary|Police\s+Service) \s+
             \d{1,2}(?:st|nd|rd|th)? \s* (?:[A-Z][a-z]+\s*)? (?:-|\u2013|to) \s* \d{1,2}""",
         "Kent Police 3-14 July 2017", flags=_CASED),
    _cue("isbn-copyright", "report", 3, "head", r"\bISBN\b | \u00a9\s*HMIC | \(c\)\s*HMIC",
         "ISBN: 978-1-78655-000-0"),
    _cue("contents", "report", 2, "text", r"^\s* (?:Contents|Foreword|Executive\s+summary|Introduction) \s*$",
         "Contents"),
    _cue("inspectorate-voice", "report", 1, "text",
         r"""\b(?: we\s+(?:have\s+)? (?: found | recommend | examined | audited | inspected | reviewed | judged
                                     | assessed | returned | went\s+back | published
                                     | made\s+\w+\s+recommendations )
               | this\s+report\s+(?:builds|sets\s+out|looks|examines|describes|brings)
               | our\s+(?:inspection|fieldwork|(?:earlier|previous|original)\s+recommendations?)
               | this\s+inspection\s+we )\b""",
         "we found", many=2),
    _cue("inspectorate-voice-throughout", "report", 2, "text",
         r"""\b(?: we\s+(?:found|recommend|examined|audited|inspected|reviewed|judged|assessed|returned
                        |went\s+back|published|met)
               | our\s+(?:inspection|fieldwork|(?:earlier|previous|original)\s+recommendations?) )\b""",
         "we examined", many=3),
    _cue("footnote-marks", "report", 1.5, "text", r"\w[.,)]? \[\d{1,2}\]", "children under 18.[1]", many=2),
    _cue("our-inspection-heading", "report", 2, "head",
         r"^\s* (?:Our|The) \s+ (?:19|20)\d\d \s+ (?:inspection|post-inspection\s+review|re-?inspection) \b [^.\n]{0,40} $",
         "Our 2019 inspection"),
    _cue("numbered-headings", "report", 2, "text", r"^\s* \d{1,2}\. \s+ [A-Z][a-z]+ (?:\s+[a-z]+){0,4} \s*$",
         "2. Case audit", many=2, flags=_CASED),
    _cue("recommendation-limits", "report", 1, "text",
         r"""^\s* (?: Recommendation\s+\d+ | \d+\.\s+(?:Within|Immediately) )
             | ^\s* Within\s+(?:six\s+weeks|three\s+months|six\s+months)""",
         "Recommendation 2", many=2),
    _cue("print-this", "report", 2, "head", r"^\s* Print\s+this\s+document \b | ^\s* Contents \s*$",
         "Print this document"),
)

# Text and HTML are mostly reactions to a report; a PDF of many pages is mostly the report.
_PRIORS = {"pdf": {"report": 2.0}, "html": {"news": 0.5}, "txt": {"news": 0.5},
           # the HTML reader's verdict: an article (boilerplate stripped) or a page of a web report
           "press": {"news": 1.5}, "web_report": {"report": 1.0}}
_MIN_SCORE = 2.0  # below this, nothing speaks for any genre: a report if it looks like one, else news


def _regions(doc: Document) -> dict[str, str]:
    text = doc.text
    first = doc.pages[0].text if doc.pages else ""
    # Regions are capped: a title is a line, not 300 kB of text with no line break (the title
    # patterns look back over the whole line and would go quadratic on one).
    top_line = next((ln for ln in first.splitlines() if ln.strip()), "")[:300]
    return {"title": f"{doc.title[:300]}\n{top_line}", "top": f"{doc.title}\n{first[:300]}",
            "head": f"{doc.title}\n{first[:1500]}",
            "tail": text[-300:], "text": _sample(text)}


# What a document is shows in its opening pages and its end (byline, furniture, sign-off); the
# middle of a 100-page report adds nothing but time, so the "text" region is capped.
_SAMPLE_HEAD, _SAMPLE_TAIL = 6_000, 2_000


def _sample(text: str) -> str:
    if len(text) <= _SAMPLE_HEAD + _SAMPLE_TAIL:
        return text
    return text[:_SAMPLE_HEAD] + "\n" + text[-_SAMPLE_TAIL:]


def scores(doc: Document) -> dict[str, float]:
    """Each genre's total weight of matched cues, plus the format's prior."""
    regions = _regions(doc)
    total: dict[str, float] = dict(_PRIORS.get(doc.format, {}))
    for g, w in _PRIORS.get(doc.meta.get("html_kind", ""), {}).items():
        total[g] = total.get(g, 0.0) + w
    for cue in CUES:
        hits = len(cue.pattern.findall(regions[cue.where]))
        if hits >= cue.many:
            total[cue.genre] = total.get(cue.genre, 0.0) + cue.weight
    return total


def matched(doc: Document) -> list[str]:
    """Names of the cues that matched (for tests and for an analyst asking why)."""
    regions = _regions(doc)
    return [c.name for c in CUES if len(c.pattern.findall(regions[c.where])) >= c.many]


def classify(doc: Document) -> str:
    """The genre with the highest score (ties: the order of vocabulary.GENRES after report)."""
    total = scores(doc)
    order = ("recommendation_tracker", "panel_minutes", "publication_page", "press_release",
             "force_statement", "letter", "news", "report")
    best = max(order, key=lambda g: (total.get(g, 0.0), -order.index(g)))
    if total.get(best, 0.0) < _MIN_SCORE:
        return "report" if doc.format == "pdf" else best if total.get(best) else "news"
    return best


def is_tracker_page(doc: Document, recommendations: int, genre_: str | None = None) -> bool:
    """A recommendation-tracker page: its status lines are the tracker's own recommendation's,
    not a review's judgment of an earlier one. A tracker is one short page about one
    recommendation: tested first, so a report is not classified twice, nor a review's page that
    lists two recommendations taken for a tracker. ``genre_``: the document's genre when the
    caller has classified it already (the parser has), so it is not worked out again."""
    return (recommendations <= 1 and len(doc.pages) == 1 and len(doc.text) < 20000
            and (genre_ or classify(doc)) == "recommendation_tracker")


# ---------------------------------------------------------------------------------------------
# the coarse kind

SERIES = (  # (kind, pattern): first match in the title and cover wins
    ("reinspection", re.compile(r"re-?\s?inspection", re.I)),
    ("review", re.compile(r"post[- ]?inspection\s+review|\brevisit\b|assessment\s+of\s+progress"
                          r"|progress\s+(?:report|review)", re.I)),
    ("update", re.compile(r"\bquarterly\s+update\b|\binspection\b[^\n]{0,40}\bupdate\b", re.I)),
    ("thematic", re.compile(r"in\s+harm'?s\s+way|thematic|national\s+overview|lessons\s+from|"
                            r"findings\s+(?:from|of)\s+(?:our|the)\s+(?:national\s+)?child\s+protection\s+inspections",
                            re.I)),
    ("inspection", re.compile(r"child\s+protection\s+inspection|inspection\s+of\s+\w", re.I)),
)


# three or more: "the two forces" of an alliance are a joint report on them, not a national one
_FORCES_N = r"""(?: [3-9] | [1-4]\d | three | four | five | six | seven | eight | nine | ten | eleven | twelve
                  | thirteen | fourteen | fifteen | sixteen | seventeen | eighteen | nineteen | twenty
                  | forty[\s-]three )"""
# A national report that counts or pools forces rather than naming one: (name, pattern, example).
# Read only when the cover names no single force: "Kent is one of 43 forces" is about Kent.
THEMATIC_CUES: tuple[tuple[str, re.Pattern[str], str], ...] = tuple(
    (name, re.compile(rx, re.I | re.X), example) for name, rx, example in (
        ("across-forces",
         rf"\b(?:across|in|of)\s+(?:the\s+|all\s+|these\s+|those\s+)?{_FORCES_N}\s+(?:police\s+)?forces\b",
         "Across the 12 forces, we examined 480 cases"),
        ("force-inspections", rf"\b{_FORCES_N}\s+(?:force\s+)?inspections\b",
         "findings from 12 force inspections"),
        ("first-inspections", rf"\bthe\s+first\s+{_FORCES_N}\s+(?:[\w-]+\s+){{0,3}}?inspections\b",
         "the first eight national child protection inspections"),
        ("all-forces", r"\ball\s+(?:43\s+|forty[\s-]three\s+)?(?:police\s+)?forces\b"
                       r"|\bevery\s+(?:police\s+)?force\s+in\s+England\b", "all 43 forces"),
        ("pooled", r"\bpooled\s+(?:findings|results|figures|data|cases)\b|\s:\s*pooled\b", "pooled findings"),
        ("national-findings", r"\bnational\s+findings\b", "national findings"),
        ("each-force", r"\bin\s+each\s+(?:of\s+the\s+)?forces?\s+(?:that\s+)?we\s+(?:inspected|visited)\b",
         "In each force we inspected"),
    ))
# the area a page title names before its series: "Durham" in "Durham: National child protection
# inspection"
TITLE_AREA = re.compile(r"^\s*([^:|\n\u2013\u2014-]{3,60}?)\s*(?:[:|\u2013\u2014-]|&#821[12];)")


def _counts_forces(text: str) -> bool:
    return any(rx.search(text) for _name, rx, _ex in THEMATIC_CUES)


def _one_force_named(doc: Document) -> bool:
    """The cover is about one force: its title's area, else the forces its top lines (else the
    cover) name, come to exactly one."""
    top = _title_line(doc)
    area = TITLE_AREA.match(top)
    slug = forces.try_resolve(area.group(1)) if area else None
    if slug and slug != forces.NATIONAL:
        return True
    named = {f for f in forces.mentions(top) if f != forces.NATIONAL} or {
        f for f in forces.mentions(_cover(doc)) if f != forces.NATIONAL}
    return len(named) == 1


def _report_series(doc: Document, found: str | None) -> str | None:
    """``found``, the series the title or cover states; but a cover that counts or pools forces
    and names none is national, even when its title says "An inspection of ..."."""
    if found in (None, "inspection") and _counts_forces(_cover(doc)) and not _one_force_named(doc):
        return "thematic"
    return found


def series(text: str) -> str | None:
    for name, pattern in SERIES:
        if pattern.search(text):
            return name
    return None


def _cover(doc: Document) -> str:
    first = doc.pages[0].text if doc.pages else ""
    return f"{doc.title}\n{first[:1500]}"


def _title_line(doc: Document) -> str:
    first = doc.pages[0].text if doc.pages else ""
    lines = [ln for ln in first.splitlines() if ln.strip()]
    return f"{doc.title}\n" + "\n".join(lines[:3])


@lru_cache(maxsize=1)  # the kind and the force both count a whole document: once (cleared per document)
def text_mentions(text: str) -> dict[str, int]:
    """forces.mentions of a document's whole text (do not change the dict: it is shared)."""
    return forces.mentions(text)


def _many_forces(doc: Document) -> bool:
    counts = text_mentions(doc.text)
    return len([c for c in counts.values() if c >= 2]) >= 4


_FROM_INSPECTORATE = re.compile(
    rf"^\s*{_INSPECTORATE}\b | HM\s+Chief\s+Inspector\s+of\s+Constabulary", re.I | re.M | re.X)
_BY_COMMISSIONER = re.compile(_COMMISSIONER, re.I | re.X)


def kind_of(doc: Document, genre: str) -> str:
    """The coarse kind: reactions are press or pcc_response; a report, its publication page and its
    tracker page take the report's series."""
    if genre in ("news", "press_release", "force_statement"):
        return "press"
    if genre == "panel_minutes":
        return "pcc_response"
    if genre == "letter":
        # the inspectorate writing about the programme as a whole is a national publication
        if (_FROM_INSPECTORATE.search(doc.text[:400] + doc.text[-400:])
                and not _BY_COMMISSIONER.search(doc.text)):
            return "thematic"
        return "pcc_response"
    if genre == "recommendation_tracker":
        return series(_title_line(doc)) or "inspection"
    if genre == "publication_page":
        found = _report_series(doc, series(_title_line(doc)) or series(_cover(doc)))
        return found or ("thematic" if _many_forces(doc) else "inspection")
    return _report_series(doc, series(_cover(doc))) or ("thematic" if _many_forces(doc) else "other")
