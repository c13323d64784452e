"""The error types a run reports in one line: bad input (it names the file and, where
known, the line), and an output that could not be written (it names the path)."""

from __future__ import annotations

from pathlib import Path


class InputError(Exception):
    """Invalid input (corpus, gazetteer, lexicon, curated layer), located precisely."""

    def __init__(self, path: str | Path, message: str, line: int | None = None):
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):  # raised in a worker process, re-raised here
        return (InputError, (self.path, self.message, self.line))


class InputErrors(InputError):
    """Several input errors found in one pass, reported together."""

    def __init__(self, errors: list[InputError]):
        self.errors = errors
        first = errors[0]
        super().__init__(first.path, first.message, first.line)
        self.args = ("\n".join(str(e) for e in errors),)

    def __str__(self) -> str:
        return self.args[0]

    def __reduce__(self):
        return (InputErrors, (self.errors,))


class OutputError(Exception):
    """An output that cannot be written or published (a full disk, a folder without write
    permission, another build publishing to the same place): it names the path."""

    def __init__(self, path: str | Path, message: str):
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")

    def __reduce__(self):
        return (OutputError, (self.path, self.message))
