"""Validation: one interface over the project's schema (XSD 1.1 + Schematron), any XSD, RELAX NG
or Schematron file, reporting ``file:line:col`` problems.

A schema is loaded (compiled) once per process per file and version; :func:`check_file`
parses a document safely and returns its problems, most serious first in document order.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from lxml import etree

from tei.io import InputError, explain_parse_error, external_entities, safe_parser
from tei.resources import folder

SCHEMA_DIR = folder("schema")
PROJECT_XSD = SCHEMA_DIR / "tei-edition.xsd"
PROJECT_SCH = SCHEMA_DIR / "tei-edition.sch"


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    col: int
    severity: str
    rule: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        return f"{where}: {self.severity}: {self.message} [{self.rule}]"


class Validator(Protocol):
    name: str

    def check(self, tree: etree._ElementTree, path: str, located: Located) -> list[Problem]: ...


@dataclass
class Located:
    """Finds columns: schema engines give lines, a reader wants the column of the tag."""

    text: str
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.lines = self.text.split("\n")

    def column(self, line: int, el: etree._Element | None = None, hint: str = "") -> int:
        if not 0 < line <= len(self.lines):
            return 1
        source = self.lines[line - 1]
        for needle in (hint, _qname(el)):
            if needle:
                at = source.find(needle)
                if at >= 0:
                    return at + 1
        return len(source) - len(source.lstrip()) + 1


def _qname(el: etree._Element | None) -> str:
    if el is None or not isinstance(el.tag, str):
        return ""
    local = el.tag.rsplit("}", 1)[-1]
    prefix = el.prefix
    return f"<{prefix}:{local}" if prefix else f"<{local}"


def load(schema: Path | None = None) -> Validator:
    """The validator for a schema file (by extension), or the project's own."""
    if schema is None:
        return _load(None, 0)
    try:
        return _load(str(schema.resolve()), os.stat(schema).st_mtime_ns)
    except OSError as exc:
        raise InputError(f"cannot read schema: {exc.strerror or exc}", str(schema)) from None


@lru_cache(maxsize=16)
def _load(path: str | None, _mtime: int) -> Validator:
    from tei.validate import engines

    if path is None:
        return engines.ProjectSchema(PROJECT_XSD, PROJECT_SCH)
    suffix = Path(path).suffix.lower()
    if suffix == ".rng":
        return engines.RelaxNG(Path(path))
    if suffix in (".sch", ".schematron"):
        return engines.Schematron(Path(path))
    if suffix == ".xsd":
        return engines.XSD(Path(path))
    raise InputError("unknown schema type (expected .xsd, .rng or .sch)", path)


def read_document(path: Path) -> tuple[etree._ElementTree | None, str, list[Problem]]:
    """(tree, text, problems): a malformed document gives no tree and its parse error.
    Raises InputError for a file that cannot be read or is not text."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", str(path)) from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file, not XML", str(path))
    text = data.decode("utf-8", errors="replace")
    try:
        tree = etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=str(path)))
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        # the parser enforces xml:id uniqueness (an ID validity constraint)
        rule = "unique-id" if "already defined" in exc.msg else "well-formed"
        message = explain_parse_error(exc.msg, data)
        if message != exc.msg and "external entit" in message:
            rule = "external-entity"
        return None, text, [Problem(str(path), line, col + 1 if line else 0, "error", rule,
                                    message)]
    external = external_entities(tree)
    if external:
        return None, text, [Problem(str(path), line, 1, "error", "external-entity",
                                    f"the external entity &{name}; is never read "
                                    "(external entities are refused)")
                            for name, line in external]
    return tree, text, []


def check_file(path: Path, validator: Validator) -> list[Problem]:
    tree, text, problems = read_document(path)
    if tree is None:
        return problems
    return validator.check(tree, str(path), Located(text))
