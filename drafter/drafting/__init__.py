"""Drafting replies: the ``Drafter`` facade and the ``Draft`` it returns.

One module per step: ``rules_draft`` writes the offline draft (``rules``, ``times``,
``extraction``, ``escalation`` supply its parts), ``llm_step`` decides whether the LLM may
personalize it and falls back with the reason, ``batch`` keeps input order for many messages.
"""

from drafter.drafting.draft import SCHEMA_VERSION, Draft, DraftingError, Step
from drafter.drafting.engine import Drafter

__all__ = ["SCHEMA_VERSION", "Draft", "Drafter", "DraftingError", "Step"]
