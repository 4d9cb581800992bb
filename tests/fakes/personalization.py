"""A personalization request and a valid answer to it, shared by the LLM tests and benchmarks.

One sample keeps the prompt, validation, stub and overhead figures about the same request.
"""

from __future__ import annotations

from drafter.llm import PersonalizationRequest

REQUEST = PersonalizationRequest(
    message="my order 58213 is 4 days late!! where is it",
    scenario="late_delivery",
    entry_id="late_delivery_recovery",
    language="en",
    channel="whatsapp",
    first_line="I can see your order 58213 still hasn't reached you, and I understand how "
    "frustrating the wait is.",
    options=["send a replacement out today", "refund you in full right away"],
    allowed_times=["within 20 minutes"],
)
GOOD = (
    '{"first_line": "Your order 58213 is now 4 days late and still not with you, I get how '
    'annoying that is.", "options": ["ship a new one to you today", "give you a full refund '
    'straight away"]}'
)
