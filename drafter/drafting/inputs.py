"""Checking what callers hand the drafter, so bad input ends in a clear ``DraftingError``.

Agents paste anything (binary files, a whole mailbox, text in a legacy encoding) and batch
files have typos; each case gets a message that says what to do, never a traceback.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

from drafter.catalog import CHANNEL_STYLE
from drafter.drafting.draft import DraftingError

# Longer messages are cut before retrieval and keyword checks: a complaint that matters is in
# its first few thousand characters, and a 1 MB paste must not cost seconds per draft.
MAX_MESSAGE_CHARS = 4000
BATCH_KEYS = frozenset({"message", "channel", "customer", "template", "language"})


def channel_style(channel: str) -> str:
    style = CHANNEL_STYLE.get(channel) if isinstance(channel, str) else None
    if style is None:
        raise DraftingError(
            f"unknown channel {channel!r}; use one of: {', '.join(sorted(CHANNEL_STYLE))}"
        )
    return style


def message_text(message: str | bytes | None, *, required: bool, warnings: list[str]) -> str:
    """The message as clean text, or a ``DraftingError`` saying why it cannot be drafted from."""
    if message is None:
        message = ""
    if isinstance(message, bytes | bytearray):
        try:
            message = bytes(message).decode("utf-8")
        except UnicodeDecodeError:
            raise DraftingError(
                "the message is not UTF-8 text (binary data or another encoding); paste it as text"
            ) from None
    if not isinstance(message, str):
        raise DraftingError(f"the message must be text, got {type(message).__name__}")
    if "\x00" in message or _control_share(message[:MAX_MESSAGE_CHARS]) > 0.1:
        raise DraftingError("the message looks like binary data, not a customer's text")
    if len(message) > MAX_MESSAGE_CHARS:
        warnings.append(
            f"the message is {len(message):,} characters long; only the first "
            f"{MAX_MESSAGE_CHARS:,} were read: check the rest yourself"
        )
        message = message[:MAX_MESSAGE_CHARS]
    message = unicodedata.normalize("NFC", message).strip()
    if required and not message:
        raise DraftingError("the message is empty: give the customer's message (or --template)")
    return message


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(
        1 for c in text if unicodedata.category(c) in ("Cc", "Cs", "Co") and c not in "\n\r\t"
    )
    return controls / len(text)


def batch_arguments(item: str | Mapping[str, Any], channel: str) -> dict[str, Any]:
    if isinstance(item, str | bytes):
        return {"message": item, "channel": channel}
    if not isinstance(item, Mapping):
        raise DraftingError(f"a batch item must be a message or an object, got {item!r}")
    unknown = sorted(set(item) - BATCH_KEYS)
    if unknown:
        raise DraftingError(
            f"unknown keys {unknown} in batch item; allowed: {', '.join(sorted(BATCH_KEYS))}"
        )
    return {"channel": channel, **item}
