"""Drafting replies: the ``Drafter``, the ``Draft`` it returns, and the rules personalizer."""

from drafter.drafting.draft import SCHEMA_VERSION, Draft, DraftingError, Step
from drafter.drafting.engine import Drafter

__all__ = ["SCHEMA_VERSION", "Draft", "Drafter", "DraftingError", "Step"]
