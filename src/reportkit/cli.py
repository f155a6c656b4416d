"""The `reportkit` command. Each subcommand is a thin wrapper over a function in the package."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from reportkit import __version__, config
from reportkit.errors import MissingExtra, ReportkitError, UsageError, require
from reportkit.vocabulary import KINDS as KINDS_CHOICES

DESCRIPTION = """\
reportkit turns police child-protection inspection reports (PDF), press pages (HTML) and
commissioners' letters into tidy tables where every figure carries its page and quote, then
compares follow-up reviews with the 2014 baseline and writes one HTML briefing per force.

A typical day:
  reportkit demo-corpus                 # write the bundled demo documents into data/raw/
  reportkit extract                     # data/raw/ -> data/processed/*.csv and *.parquet
  reportkit briefings --forces all      # one HTML briefing per force in reports/briefings/
Add your own documents under data/raw/<force-slug>/ (see `reportkit forces` for the slugs).
"""

EXTRACT_EPILOG = f"""\
Files under RAW/<force-slug>/ belong to that force; files elsewhere are assigned from their text.
An optional RAW/{config.MANIFEST_FILE} (columns path,force,kind,published) overrides detection.
A scanned PDF (no text layer) is refused unless --ocr: then Tesseract reads it (about 3 s a
page) and the document is marked text_source=ocr in documents.csv.
Exit status: 0 every document read; 1 some could not be read (the rest is written, reasons in
extraction_log.csv); 2 usage error.

examples:
  reportkit extract --force west-yorkshire --force GMP
  reportkit extract --raw ~/downloads/hmic --out /tmp/tables --jobs 2
"""


BRIEFINGS_EPILOG = """\
Re-extracts first when data/raw/ changed since the last extraction. Writes
reports/notebooks/<force>.ipynb (the executed notebook), reports/briefings/<force>.html (opens
offline, no code shown), reports/briefings/<force>.pdf (printed by headless Chromium, when it is
installed) and reports/briefings/index.html. A force that fails does not stop the others: it is
marked in the index and the exit status is 1. Exit 2, nothing written: an unknown force or
parameter, an empty --forces, or a force with no document in the corpus.

examples:
  reportkit briefings --forces west-yorkshire,GMP --jobs 2
  reportkit briefings --force "West Yorkshire" --force GMP
  reportkit briefings --notebook my_briefing.ipynb --param year=2016
