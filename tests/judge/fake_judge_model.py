"""Kept for importers written before ``tests/fakes``: the judge's fakes now live there."""

from fakes.chat_models import ScriptedChatModel as CountingChatModel
from fakes.chat_models import verdict

__all__ = ["CountingChatModel", "verdict"]
