"""`reportkit fetch` against a real HTTP server on 127.0.0.1, serving pages shaped like the
inspectorate's publication pages, PDFs made by reportlab, redirects, a 404, a slow answer, a wrong
content type, a robots.txt that forbids a folder and a download cut short."""
from __future__ import annotations

import csv
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pdfmaker import make_pdf

from reportkit import cli, config
from reportkit.fetch import PoliteClient, Target, catalogue, fetch
from reportkit.fetch.follow import report_link
from reportkit.fetch.store import file_name

WY_PAGE = "/hmicfrs/publications/west-yorkshire-national-child-protection-inspection/"
WY_PDF = "/hmicfrs/wp-content/uploads/west-yorkshire-national-child-protection-inspection.pdf"
WY_REVIEW_PAGE = ("/hmicfrs/publications/west-yorkshire-national-child-protection-inspection-"
                  "post-inspection-review/")
WY_REVIEW_PDF = "/hmicfrs/wp-content/uploads/west-yorkshire-pir.pdf"
DERBY_PAGE = "/hmicfrs/publications/derbyshire-national-child-protection-reinspection/"
DERBY_WEB = "/hmicfrs/publication-html/derbyshire-national-child-protection-reinspection/"


def publication_page(title: str, published: str, force: str, links: list[tuple[str, str]]) -> bytes:
    """A page in the shape of the inspectorate's: date, types, force, summary, "Get the report"."""
    items = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    return f"""<!DOCTYPE html><html lang="en"><head><title>{title} - HMICFRS</title></head>
<body><nav><a href="/hmicfrs/">Home</a> <a href="/hmicfrs/wp-content/uploads/annual-plan.pdf">
Our annual plan (PDF document)</a></nav><main><h1>{title}</h1>
<p>Published on: {published}</p><p>Publication types: Child protection</p>
<p>Police Forces: {force}</p><h2>Summary</h2><p>We inspected how well the force protects
children.</p><h2>Get the report</h2><ul>{items}</ul></main></body></html>""".encode()


def report_pdf(tmp: Path, name: str, lines: list[str]) -> bytes:
    return make_pdf(tmp / name, [lines]).read_bytes()


