"""``[...]`` (an omission by the compiler) -> ``<gap reason="omitted"/>``."""

from tei.ns import E

NAME = "gap"
TRIGGERS = ("[",)
PATTERN = r"\[(?:\s*\.){3}\s*\]|\[\u2026\]"


def apply(ctx, m, out):
    return [E("gap", reason="omitted")], m.end()
