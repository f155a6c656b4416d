"""Text normalisation shared by the PDF, HTML and plain-text readers. Pure functions.

Normalised text is plain ASCII punctuation over Unicode letters: ligatures spelt out, typographic
quotes and dashes made ASCII, odd spaces made spaces, invisible and control characters dropped.
Lines keep their breaks (a quote may span lines: match it with ``\\s+``); paragraphs are
separated by one blank line.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_MAP = {
    "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
    "\ufb05": "st", "\ufb06": "st",
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\ufe58": "-", "\ufe63": "-", "\uff0d": "-",
    "\u2026": "...", "\t": " ", "\r": "\n", "\u2028": "\n", "\u2029": "\n\n",
    "\u00a0": " ", "\u1680": " ", "\u202f": " ", "\u205f": " ", "\u3000": " ",
    "\u00ad": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None,
    "\ufeff": None, "\ufffe": "-",  # pdfium marks a hyphen that ends a line with U+FFFE
}
# Bidirectional marks and embeddings are invisible: "3\u200f4" reads as 34, so they go (first:
# a mark beside a digit group's space must not keep the groups apart).
_BIDI = str.maketrans({chr(c): None for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                              *range(0x2066, 0x206A))})
_MAP.update({chr(c): " " for c in range(0x2000, 0x200B)})
# Word exports list bullets as private-use Symbol/Wingdings glyphs: show them as bullets.
_MAP.update({chr(c): "\u2022" for c in (0xF0B7, 0xF0A7, 0xF076, 0xF0D8, 0xF0FC, 0xF0E8, 0xF0A8)})
# Control characters (NUL included) carry no text; newline is the only one kept.
_MAP.update({chr(c): None for c in [*range(0, 32), *range(127, 160)] if chr(c) not in "\t\n\r"})
_TABLE = str.maketrans(_MAP)

# Compatibility forms that NFKC may fold without changing meaning. Superscripts (footnote
# markers), fractions and circled numbers are left alone: folding "2²" into "22" loses sense.
_SAFE_COMPAT = ("<compat>", "<font>", "<wide>", "<narrow>", "<noBreak>", "<initial>",
                "<medial>", "<final>", "<isolated>", "<small>", "<vertical>")


@lru_cache(maxsize=4096)
def _fold(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch) if unicodedata.decomposition(ch).startswith(
        _SAFE_COMPAT) else ch


# Digit groups set apart by a thin, narrow no-break, figure or no-break space ("1\u2009234"):
# one number, written with a comma so it stays one. An ordinary space never joins, nor a group
# that is not exactly three digits ("2015\u00a0200", "12\u00a034"): those are two numbers.
_GROUP_SPACES = "\u00a0\u2007\u2008\u2009\u202f"
_GROUPED = re.compile(rf"(?<![\d.,])\d{{1,3}}(?:[{_GROUP_SPACES}]\d{{3}})+(?![\d,])")
_GROUP_SPACE = re.compile(f"[{_GROUP_SPACES}]")


def _join_groups(text: str) -> str:
    if not _GROUP_SPACE.search(text):
        return text
    return _GROUPED.sub(lambda m: _GROUP_SPACE.sub(",", m.group()), text)


def normalise_chars(text: str) -> str:
    """Map characters only: no change to spacing or line structure beyond CR and tab."""
    if not text.isascii():
        text = _join_groups(text.translate(_BIDI))
    text = text.replace("\r\n", "\n").translate(_TABLE)
    if text.isascii():
        return text
    text = "".join(_fold(ch) for ch in text)
    return unicodedata.normalize("NFC", text)


_SPACES = re.compile(r"[ \t]+")
_BLANKS = re.compile(r"\n{3,}")


def collapse_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def normalise(text: str) -> str:
    """Whole-text normalisation: characters, spaces within lines, at most one blank line."""
    lines = (collapse_line(x) for x in normalise_chars(text).split("\n"))
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip("\n")


def mask_digits(line: str) -> str:
    """A key under which "Page 3 of 40" and "Page 4 of 40" are the same line."""
    return re.sub(r"\d+", "#", collapse_line(line).lower())


# --- hyphenated line breaks -------------------------------------------------------------------
# Rule: "assess-" + "ment" is joined to "assessment" unless the pair looks like a real compound.
# It is kept as "multi-agency" when (1) the joined form never occurs elsewhere in the document
# and either (2) the hyphenated form does, (3) the first part is a prefix that English writes
# with a hyphen (multi-, non-, self- ...), or (4) both parts occur as words on their own in the
# document ("decision-" + "making"). A part after the hyphen that starts with a capital or a
# digit ("mid-" + "2015") always keeps the hyphen.
HYPHEN_PREFIXES = frozenset({
    "multi", "non", "self", "cross", "well", "ex", "anti", "semi", "post", "co", "cyber",
})
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ASCII_TOKEN = re.compile(r"[a-z]+(?:-[a-z]+)*")  # _TOKEN on lower-case ASCII, twice as fast
_TAIL = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|\d+")


def broken_head(line: str) -> str | None:
    """The word part before a hyphen that ends ``line`` ("assess" in "the assess-"), or None."""
    line = line.rstrip()
    if not line.endswith("-"):  # most lines: no need to look further
        return None
    tok = line.rsplit(" ", 1)[-1].lstrip("(\"'[")
    if len(tok) >= 3 and tok[0].isalpha() and tok[-2].isalpha():
        return tok[:-1]
    return None


def vocabulary(lines: Iterable[str]) -> set[str]:
    """Lower-case words and compounds of ``lines``, leaving out the halves of broken words."""
    vocab: set[str] = set()
    broken = False
    for line in lines:
        tokens = (_ASCII_TOKEN if line.isascii() else _TOKEN).findall(line.lower())
        if broken and tokens:
            tokens = tokens[1:]
        broken = broken_head(line) is not None
        if broken and tokens:
            tokens = tokens[:-1]
        vocab.update(tokens)
        for tok in tokens:
            if "-" in tok:
                vocab.update(tok.split("-"))
    return vocab


def keep_hyphen(head: str, tail: str, vocab: set[str]) -> bool:
    """Whether "head-" at a line end and "tail" on the next line form a hyphenated compound."""
    if not tail[:1].islower():
        return True
    h, t = head.lower(), tail.lower()
    if h + t in vocab:
        return False
    last = h.rsplit("-", 1)[-1]
    return (f"{h}-{t}" in vocab or last in HYPHEN_PREFIXES
            or (len(t) > 2 and t in vocab and last in vocab))


def join_hyphenated(lines: list[str], vocab: set[str] | None = None) -> list[str]:
    """Join words broken over a line end; the rest of the word moves up to the first line.

    A blank line (paragraph break) stops joining, so a dash before a paragraph end is kept.
    """
    vocab = vocabulary(lines) if vocab is None else vocab
    out = [line.rstrip() for line in lines]
    emptied = set()
    for i in range(len(out) - 1):
        head = broken_head(out[i])
        if not head:
            continue
        token = out[i + 1].split(" ", 1)[0]
        tail = _TAIL.match(token)
        if not tail:
            continue
        joiner = "-" if keep_hyphen(head, tail.group(0), vocab) else ""
        out[i] = out[i][:-1] + joiner + token  # the word moves up with its punctuation
        out[i + 1] = out[i + 1][len(token):].lstrip()
        if not out[i + 1]:
            emptied.add(i + 1)
    return [line for k, line in enumerate(out) if k not in emptied]


def paragraphs_text(blocks: Iterable[str]) -> str:
    """Blocks (paragraphs, headings, list items) as normalised text, one blank line apart."""
    parts = (normalise(b) for b in blocks)
    return "\n\n".join(p for p in parts if p)
