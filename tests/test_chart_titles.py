"""Every chart title's claim, for every demo force, checked against what the chart draws.

The checks do not reuse the title code: they read the title's figures with the patterns below and
look for them in the drawn artists (bar segments and their labels, dots in rating columns, markers
on a date axis). A title saying "no graded cases" above bars of graded cases, or "no recommendation
made little progress" when none was followed up, fails here.
"""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from reportkit.charts import plots, style  # noqa: E402
from reportkit.forces import display_name  # noqa: E402

DEMO_FORCES = ("west-yorkshire", "greater-manchester", "south-yorkshire", "metropolitan",
               "lancashire", "west-midlands", "norfolk", "kent")
COLOUR_GRADE = {c.lower(): g for g, c in style.GRADE_COLOURS.items()}
# A combined grade is the sum of its parts when a bar draws the parts.
PARTS = {"requires improvement or inadequate": ("requires improvement", "inadequate"),
         "good (counting adequate as good)": ("good", "adequate")}

# ---- what the titles say (patterns with an example each) ----------------------------------------
COUNTED = re.compile(r"""(?P<k>\d+)\ of\ (?P<n>\d+)\ cases\ \((?P<p>\d+)%\)\ graded\ (?P<g>[a-z ]+?)
                         \ \((?P<when>[A-Z][a-z]{2}\ \d{4}\ [a-z' ]+)\)""", re.X)
# "8 of 30 cases (27%) graded good (Dec 2014 inspection)"
SHARED = re.compile(r"""(?<![\d(])(?P<p>\d+)%\ of\ (?P<n>\d+)\ cases\ graded\ (?P<g>[a-z ]+?)
                        \ \((?P<when>[A-Z][a-z]{2}\ \d{4}\ [a-z' ]+)\)""", re.X)
# "42% of 115 cases graded inadequate (Oct 2014 inspection)": a share, the count derived
MOVED = re.compile(r"""the\ share\ of\ (?P<g>[a-z ]+?)\ cases\ (?P<verb>rose|fell)\ from
                       \ (?P<b>\d+)%\ to\ (?P<f>\d+)%""", re.X)
# "the share of requires improvement or inadequate cases rose from 74% to 93%"
STILL = re.compile(r"""(?P<f>\d+)%\ of\ cases\ (?P<g>[a-z ]+?)\ at\ follow-up\ against
                       \ (?P<b>\d+)%\ at\ baseline""", re.X)
# "32% of cases good at follow-up against 27% at baseline"
ADEQUATE_AS_GOOD = "counting adequate as good, "

NONE_FOLLOWED = re.compile(r"none of the (?P<n>\d+) recommendations was followed up")
STOOD_OUT = re.compile(r"""(?P<k>\d+)\ of\ (?:the\ )?(?P<m>\d+)\ recommendations(?:\ followed\ up)?
                           \ made\ little\ or\ no\ progress""", re.X)
# "1 of the 3 recommendations followed up made little or no progress"
NONE_STOOD_OUT = re.compile(r"""none\ of\ the\ (?P<m>\d+)\ recommendations(?:\ followed\ up)?\ was
                                \ rated\ as\ making\ little\ or\ no\ progress""", re.X)
WAITING = re.compile(r"(?P<w>\d+) (?:was|were) not followed up")

CAME = re.compile(r"""the\ (?P<year>\d{4})\ (?P<kind>[a-z' ]+?)\ came\ (?P<lo>\d+)(?:-(?P<hi>\d+))?
                      \ days\ after\ fieldwork""", re.X)
# "the 2016 review came 193 days after fieldwork"
REPLIED = re.compile(r"replied (?P<lo>\d+)(?:-(?P<hi>\d+))? days later")
HIGHEST = re.compile(r"highest inadequate share was (?P<p>\d+)% \((?P<force>[^,]+), n=(?P<n>\d+)\)")


def _title(fig) -> str:
    return " ".join(fig.texts[0].get_text().split())


# ---- what the charts draw -----------------------------------------------------------------------

