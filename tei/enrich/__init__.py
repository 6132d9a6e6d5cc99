"""Enrichers: passes over the built TEI tree, in a fixed order.

An enricher is a module with ``NAME`` and ``apply(root, state)``; it changes the tree in place
and reports to ``state.diagnostics``.
"""

from tei.enrich import dates, foreign, names, ocr

# foreign first: a phrase is identified on its whole text before names split it into elements;
# dates after names, so that a date never cuts a name in two; OCR suspects last, among what is
# left (names, foreign words and dates are not misspellings).
ENRICHERS = (foreign, names, dates, ocr)
