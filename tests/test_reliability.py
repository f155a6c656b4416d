"""Nothing lost, nothing stale, nothing wrong: files that change during a run, two runs on one
folder, full and read-only disks, an output inside the raw folder, formulas in CSV cells, one file
filed for two forces, and settings that are not what they look like.

Full disks and read-only folders are real filesystems (a tmpfs mounted for the test, so the test
needs root, and is skipped otherwise); the 2 GB memory limit is a real cgroup.
"""
from __future__ import annotations

import contextlib
import csv
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from tests import hostile as h
from tests.test_bombs import chars_bomb, pdf_bytes, zeros_bomb  # noqa: F401 (fixtures)
from tests.test_faults import check_control

from reportkit import pipeline
from reportkit.pipeline import extract_corpus
from reportkit.read.corpus import sha256_file
from reportkit.tables import lock
from reportkit.tables.state import is_stale, read_state
from reportkit.tables.store import load_table, load_tables, save_table

ROOT = Path(__file__).resolve().parents[1]
REVIEW = "west-yorkshire/control-review.pdf"


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reportkit", *args], capture_output=True, text=True,
                          timeout=600, cwd=ROOT, env={**os.environ, **(env or {})}, **kw)


def extract_cli(raw: Path, out: Path, *extra: str, env: dict | None = None, **kw):
    return cli("extract", "--raw", str(raw), "--out", str(out), "--cache", str(out.parent / "cache"),
               "--jobs", "1", "-q", *extra, env=env, **kw)


@pytest.fixture()
def raw(tmp_path) -> Path:
    folder = tmp_path / "raw"
    h.build_control(folder)
    return folder


def other_review(path: Path) -> None:
    """Rewrite the control review with other figures (12 good instead of 11)."""
    pages = [[line.replace("11 were good", "12 were good").replace("20 required", "19 required")
              for line in page] for page in h.REVIEW]
    tmp = path.with_name(".new.pdf")
    h.make_pdf(tmp, pages)
    os.replace(tmp, path)  # as a download or a sync client does: a new file in one step


def good_cases(tables, path: str = REVIEW) -> int:
    docs = tables["documents"].set_index("path")
    grades = tables["case_grades"]
    mine = grades[(grades["doc_id"] == docs.loc[path, "doc_id"]) & (grades["grade"] == "good")]
    return int(mine["cases"].iloc[0])


# --- files that change during a run ------------------------------------------------------------

def test_a_file_replaced_after_hashing_is_filed_under_the_bytes_read(raw, tmp_path, monkeypatch):
    real = pipeline.run_documents

    def replace_then_run(todo, *args, **kw):
        other_review(raw / REVIEW)  # after discovery hashed the old bytes, before any reading
        return real(todo, *args, **kw)

    monkeypatch.setattr(pipeline, "run_documents", replace_then_run)
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    doc = tables["documents"].set_index("path").loc[REVIEW]
    assert good_cases(tables) == 12, "the figures must be those of the bytes read"
    assert doc["sha256"] == sha256_file(raw / REVIEW), "the hash must be that of the bytes read"
    monkeypatch.setattr(pipeline, "run_documents", real)
    assert not is_stale(raw, tmp_path / "out")
    again = extract_corpus(raw, None, jobs=1, cache=tmp_path / "cache")
    assert good_cases(again) == 12, "the cache must not hold the new figures under the old hash"


def test_a_file_replaced_after_reading_is_read_again_next_run(raw, tmp_path, monkeypatch):
    real = pipeline.run_documents

    def run_then_replace(todo, *args, **kw):
        results = real(todo, *args, **kw)
        time.sleep(0.01)  # a later modification time, on any filesystem's clock
        other_review(raw / REVIEW)
        return results

    monkeypatch.setattr(pipeline, "run_documents", run_then_replace)
    first = extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    assert good_cases(first) == 11
    monkeypatch.setattr(pipeline, "run_documents", real)
    assert is_stale(raw, tmp_path / "out"), "the state must record the file as it was read"
    second = extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    assert good_cases(second) == 12


def test_no_cache_parses_again_even_when_the_tables_are_up_to_date(raw, tmp_path, monkeypatch):
    extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    marks = tmp_path / "parsed"
    real = pipeline.process_file

    def marking(abspath, sha):
        with open(marks, "a") as fh:
            fh.write(abspath + "\n")
        return real(abspath, sha)

    monkeypatch.setattr(pipeline, "process_file", marking)
    extract_corpus(raw, tmp_path / "out", jobs=1, cache=None)
    assert marks.exists() and len(marks.read_text().split("\n")) > 2


