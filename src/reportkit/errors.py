"""One family of errors: ``except ReportkitError`` catches everything reportkit raises on purpose."""
from __future__ import annotations


class ReportkitError(Exception):
    """Base of every error reportkit raises deliberately (bad input, bad usage, bad tables)."""


class UsageError(ReportkitError, ValueError):
    """A command or function called with arguments that cannot work (the message says which)."""


class UnknownForce(UsageError):
    """A force name that is not one of the 43 forces of England and Wales (or 'national')."""


class SchemaError(ReportkitError, ValueError):
    """A table that does not match its written schema (see docs/data-dictionary.md)."""


class ReadError(ReportkitError):
    """A document that cannot be read; the message is the plain reason the extraction log shows."""


class MissingExtra(ReportkitError, ImportError):
    """A feature whose packages are an optional extra that is not installed (the message says
    which: ``pip install 'reportkit[demo]'``)."""


def require(module: str, extra: str, feature: str) -> None:
    """Raise MissingExtra unless ``module`` can be imported."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise MissingExtra(f"{feature} needs {module}, which is not installed: "
                           f"pip install 'reportkit[{extra}]' (or `make setup`)")