"""


FETCH_EPILOG = f"""\
Each URL is saved under RAW/<force>/ (with --force) or RAW/, named from the URL, with the
extension its bytes call for; a row in RAW/{config.MANIFEST_FILE} records the source URL, the
time and the SHA-256, so briefings can cite the original. A publication page of the
inspectorate is followed to its report (the PDF, or the web-published report saved as HTML);
any other page (press, a commissioner's letter) is saved as it is.
Polite: one request at a time, {config.FETCH_DELAY:g} s between requests to a host, robots.txt
honoured, User-Agent reportkit/<version>. Safe to re-run: a URL already fetched is skipped, and
an existing file with other content is never overwritten. Settings (environment):
REPORTKIT_FETCH_DELAY, _TIMEOUT, _RETRIES, _MAX_BYTES, REPORTKIT_FETCH_BASE_URL (the catalogue's site).
Exit status: 0 everything fetched (or already there); 1 some URL failed (one line each, the
others still fetched); 2 usage error.

examples:
  reportkit fetch --force west-yorkshire      # the catalogue's reports for one force
  reportkit fetch --all                       # every report in the catalogue
  reportkit fetch --list                      # show the catalogue, fetch nothing
  reportkit fetch https://www.example.org/news/police-report --force lancashire --kind press
"""


FORCES_HELP = ("a force: slug, name or alias (see `reportkit forces`), several separated by "
               "commas, or 'all'; repeatable. --force and --forces are the same option")


def _forces_arg(values: list[str] | None) -> list[str] | None:
    """The forces asked for, as slugs; None for every force (the option absent, or 'all').

    The same spelling for `extract` and `briefings`. An option given with nothing in it
    (``--forces ""``) is a usage error, never "every force"."""
    from reportkit.forces import UnknownForce, resolve

    if values is None:
        return None
    parts = [part.strip() for v in values for part in v.split(",") if part.strip()]
    if not parts:
        raise SystemExit(_usage_error("--forces is empty: name one or more forces, or 'all'"))
    if any(part.lower() == "all" for part in parts):
        return None
    out: list[str] = []
    for part in parts:
        try:
            slug = resolve(part)
        except UnknownForce as exc:
            raise SystemExit(_usage_error(str(exc))) from None
        if slug not in out:
            out.append(slug)
    return out


def _usage_error(message: str) -> int:
    print(f"reportkit: error: {message}", file=sys.stderr)
    return 2


def cmd_demo_corpus(args) -> int:
    require("reportlab", "demo", "the demo corpus")
    from reportkit.demo import build_corpus

    gold = build_corpus(Path(args.out))
    print(f"wrote {len(gold['documents'])} demo documents to {args.out}")
    return 0


def cmd_extract(args) -> int:
    if args.jobs < 1:
        return _usage_error("--jobs must be 1 or more")
    if args.ocr:
        _ocr_on()
    if not Path(args.raw).is_dir():
        return _usage_error(f"raw folder {args.raw} does not exist (run `reportkit demo-corpus` first?)")
    forces = _forces_arg(args.force)
    if args.scheduler:
        require("distributed", "dask", "--scheduler (a Dask cluster)")
    if not args.no_cache:
        from reportkit.tables.state import current_stamp, up_to_date

        # checked before pandas is even imported: an unchanged corpus costs one pass of hashing
        state = up_to_date(Path(args.out), current_stamp(Path(args.raw), forces, Path(args.out)))
        if state:
            print(f"{state['summary']}\nnothing changed since the last run: tables kept", file=sys.stderr)
            print(f"tables in {args.out}")
            return int(state["exit_code"])
    from reportkit.pipeline import extract_corpus, summarise

    tables = extract_corpus(args.raw, args.out, jobs=args.jobs, forces=forces,
                            cache=None if args.no_cache else args.cache,
                            progress=not args.quiet, scheduler=args.scheduler)
    code, summary = summarise(tables)
    print(summary, file=sys.stderr)
    print(f"tables written to {args.out}")
    return code


def cmd_fetch(args) -> int:
    from reportkit.fetch import catalogue, fetch, targets_for
    from reportkit.fetch.run import Target

    forces = _forces_arg(args.force)
    if args.list:
        for e in catalogue.for_forces(forces):
            unchecked = "" if e.checked else "  (address not yet checked)"
            print(f"{e.year}  {e.force:20} {e.kind:13} {e.title}\n      {e.url()}{unchecked}")
        return 0
    if args.urls:
        if forces and len(forces) > 1:
            return _usage_error("with URLs, give one --force: the folder they are saved in")
        targets = [Target(u, forces[0] if forces else None, args.kind) for u in args.urls]
    elif args.all or forces:
        targets = targets_for(catalogue.for_forces(None if args.all else forces))
    else:
        return _usage_error("give URLs, --force SLUG or --all (see `reportkit fetch --help`)")
    outcomes = fetch(targets, Path(args.raw))
    for o in outcomes:
        print(o.line(), file=sys.stderr if o.status == "error" else sys.stdout)
    failed = sum(o.status == "error" for o in outcomes)
    new = sum(o.status == "saved" for o in outcomes)
    print(f"{new} new file(s), {len(outcomes) - new - failed} already there, {failed} failed; "
          f"manifest: {Path(args.raw) / config.MANIFEST_FILE}", file=sys.stderr)
    return 1 if failed else 0


def cmd_forces(args) -> int:
    from reportkit.forces import all_forces

    for f in all_forces():
        aliases = f" (also: {', '.join(f.aliases)})" if f.aliases else ""
        print(f"{f.slug:20} {f.name}{aliases}")
    print(f"{'national':20} multi-force (thematic) reports")
    return 0


def _ocr_on() -> None:
    """OCR for scans, in this process (config) and in every worker or notebook kernel it starts
    (the environment); a missing Tesseract is said once here, not once per document."""
    config.OCR = True
    os.environ["REPORTKIT_OCR"] = "1"
    from reportkit.read.ocr import INSTALL_HINT, tesseract_missing

    if tesseract_missing():
        print(f"reportkit: warning: --ocr: Tesseract is not installed; {INSTALL_HINT}", file=sys.stderr)


def cmd_briefings(args) -> int:
    if args.ocr:  # the re-extraction (when data/raw/ changed) and the evidence crops read scans too
        _ocr_on()
    if args.scheduler:
        require("distributed", "dask", "--scheduler (a Dask cluster)")
    from reportkit.report.runner import skip_unused_imports

    skip_unused_imports()  # this command's own process: see runner.UNUSED_IMPORTS
    from reportkit.report.batch import run_briefings

    forces = _forces_arg(args.forces)
    params = {}
    for item in args.param or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            return _usage_error(f"--param {item!r}: write NAME=VALUE")
        params[name.strip()] = _param_value(value)
    return run_briefings(forces=forces, jobs=args.jobs, out=Path(args.out), raw=Path(args.raw),
                         processed=Path(args.processed), scheduler=args.scheduler,
                         progress=not args.quiet, parameters=params,
                         notebook=Path(args.notebook) if args.notebook else None)


def _param_value(text: str):
    """Numbers, true/false and JSON lists come through typed; anything else is a string."""
    import json

    try:
        return json.loads(text)
    except ValueError:
        return text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="reportkit", description=DESCRIPTION,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"reportkit {__version__}")
    p.add_argument("-v", "--verbose", action="count", default=0,
                   help="say more about what is happening (-v: each step, -vv: debugging detail)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo-corpus", help="write the demo documents (PDF, HTML, letters) and their gold file")
    d.add_argument("--out", default=str(config.RAW_DIR), help="target folder (default: %(default)s)")
    d.set_defaults(func=cmd_demo_corpus)

    e = sub.add_parser("extract", help="read every document into the tidy tables",
                       epilog=EXTRACT_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("--raw", default=str(config.RAW_DIR), help="folder of documents (default: %(default)s)")
    e.add_argument("--out", default=str(config.PROCESSED_DIR), help="folder for the tables (default: %(default)s)")
    e.add_argument("--jobs", type=int, default=config.DEFAULT_JOBS, help="parallel processes (default: %(default)s)")
    e.add_argument("--force", "--forces", dest="force", action="append", metavar="FORCE",
                   help=f"only these forces: {FORCES_HELP} (default: all)")
    e.add_argument("--scheduler", metavar="ADDRESS", help="run per-document work on a Dask cluster, e.g. tcp://10.0.0.5:8786")
    e.add_argument("--cache", default=str(config.CACHE_DIR), help="parse cache folder (default: %(default)s)")
    e.add_argument("--no-cache", action="store_true", help="parse every document again")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    e.add_argument("--ocr", action="store_true",
                   help="read scanned PDFs (no text layer) with Tesseract (apt-get install tesseract-ocr)")
    e.set_defaults(func=cmd_extract)

    g = sub.add_parser("fetch", help="download reports, press pages and letters into data/raw/",
                       description="Download documents into the raw folder, with their provenance.",
                       epilog=FETCH_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    g.add_argument("urls", nargs="*", metavar="URL", help="pages or files to download")
    g.add_argument("--force", action="append", metavar="SLUG",
                   help="the force: with URLs, the folder to save in; alone, the catalogue's reports "
                   "for it (repeatable)")
    g.add_argument("--all", action="store_true", help="every publication in the shipped catalogue")
    g.add_argument("--kind", choices=KINDS_CHOICES, help="with URLs: the kind to record in the manifest")
    g.add_argument("--list", action="store_true", help="print the catalogue (or a force's part) and stop")
    g.add_argument("--raw", default=str(config.RAW_DIR), help="folder to save into (default: %(default)s)")
    g.set_defaults(func=cmd_fetch)

    b = sub.add_parser("briefings", help="run the force briefing notebook per force and export HTML",
                       epilog=BRIEFINGS_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--forces", "--force", dest="forces", action="append", metavar="FORCE",
                   help=f"the forces to brief: {FORCES_HELP} (default: all)")
    b.add_argument("--jobs", type=int, default=config.DEFAULT_JOBS, help="parallel notebook runs (default: %(default)s)")
    b.add_argument("--out", default=str(config.REPORTS_DIR), help="output folder (default: %(default)s)")
    b.add_argument("--raw", default=str(config.RAW_DIR), help=argparse.SUPPRESS)
    b.add_argument("--processed", default=str(config.PROCESSED_DIR), help=argparse.SUPPRESS)
    b.add_argument("--notebook", metavar="PATH", help="another briefing notebook (default: notebooks/force_briefing.ipynb)")
    b.add_argument("--param", action="append", metavar="NAME=VALUE",
                   help="set a notebook parameter for every force; repeatable (checked before anything runs)")
    b.add_argument("--scheduler", metavar="ADDRESS", help="run notebooks on a Dask cluster")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    b.add_argument("--ocr", action="store_true", help="as for extract: read scanned PDFs with Tesseract")
    b.set_defaults(func=cmd_briefings)

    f = sub.add_parser("forces", help="list the force slugs and the aliases reportkit understands")
    f.set_defaults(func=cmd_forces)
    return p


def _configure_logging(verbose: int) -> None:
    """The one place reportkit configures logging: the command line. As a library it only logs
    to ``logging.getLogger(__name__)`` and leaves handlers and levels to the application."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="reportkit: %(levelname)s: %(name)s: %(message)s")
    if verbose < 2:  # third-party chatter is not the user's business unless debugging
        for noisy in ("pdfminer", "fontTools", "PIL", "matplotlib", "trafilatura", "htmldate"):
            logging.getLogger(noisy).setLevel(logging.ERROR)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    if config.SETTING_PROBLEMS:  # a limit the user set must not be silently replaced
        for problem in config.SETTING_PROBLEMS:
            print(f"reportkit: error: {problem.split('; the default')[0]}", file=sys.stderr)
        return 2
    try:
        return args.func(args)
    except MissingExtra as exc:  # an optional extra not installed: say which to install
        return _usage_error(str(exc))
    except UsageError as exc:
        return _usage_error(str(exc))
    except (ReportkitError, OSError) as exc:  # busy, unwritable or full output: one line, exit 1
        print(f"reportkit: error: {exc.strerror if isinstance(exc, OSError) and exc.strerror else exc}",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("reportkit: interrupted; outputs already written are whole, re-run to finish", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
