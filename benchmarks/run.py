"""reportkit's benchmark: one run, one machine, whole commands, medians.

    python benchmarks/run.py              # full run (about 15-20 minutes on 2 cores)
    python benchmarks/run.py --runs 5     # the median of five runs of each command (default 3)
    python benchmarks/run.py --quick      # one run each, a smaller corpus, no `make demo`: a smoke test

Every timing is the wall clock of a whole command (`reportkit`, `papermill`, `make demo` run as
subprocesses from .venv/bin), the median of --runs runs. It builds its own corpus (the demo corpus
copied until it has 300 documents, each copy made distinct by a trailing comment), then measures:
raw text with pdfplumber and pypdfium2 (in process, pages/s); `reportkit extract` cold (--jobs 1
and 2), warm, and after one changed file; one long PDF (peak memory of the process tree and the
time against raw pypdfium2 text of the same file); a bare papermill run of an empty notebook;
`reportkit briefings` for one force, for the demo batch (--jobs 1 and 2) and for 43 forces; and
`make demo` on a fresh clone of HEAD. Writes benchmarks/results.json, with the targets of the
performance issue (16) and whether each is met, and prints a table.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
BIN = ROOT / ".venv" / "bin"
WORK = Path("/tmp/bench-work")  # scratch: never data/ or reports/, which others read
sys.path.insert(0, str(ROOT / "tests"))  # pdfmaker: the same PDF builder the tests use

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from reportkit.demo import build_corpus  # noqa: E402

ONE_FORCE = "west-yorkshire"
LONG_PARAGRAPH = ("HMIC examined the case files of children at risk and found that officers "
                  "recorded the views of the child in most but not all of them. ") * 6

# Raw pypdfium2 text of one file, as a command of its own (the same interpreter start as reportkit).
PDFIUM_SCRIPT = """
import sys, pypdfium2 as pdfium
pdf = pdfium.PdfDocument(sys.argv[1])
for i in range(len(pdf)):
    page = pdf[i]; tp = page.get_textpage(); tp.get_text_range(); tp.close(); page.close()
pdf.close()
"""

# Runs one command and prints its wall time and the peak RSS (KiB on Linux) of the largest process
# in its tree: RUSAGE_CHILDREN of this fresh parent covers only that command and the workers it
# forked, never the benchmark's own earlier children.
RSS_SCRIPT = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print(time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


# --- running commands -------------------------------------------------------------------------

def command(*args: str | Path, ok: tuple[int, ...] = (0,), cwd: Path | None = None,
            env: dict[str, str] | None = None, timeout: float | None = None) -> float:
    """Wall-clock seconds of one whole command; a failure stops the benchmark with its stderr."""
    argv = [str(a) for a in args]
    start = time.perf_counter()
    res = subprocess.run(argv, capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)
    seconds = time.perf_counter() - start
    if res.returncode not in ok:
        raise SystemExit(f"{' '.join(argv)} exited {res.returncode}:\n{res.stderr[-3000:]}")
    return seconds


def median_of(runs: int, one_run: Callable[[int], float]) -> float:
    """The median over `runs` calls; each call gets its run number (for fresh folders)."""
    return statistics.median(one_run(i) for i in range(runs))


def reportkit(*args: str | Path, ok: tuple[int, ...] = (0, 1)) -> float:
    # exit 1 is "some documents could not be read": the demo corpus has such documents on purpose
    return command(BIN / "reportkit", *args, ok=ok)


def extract(raw: Path, out: Path, cache: Path, jobs: int, *extra: str) -> float:
    return reportkit("extract", "--raw", raw, "--out", out, "--cache", cache,
                     "--jobs", str(jobs), "-q", *extra)


# --- corpora ----------------------------------------------------------------------------------

def scaled_corpus(work: Path, min_docs: int) -> tuple[Path, list[Path], int]:
    """The demo corpus copied until it has min_docs documents."""
    base = work / "demo"
    build_corpus(base)
    raw = work / "raw"
    shutil.copytree(base, raw)
    (raw / "manifest.csv").unlink(missing_ok=True)  # its rows name only the demo paths
    (raw / "demo-gold.json").unlink(missing_ok=True)
    base_files = documents(raw)
    files = list(base_files)
    copy = 0
    while len(files) < min_docs:
        copy += 1
        for src in base_files[: min_docs - len(files)]:
            dst = src.with_name(f"{src.stem}-copy{copy}{src.suffix}")
            distinct_copy(src, dst, copy)
            files.append(dst)
    pages = sum(pdf_pages(p) for p in files if p.suffix == ".pdf")
    return raw, files, pages


def documents(raw: Path) -> list[Path]:
    return sorted(p for p in raw.rglob("*") if p.suffix in (".pdf", ".html", ".txt"))


def distinct_copy(src: Path, dst: Path, n: int) -> None:
    """A copy with a trailing comment (after %%EOF for a PDF): other bytes, so another document."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    dst.write_bytes(src.read_bytes() + trailer(src, n))


