"""Hostile inputs for the fault suite and the benchmark: each builder writes real files into a raw
folder the way analysts' downloads go wrong, and says what the extraction log should say about them.

``CASES`` lists every input; ``build_control(raw)`` writes a small healthy corpus beside them, so a
test can check that the rest of the corpus is still extracted. ``snapshot(raw)`` records every
file's bytes (and every link's target) so a test can show that extraction changed nothing.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import re
import shutil
import stat
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tests.pdfmaker import break_xref, filler_pages, make_pdf, truncate, write_png_as_pdf

OK = ("ok", "warning")
FAILED = ("error",)
SKIPPED = ("warning", "error")


@dataclass(frozen=True)
class Hostile:
    """One hostile input. ``build(raw)`` writes it and returns the raw-relative paths it made;
    the extraction log row of each path must have a status in ``statuses`` and a message that
    matches ``expect`` (a case-insensitive regex)."""

    name: str
    build: Callable[[Path], list[str]]
    expect: str
    statuses: tuple[str, ...]
    limits: tuple[tuple[str, str], ...] = ()  # environment settings for the run (config.py)


# --- healthy documents ----------------------------------------------------------------------------

REVIEW = [
    ["Post-inspection review of child protection", "West Yorkshire Police",
     "Fieldwork 25-28 August 2015", "Published March 2016"],
    ["# 1. Background", "Inspectors looked again at 34 cases. Of these, 11 were good, 20 required "
     "improvement and three were inadequate."],
    ["# 2. Recommendations", "Within three months, West Yorkshire Police should check that "
     "officers write down what each child says about their own situation."],
]
GOOD_REVIEW_GRADES = {("good", 11), ("requires_improvement", 20), ("inadequate", 3)}

LETTER = ("Office of the Police and Crime Commissioner for Greater Manchester\n\n"
          "15 April 2016\n\nDear Inspector,\n\nThank you for the review of child protection in "
          "Greater Manchester Police. The force has already trained 400 officers and will report "
          "on progress within six months.\n\nYours sincerely,\nThe Commissioner\n")


def review_pdf(path: Path, **kw) -> Path:
    return make_pdf(path, REVIEW, **kw)


def build_control(raw: Path) -> dict[str, str]:
    """A healthy review PDF and a healthy letter: {path: what it is}."""
    review_pdf(_mk(raw / "west-yorkshire" / "control-review.pdf"))
    _mk(raw / "greater-manchester" / "control-letter.txt").write_text(LETTER, encoding="utf-8")
    return {"west-yorkshire/control-review.pdf": "review",
            "greater-manchester/control-letter.txt": "letter"}


def _mk(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# --- PDF damage ---------------------------------------------------------------------------------

def truncated_pdf(raw: Path) -> list[str]:
    truncate(review_pdf(_mk(raw / "west-yorkshire" / "truncated.pdf")), keep=0.6)
    return ["west-yorkshire/truncated.pdf"]


def broken_xref(raw: Path) -> list[str]:
    break_xref(make_pdf(_mk(raw / "west-yorkshire" / "broken-xref.pdf"), filler_pages(2, 2, 7)))
    return ["west-yorkshire/broken-xref.pdf"]


def encrypted_user(raw: Path) -> list[str]:
    review_pdf(_mk(raw / "west-yorkshire" / "locked.pdf"), encrypt={"user": "s3cret", "owner": "o"})
    return ["west-yorkshire/locked.pdf"]


def encrypted_owner_only(raw: Path) -> list[str]:
    """Encrypted with an owner password only: anyone may open it, as most readers do."""
    make_pdf(_mk(raw / "west-yorkshire" / "owner-locked.pdf"), filler_pages(2, 2, 11),
             encrypt={"user": "", "owner": "o"})
    return ["west-yorkshire/owner-locked.pdf"]


def image_only(raw: Path) -> list[str]:
    make_pdf(_mk(raw / "west-yorkshire" / "scanned.pdf"), REVIEW, image_only=True)
    return ["west-yorkshire/scanned.pdf"]


def zero_bytes(raw: Path) -> list[str]:
    _mk(raw / "west-yorkshire" / "empty.pdf").write_bytes(b"")
    return ["west-yorkshire/empty.pdf"]


def png_as_pdf(raw: Path) -> list[str]:
    write_png_as_pdf(_mk(raw / "west-yorkshire" / "picture.pdf"))
    return ["west-yorkshire/picture.pdf"]


def html_as_pdf(raw: Path) -> list[str]:
    """The error page a website served instead of the PDF, saved under the PDF's name."""
    _mk(raw / "west-yorkshire" / "download.pdf").write_text(
        "<!DOCTYPE html><html><head><title>404 Not Found</title></head>"
        "<body><h1>Page not found</h1></body></html>", encoding="utf-8")
    return ["west-yorkshire/download.pdf"]


