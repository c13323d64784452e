"""The engine beside the pipeline: one runner of per-document work (in process, local
processes, Dask), its configuration, and the process pools of the stages that spread."""

from geo.engine.config import EngineConfig
from geo.engine.runner import DocumentWork, batches, process_pool, run_documents

__all__ = ["DocumentWork", "EngineConfig", "batches", "process_pool", "run_documents"]
