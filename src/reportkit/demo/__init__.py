"""The demo corpus: realistic inspection reports, letters and press pages in reportkit's own words.

``build_corpus(out)`` writes every document under ``out/<force>/``, a ``manifest.csv`` of exact
publication days and ``demo-gold.json``, the answers that extraction is measured against.
"""
from .build import build_corpus

__all__ = ["build_corpus"]
