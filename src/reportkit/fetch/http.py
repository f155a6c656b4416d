"""A polite HTTP client for the standard library: one request at a time, a pause between requests
to the same host, robots.txt asked first, redirects followed by hand (each hop asked of robots.txt
too), time-outs, retries with a doubling pause, and a size cap. Bodies are held in memory until
whole, so an interrupted download never reaches the disk.
"""
from __future__ import annotations

import email.message
import http.client
import logging
import socket
import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from reportkit import __version__, config
from reportkit.errors import ReportkitError

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
MAX_RETRY_AFTER = 60  # seconds: a server asking for a longer pause is reported, not waited for
RETRY_STATUSES = {429, 500, 502, 503, 504}  # the server is busy or hiccuped: worth another try
_CHUNK = 1 << 16


class FetchError(ReportkitError):
    """A URL that could not be fetched; the message is one plain line for the user."""


@dataclass
class Response:
    url: str  # after redirects
    status: int
    content_type: str  # media type only, lower case ("application/pdf"), "" when not sent
    body: bytes


def user_agent() -> str:
    """Names reportkit and its version; with REPORTKIT_PROJECT_URL set, where to reach its user."""
    contact = f"+{config.PROJECT_URL}" if config.PROJECT_URL else "inspection-report research tool"
    return f"reportkit/{__version__} ({contact})"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand every 3xx back to the caller, so each hop can be checked against robots.txt."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


@dataclass
class PoliteClient:
    delay: float = field(default_factory=lambda: config.FETCH_DELAY)
    timeout: float = field(default_factory=lambda: config.FETCH_TIMEOUT)
    retries: int = field(default_factory=lambda: config.FETCH_RETRIES)
    backoff: float = field(default_factory=lambda: config.FETCH_BACKOFF)
    max_bytes: int = field(default_factory=lambda: config.FETCH_MAX_BYTES)
    agent: str = field(default_factory=user_agent)
    _last: dict[str, float] = field(default_factory=dict)  # host -> when its last request ended
    _robots: dict[str, urllib.robotparser.RobotFileParser] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._opener = urllib.request.build_opener(_NoRedirect())

    def get(self, url: str) -> Response:
        """The resource at ``url`` after redirects; FetchError (one line, starting with ``url``)
        when it cannot be had."""
        try:
            return self._follow(url)
        except FetchError as exc:
            if str(exc).startswith(url + ":"):
                raise
            raise FetchError(f"{url}: redirected to {exc}") from None

    def _follow(self, url: str) -> Response:
        for _ in range(MAX_REDIRECTS + 1):
            _check_scheme(url)
            if not self.allowed(url):
                raise FetchError(f"{url}: robots.txt asks robots not to fetch this page")
            status, headers, body = self._with_retries(url)
            if status in (301, 302, 303, 307, 308) and headers.get("Location"):
                url = urljoin(url, headers["Location"])
                continue
            if status >= 400:
                raise FetchError(f"{url}: the server answered {status} {_reason(status)}")
            return Response(url, status, headers.get_content_type() if headers.get(
                "Content-Type") else "", body)
        raise FetchError(f"{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?)")

    # --- robots.txt ----------------------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            try:
                self._robots[origin] = self._read_robots(origin)
            except FetchError as exc:  # not cached: the next URL on this host asks again
                raise FetchError(f"{url}: robots.txt could not be read: "
                                 f"{str(exc).partition(': ')[2]}") from None
        return self._robots[origin].can_fetch(self.agent, url)

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser:
        """As urllib.robotparser decides: 401/403 forbid everything, other 4xx allow everything;
        fetched with our own User-Agent and manners (robotparser's read() sends Python's)."""
        robots = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        status, _, body = self._with_retries(origin + "/robots.txt")
        if status in (401, 403):
            robots.parse(["User-agent: *", "Disallow: /"])
        elif status >= 400 or status in (301, 302, 303, 307, 308):
            robots.parse([])  # no rules: everything allowed
        else:
            robots.parse(body.decode("utf-8", "replace").splitlines())
        return robots

    # --- one request, tried again when it may work next time -----------------------------------
    def _with_retries(self, url: str) -> tuple[int, email.message.Message, bytes]:
        for attempt in range(self.retries + 1):
            asked = 0.0  # the pause the server asked for (Retry-After), when it is short
            try:
                status, headers, body = self._once(url)
            except _Transient as exc:
                problem = str(exc)
            else:
                if status not in RETRY_STATUSES:
                    return status, headers, body
                problem = f"the server answered {status} {_reason(status)}"
                after = (headers.get("Retry-After") or "").strip()
                asked = float(after) if after.isdigit() and int(after) <= MAX_RETRY_AFTER else 0.0
            if attempt < self.retries:
                pause = max(asked, self.backoff * 2 ** attempt)
                log.info("%s: %s; trying again in %.1f s", url, problem, pause)
                time.sleep(pause)
        raise FetchError(f"{url}: {problem} (tried {self.retries + 1} times)")

    def _once(self, url: str) -> tuple[int, email.message.Message, bytes]:
        host = urlsplit(url).netloc
        wait = self._last.get(host, float("-inf")) + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        req = urllib.request.Request(url, headers={"User-Agent": self.agent, "Accept": "*/*"})
        try:
            try:
                resp = self._opener.open(req, timeout=self.timeout)
            except urllib.error.HTTPError as err:  # 3xx (not followed here), 4xx and 5xx
                with err:
                    return err.code, err.headers, b""
            with resp:
                return resp.status, resp.headers, self._read_body(url, resp)
        except TimeoutError:
            raise _Transient(f"no answer within {self.timeout:g} s") from None
        except http.client.IncompleteRead:
            raise _Transient("the connection closed before the whole file came") from None
        except urllib.error.URLError as err:
            raise _Transient(_offline_reason(err)) from None
        except (ConnectionError, http.client.HTTPException) as err:
            raise _Transient(f"the connection failed ({type(err).__name__})") from None
        finally:
            self._last[host] = time.monotonic()

    def _read_body(self, url: str, resp) -> bytes:
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            raise FetchError(f"{url}: {_mb(int(declared))} is over the size cap of "
                             f"{_mb(self.max_bytes)} (config.FETCH_MAX_BYTES)")
        chunks, size = [], 0
        while block := resp.read(_CHUNK):
            size += len(block)
            if size > self.max_bytes:
                raise FetchError(f"{url}: more than {_mb(self.max_bytes)}, the size cap "
                                 "(config.FETCH_MAX_BYTES): download abandoned")
            chunks.append(block)
        if declared and declared.isdigit() and size < int(declared):
            raise _Transient("the connection closed before the whole file came")
        return b"".join(chunks)


class _Transient(Exception):
    """A failure that another try may not repeat (time-out, dropped connection, DNS hiccup)."""


def _check_scheme(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise FetchError(f"{url}: not a web address (http:// or https://)")


def _offline_reason(err: urllib.error.URLError) -> str:
    reason = err.reason
    if isinstance(reason, socket.gaierror):
        return "the host name could not be looked up (offline, or a typing error?)"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused (offline, or the server is down?)"
    if isinstance(reason, TimeoutError):
        return "no answer in time"
    return f"could not connect ({reason})"


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _mb(n: int) -> str:
    return f"{n / 2**20:.1f} MB"
