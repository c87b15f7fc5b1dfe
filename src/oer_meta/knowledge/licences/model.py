"""What the licence parser concludes: :class:`Licence` (a model type, defined in
:mod:`oer_meta.model.licence`; this import path stays for callers)."""

from oer_meta.model.licence import STATEMENT_FAMILIES, How, Licence, Openness

__all__ = ["STATEMENT_FAMILIES", "How", "Licence", "Openness"]