def _bars(ax) -> list[dict]:
    """Each bar, top first: its label, its n and its segments (grade words, share, label)."""
    labels = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
    bars: dict[int, dict] = {}
    for p in ax.patches:
        if not isinstance(p, Rectangle):
            continue
        y = round(p.get_y() + p.get_height() / 2)
        grade = style.grade_label(COLOUR_GRADE[to_hex(p.get_facecolor())]).lower()
        bar = bars.setdefault(y, {"label": " ".join(labels.get(y, "").split()), "segments": []})
        inside = [t.get_text() for t in ax.texts
                  if abs(t.get_position()[1] - y) < 0.01
                  and p.get_x() < t.get_position()[0] < p.get_x() + p.get_width()]
        bar["segments"].append((grade, p.get_width(), inside[0] if inside else None))
    for bar in bars.values():
        n = re.search(r"\(n=(\d+)\)", bar["label"])
        bar["n"] = int(n.group(1)) if n else None
    return [bars[y] for y in sorted(bars)]


def _share(bar: dict, grade: str) -> float | None:
    parts = PARTS.get(grade, (grade,))
    got = [w for g, w, _ in bar["segments"] if g == grade]
    if got:
        return got[0]
    found = [w for g, w, _ in bar["segments"] if g in parts]
    return sum(found) if found else None


def _pct(share) -> int | None:
    return None if share is None else int(round(100 * share + 1e-9))


def check_grades(fig) -> None:
    title, ax = _title(fig), fig.axes[0]
    bars = _bars(ax)
    if "no graded cases" in title:
        assert not bars, f"{title!r} above {len(bars)} bars"
        return
    assert bars, f"{title!r} above no bars"
    claims = 0
    for m in COUNTED.finditer(title):
        hits = [b for b in bars if b["n"] == int(m["n"]) and b["label"].startswith(m["when"])
                and any(g == m["g"] and lab == m["k"] and _pct(w) == int(m["p"])
                        for g, w, lab in b["segments"])]
        assert hits, f"no bar of {m['n']} cases shows {m['k']} {m['g']} ({m['p']}%): {title!r}"
        claims += 1
    for m in SHARED.finditer(title):
        hits = [b for b in bars if b["n"] == int(m["n"]) and b["label"].startswith(m["when"])
                and any(g == m["g"] and lab == f"{m['p']}%" and _pct(w) == int(m["p"])
                        for g, w, lab in b["segments"])]
        assert hits, f"no bar of {m['n']} cases shows {m['p']}% {m['g']}: {title!r}"
        claims += 1
    for text, pattern, grade_of in ((title.split(ADEQUATE_AS_GOOD)[0], MOVED, None),
                                    (title.split(ADEQUATE_AS_GOOD)[0], STILL, None),
                                    (title.partition(ADEQUATE_AS_GOOD)[2], MOVED,
                                     "good (counting adequate as good)")):
        for m in pattern.finditer(text):
            grade = grade_of or m["g"]
            shares = [_pct(_share(b, grade)) for b in bars]
            before = [i for i, s in enumerate(shares) if s == int(m["b"])]
            after = [i for i, s in enumerate(shares) if s == int(m["f"])]
            assert before and after and min(before) < max(after), \
                f"no earlier bar at {m['b']}% and later one at {m['f']}% {grade}: {title!r}"
            if "verb" in m.groupdict():
                assert (m["verb"] == "rose") == (int(m["f"]) > int(m["b"])), title
            claims += 1
    if "the rest have no stated grade" in title:
        assert any(g == "not stated" for b in bars for g, _, _ in b["segments"]), title
    assert claims, f"the test reads no claim in {title!r}"


def _dots(ax) -> list[tuple[str, float]]:
    """(rating column, y) of every recommendation's dot."""
    columns = {round(t.get_position()[0]): " ".join(t.get_text().split())
               for t in ax.get_xticklabels()}
    return [(columns[round(x)], y) for c in ax.collections for x, y in c.get_offsets()]


def check_progress(fig) -> None:
    title, ax = _title(fig), fig.axes[0]
    if "no recommendations to track" in title:
        assert not ax.collections, title
        return
    dots = _dots(ax)
    waiting_word = style.RATING_LABELS["not_followed_up"]
    stand_out = {style.RATING_LABELS[r] for r in ("limited_progress", "no_progress")}
    waiting = sum(col == waiting_word for col, _ in dots)
    rated = len(dots) - waiting
    bad = sum(col in stand_out for col, _ in dots)
    if m := NONE_FOLLOWED.search(title):
        assert int(m["n"]) == len(dots) and rated == 0, f"{title!r}: {rated} dots are rated"
        return
    m = STOOD_OUT.search(title)
    if m:
        assert (int(m["k"]), int(m["m"])) == (bad, rated), f"{title!r}: {bad} of {rated} drawn"
    else:
        m = NONE_STOOD_OUT.search(title)
        assert m, f"the test reads no claim in {title!r}"
        assert bad == 0 and int(m["m"]) == rated, f"{title!r}: {bad} of {rated} drawn"
    w = WAITING.search(title)
    assert (int(w["w"]) if w else 0) == waiting, f"{title!r}: {waiting} drawn not followed up"


