"""reportkit's benchmark: one run, one machine, ratios rather than absolute claims.

    python benchmarks/run.py            # full run (about 5-10 minutes on 2 cores)
    python benchmarks/run.py --quick    # a smaller corpus, for a smoke test

It builds its own corpus (the demo corpus, scaled up by copies that differ by a trailing comment so
each is a distinct document), then measures raw text extraction with pdfplumber and pypdfium2,
`reportkit extract` cold (--jobs 1 and 2) and warm, peak memory on one long PDF, a bare papermill
run, and `reportkit briefings` (--jobs 1 and 2). Writes benchmarks/results.json and prints a table.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "tests"))  # pdfmaker: the same PDF builder the tests use

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from reportkit.demo import build_corpus  # noqa: E402


def timed(fn, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn(*args, **kwargs)
    return time.perf_counter() - start, result


def scaled_corpus(work: Path, min_docs: int, min_pages: int) -> tuple[Path, list[Path], int]:
    """The demo corpus copied until it has min_docs documents and min_pages PDF pages."""
    base = work / "demo"
    build_corpus(base)
    raw = work / "raw"
    shutil.copytree(base, raw)
    files = [p for p in raw.rglob("*") if p.suffix in (".pdf", ".html", ".txt")]
    base_files = list(files)
    pages = sum(_pages(p) for p in files if p.suffix == ".pdf")
    copy = 0
    while len(files) < min_docs or pages < min_pages:
        copy += 1
        for src in base_files:
            dst = src.with_name(f"{src.stem}-copy{copy}{src.suffix}")
            _distinct_copy(src, dst, copy)
            files.append(dst)
            pages += _pages(dst) if dst.suffix == ".pdf" else 0
    (raw / "manifest.csv").unlink(missing_ok=True)
    (raw / "demo-gold.json").unlink(missing_ok=True)
    return raw, files, pages


def _distinct_copy(src: Path, dst: Path, n: int) -> None:
    """A copy with a trailing comment (after %%EOF for a PDF): other bytes, so another document."""
    dst.parent.mkdir(parents=True, exist_ok=True)
    tail = f"\n% benchmark copy {n}\n" if src.suffix == ".pdf" else f"\n<!-- benchmark copy {n} -->\n"
    dst.write_bytes(src.read_bytes() + tail.encode())


def _pages(path: Path) -> int:
    pdf = pdfium.PdfDocument(path)
    try:
        return len(pdf)
    finally:
        pdf.close()


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


def reportkit(*args: str) -> float:
    start = time.perf_counter()
    res = subprocess.run([sys.executable, "-m", "reportkit", *args], capture_output=True, text=True)
    if res.returncode not in (0, 1):
        raise SystemExit(f"reportkit {' '.join(args)} failed:\n{res.stderr[-2000:]}")
    return time.perf_counter() - start


def extract_seconds(raw: Path, out: Path, cache: Path, jobs: int) -> float:
    return reportkit("extract", "--raw", str(raw), "--out", str(out), "--cache", str(cache),
                     "--jobs", str(jobs), "-q")


def long_pdf_peak_rss(work: Path, pages: int) -> float:
    """Peak resident memory (MB) of a child process extracting one long PDF."""
    from pdfmaker import make_pdf

    raw = work / "long" / "west-yorkshire"
    raw.mkdir(parents=True)
    para = ("HMIC examined the case files of children at risk and found that officers recorded "
            "the views of the child in most but not all of them. ") * 6
    make_pdf(raw / "long.pdf", [[f"# Section {i}", para, para] for i in range(pages)])
    code = ("import resource, sys\nfrom reportkit.pipeline import extract_corpus\n"
            f"extract_corpus({str(raw.parent)!r}, None, jobs=1, cache=None)\n"
            "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(out.stdout.strip().splitlines()[-1]) / 1024  # Linux reports KiB


def bare_papermill(work: Path) -> float:
    import nbformat
    import papermill

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]})]
    path = work / "empty.ipynb"
    nbformat.write(nb, path)
    papermill.execute_notebook(str(path), str(work / "empty-out.ipynb"), kernel_name="reportkit",
                               progress_bar=False)  # warm-up: first kernel start pays imports
    seconds, _ = timed(papermill.execute_notebook, str(path), str(work / "empty-out.ipynb"),
                       kernel_name="reportkit", progress_bar=False)
    return seconds


def briefings_seconds(work: Path, jobs: int, all_forces: bool = False) -> tuple[float, int]:
    """`reportkit briefings --forces all` on the demo corpus, or (all_forces) on a synthetic corpus
    in which the West Yorkshire documents are also filed under each of the other 42 forces."""
    tag = "all43" if all_forces else "demo"
    raw, processed = work / f"brief-raw-{tag}", work / f"brief-processed-{tag}"
    if not raw.exists():
        build_corpus(raw)
        if all_forces:
            from reportkit.forces import slugs

            for n, slug in enumerate(slugs()):
                if not (raw / slug).exists():
                    for src in (raw / "west-yorkshire").iterdir():
                        _distinct_copy(src, raw / slug / src.name, n)
            (raw / "manifest.csv").unlink()  # its rows name only the demo paths
        reportkit("extract", "--raw", str(raw), "--out", str(processed), "--no-cache", "-q")
    out = work / f"reports-{tag}-{jobs}"
    seconds = reportkit("briefings", "--forces", "all", "--jobs", str(jobs), "--out", str(out),
                        "--raw", str(raw), "--processed", str(processed), "-q")
    forces = len(list((out / "briefings").glob("*.html"))) - 2  # less index and national
    return seconds, max(forces, 1)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small corpus and fewer pages: a smoke test")
    ap.add_argument("--out", default=str(HERE / "results.json"), help="results file (default: %(default)s)")
    ap.add_argument("--skip-briefings", action="store_true", help="leave out the notebook measurements")
    args = ap.parse_args(argv)
    min_docs, min_pages, long_pages = (30, 300, 300) if args.quick else (100, 2000, 2000)

    r: dict[str, object] = {"quick": args.quick, "machine": f"{platform.machine()}, {os.cpu_count()} cores",
                            "python": platform.python_version(), "date": time.strftime("%Y-%m-%d")}
    with tempfile.TemporaryDirectory(prefix="reportkit-bench-") as tmp:
        work = Path(tmp)
        raw, files, pages = scaled_corpus(work, min_docs, min_pages)
        pdfs = [p for p in files if p.suffix == ".pdf"]
        r.update(documents=len(files), pdf_pages=pages)
        print(f"corpus: {len(files)} documents, {pages} PDF pages", file=sys.stderr)
        r["pdfplumber_pages_per_s"] = raw_pdfplumber(pdfs, 60 if args.quick else 200)
        r["pypdfium2_pages_per_s"] = raw_pypdfium2(pdfs)
        for jobs in (1, 2):
            cold = extract_seconds(raw, work / f"out{jobs}", work / f"cache{jobs}", jobs)
            r[f"extract_cold_seconds_jobs{jobs}"] = cold
            r[f"extract_cold_pages_per_s_jobs{jobs}"] = pages / cold
        # nothing changed: a short run, so the best of three (one cold run is long enough alone)
        warm = min(extract_seconds(raw, work / "out2", work / "cache2", 2) for _ in range(3))
        r["extract_warm_seconds"] = warm
        r["extract_warm_speedup"] = r["extract_cold_seconds_jobs2"] / warm
        r["peak_rss_mb_2000_pages" if not args.quick else "peak_rss_mb_long_pdf"] = long_pdf_peak_rss(work, long_pages)
        if not args.skip_briefings:
            r["bare_papermill_seconds"] = bare_papermill(work)
            t1, forces = briefings_seconds(work, 1)
            t2, _ = briefings_seconds(work, 2)
            r.update(briefing_forces=forces, briefings_seconds_jobs1=t1, briefings_seconds_jobs2=t2)
            r["briefing_seconds_per_force_jobs1"] = t1 / forces
            r["briefing_vs_bare_papermill"] = (t1 / forces) / r["bare_papermill_seconds"]
            r["briefing_parallel_efficiency"] = t1 / (2 * t2)
            if not args.quick:  # how the fixed start-up cost amortises over a national batch
                t1, forces = briefings_seconds(work, 1, all_forces=True)
                t2, _ = briefings_seconds(work, 2, all_forces=True)
                r.update(briefing_forces_43=forces, briefings_seconds_jobs1_43=t1,
                         briefings_seconds_jobs2_43=t2)
                r["briefing_vs_bare_papermill_43"] = (t1 / forces) / r["bare_papermill_seconds"]
                r["briefing_parallel_efficiency_43"] = t1 / (2 * t2)
    r["extract_vs_pdfplumber_jobs1"] = r["extract_cold_pages_per_s_jobs1"] / r["pdfplumber_pages_per_s"]
    r["extract_vs_pdfplumber_jobs2"] = r["extract_cold_pages_per_s_jobs2"] / r["pdfplumber_pages_per_s"]
    Path(args.out).write_text(json.dumps(r, indent=2) + "\n")
    print_table(r)
    return 0


TARGETS = [
    ("cold extract (jobs 2) vs raw pdfplumber", "extract_vs_pdfplumber_jobs2", ">=", 20),
    ("cold extract (jobs 1) vs raw pdfplumber", "extract_vs_pdfplumber_jobs1", ">=", None),
    ("warm re-run speed-up over cold", "extract_warm_speedup", ">=", 50),
    ("peak RSS on a 2,000-page PDF (MB)", "peak_rss_mb_2000_pages", "<=", 500),
    ("briefing per force vs bare papermill", "briefing_vs_bare_papermill", "<=", 1.5),
    ("briefings parallel efficiency (jobs 2)", "briefing_parallel_efficiency", ">=", 0.85),
    ("  the same, 43 forces: per force vs bare", "briefing_vs_bare_papermill_43", "<=", 1.5),
    ("  the same, 43 forces: parallel efficiency", "briefing_parallel_efficiency_43", ">=", 0.85),
]


def print_table(r: dict) -> None:
    print(f"\n{'measure':44} {'value':>10} {'target':>8}  met")
    for label, key, op, target in TARGETS:
        if key not in r:
            continue
        v = r[key]
        met = "" if target is None else ("yes" if (v >= target if op == ">=" else v <= target) else "NO")
        print(f"{label:44} {v:10.2f} {'' if target is None else op + str(target):>8}  {met}")
    print(f"\nraw pdfplumber {r['pdfplumber_pages_per_s']:.1f} pages/s, pypdfium2 "
          f"{r['pypdfium2_pages_per_s']:.0f} pages/s; corpus {r['documents']} documents, {r['pdf_pages']} pages")


if __name__ == "__main__":
    sys.exit(main())
