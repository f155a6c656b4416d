"""Scale-out on Dask distributed: the same per-item functions, run on a cluster's workers.

Use it when the corpus is large (thousands of PDFs) and several machines are at hand:
start `dask scheduler` on one, `dask worker tcp://HOST:8786` on each (with reportkit installed and
the raw folder at the same path), then `reportkit extract --scheduler tcp://HOST:8786`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator


def run_on_dask(address: str, fn: Callable, argtuples: Iterable[tuple]) -> Iterator:
    """Submit ``fn(*args)`` for each tuple to the scheduler at ``address``; yield results as they finish."""
    from reportkit.errors import require

    require("distributed", "dask", "--scheduler (a Dask cluster)")
    from distributed import Client, as_completed

    with Client(address, timeout="30s") as client:
        futures = [client.submit(fn, *args, pure=False) for args in argtuples]
        for fut in as_completed(futures):
            yield fut.result()
