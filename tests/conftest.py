"""Session fixtures: the demo corpus built once and extracted once, shared by every test that needs it."""
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="session")
def demo_raw(tmp_path_factory) -> Path:
    from reportkit.demo import build_corpus

    raw = tmp_path_factory.mktemp("demo") / "raw"
    build_corpus(raw)
    return raw


@pytest.fixture(scope="session")
def demo_processed(demo_raw, tmp_path_factory) -> Path:
    from reportkit.pipeline import extract_corpus

    out = tmp_path_factory.mktemp("processed")
    extract_corpus(demo_raw, out, jobs=2, cache=out.parent / "cache")
    return out


@pytest.fixture(scope="session")
def demo_tables(demo_processed):
    from reportkit.tables.store import load_tables

    return load_tables(demo_processed)


@pytest.fixture(scope="session")
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip(f"the real seed documents are not here ({SEEDS}): they live beside the repo in shared/")
    return SEEDS
