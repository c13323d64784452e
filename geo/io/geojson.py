"""Small GeoJSON helpers."""

from __future__ import annotations


def rounded(geometry: dict, digits: int) -> dict:
    """A GeoJSON geometry with its coordinates rounded (smaller files, stable bytes)."""
    def walk(value):
        if isinstance(value, (list, tuple)):
            if value and isinstance(value[0], float):
                return [round(v, digits) for v in value]
            return [walk(v) for v in value]
        return value
    return {"type": geometry["type"], "coordinates": walk(geometry["coordinates"])}
