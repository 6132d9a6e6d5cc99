"""Source text split into blocks, with every offset mappable to ``line:col``."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_BLOCK = re.compile(r"[^\n]*\S[^\n]*(?:\n[^\n]*\S[^\n]*)*")


@dataclass(frozen=True)
class Block:
    """A run of non-blank lines; ``offset`` is where its first non-space character sits."""

    text: str
    offset: int

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


class Source:
    def __init__(self, text: str, name: str) -> None:
        self.text = text
        self.name = name
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1

    def find(self, text: str, line: int) -> tuple[int, int]:
        """Position of the first ``text`` at or after the start of ``line``; that line's
        start if it is not found."""
        start = self._line_starts[line - 1]
        at = self.text.find(text, start)
        return self.position(at) if at >= 0 else (line, 1)

    def line(self, number: int) -> str:
        """The text of 1-based line ``number``."""
        start = self._line_starts[number - 1]
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]

    def blocks(self) -> list[Block]:
        out = []
        for m in _BLOCK.finditer(self.text):
            raw = m.group()
            stripped = raw.lstrip()
            start = m.start() + len(raw) - len(stripped)
            out.append(Block(stripped.rstrip(), start))
        return out
