"""The customer's own details, found conservatively."""

from __future__ import annotations

import pytest

from drafter.drafting.extraction import extract


@pytest.mark.parametrize(
    ("message", "order_id"),
    [
        ("my order 58213 is 4 days late!!", "58213"),
        ("Order #48213 was due Monday", "48213"),
        ("where is #77120?", "77120"),
        ("order number: A-99812 never came", "A-99812"),
        ("A 58213-as rendelésem még nem jött meg", None),
        ("rendelésszám 58213, hol van?", "58213"),
        ("Պատվեր 58213-ը դեռ չկա", "58213"),
        ("Bestellung 123456 fehlt", "123456"),
        ("mi pedido 4455 no llegó", "4455"),
        ("заказ 99812 не пришёл", "99812"),
        ("call me at 06301234567, nothing arrived", None),
        ("I paid 4999 forints and nothing came", None),
    ],
)
def test_order_numbers_only_next_to_an_order_word(message: str, order_id: str | None) -> None:
    assert extract(message).order_id == order_id


def test_item_from_the_customers_words() -> None:
    assert extract("my new blender arrived broken").item == "blender"
    assert extract("the desk lamp is cracked").item == "desk lamp"
    assert extract("my order is late").item is None
    assert extract("my package was stolen").item is None
