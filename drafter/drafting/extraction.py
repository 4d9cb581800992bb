"""What the customer told us that a reply should repeat back: the order number and the item.

Mirroring the customer's own details is the cheapest proof that we read the message, and
asking again for an order number the customer already gave is the classic over-question.
Extraction is deliberately conservative: a number only counts as an order number next to a
word for "order" (or after ``#``), so phone numbers and amounts are left alone.
"""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict

_ORDER_WORDS = (
    r"order(?:\s+(?:number|no\.?|nr\.?|id))?|ord\.?|invoice|booking(?:\s+ref(?:erence)?)?"
    r"|rendelés(?:em|ünk|szám(?:om|a)?)?|rendelési\s+szám|megrendelés(?:em)?"
    r"|պատվեր(?:ս|ը|ի|ի\s+համար(?:ը)?)?"
    r"|bestellung(?:snummer)?|auftrag(?:snummer)?"
    r"|pedido|número\s+de\s+pedido|orden"
    r"|заказ(?:а)?(?:\s+номер)?|номер\s+заказа"
)
_ORDER = re.compile(
    rf"(?:\b(?:{_ORDER_WORDS})\s*(?:#|no\.?|nr\.?|:|-|number|szám|համար|№)?\s*"
    r"(?P<id>[A-Z]{0,3}-?\d{4,12})\b)"
    r"|(?:(?<![\w&])#\s?(?P<hash>[A-Z]{0,3}-?\d{4,12})\b)",
    re.IGNORECASE,
)
# "my new blender arrived broken", "the lamp is cracked": the words between the article and
# the verb, when they are not a word for the order or parcel itself.
_ITEM = re.compile(
    r"\b(?:my|the)\s+(?:new\s+)?(?P<item>[a-z][a-z\-]{2,}(?:\s[a-z][a-z\-]{2,})?)\s+"
    r"(?:arrived|came|is|was|has|got|broke|stopped|doesn't|does\s+not|won't)\b",
    re.IGNORECASE,
)
_NOT_ITEM_WORDS = (
    "order package parcel delivery shipment account app site website card payment refund money "
    "courier driver tracking booking reservation appointment subscription password login page "
    "service problem issue price charge bill invoice box item product thing stuff one same "
    "wrong whole last first"
)
_NOT_ITEMS = frozenset(_NOT_ITEM_WORDS.split())


class Extracted(BaseModel):
    """Details found in the message; None where the message does not say."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    order_id: str | None = None
    item: str | None = None


def extract(message: str) -> Extracted:
    """The order number and item the customer mentions, if any."""
    order = _ORDER.search(message)
    order_id = (order.group("id") or order.group("hash")) if order else None
    item = None
    for match in _ITEM.finditer(message):
        words = match.group("item").lower().split()
        if not any(word in _NOT_ITEMS for word in words):
            item = match.group("item").lower()
            break
    return Extracted(order_id=order_id, item=item)
