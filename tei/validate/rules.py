"""Editorial rules checked in Python because XPath 1.0 (Schematron) states them only at a
quadratic cost; they report like Schematron rules."""

from __future__ import annotations

from lxml import etree

from tei.validate import Located, Problem

PB = "{http://www.tei-c.org/ns/1.0}pb"


def pages_in_order(tree: etree._ElementTree, path: str, located: Located) -> list[Problem]:
    """Numbered pages of one edition (``pb/@edRef``; pages without one form a sequence of
    their own) rise in document order."""
    last: dict[str, tuple[float, str]] = {}
    problems = []
    for pb in tree.iter(PB):
        edition, n = pb.get("edRef"), pb.get("n", "")
        try:
            number = float(n)
        except ValueError:
            continue
        edition = edition or "the document"  # pages of no named edition: one sequence
        if edition in last and last[edition][0] >= number:
            line = pb.sourceline or 0
            problems.append(Problem(path, line, located.column(line, pb), "error",
                                    "pages-in-order", f"page {n} of {edition} follows page "
                                    f"{last[edition][1]}"))
        last[edition] = (number, n)
    return problems


RULES = (pages_in_order,)