def trailer(path: Path, n: int) -> bytes:
    return (f"\n% benchmark copy {n}\n" if path.suffix == ".pdf"
            else f"\n<!-- benchmark copy {n} -->\n").encode()


def pdf_pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


def long_pdf(work: Path, pages: int) -> Path:
    """A corpus holding one PDF of `pages` pages of prose (a heading and two paragraphs a page)."""
    from pdfmaker import make_pdf

    folder = work / f"long-{pages}" / "raw" / ONE_FORCE
    folder.mkdir(parents=True)
    make_pdf(folder / "long.pdf", [[f"# Section {i}", LONG_PARAGRAPH, LONG_PARAGRAPH]
                                   for i in range(pages)])
    return folder / "long.pdf"


# --- raw readers, in process (pages per second) -----------------------------------------------

def raw_pdfplumber(pdfs: list[Path], max_pages: int) -> float:
    n, start = 0, time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                n += 1
                if n >= max_pages:
                    return n / (time.perf_counter() - start)
    return n / (time.perf_counter() - start)


def raw_pypdfium2(pdfs: list[Path]) -> float:
    n, start = 0, time.perf_counter()
    for path in pdfs:
        pdf = pdfium.PdfDocument(path)
        for i in range(len(pdf)):
            page = pdf[i]
            tp = page.get_textpage()
            tp.get_text_range()
            tp.close()
            page.close()
            n += 1
        pdf.close()
    return n / (time.perf_counter() - start)


# --- extraction -------------------------------------------------------------------------------

def extraction(r: dict, work: Path, raw: Path, pages: int, runs: int) -> None:
    """Cold runs (fresh output and cache folders each time), warm runs, one changed file."""
    for jobs in (1, 2):
        cold = median_of(runs, lambda i, j=jobs: extract(
            raw, work / f"out{j}-{i}", work / f"cache{j}-{i}", j))
        r[f"extract_cold_seconds_jobs{jobs}"] = cold
        r[f"extract_cold_pages_per_s_jobs{jobs}"] = pages / cold
    out, cache = work / f"out2-{runs - 1}", work / f"cache2-{runs - 1}"  # the last cold run's
    r["extract_warm_seconds"] = median_of(runs, lambda i: extract(raw, out, cache, 2))
    r["extract_warm_speedup"] = r["extract_cold_seconds_jobs2"] / r["extract_warm_seconds"]
    changed = next(p for p in documents(raw) if p.suffix == ".pdf")
    original = changed.read_bytes()

    def one_changed(i: int) -> float:
        changed.write_bytes(original + trailer(changed, 1000 + i))  # new bytes every run
        return extract(raw, out, cache, 2)

    try:
        r["extract_one_changed_seconds"] = median_of(runs, one_changed)
    finally:
        changed.write_bytes(original)
    r["extract_one_changed_document"] = changed.name


