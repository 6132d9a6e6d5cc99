"""One collector for every message a stage reports, printed as ``file:line:col: severity: msg``."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import TextIO

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    severity: str
    message: str
    file: str
    line: int = 0
    col: int = 0
    rule: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.col or 1}"
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class Diagnostics:
    """Collects diagnostics; stages report here instead of printing or raising."""

    items: list[Diagnostic] = field(default_factory=list)
    stream: TextIO | None = None

    def report(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)
        if self.stream is not None:
            print(diagnostic, file=self.stream)

    def warning(self, message: str, file: str, line: int = 0, col: int = 0, rule: str = "") -> None:
        self.report(Diagnostic(WARNING, message, file, line, col, rule))

    def error(self, message: str, file: str, line: int = 0, col: int = 0, rule: str = "") -> None:
        self.report(Diagnostic(ERROR, message, file, line, col, rule))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity == WARNING]


def to_stderr() -> Diagnostics:
    return Diagnostics(stream=sys.stderr)
