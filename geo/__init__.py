"""geo: map the sites that news documents cite.

The pipeline's stages are its packages, each importing only those before it:
``geo.text`` and ``geo.io`` (the ground floor), ``geo.corpus``, ``geo.gazetteer``,
``geo.engine``, ``geo.geoparse``, ``geo.events``, then ``geo.site`` and ``geo.evaluate``;
``geo.cli`` is the command line over them.
"""

from pathlib import Path

__all__ = ["DATA_DIR", "FORMAT_VERSION", "__version__"]

DATA_DIR = Path(__file__).resolve().parent / "data"

# The version of the output formats (docs/data-contract.md): raised when a field is
# removed, renamed or changes meaning; adding a field keeps it.
FORMAT_VERSION = 1

__version__ = "0.2.0"
