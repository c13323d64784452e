"""Events: dated, located, typed records of what the documents tell, each with the
words that tell it.  Each document's tellings are extracted clause by clause, corrected
by the curated layer, and merged across documents into records (ACLED's types)."""

from geo.events.curated import read_curated
from geo.events.model import (
                              ATTACK_KINDS,
                              EVENT_KINDS,
                              FIELDS,
                              STATUSES,
                              TIME_PRECISIONS,
                              WEAPONS,
                              Event,
                              EventRecord,
                              Telling,
                              TellingRecord,
)
from geo.events.stage import DocumentOutput, corpus_events, document_output, document_tellings, event_lines, spooled_event_lines
from geo.events.writers import FORMATS, EventsOut, events_out, to_geojson, write_event_lines, write_events

__all__ = ["ATTACK_KINDS", "EVENT_KINDS", "FIELDS", "FORMATS", "STATUSES", "TIME_PRECISIONS", "WEAPONS",
           "DocumentOutput", "Event", "EventRecord", "EventsOut", "Telling", "TellingRecord", "corpus_events",
           "document_output", "document_tellings", "event_lines", "events_out", "read_curated", "spooled_event_lines",
           "to_geojson", "write_event_lines", "write_events"]