class Site:
    """Routes: path -> (status, headers, body); plus the special behaviours a test can ask for."""

    def __init__(self, tmp: Path):
        self.requests: list[tuple[str, str, float]] = []  # (path, user agent, time)
        wy = report_pdf(tmp, "wy.pdf", ["National Child Protection Inspection",
                                         "West Yorkshire Police", "January 2015"])
        review = report_pdf(tmp, "wyr.pdf", ["National Child Protection Inspection "
                                              "Post-Inspection Review", "West Yorkshire Police",
                                              "March 2016"])
        self.pdf = wy
        html = "text/html; charset=utf-8"
        self.routes: dict[str, tuple[int, dict, bytes]] = {
            "/robots.txt": (200, {"Content-Type": "text/plain"},
                            b"User-agent: *\nDisallow: /private/\n"),
            WY_PAGE: (200, {"Content-Type": html}, publication_page(
                "West Yorkshire Police \u2013 National child protection inspection",
                "13 January 2015", "West Yorkshire", [
                    ("/hmicfrs/wp-content/uploads/wy-easy-read.pdf", "Easy read version (PDF document)"),
                    (WY_PDF, "West Yorkshire \u2013 National child protection inspection (PDF document)"),
                    ("/hmicfrs/wp-content/uploads/wy-pcc-response.pdf",
                     "Police and crime commissioner's response (PDF document)")])),
            WY_PDF: (200, {"Content-Type": "application/pdf"}, wy),
            WY_REVIEW_PAGE: (200, {"Content-Type": html}, publication_page(
                "West Yorkshire Police \u2013 National child protection inspection post-inspection review",
                "8 March 2016", "West Yorkshire", [
                    ("/old" + WY_REVIEW_PDF, "Post-inspection review (PDF document)")])),
            "/old" + WY_REVIEW_PDF: (301, {"Location": WY_REVIEW_PDF}, b""),
            WY_REVIEW_PDF: (200, {"Content-Type": "application/pdf"}, review),
            DERBY_PAGE: (200, {"Content-Type": html}, publication_page(
                "Derbyshire \u2013 National child protection re-inspection", "21 October 2022",
                "Derbyshire", [(DERBY_WEB, "Read the report online")])),
            DERBY_WEB: (200, {"Content-Type": html},
                        b"<html><body><h1>Derbyshire - National child protection re-inspection</h1>"
                        b"<p>Published on: 21 October 2022</p><h2>Foreword</h2><p>Text.</p>"
                        b'<a href="/hmicfrs/wp-content/uploads/annex.pdf">Annex A (PDF)</a>'
                        b"</body></html>"),
            "/news/police-told-to-improve": (200, {"Content-Type": html},
                                             b"<html><body><h1>Police told to improve</h1>"
                                             b"<p>13 January 2015</p></body></html>"),
            "/loop": (302, {"Location": "/loop"}, b""),
            "/moved.pdf": (308, {"Location": "/missing.pdf"}, b""),
            "/wrong-type.pdf": (200, {"Content-Type": "application/pdf"},
                                b"<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>"),
            "/private/letter.pdf": (200, {"Content-Type": "application/pdf"}, wy),
            "/busy.pdf": (503, {"Content-Type": "text/html"}, b"<html>busy</html>"),
            "/later.pdf": (429, {"Content-Type": "text/html", "Retry-After": "1"}, b"wait"),
        }
        self.slow = {"/slow.pdf": 2.0}
        self.cut_short = {"/interrupted.pdf": wy}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True,
                                       kwargs={"poll_interval": 0.05})

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def hits(self, path: str) -> int:
        return sum(p == path for p, _, _ in self.requests)

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the name http.server calls
                site.requests.append((self.path, self.headers.get("User-Agent", ""), time.monotonic()))
                if self.path in site.slow:
                    time.sleep(site.slow[self.path])
                if self.path in site.cut_short:
                    body = site.cut_short[self.path]
                    self.send_response(200)
                    self.send_header("Content-Type", "application/pdf")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body[: len(body) // 3])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                status, headers, body = site.routes.get(
                    self.path, (404, {"Content-Type": "text/html"}, b"<html>Not found</html>"))
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def site(tmp_path, monkeypatch):
    s = Site(tmp_path)
    s.thread.start()
    monkeypatch.setattr(config, "FETCH_BASE_URL", s.base + "/hmicfrs/")
    monkeypatch.setattr(config, "FETCH_DELAY", 0.05)
    monkeypatch.setattr(config, "FETCH_TIMEOUT", 0.5)
    monkeypatch.setattr(config, "FETCH_RETRIES", 1)
    monkeypatch.setattr(config, "FETCH_BACKOFF", 0.05)
    yield s
    s.server.shutdown()
    s.server.server_close()


