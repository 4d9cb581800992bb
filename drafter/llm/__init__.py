"""The LLM personalizer: any OpenAI-compatible endpoint (or langchain chat model) writes the
first line and the option labels of a draft; everything it returns is validated, and any
failure ends in a ``fallback_reason`` instead of an exception.

Importing this package is cheap: ``langchain_openai`` and ``openai`` load only when a chat
model is built, so rules-mode start-up never pays for them.
"""

from __future__ import annotations

from drafter.llm.chat_model import ModelRequestBlocked, build_chat_model, is_loopback_url
from drafter.llm.models import LLMResult, Personalization, PersonalizationRequest
from drafter.llm.personalizer import apersonalize

# Set False (the test suite does) to refuse every endpoint that is not on this machine.
ALLOW_MODEL_REQUESTS: bool = True

__all__ = [
    "ALLOW_MODEL_REQUESTS",
    "LLMResult",
    "ModelRequestBlocked",
    "Personalization",
    "PersonalizationRequest",
    "apersonalize",
    "build_chat_model",
    "is_loopback_url",
]