def test_the_manifest_a_new_unsupported_file_and_a_broken_link_make_tables_stale(raw, tmp_path):
    extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    (raw / "west-yorkshire" / "notes.docx").write_bytes(b"PK\x03\x04")
    assert is_stale(raw, tmp_path / "out"), "a new unsupported file is a new log row"
    extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    (raw / "west-yorkshire" / "gone.pdf").symlink_to(raw / "nowhere.pdf")
    assert is_stale(raw, tmp_path / "out"), "a broken symlink is a new log row"
    extract_corpus(raw, tmp_path / "out", jobs=1, cache=tmp_path / "cache")
    (raw / "manifest.csv").write_text("path,force,kind,published\nnowhere.pdf,west-yorkshire,review,"
                                      "2016-03-08\n")
    assert is_stale(raw, tmp_path / "out"), "a manifest row naming a missing file is a log row"


# --- one writer at a time ------------------------------------------------------------------------

def test_a_second_writer_is_refused_with_the_holders_pid(raw, tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from pathlib import Path; from reportkit.tables import lock\n"
        f"with lock.writing(Path({str(out)!r})):\n"
        "    print('held', flush=True); time.sleep(600)\n")], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        res = extract_cli(raw, out, "--no-cache")
        assert res.returncode == 1
        assert f"another reportkit run is using {out} (pid {holder.pid})" in res.stderr
        assert "Traceback" not in res.stderr
        assert not (out / "documents.csv").exists()
    finally:
        holder.kill()
        holder.wait()
    assert extract_cli(raw, out).returncode == 0, "a killed holder's lock is gone with it"


def test_a_briefing_run_reading_the_tables_keeps_an_extraction_out(raw, tmp_path):
    out = tmp_path / "out"
    extract_corpus(raw, out, jobs=1, cache=None)
    with lock.reading(out):
        with pytest.raises(lock.Busy, match="another reportkit run is using"):
            extract_corpus(raw, out, jobs=1, cache=None)
    with lock.writing(out):
        with pytest.raises(lock.Busy, match="reportkit extract is writing"):
            with lock.reading(out):
                pass


@pytest.mark.slow
def test_two_extractions_started_together_never_mix_their_tables(raw, tmp_path):
    """Two runs on one folder, each with other figures in its own raw folder: one writes, the other
    is refused (or runs after it); whichever set is there is one run's whole set."""
    raw_b = tmp_path / "raw-b"
    shutil.copytree(raw, raw_b)
    other_review(raw_b / REVIEW)
    out = tmp_path / "out"
    for _ in range(3):
        runs = [subprocess.Popen([sys.executable, "-m", "reportkit", "extract", "--raw", str(r),
                                  "--out", str(out), "--no-cache", "--jobs", "1", "-q"], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for r in (raw, raw_b)]
        outcomes = [(p.wait(300), p.stderr.read()) for p in runs]
        for code, err in outcomes:
            assert code in (0, 1) and "Traceback" not in err, err
            assert code == 0 or "another reportkit run is using" in err, err
        tables = load_tables(out)
        good = good_cases(tables)
        assert good in (11, 12)
        paths = set(tables["documents"]["path"])
        assert paths == {REVIEW, "greater-manchester/control-letter.txt"}
        docs = tables["documents"].set_index("path")
        expected = sha256_file((raw if good == 11 else raw_b) / REVIEW)
        assert docs.loc[REVIEW, "sha256"] == expected, "documents and case_grades from two runs"


# --- where the tables go -------------------------------------------------------------------------

def test_an_output_inside_the_raw_folder_is_refused(raw, tmp_path):
    before = h.snapshot(raw)
    res = extract_cli(raw, raw / "tables")
    assert res.returncode == 2 and "inside the raw folder" in res.stderr, res.stderr
    res = extract_cli(raw, raw.parent)
    assert res.returncode == 2 and "inside the output folder" in res.stderr, res.stderr
    assert h.snapshot(raw) == before


def test_an_output_that_is_a_file_is_refused_before_any_parsing(raw, tmp_path):
    target = tmp_path / "out.txt"
    target.write_text("not a folder")
    res = extract_cli(raw, target)
    assert res.returncode == 1 and "is a file, not a folder" in res.stderr, res.stderr
    assert target.read_text() == "not a folder"


@contextlib.contextmanager
def tmpfs(where: Path, size: str, *options: str):
    where.mkdir(parents=True, exist_ok=True)
    opts = ",".join((f"size={size}", *options))
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)],
                                           capture_output=True).returncode:
        pytest.skip("needs root to mount a small tmpfs (a real full or read-only disk)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.mark.slow
def test_a_read_only_output_is_refused_before_any_parsing(raw, tmp_path):
    with tmpfs(tmp_path / "ro", "1m", "ro") as out:
        began = time.monotonic()
        res = extract_cli(raw, out, "--no-cache")
        assert res.returncode == 1 and "not writable" in res.stderr, res.stderr
        assert "Traceback" not in res.stderr
        assert time.monotonic() - began < 60


@pytest.mark.slow
def test_a_full_disk_keeps_the_previous_tables_whole(raw, tmp_path):
    with tmpfs(tmp_path / "small", "4m") as disk:
        out = disk / "out"
        assert extract_cli(raw, out, "--no-cache").returncode == 0
        before = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
        other_review(raw / REVIEW)
        free = shutil.disk_usage(disk).free
        with open(disk / "filler", "wb") as fh:  # leave 16 KB: less than one set of tables
            fh.write(bytes(max(0, free - 16 * 1024)))
        res = extract_cli(raw, out, "--no-cache")
        assert res.returncode == 1, res.stderr
        assert "could not be written" in res.stderr and "previous tables are kept whole" in res.stderr
        assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) <= 3
        after = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
        assert {k: v for k, v in after.items() if k != "_extract_state.json"} == \
            {k: v for k, v in before.items() if k != "_extract_state.json"}
        assert good_cases(load_tables(out)) == 11
        (disk / "filler").unlink()
        assert extract_cli(raw, out).returncode == 0, "with room again, the run writes"
        assert good_cases(load_tables(out)) == 12