def _markers(ax, colour: str) -> list[tuple[float, float]]:
    return [(x, y) for c in ax.collections for (x, y), face in
            zip(c.get_offsets(), list(c.get_facecolors()) * len(c.get_offsets()))
            if to_hex(face) == colour.lower()]


def check_timeline(fig) -> None:
    title, ax = _title(fig), fig.axes[0]
    m = CAME.search(title)
    if not m:
        assert "publication dates of" in title or "no dates" in title, title
        return
    lanes = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
    lane = [y for y, text in lanes.items() if text.endswith(f"{m['year']} {m['kind']}")]
    assert lane, f"no lane for the {m['year']} {m['kind']}: {sorted(lanes.values())}"
    y = lane[0]
    pub = [x for x, yy in _markers(ax, style.EVENT_COLOURS["published"]) if round(yy) == y]
    fieldwork = [p.get_x() + p.get_width() for p in ax.patches if isinstance(p, Rectangle)
                 and round(p.get_y() + p.get_height() / 2) == y
                 and to_hex(p.get_facecolor()) == style.EVENT_COLOURS["fieldwork"].lower()]
    assert pub and fieldwork, f"the {m['year']} lane draws no publication or fieldwork"
    drawn = pub[0] - max(fieldwork)  # the drawn span ends a day after a one-day fieldwork
    assert int(m["lo"]) - 1 <= drawn <= int(m["lo"]) + 1, f"{title!r}: {drawn:.0f} days drawn"
    if r := REPLIED.search(title):
        lo, hi = int(r["lo"]), int(r["hi"] or r["lo"])
        replies = [x - pub[0] for x, _ in _markers(ax, style.EVENT_COLOURS["response_published"])]
        assert any(lo - 1 <= d <= hi + 1 for d in replies), f"{title!r}: replies at {replies}"


def test_every_demo_force_is_checked(demo_tables):
    docs = demo_tables["documents"]
    assert set(docs["force"].dropna().astype(str)) - {"national"} == set(DEMO_FORCES)


@pytest.mark.parametrize("force", DEMO_FORCES)
def test_each_title_says_what_its_chart_draws(demo_tables, force):
    for chart, check in ((plots.grade_distribution, check_grades),
                         (plots.recommendation_progress, check_progress),
                         (plots.force_timeline, check_timeline)):
        fig = chart(demo_tables, force)
        try:
            assert _title(fig).startswith(display_name(force))
            check(fig)
        finally:
            plt.close(fig)


def test_the_national_title_says_what_its_chart_draws(demo_tables):
    fig = plots.national_view(demo_tables)
    try:
        m = HIGHEST.search(_title(fig))
        assert m, _title(fig)
        ax = fig.axes[0]
        names = {round(t.get_position()[1]): t.get_text() for t in ax.get_yticklabels()}
        points = [(x, y) for c in ax.containers for x, y in zip(*c.lines[0].get_data())]
        x, y = max(points)
        assert _pct(x) == int(m["p"]) and names[round(y)] == m["force"]
    finally:
        plt.close(fig)


def test_the_checks_catch_a_title_that_contradicts_its_bars(demo_tables):
    """The old title of Lancashire's chart ("no graded cases" above graded bars) fails the check."""
    fig = plots.grade_distribution(demo_tables, "lancashire")
    try:
        fig.texts[0].set_text("Lancashire Constabulary: no graded cases in the corpus")
        with pytest.raises(AssertionError, match="above 2 bars|above 1 bars"):
            check_grades(fig)
    finally:
        plt.close(fig)


def test_the_checks_catch_a_title_that_counts_what_was_never_followed_up(demo_tables):
    """The old title of Norfolk's chart claimed ratings for recommendations nobody followed up."""
    fig = plots.recommendation_progress(demo_tables, "norfolk")
    try:
        check_progress(fig)  # the title as drawn passes
        fig.texts[0].set_text("Norfolk Constabulary: none of the 5 recommendations was rated as "
                              "making little or no progress")
        with pytest.raises(AssertionError, match="0 of 0 drawn|5 drawn not followed up"):
            check_progress(fig)
    finally:
        plt.close(fig)
