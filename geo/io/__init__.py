"""Files in and out: CSV tables read with their line numbers, records written
atomically, GeoJSON helpers, and the scratch folders and files of a run."""

from geo.io.geojson import rounded
from geo.io.output import CsvRecords, CsvWriter, atomic_output, json_line, write_records
from geo.io.scratch import alive, remove_abandoned, scratch_db, scratch_folder, stops_deferred
from geo.io.tables import read_rows

__all__ = ["CsvRecords", "CsvWriter", "alive", "atomic_output", "json_line", "read_rows", "remove_abandoned", "rounded",
           "scratch_db", "scratch_folder", "stops_deferred", "write_records"]
