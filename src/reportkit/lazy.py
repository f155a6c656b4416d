"""Public names of a package that load their module on first use (PEP 562).

The stage packages name their API in ``__init__`` but must stay cheap to import: the freshness
check needs ``read.discover`` without numpy and the readers, the batch needs ``report.batch``
without the views and the analysis behind them. Each package maps its names to the module that
defines them and takes its ``__getattr__`` and ``__dir__`` from here.
"""
from __future__ import annotations

import sys
from collections.abc import Callable
from importlib import import_module
from typing import Any


def exports(package: str, where: dict[str, str]) -> tuple[Callable[[str], Any],
                                                           Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for ``package``, whose public names live in its modules:
    ``where`` maps each name to the module (of ``package``) that defines it. Nothing is cached
    in the package: a name may be a module's too (``tables.validate``), and importing that
    module makes the package attribute the module, as Python's imports always do."""
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        return getattr(import_module(f"{package}.{where[name]}"), name)

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
