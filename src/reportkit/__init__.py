"""reportkit: police child-protection inspection reports into tidy, cited tables and briefings.

    import reportkit
    t = reportkit.load()            # the tables written by `reportkit extract`
    t.case_grades.head()            # or t["case_grades"]

The stages are packages, each importing only the ones before it: ``read`` (files to Documents),
``extract`` (Documents to rows), ``tables`` (schema, validation, storage), ``analysis`` (DataFrames
in, DataFrames out), ``charts`` and ``report`` (notebook helpers, batch, HTML). ``pipeline`` runs
read and extract over a corpus. Importing reportkit changes nothing global.
"""
from __future__ import annotations

from reportkit.errors import ReportkitError

__version__ = "0.1.0"

__all__ = ["ReportkitError", "__version__", "extract_corpus", "load", "read_document"]


def load(processed_dir=None):
    """The tables in ``processed_dir`` (default: data/processed/) as a ``Tables`` mapping."""
    from reportkit import config
    from reportkit.tables.store import load_tables

    return load_tables(processed_dir if processed_dir is not None else config.PROCESSED_DIR)


def __getattr__(name):  # keep `import reportkit` light: heavy modules load on first use
    if name == "extract_corpus":
        from reportkit.pipeline import extract_corpus

        return extract_corpus
    if name == "read_document":
        from reportkit.read import read_document

        return read_document
    raise AttributeError(name)
