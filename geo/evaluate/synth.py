"""A deterministic synthetic corpus in the style of news reports, for benchmarks.

    python -m geo.evaluate.synth --docs 10000 --out bench/corpus/10k

Each document is about 5 KB: dated attack reports on gazetteer sites (curated and
fallback names, spelling variants included), claims by factions, visits and protests,
person and organisation names that contain place words (Muqtada al-Sadr, the Washington
Institute), and analysis prose.  The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
from pathlib import Path

from geo.gazetteer import load_gazetteer

WEAPONS = ["drone", "rocket", "missile", "mortar", "one-way attack drone", "Katyusha rocket"]
FACTIONS = ["the Islamic Resistance in Iraq", "Kataib Hezbollah", "Kata'ib Hezbollah", "Harakat al-Nujaba",
            "Kataib Sayyid al-Shuhada", "the Iraqi Hezbollah Brigades", "Ashab al-Kahf"]
TRAPS = ["Muqtada al-Sadr", "Moqtada al-Sadr", "Abu Bakr al-Baghdadi", "the Washington Institute",
         "Mustafa al-Kadhimi", "Khalid al-Walid", "the Atlantic Council", "Georgetown University"]
OFFICIALS = ["the Pentagon said", "US officials confirmed", "the Israeli army said", "a US defence official said"]
VERBS = ["prefers", "expects", "insists", "warned", "said"]
PROSE = ("analysts said the escalation reflects a wider regional struggle in which armed factions weigh "
         "the costs of confrontation against the political benefits of showing solidarity while the "
         "government tries to keep the country out of a war it cannot afford and diplomats shuttle between "
         "capitals in search of a formula that would end the attacks without a humiliating retreat for anyone "
         "involved in the conflict over the coming weeks and months").split()
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def _date_phrase(rng: random.Random, published: dt.date) -> str:
    day = published - dt.timedelta(days=rng.randint(0, 12))
    style = rng.random()
    if style < 0.4:
        return f"on {day.day} {MONTHS[day.month - 1]}"
    if style < 0.7:
        return f"on {MONTHS[day.month - 1]} {day.day}, {day.year}"
    return "on " + day.strftime("%A")


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _prose(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(PROSE))
    text = " ".join(PROSE[(start + i) % len(PROSE)] for i in range(words))
    return text[0].upper() + text[1:] + "."


def _document(rng: random.Random, points: list[str], towns: list[str], capitals: list[str], published: dt.date,
              target_size: int) -> str:
    paragraphs = []
    size = 0
    while size < target_size:
        site = rng.choice(points)
        kind = rng.random()
        if kind < 0.35:
            text = (f"{_capitalised(_date_phrase(rng, published))}, {rng.choice(FACTIONS)} claimed a "
                    f"{rng.choice(WEAPONS)} attack on {site}, and {rng.choice(OFFICIALS)} that {rng.randint(1, 9)} "
                    f"soldiers were wounded near {rng.choice(towns)}.")
        elif kind < 0.5:
            text = (f"{rng.choice(TRAPS)} told reporters in {rng.choice(capitals)} that {rng.choice(capitals)} "
                    f"{rng.choice(VERBS)} calm, while protesters gathered in {rng.choice(towns)} "
                    f"{_date_phrase(rng, published)}.")
        elif kind < 0.6:
            text = (f"A senior official visited {site} {_date_phrase(rng, published)} and met commanders from "
                    f"{rng.choice(towns)} and {rng.choice(towns)}.")
        else:
            text = _prose(rng, rng.randint(30, 70))
        paragraphs.append(text)
        size += len(text) + 2
    return "\n\n".join(paragraphs) + "\n"


def generate(out: Path, documents: int, seed: int = 7, size: int = 5000, days: int = 366) -> Path:
    """Write ``documents`` documents and their manifest into ``out``, published over
    ``days`` days from 1 October 2023 (more days, fewer documents a day)."""
    rng = random.Random(seed)
    gazetteer = load_gazetteer()
    points = sorted(n for s in gazetteer.curated() if s.is_point and s.kind not in ("city", "town")
                    for n in s.names())
    # The theatre's towns (curated and fallback layers): the world layer's 35,000 towns are
    # named in passing by real reporting, not in every paragraph.
    towns = sorted(n for s in gazetteer.sites.values() if s.kind in ("city", "town") and s.layer != "world"
                   for n in s.names()[:2])
    capitals = sorted(s.name for s in gazetteer.curated() if s.metonym_for and s.kind == "city")
    out.mkdir(parents=True, exist_ok=True)
    start = dt.date(2023, 10, 1)
    with (out / "documents.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["id", "file", "title", "publisher", "author", "published", "url"])
        for i in range(documents):
            published = start + dt.timedelta(days=rng.randint(0, days - 1))
            doc_id = f"s{i:06d}"
            (out / f"{doc_id}.txt").write_text(_document(rng, points, towns, capitals, published, size),
                                               encoding="utf-8")
            writer.writerow([doc_id, f"{doc_id}.txt", f"Report {i}", rng.choice(["Wire", "Daily", "Monitor"]),
                             "", published.isoformat(), f"https://example.org/{doc_id}"])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--size", type=int, default=5000, help="characters per document, about")
    parser.add_argument("--days", type=int, default=366, help="days the publication dates spread over")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    generate(args.out, args.docs, args.seed, args.size, args.days)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