def no_pages(raw: Path) -> list[str]:
    import pikepdf

    with pikepdf.Pdf.new() as pdf:
        pdf.save(_mk(raw / "west-yorkshire" / "no-pages.pdf"))
    return ["west-yorkshire/no-pages.pdf"]


BIG_PAGES = 2000


@cache
def _big_pdf_bytes() -> bytes:
    """2,000 distinct pages of prose: built once per session (a few seconds)."""
    tmp = Path(os.environ.get("TMPDIR", "/tmp")) / f"reportkit-big-{os.getpid()}.pdf"
    pages = [[f"Annex page {n}: child protection in West Yorkshire.", *paras]
             for n, paras in enumerate(filler_pages(BIG_PAGES, 1), 1)]
    make_pdf(tmp, pages)
    data = tmp.read_bytes()
    tmp.unlink()
    return data


def pdf_2000_pages(raw: Path) -> list[str]:
    _mk(raw / "west-yorkshire" / "annex-2000-pages.pdf").write_bytes(_big_pdf_bytes())
    return ["west-yorkshire/annex-2000-pages.pdf"]


SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def script_text_pdf(raw: Path) -> list[str]:
    """Markup as the text of a PDF: it must come through as the same characters, not escaped."""
    pages = [[f"Review {SCRIPT} of child protection", "West Yorkshire Police", "March 2016"],
             [f"Inspectors noted that a form on the intranet showed {IMG} instead of a picture.",
              f"The phrase {SCRIPT} appeared in a case note."]]
    make_pdf(_mk(raw / "west-yorkshire" / "markup.pdf"), pages, title=f"Review {SCRIPT} {IMG}")
    return ["west-yorkshire/markup.pdf"]


def pdf_with_javascript(raw: Path) -> list[str]:
    """A PDF that asks its viewer to run JavaScript on opening: read as text, never run."""
    import pikepdf

    path = review_pdf(_mk(raw / "west-yorkshire" / "scripted.pdf"))
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        action = pdf.make_indirect(pikepdf.Dictionary(
            Type=pikepdf.Name.Action, S=pikepdf.Name.JavaScript,
            JS=pikepdf.String("app.alert('opened'); this.submitForm('http://example.invalid');")))
        pdf.Root.OpenAction = action
        pdf.save(path)
    return ["west-yorkshire/scripted.pdf"]


# --- HTML and text --------------------------------------------------------------------------------

def html_scripts_only(raw: Path) -> list[str]:
    scripts = "".join(f"<script>var tracker{n} = {{id: {n}}}; load(tracker{n});</script>"
                      for n in range(40))
    _mk(raw / "west-yorkshire" / "scripts.html").write_text(
        f"<!DOCTYPE html><html><head><title>Loading</title>{scripts}</head>"
        f"<body><noscript>Enable JavaScript</noscript>{scripts}</body></html>", encoding="utf-8")
    return ["west-yorkshire/scripts.html"]


