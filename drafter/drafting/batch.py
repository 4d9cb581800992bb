"""Many drafts at once: a bounded number in flight, answers in input order, errors in place.

A batch file from an agent mixes good lines with typos; with ``return_exceptions`` each bad
line yields its ``DraftingError`` where its draft would be, so one typo does not cost the
other drafts and the results still line up with the input lines.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

from drafter.drafting.draft import Draft, DraftingError
from drafter.drafting.inputs import batch_arguments


async def draft_in_order(
    asuggest: Callable[..., Awaitable[Draft]],
    messages: Iterable[str | Mapping[str, Any]],
    *,
    concurrency: int,
    channel: str,
    return_exceptions: bool,
    progress: Callable[[int], None] | None,
) -> list[Any]:
    """``asuggest`` for every item, at most ``concurrency`` at a time; ``progress`` gets the
    count done after each item, whether it drafted or failed."""
    items = list(messages)
    gate = asyncio.Semaphore(max(1, concurrency))
    done = 0

    async def one(item: str | Mapping[str, Any]) -> Draft | DraftingError:
        nonlocal done
        async with gate:
            try:
                return await asuggest(**batch_arguments(item, channel))
            except DraftingError as exc:
                if not return_exceptions:
                    raise
                return exc
            finally:
                done += 1
                if progress is not None:
                    progress(done)

    return list(await asyncio.gather(*(one(item) for item in items)))
