"""Every path and default in one place.

Paths resolve against the project root: ``$REPORTKIT_HOME`` when set, else the
checkout this package was installed from (editable install), else the current
directory. Nothing else in the package builds a path from scratch.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PACKAGE_DATA = PACKAGE_DIR / "data"


def _find_root() -> Path:
    env = os.environ.get("REPORTKIT_HOME")
    if env:
        return Path(env).resolve()
    checkout = PACKAGE_DIR.parents[1]
    if (checkout / "pyproject.toml").is_file() and (checkout / "notebooks").is_dir():
        return checkout
    return Path.cwd().resolve()


PROJ_ROOT = _find_root()
DATA_DIR = PROJ_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
PROCESSED_DIR = DATA_DIR / "processed"
CACHE_DIR = DATA_DIR / "cache"
NOTEBOOKS_DIR = PROJ_ROOT / "notebooks"
REPORTS_DIR = PROJ_ROOT / "reports"
FIGURES_DIR = REPORTS_DIR / "figures"

GOLD_FILE = "demo-gold.json"  # written beside the demo corpus in RAW_DIR
MANIFEST_FILE = "manifest.csv"  # optional overrides in RAW_DIR

KERNEL_NAME = "reportkit"

# Settings from the environment that could not be used, in plain words: the CLI refuses to run
# with any (exit 2), a run from Python logs them; the default is used meanwhile.
SETTING_PROBLEMS: list[str] = []
_SIZE_UNITS = {"": 1, "b": 1, "k": 2**10, "kb": 10**3, "kib": 2**10, "m": 2**20, "mb": 10**6,
               "mib": 2**20, "g": 2**30, "gb": 10**9, "gib": 2**30}


def _size(text: str) -> float:
    """'500MB', '1.5 GiB', '1048576' as bytes."""
    number = text.rstrip("bBkKmMgGiI ")
    unit = text[len(number):].strip().lower()
    if unit not in _SIZE_UNITS:
        raise ValueError(text)
    return float(number) * _SIZE_UNITS[unit]


def _positive(name: str, default, parse, what: str):
    """A positive setting from ``$name``; a value that is not ``what`` is reported, not used."""
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = parse(raw.strip())
    except ValueError:
        value = None
    if value is None or not 0 < value < float("inf"):
        SETTING_PROBLEMS.append(f"{name}={raw!r} is not {what}; the default {default} is used")
        return default
    return type(default)(value)


# Reading limits: a document past these is logged as refused, not read, and the run goes on. The
# largest real report (Metropolitan 2016) has 113 pages; the environment variables change them.
MAX_PAGES = _positive("REPORTKIT_MAX_PAGES", 5000, int, "a whole number of pages (such as 5000)")
MAX_SECONDS_PER_DOCUMENT = _positive("REPORTKIT_MAX_SECONDS", 300.0, float,
                                     "a number of seconds (such as 300 or 1.5)")
MAX_FILE_BYTES = _positive("REPORTKIT_MAX_BYTES", 500 * 2**20, _size,
                           "a size in bytes (such as 524288000, 500MB or 1GiB)")
# Memory a worker may write beyond what it holds when it starts (RLIMIT_DATA is capped there),
# and the most characters a page or bytes a PDF's compressed streams may expand to: what a
# decompression bomb or a page of millions of invisible characters runs into, before the text is built.
MAX_MEMORY_BYTES = _positive("REPORTKIT_MAX_MEMORY", 2 * 2**30, _size,
                             "a size in bytes (such as 2GiB)")
MAX_CHARS_PER_PAGE = _positive("REPORTKIT_MAX_CHARS_PER_PAGE", 200_000, int,
                               "a whole number of characters (such as 200000)")
MAX_DECOMPRESSED_BYTES = _positive("REPORTKIT_MAX_DECOMPRESSED", 256 * 2**20, _size,
                                   "a size in bytes (such as 256MiB)")

# The statutory response window (Policing and Crime Act 2017, s.37) and the date it applies from.
PCC_RESPONSE_DAYS = 56
PCC_RESPONSE_RULE_FROM = "2017-01-31"
ACTION_PLAN_DAYS = 42  # forces send an action plan within six weeks of publication

DEFAULT_JOBS = max(1, min(2, os.cpu_count() or 1))

# `reportkit fetch`: where the catalogue's publication pages live and how politely to ask.
# Tests point the base URL at a server on 127.0.0.1; paths in catalogue.csv are relative to it.
FETCH_BASE_URL = os.environ.get("REPORTKIT_FETCH_BASE_URL",
                                "https://www.justiceinspectorates.gov.uk/hmicfrs/")
PROJECT_URL = os.environ.get("REPORTKIT_PROJECT_URL", "")  # a contact address for the User-Agent
FETCH_DELAY = _positive("REPORTKIT_FETCH_DELAY", 2.0, float, "a number of seconds (such as 2)")
FETCH_TIMEOUT = _positive("REPORTKIT_FETCH_TIMEOUT", 30.0, float, "a number of seconds (such as 30)")
FETCH_RETRIES = _positive("REPORTKIT_FETCH_RETRIES", 3, int, "a whole number (such as 3)")
FETCH_BACKOFF = _positive("REPORTKIT_FETCH_BACKOFF", 2.0, float, "a number of seconds (such as 2)")
FETCH_MAX_BYTES = _positive("REPORTKIT_FETCH_MAX_BYTES", 100 * 2**20, _size,
                            "a size in bytes (such as 100MB)")
CATALOGUE_FILE = PACKAGE_DATA / "catalogue.csv"

# OCR for PDFs without a text layer (scanned letters): off unless asked for, as it is slow and
# needs Tesseract. Read at call time, so `extract --ocr` reaches worker processes through the env.
OCR = os.environ.get("REPORTKIT_OCR", "").strip().lower() in ("1", "true", "yes", "on")
OCR_LANGUAGE = os.environ.get("REPORTKIT_OCR_LANGUAGE", "eng")
OCR_DPI = int(os.environ.get("REPORTKIT_OCR_DPI", "300"))
