"""A bare file name such as ``trotsky.html`` or ``Witness.pdf`` -> ``<ref target="...">``."""

from tei.ns import E

NAME = "link"
TRIGGERS = (".htm", ".pdf", ".xml", ".txt")
PATTERN = r"(?<![\w/.-])[A-Za-z0-9_][\w-]*(?:/[\w-]+)*\.(?:html?|pdf|xml|txt)(?![\w-])"


def apply(ctx, m, out):
    return [E("ref", m.group(), target=m.group())], m.end()
