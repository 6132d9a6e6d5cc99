"""Enrichers: passes over the built TEI tree, in a fixed order.

An enricher is a module with ``NAME`` and ``apply(root, state)``; it changes the tree in place
and reports to ``state.diagnostics``.
"""

from tei.enrich import foreign, names

# foreign first: a phrase is identified on its whole text before names split it into elements
ENRICHERS = (foreign, names)
