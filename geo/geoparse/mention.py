"""A place mention: where a document names a place, and what the geoparser made of it."""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["FIELDS", "LITERAL_READINGS", "READINGS", "Mention"]

# How a name is used (the pragmatic readings of GeoWebNews, Gritta et al. 2020):
READINGS = {
    "literal": "the place itself: where something is, happens, goes or comes from",
    "literal_modifier": "a noun's location (the Syria border, the Baghdad embassy)",
    "associative_modifier": "a side, a nationality or a sponsor, not a place (US forces, Iran-backed)",
    "metonymic": "its government, army or people acting (Iran denied, Washington's support)",
}
LITERAL_READINGS = frozenset({"literal", "literal_modifier"})


class Mention(NamedTuple):  # a tuple: a corpus has hundreds of thousands, made and pickled cheaply
    doc: str
    start: int
    end: int
    surface: str
    site_id: str
    name: str
    kind: str
    country: str
    lat: float | None
    lon: float | None
    literal: bool  # the reading is literal or literal_modifier: the text cites the place itself
    reading: str  # literal | literal_modifier | associative_modifier | metonymic (READINGS)
    status: str  # resolved | ambiguous | unresolved
    precision: int | None  # geo_precision, ACLED's sense: 1 site, 2 approximate, 3 area
    uncertainty_m: int | None
    layer: str  # curated | fallback | ""
    candidates: tuple[str, ...]
    sentence: str
    sentence_start: int

    def as_record(self) -> dict:
        return {
            "doc": self.doc, "start": self.start, "end": self.end, "surface": self.surface,
            "site_id": self.site_id, "name": self.name, "kind": self.kind, "country": self.country,
            "lat": self.lat, "lon": self.lon, "literal": self.literal, "reading": self.reading, "status": self.status,
            "precision": self.precision, "uncertainty_m": self.uncertainty_m, "layer": self.layer,
            "candidates": "|".join(self.candidates), "sentence": self.sentence,
            "sentence_start": self.sentence_start,
        }


FIELDS = Mention._fields
