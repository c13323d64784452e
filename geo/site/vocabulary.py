"""What the map page shows of the pipeline's vocabularies, emitted into its data
(``GEO_DATA.vocabulary``) so that its scripts and templates hold no copy of their own:
the statuses (and what each means), the event types, and how each kind of place is drawn."""

from __future__ import annotations

from geo.events.model import EVENT_KINDS, STATUSES
from geo.gazetteer import GEO_PRECISIONS, LAYER_MEANINGS, LAYERS

__all__ = ["EVENT_COLOURS", "MARKER_CLASSES", "MARKERS", "vocabulary"]

# How a kind of place is drawn on the map: its marker class ...
MARKER_CLASSES = {
    "airbase": "military", "base": "military", "outpost": "military", "facility": "military",
    "airport": "airport", "border-crossing": "crossing", "gas-field": "field", "oil-field": "field",
    "port": "port", "city": "city", "town": "city", "village": "city", "district": "city", "square": "city",
}
# ... and each class's colour and legend label; areas (countries, regions, seas) are not drawn.
MARKERS = {
    "military": ("#c62828", "base, airbase, outpost"),
    "airport": ("#ef6c00", "airport"),
    "crossing": ("#6a1b9a", "border crossing"),
    "field": ("#6d4c41", "gas or oil field"),
    "port": ("#00838f", "port"),
    "city": ("#1565c0", "city, town, district"),
    "other": ("#546e7a", "other"),
}
OTHER = "other"
# ... or, as the reader chooses, by the type of the events there (the most frequent in the window).
EVENT_COLOURS = {"air-drone": "#c2185b", "shelling": "#e65100", "explosive": "#f9a825", "violence": "#000000", "clash": "#b71c1c",
                 "capture": "#4a148c", "recapture": "#1a237e", "interception": "#5e35b1", "arrest": "#455a64",
                 "agreement": "#558b2f", "base": "#9e9d24", "other": "#00838f", "protest": "#2e7d32",
                 "change": "#795548"}


def vocabulary() -> dict:
    return {
        "statuses": list(STATUSES),
        "status_meanings": dict(STATUSES),
        "sub_event_types": [sub for _, sub in EVENT_KINDS.values()],
        "marker_classes": MARKER_CLASSES,
        # how the legend shows an approximate position: the derived layers hold towns
        "approximate_marker": MARKER_CLASSES["town"],
        "precise_layer": LAYERS[0],  # the curated sites; the derived layers' positions are approximate
        "layer_meanings": LAYER_MEANINGS,
        "geo_precisions": {str(code): words for code, words in GEO_PRECISIONS.items()},
        # a list, in the legend's order (the data's objects are written with sorted keys)
        "markers": [{"name": name, "colour": colour, "label": label, "in_legend": name != OTHER}
                    for name, (colour, label) in MARKERS.items()],
        "other_marker": OTHER,  # a kind of place the classes do not know
        "event_colours": {sub: EVENT_COLOURS[kind] for kind, (_, sub) in EVENT_KINDS.items()},
    }
