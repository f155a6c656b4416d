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

# Reading limits: a document past these is logged as an error, not read. The largest real
# report (Metropolitan 2016) has 113 pages; the environment variables raise or lower the limits.
MAX_PAGES = int(os.environ.get("REPORTKIT_MAX_PAGES", "5000"))
MAX_SECONDS_PER_DOCUMENT = int(os.environ.get("REPORTKIT_MAX_SECONDS", "300"))
MAX_FILE_BYTES = int(os.environ.get("REPORTKIT_MAX_BYTES", str(500 * 1024 * 1024)))

# The statutory response window (Policing and Crime Act 2017, s.37) and the date it applies from.
PCC_RESPONSE_DAYS = 56
PCC_RESPONSE_RULE_FROM = "2017-01-31"
ACTION_PLAN_DAYS = 42  # forces send an action plan within six weeks of publication

DEFAULT_JOBS = max(1, min(2, os.cpu_count() or 1))
