"""Analysis results remembered per loaded tables object, so that the cells of one briefing that
ask for the same comparison, notes or progress table compute it once.

Keyed on identity: a result belongs to one ``Tables`` object (what ``reportkit.load`` returns) and
to the very DataFrames it held when the result was computed. Tables are read-only after load;
replacing a table in the mapping (``t["x"] = new``) drops that object's results. A plain ``dict``
cannot be weakly referenced, so it is never memoised: its results are always computed afresh.
Each call gets its own copy of the frames, so a caller that edits a result edits only its copy.
"""
from __future__ import annotations

import dataclasses
import functools
import weakref
from collections.abc import Callable
from typing import Any, TypeVar

import pandas as pd

F = TypeVar("F", bound=Callable[..., Any])


@dataclasses.dataclass
class _Store:
    frames: dict[str, object]  # the tables' values, held so their ids cannot be reused meanwhile
    results: dict[tuple, Any]


# id(tables) -> its store; an entry leaves when its tables object is collected
_STORES: dict[int, _Store] = {}


def _store_for(tables) -> _Store | None:
    key = id(tables)
    store = _STORES.get(key)
    if store is None:
        try:
            weakref.finalize(tables, _STORES.pop, key, None)
        except TypeError:  # a plain dict: no identity to key on safely
            return None
    frames = dict(tables)
    if store is not None and (
            store.frames.keys() != frames.keys()
            or any(store.frames[name] is not value for name, value in frames.items())):
        store = None  # a table was replaced: what was computed from the old one is stale
    if store is None:
        store = _STORES[key] = _Store(frames, {})
    return store


def fresh(value):
    """A copy of a remembered result that its caller may edit: frames copied, the rest shared."""
    if isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy()
    if isinstance(value, tuple):
        return tuple(fresh(v) for v in value)
    if isinstance(value, list):
        return [fresh(v) for v in value]
    if isinstance(value, dict):
        return {k: fresh(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: fresh(getattr(value, f.name))
                                             for f in dataclasses.fields(value) if f.init})
    return value


def per_tables(fn: F) -> F:
    """Decorator: ``fn(tables, *args)`` computed once per tables object and arguments."""
    @functools.wraps(fn)
    def wrapper(tables, *args, **kwargs):
        store = _store_for(tables)
        key = (fn.__qualname__, args, tuple(sorted(kwargs.items())))
        try:
            hash(key)
        except TypeError:  # an unhashable argument (a dict of subsets): computed afresh
            store = None
        if store is None:
            return fn(tables, *args, **kwargs)
        if key not in store.results:
            store.results[key] = fn(tables, *args, **kwargs)
        return fresh(store.results[key])
    return wrapper  # type: ignore[return-value]


def forget() -> None:
    """Drop every remembered result (for a caller that edited tables in place)."""
    _STORES.clear()
