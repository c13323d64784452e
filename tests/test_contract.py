"""The data contract (docs/data-contract.md, docs/schemas/): every output of the seeds,
from the command line and in the site's data/, validated against it."""

import csv
import json

import pytest
from helpers import ROOT, SEEDS
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from geo import FORMAT_VERSION
from geo.cli import EVENT_FORMATS, main
from geo.events import EVENT_KINDS, FIELDS, FORMATS, WEAPONS
from geo.gazetteer import KINDS
from geo.geoparse import FIELDS as MENTION_FIELDS

SCHEMAS = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in (ROOT / "docs" / "schemas").glob("*.json")}
REGISTRY = Registry().with_resources((s["$id"], Resource.from_contents(s)) for s in SCHEMAS.values())
CONTRACT = (ROOT / "docs" / "data-contract.md").read_text(encoding="utf-8")


def validate(instance, schema: str) -> None:
    Draft202012Validator(SCHEMAS[schema], registry=REGISTRY).validate(instance)


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    folder = tmp_path_factory.mktemp("contract")
    for command, fmt, name in (("mentions", "jsonl", "mentions.jsonl"), ("mentions", "csv", "mentions.csv"),
                               ("events", "json", "events.json"), ("events", "csv", "events.csv"),
                               ("events", "geojson", "events.geojson")):
        assert main([command, "--corpus", str(SEEDS), "--format", fmt, "--out", str(folder / name)]) == 0
    assert main(["build", "--corpus", str(SEEDS), "--out", str(folder / "site")]) == 0
    return folder


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def cell(value) -> str:
    """How a CSV writes a JSON value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def test_mentions_jsonl(out):
    records = [json.loads(line) for line in (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) > 300
    for record in records:
        validate(record, "mention.schema.json")
    assert {r["kind"] for r in records if r["kind"]} <= KINDS


def test_mentions_csv_is_the_jsonl_as_rows(out):
    records = [json.loads(line) for line in (out / "mentions.jsonl").read_text(encoding="utf-8").splitlines()]
    header, *rows = read_csv(out / "mentions.csv")
    assert tuple(header) == MENTION_FIELDS
    assert rows == [[cell(r[f]) for f in header] for r in records]
    assert (out / "site" / "data" / "mentions.csv").read_bytes() == (out / "mentions.csv").read_bytes()


def test_events_json(out):
    document = json.loads((out / "events.json").read_text(encoding="utf-8"))
    validate(document, "events.schema.json")
    assert document["format_version"] == FORMAT_VERSION and len(document["events"]) > 20
    for event in document["events"]:
        assert (event["event_type"], event["sub_event_type"]) in EVENT_KINDS.values()
        assert event["weapon"] in ("", *WEAPONS)


def test_events_csv_is_the_json_as_rows(out):
    events = json.loads((out / "events.json").read_text(encoding="utf-8"))["events"]
    header, *rows = read_csv(out / "events.csv")
    assert tuple(header) == FIELDS
    joined = {"site_ids": "|".join, "disputed_fields": "|".join,
              "sources": lambda tellings: "|".join(f"{t['doc']}@{t['start']}-{t['end']}" for t in tellings)}
    assert rows == [[joined[f](e[f]) if f in joined else cell(e[f]) for f in header] for e in events]
    assert (out / "site" / "data" / "events.csv").read_bytes() == (out / "events.csv").read_bytes()


@pytest.mark.parametrize("path", ["events.geojson", "site/data/events.geojson"])
def test_events_geojson(out, path):
    validate(json.loads((out / path).read_text(encoding="utf-8")), "events.geojson.schema.json")


def test_sites_geojson(out):
    validate(json.loads((out / "site" / "data" / "sites.geojson").read_text(encoding="utf-8")), "sites.geojson.schema.json")


def test_map_data(out):
    text = (out / "site" / "data" / "map-data.js").read_text(encoding="utf-8")
    prefix, suffix = "window.GEO_DATA = ", ";\n"
    assert text.startswith(prefix) and text.endswith(suffix)
    validate(json.loads(text[len(prefix):-len(suffix)]), "map-data.schema.json")


@pytest.mark.parametrize("schema", sorted(SCHEMAS))
def test_the_contract_document_names_every_field(schema):
    def fields(node):
        if isinstance(node, dict):
            for key, value in node.get("properties", {}).items():
                yield key
                yield from fields(value)
            for key in ("items", "$defs"):
                if isinstance(node.get(key), dict):
                    yield from (fields(node[key]) if key == "items" else (f for v in node[key].values() for f in fields(v)))
    geojson = {"type", "features", "geometry", "properties", "coordinates"}  # the GeoJSON standard's own
    missing = sorted({f for f in fields(SCHEMAS[schema]) if f"`{f}`" not in CONTRACT} - geojson)
    assert missing == []


def test_the_command_line_offers_every_format_of_events():
    assert EVENT_FORMATS == FORMATS