def manifest(raw: Path) -> list[dict]:
    with open(raw / config.MANIFEST_FILE, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def files(raw: Path) -> list[str]:
    return sorted(p.relative_to(raw).as_posix() for p in raw.rglob("*") if p.is_file())


def test_catalogue_force_is_followed_to_its_pdfs_with_provenance(site, tmp_path, capsys):
    raw = tmp_path / "raw"
    assert cli.main(["fetch", "--force", "west-yorkshire", "--raw", str(raw)]) == 0
    assert files(raw) == ["manifest.csv",
                          "west-yorkshire/west-yorkshire-national-child-protection-inspection.pdf",
                          "west-yorkshire/west-yorkshire-pir.pdf"]
    assert (raw / "west-yorkshire/west-yorkshire-national-child-protection-inspection.pdf"
            ).read_bytes() == site.pdf
    rows = {r["path"]: r for r in manifest(raw)}
    first = rows["west-yorkshire/west-yorkshire-national-child-protection-inspection.pdf"]
    assert first["source_url"] == site.base + WY_PDF  # the report under "Get the report", not easy read
    assert first["page_url"] == site.base + WY_PAGE
    assert (first["force"], first["kind"]) == ("west-yorkshire", "inspection")
    assert rows["west-yorkshire/west-yorkshire-pir.pdf"]["kind"] == "review"
    assert len(first["sha256"]) == 64 and first["retrieved_at"].endswith("Z")
    assert site.hits("/hmicfrs/wp-content/uploads/wy-easy-read.pdf") == 0
    assert all(ua.startswith("reportkit/0.1.0 (") for _, ua, _ in site.requests)
    assert site.hits("/robots.txt") == 1  # asked once per host
    assert "2 new file(s)" in capsys.readouterr().err


def test_second_run_downloads_nothing_and_changes_nothing(site, tmp_path):
    raw = tmp_path / "raw"
    assert cli.main(["fetch", "--force", "west-yorkshire", "--raw", str(raw)]) == 0
    before, listing, asked = (raw / "manifest.csv").read_bytes(), files(raw), len(site.requests)
    assert cli.main(["fetch", "--force", "west-yorkshire", "--raw", str(raw)]) == 0
    assert (raw / "manifest.csv").read_bytes() == before
    assert files(raw) == listing
    assert len(site.requests) == asked  # not even the publication pages are asked for again
    assert site.hits(WY_PDF) + site.hits(WY_REVIEW_PDF) == 2


def test_a_deleted_file_is_fetched_again(site, tmp_path):
    raw = tmp_path / "raw"
    assert cli.main(["fetch", "--force", "west-yorkshire", "--raw", str(raw)]) == 0
    (raw / "west-yorkshire" / "west-yorkshire-pir.pdf").unlink()
    assert cli.main(["fetch", "--force", "west-yorkshire", "--raw", str(raw)]) == 0
    assert site.hits(WY_REVIEW_PDF) == 2 and site.hits(WY_PDF) == 1
    assert len(manifest(raw)) == 2


def test_a_file_with_other_bytes_is_never_overwritten(site, tmp_path):
    raw = tmp_path / "raw"
    mine = raw / "west-yorkshire" / "west-yorkshire-national-child-protection-inspection.pdf"
    mine.parent.mkdir(parents=True)
    mine.write_bytes(b"%PDF-1.4 the analyst's own annotated copy")
    out = fetch([Target(site.base + WY_PDF, "west-yorkshire")], raw)
    assert out[0].status == "saved"
    assert out[0].path == "west-yorkshire/west-yorkshire-national-child-protection-inspection-2.pdf"
    assert mine.read_bytes() == b"%PDF-1.4 the analyst's own annotated copy"
    assert (raw / out[0].path).read_bytes() == site.pdf


def test_same_bytes_already_there_are_kept_and_recorded(site, tmp_path):
    raw = tmp_path / "raw"
    there = raw / "west-yorkshire" / "west-yorkshire-national-child-protection-inspection.pdf"
    there.parent.mkdir(parents=True)
    there.write_bytes(site.pdf)
    out = fetch([Target(site.base + WY_PDF, "west-yorkshire")], raw)
    assert out[0].status == "kept"
    assert files(raw) == ["manifest.csv", "west-yorkshire/" + there.name]
    assert manifest(raw)[0]["source_url"] == site.base + WY_PDF


def test_web_published_report_is_saved_as_html(site, tmp_path):
    raw = tmp_path / "raw"
    out = fetch([Target(site.base + DERBY_PAGE, "derbyshire", "reinspection")], raw)
    assert out[0].status == "saved", out[0].message
    assert out[0].path == "derbyshire/derbyshire-national-child-protection-reinspection.html"
    assert b"Published on: 21 October 2022" in (raw / out[0].path).read_bytes()
    assert manifest(raw)[0]["source_url"] == site.base + DERBY_WEB
    assert site.hits("/hmicfrs/wp-content/uploads/annex.pdf") == 0  # the web report is not followed


def test_press_page_is_saved_as_the_page(site, tmp_path):
    raw = tmp_path / "raw"
    out = fetch([Target(site.base + "/news/police-told-to-improve", "west-yorkshire", "press")], raw)
    assert out[0].path == "west-yorkshire/police-told-to-improve.html"
    assert manifest(raw)[0]["kind"] == "press"


@pytest.mark.parametrize("path, words", [
    ("/missing.pdf", "404 Not Found"),
    ("/wrong-type.pdf", "said a PDF but sent an HTML page"),
    ("/private/letter.pdf", "robots.txt"),
    ("/slow.pdf", "no answer within 0.5 s (tried 2 times)"),
    ("/interrupted.pdf", "closed before the whole file came"),
    ("/busy.pdf", "503 Service Unavailable (tried 2 times)"),
    ("/loop", "redirects"),
    ("/moved.pdf", "redirected to http://127.0.0.1"),
])
def test_failures_are_one_line_and_leave_no_file(site, tmp_path, path, words):
    raw = tmp_path / "raw"
    out = fetch([Target(site.base + path, "west-yorkshire")], raw)
    assert out[0].status == "error"
    assert words in out[0].message and "\n" not in out[0].message
    assert out[0].message.startswith(site.base + path)
    assert files(raw) == []  # not even a hidden temporary file
    if path == "/private/letter.pdf":
        assert site.hits(path) == 0


def test_a_short_retry_after_is_waited_for(site, tmp_path):
    started = time.monotonic()
    out = fetch([Target(site.base + "/later.pdf", "kent")], tmp_path / "raw")
    assert "429 Too Many Requests (tried 2 times)" in out[0].message
    assert time.monotonic() - started >= 1.0  # not the 0.05 s back-off: the server asked for 1 s
    assert site.hits("/later.pdf") == 2


def test_size_cap_stops_a_download(site, tmp_path, monkeypatch):
    monkeypatch.setattr(config, "FETCH_MAX_BYTES", 1000)
    out = fetch([Target(site.base + WY_PDF, "west-yorkshire")], tmp_path / "raw")
    assert "size cap" in out[0].message
    assert files(tmp_path / "raw") == []


def test_requests_to_one_host_are_spaced_by_the_delay(site, tmp_path):
    client = PoliteClient(delay=0.3)
    fetch([Target(site.base + WY_PDF, "west-yorkshire"),
           Target(site.base + "/news/police-told-to-improve", "west-yorkshire")],
          tmp_path / "raw", client)
    times = [t for _, _, t in site.requests]
    assert len(times) == 3  # robots.txt, then the two documents
    assert all(b - a >= 0.29 for a, b in zip(times, times[1:]))


def test_offline_is_one_line_per_url_exit_1_and_the_rest_goes_on(site, tmp_path, capsys):
    with socket.socket() as s:  # a port nobody listens on: connection refused, as when offline
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}"
    raw = tmp_path / "raw"
    code = cli.main(["fetch", dead + "/a.pdf", site.base + WY_PDF, dead + "/b.pdf",
                     "--force", "west-yorkshire", "--raw", str(raw)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    errors = [line for line in err if line.startswith("error:")]
    assert len(errors) == 2 and all("connection was refused" in e for e in errors)
    assert errors[0].startswith(f"error: {dead}/a.pdf: ")
    assert files(raw) == ["manifest.csv",
                          "west-yorkshire/west-yorkshire-national-child-protection-inspection.pdf"]


def test_fetched_provenance_reaches_the_documents_table(site, tmp_path):
    from reportkit.pipeline import extract_corpus

    raw = tmp_path / "raw"
    assert cli.main(["fetch", "--force", "west-yorkshire", "--raw", str(raw)]) == 0
    tables = extract_corpus(raw, None, jobs=1, cache=None)
    docs = tables["documents"].set_index("path")
    url = docs.loc["west-yorkshire/west-yorkshire-national-child-protection-inspection.pdf",
                   "source_url"]
    assert url == site.base + WY_PDF
    assert set(docs["text_source"]) == {"text layer"}
    assert set(docs["kind"]) == {"inspection", "review"}
    from reportkit.report.briefing import show_sources

    listed = show_sources(tables, "west-yorkshire").data  # the briefing's sources list
    assert f'<a href="{site.base}{WY_PDF}">127.0.0.1:' in listed


def test_only_web_addresses_become_links_in_the_sources_list():
    import pandas as pd

    from reportkit.report.briefing import table_html

    df = pd.DataFrame({"u": ["javascript:alert(1)", "https://x.org/a?b=1&c=<2>", None]})
    html = table_html(df, {"u": ("Original", "link")})
    assert "javascript" not in html and html.count("<a ") == 1
    assert 'href="https://x.org/a?b=1&amp;c=&lt;2&gt;"' in html


def test_usage_errors_exit_2(tmp_path):
    assert cli.main(["fetch", "--raw", str(tmp_path)]) == 2
    assert cli.main(["fetch", "http://127.0.0.1/x", "--force", "kent", "--force", "essex",
                     "--raw", str(tmp_path)]) == 2


def test_fetch_help_teaches(capsys):
    with pytest.raises(SystemExit):
        cli.main(["fetch", "--help"])
    text = capsys.readouterr().out
    for words in ("examples:", "reportkit fetch --force west-yorkshire", "robots.txt",
                  "manifest.csv", "Exit status"):
        assert words in text


# --- the parts, without a server ---------------------------------------------------------------
def test_every_catalogue_row_is_well_formed():
    entries = catalogue.load()
    assert len(entries) >= 10
    assert len({e.page for e in entries}) == len(entries)
    for e in entries:
        url = e.url("https://www.justiceinspectorates.gov.uk/hmicfrs/")
        assert url.startswith("https://www.justiceinspectorates.gov.uk/hmicfrs/publication")
        assert 2013 <= e.year <= 2026
    assert {"west-yorkshire", "metropolitan", "national"} <= {e.force for e in entries}
    assert catalogue.CATALOGUE_DATE in config.CATALOGUE_FILE.read_text(encoding="utf-8")


def test_catalogue_is_shipped_as_package_data():
    text = (Path(__file__).resolve().parents[1] / "pyproject.toml").read_text()
    assert '"data/*.csv"' in text and config.CATALOGUE_FILE.parent.name == "data"


def test_get_the_report_in_bold_still_outranks_a_pdf_in_the_menu():
    html = ('<html><body><nav><a href="/plan.pdf">Annual plan (PDF document)</a></nav>'
            '<p><strong>Get the report</strong></p><p><a href="/up/report.pdf">The report '
            '(PDF document)</a></p><h2>Related</h2><a href="/other.pdf">Other</a></body></html>')
    assert report_link("https://x.org/hmicfrs/publications/a-report/", html) == "https://x.org/up/report.pdf"


def test_a_page_that_is_not_a_publication_page_is_not_followed():
    html = '<html><body><p>News</p><a href="/report.pdf">the report (PDF)</a></body></html>'
    assert report_link("https://example.org/news/story", html) is None
    page = html.replace("<p>News</p>", "<h2>Get the report</h2>")
    assert report_link("https://example.org/news/story", page) == "https://example.org/report.pdf"


@pytest.mark.parametrize("url, kind, name", [
    ("https://x.org/a/West%20Yorkshire%20Report.PDF", "pdf", "west-yorkshire-report.pdf"),
    ("https://x.org/publications/some-page/", "html", "some-page.html"),
    ("https://x.org/", "html", "document.html"),
    ("https://x.org/../../etc/passwd", "text", "passwd.txt"),
    ("https://x.org/a/..%2F..%2Fescape.pdf", "pdf", "escape.pdf"),
])
def test_file_names_are_safe(url, kind, name):
    assert file_name(url, kind) == name


def test_manifest_provenance_is_read_and_only_web_addresses_kept(tmp_path):
    from reportkit.read.corpus import discover

    raw = tmp_path / "raw"
    (raw / "kent").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (raw / "kent" / name).write_text(f"Kent Police news {name}\n")
    (raw / config.MANIFEST_FILE).write_text(
        "path,force,kind,published,source_url,retrieved_at,sha256\n"
        "kent/a.txt,kent,press,,https://news.example.org/a,2026-12-01T00:00:00Z,\n"
        "kent/b.txt,kent,press,,=HYPERLINK(\"http://evil\"),2026-12-01T00:00:00Z,\n")
    found, _, problems = discover(raw)
    assert problems == []
    urls = {s.path: s.source_url for s in found}
    assert urls == {"kent/a.txt": "https://news.example.org/a", "kent/b.txt": None}