CP1252_TITLE = "Commissioner\u2019s reply \u2013 \u00a32m more for child protection"


def html_cp1252(raw: Path) -> list[str]:
    """A press page saved by an old system in Windows-1252, with no charset declared."""
    body = (f"<html><head><title>{CP1252_TITLE}</title></head><body><article>"
            f"<h1>{CP1252_TITLE}</h1><p>Tuesday, 8th March 2016</p>"
            "<p>The commissioner said the force had \u201cmade real progress\u201d since the "
            "inspection and that \u00a32m would pay for 40 more specialist officers in West "
            "Yorkshire.</p><p>Inspectors found that 20 of 34 cases required improvement in the "
            "original inspection, a figure the commissioner called \u201cnot good enough\u201d.</p>"
            "</article></body></html>")
    _mk(raw / "west-yorkshire" / "press-cp1252.html").write_bytes(body.encode("cp1252"))
    return ["west-yorkshire/press-cp1252.html"]


def html_deep_nesting(raw: Path) -> list[str]:
    """Tens of thousands of nested elements: parsers built on recursion give up."""
    depth = 20000
    body = "<div>" * depth + "<p>West Yorkshire Police was inspected in August 2015.</p>" \
        + "</div>" * depth
    _mk(raw / "west-yorkshire" / "nested.html").write_text(
        f"<html><body>{body}</body></html>", encoding="utf-8")
    return ["west-yorkshire/nested.html"]


def empty_html(raw: Path) -> list[str]:
    _mk(raw / "west-yorkshire" / "blank.html").write_text("   \n\n  ", encoding="utf-8")
    return ["west-yorkshire/blank.html"]


NUL_LETTER = LETTER.replace("Dear", "\x00Dear").replace(". ", ".\x00 ", 2) + "\x00" * 8


def text_nul_bytes(raw: Path) -> list[str]:
    """A letter with stray NUL bytes (padding from a broken copy): it is still text."""
    _mk(raw / "greater-manchester" / "letter-nul.txt").write_bytes(NUL_LETTER.encode("utf-8"))
    return ["greater-manchester/letter-nul.txt"]


def text_utf16(raw: Path) -> list[str]:
    """What Windows Notepad saves as "Unicode": UTF-16 with a byte-order mark (half NUL bytes)."""
    _mk(raw / "greater-manchester" / "letter-utf16.txt").write_bytes(
        LETTER.replace("400", "410").encode("utf-16"))
    return ["greater-manchester/letter-utf16.txt"]


def binary_as_text(raw: Path) -> list[str]:
    """A compressed archive renamed .txt."""
    data = gzip.compress(bytes(range(256)) * 64, mtime=0)
    _mk(raw / "west-yorkshire" / "notes.txt").write_bytes(data)
    return ["west-yorkshire/notes.txt"]


def one_long_line(raw: Path) -> list[str]:
    """300 kB of prose with no line break at all: regular expressions must stay linear."""
    sentence = ("Officers in West Yorkshire recorded concerns about 11 children in 2015 and "
                "referred them within 24 hours, ")
    _mk(raw / "west-yorkshire" / "one-line.txt").write_text(sentence * 3000, encoding="utf-8")
    return ["west-yorkshire/one-line.txt"]


# --- names and folders ------------------------------------------------------------------------------

def duplicate_names(raw: Path) -> list[str]:
    first = review_pdf(_mk(raw / "west-yorkshire" / "review-2016.pdf"), title="dup")
    shutil.copyfile(first, raw / "west-yorkshire" / "review-2016 (1).pdf")
    return ["west-yorkshire/review-2016.pdf", "west-yorkshire/review-2016 (1).pdf"]


UNICODE_NAME = "west-yorkshire/R\u00e9vision d\u2019\u00e9t\u00e9 2016 \u2013 copie finale.pdf"