def long_pdfs(r: dict, work: Path, page_counts: tuple[int, ...], runs: int) -> None:
    """Per long PDF: reportkit extract (cold, --no-cache, a fresh output folder each run) against
    raw pypdfium2 text of the same file, both whole commands; and the peak RSS of the extraction."""
    for pages in page_counts:
        pdf = long_pdf(work, pages)
        raw = pdf.parent.parent
        seconds, peaks = [], []
        for i in range(runs):
            out, cache = raw.parent / f"out-{i}", raw.parent / f"cache-{i}"
            t, kib = peak_rss(BIN / "reportkit", "extract", "--raw", raw, "--out", out,
                              "--cache", cache, "--no-cache", "--jobs", "1", "-q")
            seconds.append(t)
            peaks.append(kib / 1024)
        pdfium_s = median_of(runs, lambda i, p=pdf: command(
            BIN / "python", "-c", PDFIUM_SCRIPT, p))
        r[f"extract_seconds_{pages}_pages"] = statistics.median(seconds)
        r[f"pypdfium2_seconds_{pages}_pages"] = pdfium_s
        r[f"extract_vs_pypdfium2_{pages}_pages"] = statistics.median(seconds) / pdfium_s
        r[f"peak_rss_mb_{pages}_pages"] = max(peaks)  # the worst run: the target is a ceiling
    r["extract_long_pdf_pages"] = max(page_counts)
    r["extract_long_pdf_vs_pypdfium2"] = r[f"extract_vs_pypdfium2_{max(page_counts)}_pages"]


def peak_rss(*argv: str | Path) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one command, measured by a fresh parent process."""
    res = subprocess.run([str(BIN / "python"), "-c", RSS_SCRIPT, *map(str, argv)],
                         capture_output=True, text=True)
    if res.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, argv))} failed:\n{res.stderr[-3000:]}")
    seconds, kib = res.stdout.split()
    return float(seconds), int(kib)


# --- notebooks and briefings ------------------------------------------------------------------

def bare_papermill(work: Path, runs: int) -> float:
    """The `papermill` command on a notebook with one parameters cell, on the reportkit kernel."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})]
    path = work / "empty.ipynb"
    nbformat.write(nb, path)

    def once(i: int) -> float:
        return command(BIN / "papermill", "-k", "reportkit", "--no-progress-bar", path,
                       work / f"empty-out-{i}.ipynb")

    once(-1)  # warm-up, not counted: the first kernel start reads its imports from disk
    return median_of(runs, once)


def briefing_corpus(work: Path, all_forces: bool) -> tuple[Path, Path]:
    """The demo corpus extracted (so the briefings find it up to date), or (all_forces) a corpus in
    which the West Yorkshire documents are also filed under each of the other 42 forces."""
    tag = "all43" if all_forces else "demo"
    raw, processed = work / f"brief-raw-{tag}", work / f"brief-processed-{tag}"
    build_corpus(raw)
    if all_forces:
        from reportkit.forces import slugs

        for n, slug in enumerate(slugs()):
            if not (raw / slug).exists():
                for src in (raw / ONE_FORCE).iterdir():
                    distinct_copy(src, raw / slug / src.name, n)
        (raw / "manifest.csv").unlink()  # its rows name only the demo paths
    extract(raw, processed, work / f"brief-cache-{tag}", 2)
    return raw, processed


def briefings(raw: Path, processed: Path, out: Path, forces: str, jobs: int) -> float:
    return reportkit("briefings", "--forces", forces, "--jobs", str(jobs), "--out", out,
                     "--raw", raw, "--processed", processed, "-q", ok=(0,))


def forces_briefed(out: Path) -> int:
    return len(list((out / "briefings").glob("*.html"))) - 2  # less the index and the national


def briefing_runs(r: dict, work: Path, runs: int) -> None:
    raw, processed = briefing_corpus(work, all_forces=False)

    def batch(forces: str, jobs: int) -> Callable[[int], float]:
        tag = forces.replace(",", "+")
        return lambda i: briefings(raw, processed, work / f"reports-{tag}-{jobs}-{i}", forces, jobs)

    batch(ONE_FORCE, 1)(-1)  # warm-up, not counted, as for the bare papermill run
    one = median_of(runs, batch(ONE_FORCE, 1))
    t1, t2 = median_of(runs, batch("all", 1)), median_of(runs, batch("all", 2))
    k = forces_briefed(work / "reports-all-1-0")
    r.update(briefing_one_force_seconds=one, briefing_forces=k,
             briefings_seconds_jobs1=t1, briefings_seconds_jobs2=t2)
    r["briefing_one_force_vs_bare_papermill"] = one / r["bare_papermill_seconds"]
    r["briefing_extra_force_seconds"] = (t1 - one) / (k - 1)
    r["briefing_parallel_efficiency"] = t1 / (2 * t2)
    r["briefing_seconds_per_force_jobs1"] = t1 / k
    r["briefing_vs_bare_papermill"] = (t1 / k) / r["bare_papermill_seconds"]


