"""geo: map the sites that news documents cite."""

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"

__version__ = "0.1.0"