def unicode_name(raw: Path) -> list[str]:
    make_pdf(_mk(raw / UNICODE_NAME), filler_pages(1, 2, 3))
    return [UNICODE_NAME]


def non_utf8_name(raw: Path) -> list[str]:
    """A name in Latin-1 bytes, as unzipping an old archive leaves it: not valid UTF-8."""
    folder = _mk(raw / "west-yorkshire" / "x").parent
    name = os.fsencode(folder) + b"/r\xe9vision 2016.pdf"
    make_pdf(Path(os.fsdecode(name)), filler_pages(1, 2, 5))
    return [os.fsdecode(b"west-yorkshire/r\xe9vision 2016.pdf")]


def symlink_loop(raw: Path) -> list[str]:
    folder = _mk(raw / "west-yorkshire" / "x").parent
    os.symlink(".", folder / "again")  # a folder that contains itself
    os.symlink("b-loop.pdf", folder / "a-loop.pdf")
    os.symlink("a-loop.pdf", folder / "b-loop.pdf")
    return ["west-yorkshire/again", "west-yorkshire/a-loop.pdf", "west-yorkshire/b-loop.pdf"]


def symlink_outside(raw: Path) -> list[str]:
    folder = _mk(raw / "west-yorkshire" / "x").parent
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink("/etc", folder / "etc")
    return ["west-yorkshire/passwd.txt", "west-yorkshire/etc"]


def fifo_named_pdf(raw: Path) -> list[str]:
    """A named pipe where a file should be: opening it to read waits for a writer for ever."""
    os.mkfifo(_mk(raw / "west-yorkshire" / "pipe.pdf"))
    return ["west-yorkshire/pipe.pdf"]


def folder_no_force(raw: Path) -> list[str]:
    review_pdf(_mk(raw / "atlantis" / "report.pdf"), title="atlantis")
    return ["atlantis/report.pdf"]


MANIFEST = (
    "path,force,kind,published\n"
    "loose-letter.txt,greater-manchester,pcc_response,2016-04-15\n"  # 2: good, applied
    "loose-letter.txt,west-yorkshire,press,2016-04-16\n"  # 3: the same path again
    "west-yorkshire/nope.pdf,Narnia,review,2016-03-08\n"  # 4: unknown force
    "west-yorkshire/x.pdf,west-yorkshire,brochure,2016-03-08\n"  # 5: unknown kind
    "west-yorkshire/y.pdf,west-yorkshire,review,8/3/2016\n"  # 6: not an ISO date
    "../../etc/passwd,west-yorkshire,review,2016-03-08\n"  # 7: outside raw
    "/etc/passwd,west-yorkshire,review,2016-03-08\n"  # 8: absolute
    ",west-yorkshire,review,2016-03-08\n"  # 9: no path
    "west-yorkshire/gone.pdf,west-yorkshire,review,2016-03-08\n"  # 10: no such file
    "west-yorkshire/z.pdf,west-yorkshire,review,2016-03-08,extra,fields\n"  # 11: too many
    "west-yorkshire/\x00nul.pdf,west-yorkshire,review,2016-03-08\n"  # 12: a NUL byte
    '"west-yorkshire/unclosed.pdf,west-yorkshire,review\n'  # 13: an unclosed quote
)
MANIFEST_BAD_LINES = (3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13)


def bad_manifest(raw: Path) -> list[str]:
    """A manifest whose first row is good and every other row is wrong in its own way."""
    _mk(raw / "loose-letter.txt").write_text(LETTER.replace("400", "420"), encoding="utf-8")
    (raw / "manifest.csv").write_bytes(MANIFEST.encode("utf-8"))
    return ["manifest.csv"]