@pytest.mark.slow
def test_a_full_cache_disk_only_costs_the_cache(raw, tmp_path):
    with tmpfs(tmp_path / "cachedisk", "64k") as cache:
        (cache / "filler").write_bytes(bytes(60 * 1024))
        res = cli("extract", "--raw", str(raw), "--out", str(tmp_path / "out"), "--cache",
                  str(cache), "--jobs", "1", "-q")
        assert res.returncode == 0, res.stderr
        assert "could not be written" in res.stderr and "carrying on without it" in res.stderr
        check_control(load_tables(tmp_path / "out"))


# --- text that becomes something else ------------------------------------------------------------

FORMULAS = ["=HYPERLINK(\"http://x\",\"click\")", "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]


def test_formula_cells_are_neutralised_in_csv_and_exact_in_parquet(tmp_path):
    rows = [{"doc_id": "abc123", "force": "west-yorkshire", "page": 1, "quote": q, "reason":
             "approximation"} for q in FORMULAS]
    save_table(pd.DataFrame(rows), "unread_statements", tmp_path)
    with open(tmp_path / "unread_statements.csv", newline="", encoding="utf-8") as fh:
        cells = [row["quote"] for row in csv.DictReader(fh)]
    assert len(cells) == len(FORMULAS)
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], cells
    assert list(load_table("unread_statements", tmp_path)["quote"]) == FORMULAS
    (tmp_path / "unread_statements.parquet").unlink()  # the CSV alone gives the text back
    assert list(load_table("unread_statements", tmp_path)["quote"]) == \
        [q.replace("\r", "\n") for q in FORMULAS]  # a carriage return is a line break in CSV


# --- one file, two forces ------------------------------------------------------------------------

def test_one_file_filed_for_two_forces_counts_for_both(raw, tmp_path):
    (raw / "lancashire").mkdir()
    shutil.copy(raw / REVIEW, raw / "lancashire" / "control-review.pdf")
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=None)
    docs = tables["documents"].set_index("path")
    assert {docs.loc[REVIEW, "force"], docs.loc["lancashire/control-review.pdf", "force"]} == \
        {"west-yorkshire", "lancashire"}
    assert docs["doc_id"].is_unique
    assert good_cases(tables, "lancashire/control-review.pdf") == good_cases(tables) == 11
    messages = docs.loc[[REVIEW, "lancashire/control-review.pdf"], "message"]
    assert any("counted for both forces" in str(m) for m in messages), list(messages)


