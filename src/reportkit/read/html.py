"""HTML pages: press articles (body via trafilatura) and web-published inspectorate reports.

A web-published report (it carries a "Published on:" line) keeps every heading and paragraph in
document order, read with lxml: trafilatura's boilerplate removal is built for articles and can
drop a report's sentence-style sub-headings. Either way the text is one page.
"""
from __future__ import annotations

import codecs
import json
import re
from datetime import date

from lxml import html as lxml_html

from reportkit.read.document import Document, Page, ReadError
from reportkit.read.text import collapse_line, normalise, paragraphs_text

# --- decoding ----------------------------------------------------------------------------------
_BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16")]
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
# Browsers read a page labelled Latin-1 or ASCII as Windows-1252; so do we.
_AS_CP1252 = {"iso-8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "iso8859-1"}


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Text from bytes: BOM, then the declared charset, then UTF-8, then Windows-1252."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace")
    candidates = []
    if declared:
        declared = declared.lower()
        candidates.append("cp1252" if declared in _AS_CP1252 else declared)
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return data.decode("cp1252", errors="replace")


def decode_html(data: bytes) -> str:
    match = _CHARSET.search(data[:4096])
    return decode_bytes(data, match.group(1).decode("ascii") if match else None)


# --- dates -------------------------------------------------------------------------------------
_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(\d{{4}})(?!\d)", re.I)
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,\s*(\d{{4}})(?!\d)", re.I)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
_DATELINE = re.compile(rf"{_WEEKDAY}\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}", re.I)
_PUBLISHED_ON = re.compile(r"Published\s+on:\s*([^\n<]{6,40})", re.I)


def _iso(day: str, month: str, year: str) -> str | None:
    try:
        return date(int(year), _MONTHS[month.lower()], int(day)).isoformat()
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first full date in ``text`` ("8th March 2016", "March 8, 2016", "2016-03-08")."""
    m = re.search(r"\b(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            pass
    m = _DAY_FIRST.search(text)
    if m:
        return _iso(m[1], m[2], m[3])
    m = _MONTH_FIRST.search(text)
    return _iso(m[2], m[1], m[3]) if m else None


def dateline(text: str) -> str | None:
    """A press dateline near the top: "Tuesday, 8th March 2016, 12:27 pm" gives 2016-03-08."""
    m = _DATELINE.search(text[:2000])
    return parse_date(m.group(0)) if m else None


_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished",
                   "publishdate", "publish-date", "pubdate", "date", "dc.date",
                   "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date")


def page_date(tree) -> str | None:
    """The page's publication date: trafilatura's own reader (htmldate) first, on the page's
    metadata only (no guessing from its text or address), then our reader of the same places."""
    return htmldate_date(tree) or metadata_date(tree)


def htmldate_date(tree) -> str | None:
    from htmldate import find_date

    try:
        return find_date(tree, extensive_search=False, original_date=True,
                         outputformat="%Y-%m-%d")
    except Exception:  # htmldate's own failure on an odd page: our reader still has a go
        return None


def metadata_date(tree) -> str | None:
    """Publication date from meta tags, JSON-LD or a <time> element's datetime."""
    metas = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and meta.get("content") and key not in metas:
            metas[key] = meta.get("content")
    for key in _META_DATE_KEYS:
        if key in metas and parse_date(metas[key]):
            return parse_date(metas[key])
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        found = _jsonld_date(script.text_content())
        if found:
            return found
    for t in tree.xpath("//time[@datetime]"):
        if parse_date(t.get("datetime")):
            return parse_date(t.get("datetime"))
    return None


def _jsonld_date(raw: str) -> str | None:
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                return parse_date(item["datePublished"])
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
    return None


# --- text --------------------------------------------------------------------------------------
NO_ARTICLE = "no article text found: the page holds only scripts and navigation"
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "blockquote",
           "figcaption", "caption")
_DROP = ("script", "style", "noscript", "nav", "aside", "form", "template", "svg", "button")