CASES: tuple[Hostile, ...] = (
    Hostile("truncated-pdf", truncated_pdf, r"truncated|incomplete", FAILED),
    Hostile("broken-xref", broken_xref, r"^(read|.*)$", OK),
    Hostile("encrypted-user-password", encrypted_user, r"encrypted.*password", FAILED),
    Hostile("encrypted-owner-only", encrypted_owner_only, r".*", OK),
    Hostile("image-only-pdf", image_only, r"no text|scanned|ocr", FAILED),
    Hostile("zero-byte-file", zero_bytes, r"empty|0 bytes", FAILED),
    Hostile("png-named-pdf", png_as_pdf, r"not a pdf.*png", FAILED),
    Hostile("html-named-pdf", html_as_pdf, r"not a pdf.*html", FAILED),
    Hostile("pdf-without-pages", no_pages, r"no pages|damaged|empty", FAILED),
    Hostile("pdf-2000-pages", pdf_2000_pages, r"2000 pages.*limit 1000", FAILED,
            (("REPORTKIT_MAX_PAGES", "1000"),)),
    Hostile("script-text-pdf", script_text_pdf, r".*", OK),
    Hostile("pdf-with-javascript", pdf_with_javascript, r".*", OK),
    Hostile("html-scripts-no-article", html_scripts_only, r"no article", FAILED),
    Hostile("html-cp1252", html_cp1252, r".*", OK),
    Hostile("html-deep-nesting", html_deep_nesting, r".*", OK + FAILED),
    Hostile("html-blank", empty_html, r"no article|no text|empty", FAILED),
    Hostile("text-nul-bytes", text_nul_bytes, r".*", OK),
    Hostile("text-utf16", text_utf16, r".*", OK),
    Hostile("binary-named-txt", binary_as_text, r"not a text.*binary", FAILED),
    Hostile("text-one-long-line", one_long_line, r".*", OK),
    Hostile("same-file-two-names", duplicate_names, r".*", OK),
    Hostile("unicode-file-name", unicode_name, r".*", OK),
    Hostile("non-utf8-file-name", non_utf8_name, r".*", OK),
    Hostile("symlink-loop", symlink_loop, r"symlink", SKIPPED),
    Hostile("symlink-outside-raw", symlink_outside, r"symlink.*(outside|not followed)|"
            r"symlinked folder not followed", SKIPPED),
    Hostile("named-pipe-as-pdf", fifo_named_pdf, r"not a regular file", SKIPPED),
    Hostile("folder-names-no-force", folder_no_force, r"names no force", FAILED),
    Hostile("manifest-bad-rows", bad_manifest, r"manifest\.csv", ("warning",)),
)


# config.py attribute behind each environment setting, for runs inside this process
LIMIT_ATTRS = {"REPORTKIT_MAX_PAGES": "MAX_PAGES"}  # the time limit has its own tests (test_faults)


def by_name(name: str) -> Hostile:
    return next(c for c in CASES if c.name == name)


# --- nothing lost ------------------------------------------------------------------------------------

def snapshot(root: Path) -> dict[str, str]:
    """Every entry under ``root`` (links not followed): file -> sha256, link -> its target."""
    out: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            full = os.path.join(dirpath, name)
            rel = os.path.relpath(full, root)
            mode = os.lstat(full).st_mode
            if stat.S_ISLNK(mode):
                out[rel] = "link -> " + os.readlink(full)
            elif stat.S_ISDIR(mode):
                out[rel] = "folder"
            elif not stat.S_ISREG(mode):
                out[rel] = f"special {stat.S_IFMT(mode):o}"  # a pipe: reading it would block
            else:
                with open(full, "rb") as fh:
                    out[rel] = hashlib.sha256(fh.read()).hexdigest()
    return out


def path_pattern(path: str) -> re.Pattern[str]:
    """A regex for how a raw path may appear in the log: a byte that is not UTF-8 may be shown
    as U+FFFD, as %E9 or as \\xe9, so it matches 1-4 characters."""
    parts = [".{1,4}" if 0xDC80 <= ord(ch) <= 0xDCFF else re.escape(ch) for ch in path]
    return re.compile("^" + "".join(parts) + "$")
