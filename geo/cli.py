"""Command line: ``geo mentions``, ``geo events``, ``geo build``, ``geo gazetteer check|gaps``,
``geo evaluate[-events]``."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from geo.errors import InputError, OutputError

DEFAULT_CORPUS = Path("seeds")


def _mentions(args: argparse.Namespace) -> int:
    corpus = _corpus(args)  # first: a bad corpus is reported before the geoparser's libraries load

    from geo.geoparse import FIELDS, corpus_mentions
    from geo.io import atomic_output, write_records

    mentions = corpus_mentions(corpus, _spec(args), _engine(args))
    with atomic_output(args.out, newline="") as out:
        count = write_records((m.as_record() for m in mentions), FIELDS, args.format, out)
    print(f"{count} mentions from {len(corpus)} documents", file=sys.stderr)
    return 0


def _corpus(args: argparse.Namespace):
    from geo.corpus import open_corpus

    return open_corpus(args.corpus, args.max_document_mb)


def _spec(args: argparse.Namespace):
    """The geoparser of ``--gazetteer`` and ``--ambiguities`` (default: the checked-in files)."""
    from geo.geoparse import GeoparserSpec

    return GeoparserSpec(gazetteer=args.gazetteer, ambiguities=args.ambiguities)


def _add_corpus_options(parser: argparse.ArgumentParser) -> None:
    from geo.corpus import MAX_DOCUMENT_MB

    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--max-document-mb", type=float, default=MAX_DOCUMENT_MB,
                        help=f"refuse a document file larger than this (default: {MAX_DOCUMENT_MB} MB)")
    _add_gazetteer_options(parser)


def _add_gazetteer_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gazetteer", type=Path, default=None,
                        help="curated sites to use instead of geo/data/gazetteer.csv (same columns)")
    parser.add_argument("--ambiguities", type=Path, default=None,
                        help="shared aliases to use instead of geo/data/ambiguities.csv (same columns)")


def _engine(args: argparse.Namespace):
    from geo.engine import EngineConfig

    return EngineConfig(jobs=args.jobs, engine=args.engine, scheduler=args.scheduler,
                        documents_base=args.documents_base)


def _add_engine_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, default=1, help="local worker processes for the per-document work")
    parser.add_argument("--engine", choices=("local", "dask"), default="local")
    parser.add_argument("--scheduler", default=None, help="Dask scheduler address, with --engine dask")
    parser.add_argument("--documents-base", default=None,
                        help="path or URL prefix where workers read the documents (default: the corpus folder)")


def _events(args: argparse.Namespace) -> int:
    corpus = _corpus(args)

    import json

    from geo.events import event_lines, write_event_lines, write_events
    from geo.geoparse import geoparser_for
    from geo.io import atomic_output

    spec = _spec(args)
    workdir = args.out.parent if args.out and str(args.out) != "-" else None
    lines = event_lines(corpus, spec, _engine(args), workdir=workdir)
    with atomic_output(args.out, newline="") as out:
        if args.format == "json":  # the records' JSON text as the merge wrote it
            count = write_event_lines(lines, out)
        else:
            count = write_events(map(json.loads, lines), geoparser_for(spec).gazetteer, args.format, out,
                                 documents={d.id: d for d in corpus})
    print(f"{count} events from {len(corpus)} documents", file=sys.stderr)
    return 0


def _build(args: argparse.Namespace) -> int:
    corpus = _corpus(args)  # first: a bad corpus is reported before the site's libraries load

    from geo.site import build_site

    counts = build_site(corpus, args.out, _spec(args), _engine(args))
    print(", ".join(f"{v} {k}" for k, v in counts.items()) + f" -> {args.out}/index.html", file=sys.stderr)
    return 0


def _evaluate_events(args: argparse.Namespace) -> int:
    from geo.evaluate import evaluate_events, format_event_report

    print(format_event_report(evaluate_events(args.corpus, args.gold), verbose=args.verbose))
    return 0


def _gazetteer_check(args: argparse.Namespace) -> int:
    from geo.gazetteer.check import check_gazetteer

    problems, summary = check_gazetteer(_spec(args).build().gazetteer, tolerance_km=args.tolerance_km)
    for problem in problems:
        print(problem)
    print(summary, file=sys.stderr)
    return 1 if problems else 0


def _gazetteer_gaps(args: argparse.Namespace) -> int:
    corpus = _corpus(args)

    from geo.gazetteer.gaps import gazetteer_gaps, write_gaps
    from geo.geoparse import corpus_mentions, geoparser_for
    from geo.io import atomic_output

    spec = _spec(args)
    gaps = gazetteer_gaps(corpus_mentions(corpus, spec, _engine(args)))
    with atomic_output(args.out, newline="") as out:
        count = write_gaps(gaps, out, existing_ids=geoparser_for(spec).gazetteer.sites)
    print(f"{count} names the gazetteer lacks, from {len(corpus)} documents", file=sys.stderr)
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from geo.evaluate import evaluate, evaluate_annotated, format_annotated_report, format_report, is_annotated

    if is_annotated(args.corpus):  # annotated as docs/annotation.md says
        print(format_annotated_report(evaluate_annotated(args.corpus), verbose=args.verbose))
    else:
        print(format_report(evaluate(args.corpus, args.gold, args.traps), verbose=args.verbose))
    return 0


# geo.events.FORMATS, written out: the parser is built before a bad corpus is refused, and
# importing geo.events would load the geoparser first (tests/test_contract.py compares them)
EVENT_FORMATS = ("json", "csv", "geojson", "acled")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="geo", description="Map the sites that news documents cite.")
    commands = parser.add_subparsers(dest="command", required=True)

    mentions = commands.add_parser("mentions", help="find and resolve place mentions in a corpus")
    _add_corpus_options(mentions)
    mentions.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    mentions.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    _add_engine_options(mentions)
    mentions.set_defaults(run=_mentions)

    events = commands.add_parser("events", help="extract dated, located, typed and cited events")
    _add_corpus_options(events)
    events.add_argument("--format", choices=EVENT_FORMATS, default="json",
                        help="acled: ACLED's columns, a row per event and site (docs/data-contract.md)")
    events.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    _add_engine_options(events)
    events.set_defaults(run=_events)

    build = commands.add_parser("build", help="publish the static map site")
    _add_corpus_options(build)
    build.add_argument("--out", type=Path, default=Path("site"))
    _add_engine_options(build)
    build.set_defaults(run=_build)

    gazetteer = commands.add_parser("gazetteer", help="gazetteer tools")
    gaz_commands = gazetteer.add_subparsers(dest="gazetteer_command", required=True)
    check = gaz_commands.add_parser("check", help="validate the gazetteer against country polygons")
    check.add_argument("--tolerance-km", type=float, default=10.0,
                       help="how far outside its country's polygon a point may lie (border sites)")
    _add_gazetteer_options(check)
    check.set_defaults(run=_gazetteer_check)
    gaps = gaz_commands.add_parser("gaps", help="list the place-like names a corpus uses that the gazetteer lacks, "
                                   "as gazetteer rows to fill in (CSV)")
    _add_corpus_options(gaps)
    gaps.add_argument("--out", type=Path, default=None, help="output file (default: standard output)")
    _add_engine_options(gaps)
    gaps.set_defaults(run=_gazetteer_gaps)

    evaluate = commands.add_parser("evaluate", help="score mentions against the hand annotation (the corpus's own "
                                   "mentions.jsonl and places.csv when it has them, else --gold and --traps)")
    evaluate.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    evaluate.add_argument("--gold", type=Path, default=Path("tests/fixtures/seed_mentions.jsonl"))
    evaluate.add_argument("--traps", type=Path, default=Path("tests/fixtures/seed_traps.jsonl"))
    evaluate.add_argument("--verbose", action="store_true", help="list every error")
    evaluate.set_defaults(run=_evaluate)

    evaluate_ev = commands.add_parser("evaluate-events", help="score events against the hand annotation")
    evaluate_ev.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    evaluate_ev.add_argument("--gold", type=Path, default=None,
                             help="the gold events (default: the corpus's events.jsonl, else the seeds' annotation)")
    evaluate_ev.add_argument("--verbose", action="store_true", help="list every error")
    evaluate_ev.set_defaults(run=_evaluate_events)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    _exit_cleanly_on_sigterm()
    if getattr(args, "engine", None) == "dask" and not args.scheduler:
        print("error: --engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)", file=sys.stderr)
        return 2
    try:
        return args.run(args)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OutputError as exc:  # the input was fine; the output could not be written or published
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (SystemError, RuntimeError) as exc:
        # A SIGTERM handled while a C extension runs Python code (numba loading a compiled
        # function from its cache), or while a class body is made during an import
        # (RuntimeError: "Error calling __set_name__"), comes back wrapped: exit as
        # terminated all the same.
        terminated = _exit_within(exc)
        if terminated is None:
            raise
        raise terminated from None


def _exit_cleanly_on_sigterm() -> None:
    """A terminated run (kill, a scheduler's time limit) unwinds like an interrupted one:
    the spool and the half-written output are removed, nothing is left half-published."""
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _terminated)


def _terminated(signum: int, frame) -> None:
    raise SystemExit(128 + signum)


def _exit_within(exc: BaseException | None) -> SystemExit | None:
    """The SystemExit an exception was raised from, if any."""
    while exc is not None and not isinstance(exc, SystemExit):
        exc = exc.__cause__ or exc.__context__
    return exc


if __name__ == "__main__":
    raise SystemExit(main())