def report_blocks(tree) -> list[str]:
    """Headings, paragraphs, list items and table rows of a web report, in document order."""
    main = (tree.xpath("//main") or tree.xpath('//*[@role="main"]') or tree.xpath("//article")
            or tree.xpath("//body") or [tree])[0]
    for el in main.xpath(" | ".join(f".//{t}" for t in _DROP)):
        el.drop_tree()
    if main.tag == "body":  # no main element: the page's own header and footer are furniture
        for el in main.xpath(".//header | .//footer"):
            el.drop_tree()
    blocks = []
    for el in main.iter(*_BLOCKS):
        if any(a.tag in _BLOCKS for a in el.iterancestors()):
            continue  # its text is part of the enclosing block
        if el.tag == "tr":
            blocks.append(" ".join(collapse_line(c.text_content()) for c in el.iter("td", "th")))
        else:
            blocks.append(el.text_content())
    return blocks


def _title(tree, fallback: str | None) -> str:
    for xp in ('//meta[@property="og:title"]/@content', "//h1", "//title"):
        found = tree.xpath(xp)
        if found:
            text = found[0] if isinstance(found[0], str) else found[0].text_content()
            text = collapse_line(normalise(text))
            if text:
                return text
    return collapse_line(normalise(fallback or ""))


def read_html(data: bytes, path: str, sha256: str) -> Document:
    source = decode_html(data)
    if not source.strip():
        raise ReadError(NO_ARTICLE)
    try:
        tree = lxml_html.fromstring(source.encode("utf-8"),
                                    parser=lxml_html.HTMLParser(encoding="utf-8"))
    except Exception:  # lxml refuses some documents outright (e.g. only a comment)
        raise ReadError("not an HTML page: it cannot be parsed") from None
    published = page_date(tree)
    title = _title(tree, None)
    stated = _PUBLISHED_ON.search(tree.text_content())
    if stated:
        published = parse_date(stated.group(1)) or published
        text, kind = paragraphs_text(report_blocks(tree)), "web_report"
    else:
        text, kind, extracted_title = _article(source)
        title = title or extracted_title
        text = _with_dateline(tree, text)
        published = published or dateline(text)
    if len(text.split()) < 5:
        raise ReadError(NO_ARTICLE)
    return Document(path=path, sha256=sha256, format="html", pages=[Page(1, text)], title=title,
                    published=published, meta={"html_kind": kind})


def _visible_dateline(tree) -> str | None:
    """The page's own dateline as the reader sees it (a <time> element, a 'date' class, or a
    dated line near the top), so a publication date can be cited with words from the page."""
    for el in tree.xpath('//time | //*[@itemprop="datePublished"] | //*[contains(@class, "date")]'):
        line = collapse_line(normalise(el.text_content()))
        if line and len(line) <= 120 and parse_date(line):
            return line
    visible = " ".join(t for t in tree.xpath("//body//text()[not(ancestor::script) and "
                                             "not(ancestor::style)]"))
    m = _DATELINE.search(collapse_line(normalise(visible))[:4000])
    return m.group(0) if m else None


def _with_dateline(tree, text: str) -> str:
    """Article text with the dateline on top when the boilerplate remover dropped it."""
    line = _visible_dateline(tree)
    if not line or line in text:
        return text
    return f"{line}\n\n{text}"


def _article(source: str) -> tuple[str, str, str]:
    import trafilatura

    result = trafilatura.bare_extraction(
        source, include_comments=False, include_tables=True, favor_precision=True,
        with_metadata=True)
    if isinstance(result, dict):  # only with as_dict=True; trafilatura >= 2.0 returns a Document
        raise TypeError("trafilatura returned a dict: reportkit needs trafilatura >= 2.0")
    text = (result.text or "") if result is not None else ""
    if result is None or not text.strip():
        raise ReadError(NO_ARTICLE)
    return paragraphs_text(text.split("\n")), "press", result.title or ""