# --- settings and the manifest -------------------------------------------------------------------

@pytest.mark.parametrize("name,value", [
    ("REPORTKIT_MAX_SECONDS", "abc"), ("REPORTKIT_MAX_SECONDS", "-5"), ("REPORTKIT_MAX_BYTES", "lots"),
    ("REPORTKIT_MAX_PAGES", "1.5"), ("REPORTKIT_MAX_SECONDS", "inf"),
])
def test_a_setting_that_cannot_be_used_is_refused_in_one_line(raw, tmp_path, name, value):
    res = extract_cli(raw, tmp_path / "out", env={name: value})
    assert res.returncode == 2, res.stderr
    assert res.stderr.strip() == f"reportkit: error: {name}={value!r} is not " + \
        res.stderr.split(" is not ", 1)[1].strip()
    assert not (tmp_path / "out").exists()


@pytest.mark.slow
@pytest.mark.parametrize("name,value", [("REPORTKIT_MAX_SECONDS", "1.5e2"),
                                        ("REPORTKIT_MAX_BYTES", "10MB"),
                                        ("REPORTKIT_MAX_BYTES", "1 GiB")])
def test_settings_take_decimals_and_units(raw, tmp_path, name, value):
    res = extract_cli(raw, tmp_path / "out", env={name: value})
    assert res.returncode == 0, res.stderr


def test_a_hand_typed_manifest_is_understood(raw, tmp_path):
    (raw / "Lancashire").mkdir()
    (raw / "Lancashire" / "Re\u0301sume\u0301.txt").write_text(h.LETTER, encoding="utf-8")  # NFD
    (raw / "manifest.csv").write_text(
        "path, force, kind, published\n"
        "./greater-manchester/control-letter.txt, greater-manchester, pcc_response, 2016-04-15\n"
        "WEST-YORKSHIRE/CONTROL-REVIEW.PDF, west-yorkshire, review, 2099-03-08\n"
        "Lancashire/R\u00e9sum\u00e9.txt, lancashire, pcc_response, 2016-04-20\n", encoding="utf-8")
    tables = extract_corpus(raw, tmp_path / "out", jobs=1, cache=None)
    docs = tables["documents"].set_index("path")
    letter = docs.loc["greater-manchester/control-letter.txt"]
    assert letter["kind"] == "pcc_response" and str(letter["published"].date()) == "2016-04-15"
    assert docs.loc["Lancashire/Re\u0301sume\u0301.txt", "force"] == "lancashire"
    log = " ".join(tables["extraction_log"]["message"])
    assert "2099-03-08" in log and "not a plausible date" in log
    assert "not in the raw folder" not in log


def test_a_look_alike_folder_name_is_spelled_out(tmp_path):
    raw = tmp_path / "raw"
    (raw / "west-yorksh\u0456re").mkdir(parents=True)
    (raw / "west-yorksh\u0456re" / "letter.txt").write_text(h.LETTER, encoding="utf-8")
    tables = extract_corpus(raw, None, jobs=1, cache=None)
    message = " ".join(tables["extraction_log"]["message"])
    assert "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I" in message


# --- a bomb beside the demo corpus, under a 2 GB memory limit -------------------------------------

def _memory_cgroup(limit: int) -> Path | None:
    """A child of this process's cgroup-v1 memory group limited to ``limit`` bytes, or None."""
    try:
        line = next(x for x in Path("/proc/self/cgroup").read_text().splitlines()
                    if ":memory:" in x)
    except (OSError, StopIteration):
        return None
    group = Path("/sys/fs/cgroup/memory") / line.split(":", 2)[2].lstrip("/") / f"reportkit-{os.getpid()}"
    try:
        group.mkdir()
        (group / "memory.limit_in_bytes").write_text(str(limit))
        with contextlib.suppress(OSError):
            (group / "memory.memsw.limit_in_bytes").write_text(str(limit))
    except OSError:
        return None
    return group


