"""reportkit: police child-protection inspection reports into tidy, cited tables and briefings."""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "extract_corpus", "read_document", "load_tables"]


def __getattr__(name):  # keep `import reportkit` light: heavy modules load on first use
    if name == "extract_corpus":
        from .extract import extract_corpus

        return extract_corpus
    if name == "read_document":
        from .reader import read_document

        return read_document
    if name == "load_tables":
        from .tables import load_tables

        return load_tables
    raise AttributeError(name)
