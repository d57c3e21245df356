"""The one error a document reader raises: it names the file and, where it can, the line."""

from __future__ import annotations

from pathlib import Path


class ParseError(Exception):
    """A document or manifest that cannot be read; str() is ``PATH:LINE: message`` (or ``PATH: message``)."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        self.path, self.line, self.message = str(path), line, message
        super().__init__(f"{self.path}:{line}: {message}" if line is not None else f"{self.path}: {message}")
