"""Batch briefings: run the force briefing notebook per force with papermill (not built yet)."""
from __future__ import annotations

import sys


def run_briefings(**kwargs) -> int:
    print("reportkit briefings: not built yet (issue 5); the tables are in data/processed/", file=sys.stderr)
    return 0
