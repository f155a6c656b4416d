"""From the inspectorate's publication page to the report it announces.

A publication page (``/publications/<slug>/``) has a "Get the report" heading followed by the
report's link: a PDF for 2014-2020 reports ("... (PDF document)"), or the web-published report
(``/publication-html/<slug>/``) for later ones. Any other page (a web report, a press page, a
commissioner's letter) is itself the document, and is saved as it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Shapes of a publication page and of a report link, each with an example from the real site.
PUBLICATION_PAGE = re.compile(r"/publications/[^/]+/?$")  # /hmicfrs/publications/norfolk-...-inspection/
WEB_REPORT = re.compile(r"/publication-html/[^/]+/?$")  # /hmicfrs/publication-html/derbyshire-...-reinspection/
PDF_LINK = re.compile(r"\.pdf$", re.I)  # /hmicfrs/wp-content/uploads/norfolk-...-inspection.pdf
GET_THE_REPORT = re.compile(r"""\b(get|read|download)\s+the\s+(full\s+)?report\b""", re.I)
# Links under "Get the report" that are not the report itself
NOT_THE_REPORT = re.compile(r"""\b(easy\s+read | welsh | cymraeg | annex | action\s+plan
                                 | (commissioner|pcc)['’]?s?\s+response)\b""", re.I | re.X)


@dataclass
class Link:
    href: str
    text: str
    after_heading: str  # the last heading (or "Get the report" line) before it


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []
        self._heading = ""
        self._in_heading: list[str] | None = None
        self._in_link: Link | None = None

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self._in_heading = []
        elif tag == "a":
            href = dict(attrs).get("href")
            if href:
                self._in_link = Link(href.strip(), "", self._heading)

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._in_heading is not None:
            self._heading = " ".join("".join(self._in_heading).split())
            self._in_heading = None
        elif tag == "a" and self._in_link is not None:
            self._in_link.text = " ".join(self._in_link.text.split())
            self.links.append(self._in_link)
            self._in_link = None

    def handle_data(self, data):
        if self._in_heading is not None:
            self._in_heading.append(data)
        elif self._in_link is None and GET_THE_REPORT.search(data):
            self._heading = " ".join(data.split())  # "Get the report" set in bold, not a heading
        if self._in_link is not None:
            self._in_link.text += data


def links(html: str, base: str) -> list[Link]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    out = []
    for link in parser.links:
        url = urljoin(base, link.href).split("#")[0]
        if urlsplit(url).scheme in ("http", "https"):
            out.append(Link(url, link.text, link.after_heading))
    return out


def is_publication_page(url: str, html: str) -> bool:
    return bool(PUBLICATION_PAGE.search(urlsplit(url).path)) or "get the report" in html.lower()


def report_link(url: str, html: str) -> str | None:
    """The report a publication page announces (a PDF, else a web report), or None when the page
    is not a publication page or names no report (then the page itself is the document)."""
    if not is_publication_page(url, html):
        return None
    found = [k for k in links(html, url) if k.href.rstrip("/") != url.rstrip("/")]
    under = [k for k in found if GET_THE_REPORT.search(k.after_heading)]
    for group in (under, found):
        candidates = [k for k in group if not NOT_THE_REPORT.search(k.text)]
        for shape in (PDF_LINK, WEB_REPORT):
            hit = next((k for k in candidates if shape.search(urlsplit(k.href).path)), None)
            if hit:
                return hit.href
    return None
