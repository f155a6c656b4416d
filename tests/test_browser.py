"""A real browser (headless Chromium) renders a briefing and the index: the pages are not blank."""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from test_briefings import demo_batch

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists()
                                        else None)
pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed "
                                 "(Debian package `chromium`; .ci/run installs it)")]


def screenshot(page: Path, png: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="rk-chromium-") as profile:
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync",
                        f"--user-data-dir={profile}", f"--screenshot={png}",
                        "--window-size=1280,2000", page.resolve().as_uri()],
                       capture_output=True, timeout=120, check=False)
    assert png.is_file(), f"chromium wrote no screenshot of {page.name}"
    return png


def ink(png: Path) -> tuple[float, int]:
    """(share of pixels that are not background white, number of distinct colours)."""
    pixels = np.asarray(Image.open(png).convert("RGB")).reshape(-1, 3)
    inked = (pixels < 235).any(axis=1).mean()
    return float(inked), len(np.unique(pixels[:: 7], axis=0))


@pytest.mark.parametrize("name", ["west-yorkshire", "index"])
def test_chromium_renders_a_page_that_is_not_blank(name, tmp_path_factory):
    out, _, _ = demo_batch(tmp_path_factory)
    shots = tmp_path_factory.mktemp("screenshots")
    png = screenshot(out / "briefings" / f"{name}.html", shots / f"{name}.png")
    inked, colours = ink(png)
    print(f"screenshot: {png} ({inked:.1%} inked, {colours} colours)")
    assert inked > 0.02, f"{name}.html renders (almost) blank"
    assert colours > 20, f"{name}.html renders as flat colour"
    top = np.asarray(Image.open(png).convert("L"))[:300]
    assert (top < 128).mean() > 0.002, f"{name}.html has no heading at the top"