def briefing_runs_43(r: dict, work: Path) -> None:
    """How the fixed start-up cost amortises over a national batch: one run each (about 2.5 min)."""
    raw, processed = briefing_corpus(work, all_forces=True)
    t1 = briefings(raw, processed, work / "reports-43-1", "all", 1)
    t2 = briefings(raw, processed, work / "reports-43-2", "all", 2)
    k = forces_briefed(work / "reports-43-1")
    r.update(briefing_forces_43=k, briefings_seconds_jobs1_43=t1, briefings_seconds_jobs2_43=t2)
    r["briefing_vs_bare_papermill_43"] = (t1 / k) / r["bare_papermill_seconds"]
    r["briefing_parallel_efficiency_43"] = t1 / (2 * t2)


# --- a new user's first result ----------------------------------------------------------------

def make_demo_fresh(r: dict, work: Path, runs: int) -> float:
    """`make demo` in a fresh `git clone` of HEAD (committed work only), the clone not counted.
    The environment is the user's, less this make's and this venv's variables. The commit of each
    clone goes into r: HEAD can move while the benchmark runs."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("MAKE", "MFLAGS", "VIRTUAL_ENV", "REPORTKIT_"))}
    commits = r.setdefault("make_demo_fresh_commits", [])

    def once(i: int) -> float:
        clone = work / f"clone-{i}"
        command("git", "clone", "--quiet", ROOT, clone)
        commits.append(git_head(clone))
        return command("make", "demo", cwd=clone, env=env, timeout=900)

    return median_of(runs, once)


# --- targets ----------------------------------------------------------------------------------

# (key, comparison, limit, in words) from issue 16's Deliver list.
TARGETS = [
    ("briefing_one_force_vs_bare_papermill", "<=", 1.5, "one-force briefing within 1.5x bare papermill"),
    ("briefing_extra_force_seconds", "<", 0.4, "each further force under 0.4 s"),
    ("briefing_parallel_efficiency", ">=", 0.85, "--jobs 2 efficiency on the demo batch >= 85%"),
    ("make_demo_fresh_seconds", "<", 30, "make demo on a fresh clone under 30 s"),
    ("peak_rss_mb_4000_pages", "<", 250, "a 4,000-page PDF under 250 MB peak"),
    ("extract_long_pdf_vs_pypdfium2", "<=", 2.5, "one long PDF within 2.5x raw pypdfium2"),
    ("extract_one_changed_seconds", "<", 0.3, "one changed file of 300 re-extracted under 0.3 s"),
]
COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": lambda v, t: v < t, "<=": lambda v, t: v <= t, ">=": lambda v, t: v >= t}


def targets(r: dict) -> dict:
    """Each target with its value and whether it is met (None: not measured in this run)."""
    return {key: {"target": f"{op} {limit}", "words": words, "value": r.get(key),
                  "met": COMPARE[op](r[key], limit) if key in r else None}
            for key, op, limit, words in TARGETS}


def print_table(r: dict) -> None:
    print(f"\n{'target (issue 16)':52} {'value':>10} {'target':>8}  met")
    for key, t in r["targets"].items():
        value = "-" if t["value"] is None else f"{t['value']:10.3f}"
        met = {True: "yes", False: "NO", None: "not measured"}[t["met"]]
        print(f"{t['words']:52} {value:>10} {t['target']:>8}  {met}  ({key})")
    print(f"\nload average before {r['load_average_before']}, after {r['load_average_after']}")


# --- the run ----------------------------------------------------------------------------------

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=3, help="runs per command, the median kept (default: 3)")
    ap.add_argument("--quick", action="store_true",
                    help="one run each, 30 documents, a 300-page long PDF, no make demo: a smoke test")
    ap.add_argument("--out", default=str(HERE / "results.json"), help="results file (default: %(default)s)")
    ap.add_argument("--skip-briefings", action="store_true", help="leave out the notebook measurements")
    args = ap.parse_args(argv)
    runs = 1 if args.quick else args.runs
    if runs < 1:
        ap.error("--runs must be 1 or more")
    r = measure(args.quick, runs, args.skip_briefings, Path(args.out))
    print_table(r)
    return 0


def save(r: dict, out: Path, final: bool = False) -> None:
    """Written after every stage, so an interrupted run still leaves what it measured."""
    r["complete"] = final
    r["load_average_after"] = load_average()
    r["targets"] = targets(r)
    out.write_text(json.dumps(r, indent=2) + "\n")


def measure(quick: bool, runs: int, skip_briefings: bool, out: Path) -> dict:
    r: dict = {"quick": quick, "runs": runs, "statistic": "median of runs, wall clock",
               "machine": f"{platform.machine()}, {os.cpu_count()} cores",
               "python": platform.python_version(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
               "commit": git_head(), "load_average_before": load_average()}
    WORK.mkdir(parents=True, exist_ok=True)
    work = WORK / f"run-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        raw, files, pages = scaled_corpus(work, 30 if quick else 300)
        pdfs = [p for p in files if p.suffix == ".pdf"]
        r.update(documents=len(files), pdf_pages=pages)
        step("corpus", f"{len(files)} documents, {pages} PDF pages")
        r["pdfplumber_pages_per_s"] = raw_pdfplumber(pdfs, 60 if quick else 200)
        r["pypdfium2_pages_per_s"] = raw_pypdfium2(pdfs)
        extraction(r, work, raw, pages, runs)
        r["extract_vs_pdfplumber_jobs1"] = r["extract_cold_pages_per_s_jobs1"] / r["pdfplumber_pages_per_s"]
        r["extract_vs_pdfplumber_jobs2"] = r["extract_cold_pages_per_s_jobs2"] / r["pdfplumber_pages_per_s"]
        step("extraction", f"one changed {r['extract_one_changed_seconds']:.2f} s", r, out)
        long_pdfs(r, work, (300,) if quick else (2000, 4000), runs)
        step("long PDFs", f"ratio {r['extract_long_pdf_vs_pypdfium2']:.2f}", r, out)
        if not skip_briefings:
            r["bare_papermill_seconds"] = bare_papermill(work, runs)
            briefing_runs(r, work, runs)
            step("briefings", f"one force {r['briefing_one_force_seconds']:.2f} s", r, out)
        if quick:
            r["make_demo_fresh_note"] = "skipped under --quick"
        else:
            try:
                r["make_demo_fresh_seconds"] = make_demo_fresh(r, work, runs)
            except (SystemExit, subprocess.TimeoutExpired) as exc:  # say so, and measure the rest
                r["make_demo_fresh_error"] = str(exc)[-1500:]
            r["make_demo_fresh_note"] = ("make demo only (the git clone not counted), on a clone of "
                                         "HEAD, with the machine's pip and uv download caches as they were")
            step("make demo", f"{r.get('make_demo_fresh_seconds', 'failed')}", r, out)
            if not skip_briefings:  # last: the longest and the least asked for
                briefing_runs_43(r, work)
                step("43 forces", f"{r['briefings_seconds_jobs1_43']:.1f} s", r, out)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    save(r, out, final=True)
    return r


def step(name: str, detail: str, r: dict | None = None, out: Path | None = None) -> None:
    print(f"{time.strftime('%H:%M:%S')} {name}: {detail}", file=sys.stderr, flush=True)
    if r is not None and out is not None:
        save(r, out)


def load_average() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def git_head(repo: Path = ROOT) -> str:
    res = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True)
    return res.stdout.strip()


if __name__ == "__main__":
    sys.exit(main())
