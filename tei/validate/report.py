"""Validation reports: text for people, JSON, JUnit XML and GitHub workflow commands for CI."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from lxml import etree

from tei.validate import Problem

FORMATS = ("text", "json", "junit", "github")


@dataclass
class Result:
    """Problems by file, in the order the files were checked."""

    files: dict[str, list[Problem]] = field(default_factory=dict)

    @property
    def problems(self) -> list[Problem]:
        return [p for found in self.files.values() for p in found]

    @property
    def invalid(self) -> list[str]:
        return [f for f, found in self.files.items()
                if any(p.severity == "error" for p in found)]

    def summary(self) -> str:
        errors = sum(p.severity == "error" for p in self.problems)
        warnings = len(self.problems) - errors
        files = len(self.files)
        text = (f"{files} file{'s' * (files != 1)}, {len(self.invalid)} invalid, "
                f"{errors} error{'s' * (errors != 1)}")
        return text + (f", {warnings} warning{'s' * (warnings != 1)}" if warnings else "")


def render(result: Result, fmt: str) -> str:
    return {"text": _text, "json": _json, "junit": _junit, "github": _github}[fmt](result)


def _text(result: Result) -> str:
    return "".join(f"{p}\n" for p in result.problems)


def _json(result: Result) -> str:
    return json.dumps([asdict(p) for p in result.problems], indent=2, ensure_ascii=False) + "\n"


def _junit(result: Result) -> str:
    suite = etree.Element("testsuite", name="tei validate", tests=str(len(result.files)),
                          failures=str(len(result.invalid)), errors="0")
    for file, found in result.files.items():
        case = etree.SubElement(suite, "testcase", classname="tei.validate", name=file)
        errors = [p for p in found if p.severity == "error"]
        if errors:
            failure = etree.SubElement(case, "failure", type=errors[0].rule,
                                       message=f"{len(errors)} error(s); first: "
                                               f"{errors[0].message}")
            failure.text = "".join(f"{p}\n" for p in found)
        elif found:
            etree.SubElement(case, "system-out").text = "".join(f"{p}\n" for p in found)
    root = etree.Element("testsuites")
    root.append(suite)
    return etree.tostring(root, pretty_print=True, xml_declaration=True,
                          encoding="UTF-8").decode("utf-8")


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _github(result: Result) -> str:
    lines = []
    for p in result.problems:
        command = "error" if p.severity == "error" else "warning"
        props = [f"file={_escape_property(p.file)}"]
        if p.line:
            props += [f"line={p.line}", f"col={p.col}"]
        props.append(f"title={_escape_property(p.rule)}")
        lines.append(f"::{command} {','.join(props)}::{_escape_data(p.message)}\n")
    return "".join(lines)


def expand(paths: Sequence[str]) -> list[str]:
    """Files named, XML files under folders named, and matches of glob patterns."""
    import glob
    from pathlib import Path

    out: list[str] = []
    for raw in paths:
        path = Path(raw)
        if any(c in raw for c in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            out += [m for m in matches if Path(m).is_file()] or [raw]
        elif path.is_dir():
            out += sorted(str(p) for p in path.rglob("*.xml") if p.is_file())
        else:
            out.append(raw)
    return out