@pytest.mark.slow
def test_bombs_beside_the_demo_corpus_under_a_2gb_limit(demo_raw, tmp_path, zeros_bomb, chars_bomb):  # noqa: F811
    group = _memory_cgroup(2 * 10**9)
    if group is None:
        pytest.skip("needs root and a cgroup-v1 memory controller to set a real memory limit")
    raw = tmp_path / "raw"
    shutil.copytree(demo_raw, raw)
    (raw / "west-yorkshire" / "zeros.pdf").write_bytes(zeros_bomb)
    (raw / "lancashire" / "chars.pdf").write_bytes(chars_bomb)
    (raw / "metropolitan" / "slow.pdf").write_bytes(pdf_bytes(_big_content()))
    limit = 30
    try:
        began = time.monotonic()
        res = extract_cli(raw, tmp_path / "out", "--no-cache", "--jobs", "2",
                          env={"REPORTKIT_MAX_SECONDS": str(limit),
                               "REPORTKIT_MAX_CHARS_PER_PAGE": "1000000000"},
                          preexec_fn=lambda: (group / "cgroup.procs").write_text(str(os.getpid())))
        took = time.monotonic() - began
    finally:
        with contextlib.suppress(OSError):
            group.rmdir()
    assert res.returncode == 1 and "Traceback" not in res.stderr, res.stderr[-2000:]
    tables = load_tables(tmp_path / "out")
    docs = tables["documents"].set_index("path")
    bombs = {"west-yorkshire/zeros.pdf", "lancashire/chars.pdf", "metropolitan/slow.pdf"}
    assert all(docs.loc[b, "status"] == "error" for b in bombs), docs.loc[list(bombs), "message"]
    healthy = docs.drop(index=list(bombs))
    assert (healthy["status"] != "error").all(), healthy.loc[healthy["status"] == "error", "message"]
    # the margin: two workers, so the bombs' deadlines run beside the rest of the corpus
    assert took < 2 * limit + 90, f"{took:.0f} s for a {limit} s limit"
    assert read_state(tmp_path / "out").get("exit_code") == 1


def _big_content() -> bytes:
    from tests.test_bombs import text_page

    return text_page(1_500_000)  # 15 MB of page content: past the pre-checks only by raising them


# --- briefings: parameters the batch sets, and nothing left behind -----------------------------------

def test_a_force_parameter_is_refused_not_silently_replaced(tmp_path, capsys):
    from reportkit.report.batch import run_briefings

    code = run_briefings(forces=["west-yorkshire"], parameters={"force": "lancashire"},
                         out=tmp_path / "reports", raw=tmp_path / "raw",
                         processed=tmp_path / "processed", progress=False)
    assert code == 2
    assert "--param force=... is set by the batch" in capsys.readouterr().err
    assert not (tmp_path / "reports").exists()


def _descendants(root: int) -> dict[int, str]:
    """Every live process below ``root``: pid -> command line."""
    parents, cmds = {}, {}
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                stat = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                cmds[int(proc.name)] = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                    errors="replace")
            except (OSError, IndexError):
                continue
            if stat[0] != "Z":
                parents[int(proc.name)] = int(stat[1])
    found, frontier = {}, [root]
    while frontier:
        pid = frontier.pop()
        for child, parent in parents.items():
            if parent == pid and child not in found:
                found[child] = cmds.get(child, "")
                frontier.append(child)
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal is Linux's")
def test_kernels_and_workers_die_with_a_killed_briefing_run(demo_raw, tmp_path):
    """kill -9 of the briefings command alone (not its process group): its notebook workers and
    their kernels go with it."""
    processed = tmp_path / "processed"
    assert extract_cli(demo_raw, processed).returncode in (0, 1)
    run = subprocess.Popen([sys.executable, "-m", "reportkit", "briefings", "--forces", "all",
                            "--jobs", "2", "--out", str(tmp_path / "reports"), "--raw",
                            str(demo_raw), "--processed", str(processed), "-q"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    below: dict[int, str] = {}
    try:
        for _ in range(1200):  # until both workers run a kernel
            below = _descendants(run.pid)
            if sum("ipykernel" in c for c in below.values()) >= 2:
                break
            time.sleep(0.1)
        assert any("ipykernel" in c for c in below.values()), f"no kernel started: {below}"
        run.kill()  # SIGKILL to the parent only: no finally, no atexit, no signal to the group
        run.wait(30)
        for _ in range(300):
            if not any(_alive(pid) for pid in below):
                break
            time.sleep(0.1)
        left = {pid: cmd[:80] for pid, cmd in below.items() if _alive(pid)}
        assert not left, f"outlived the killed briefing run: {left}"
    finally:
        run.kill()
        for pid, cmd in below.items():  # pids are reused (pid_max is 32768 here): only ours
            with contextlib.suppress(OSError):
                if (Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
                        .decode(errors="replace") == cmd):
                    os.kill(pid, 9)
