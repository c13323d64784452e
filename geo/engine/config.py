"""How a run spreads its per-document work: an explicit, picklable configuration."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["ENGINES", "EngineConfig"]

ENGINES = ("local", "dask")


@dataclass(frozen=True)
class EngineConfig:
    """``jobs``: local processes for the per-document work (and the merge and the pages
    that can be spread); ``engine`` "dask" sends the documents to the Dask cluster at
    ``scheduler``; ``documents_base``: a path or URL prefix where workers read the
    documents, when it is not the corpus folder as this machine sees it."""

    jobs: int = 1
    engine: str = "local"
    scheduler: str | None = None
    documents_base: str | None = None

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ValueError(f"engine must be one of {ENGINES}, got {self.engine!r}")
        if self.jobs < 1:
            raise ValueError(f"jobs must be 1 or more, got {self.jobs}")
        if self.engine == "dask" and not self.scheduler:
            raise ValueError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
