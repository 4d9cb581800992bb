"""The scenario catalog: stable ids that playbooks, drafts and eval suites refer to.

The ids are part of the public API (other services store them), so they live in one
place and every file format validates against this list rather than a free string.
"""

from __future__ import annotations

INCOMING_SCENARIOS: dict[str, str] = {
    "late_delivery": "Order late, tracking stuck, marked delivered but not there, driver no-show",
    "damaged_item": "Arrived broken, defective, leaking or with missing parts",
    "wrong_item": "Wrong product, size, colour or quantity, or someone else's parcel",
    "booking_problem": "Reservation or appointment not confirmed, missing, wrong date or pending",
    "unexpected_charge": "Double charge, unknown charge, renewal after cancelling, price mismatch",
    "refund_request": "Wants money back or asks where a refund is",
    "service_outage": "Site, app or API down for many customers",
    "bug_report": "A feature misbehaves for this customer",
    "feature_request": "Asks for a feature",
    "discount_request": "Asks for a discount, coupon or special price",
    "competitor_comparison": "Asks how we differ from a competitor",
    "wrong_company": "Clearly meant for another business",
    "account_access": "Cannot log in, 2FA trouble, locked out or hacked",
    "cancellation": "Cancel an order or subscription, or delete the account",
    "greeting": "A greeting with no content yet",
}

AGENT_INITIATED: dict[str, str] = {
    "follow_up_check": "Did the problem get sorted?",
    "issue_resolved": "The bug the customer reported is fixed",
    "feature_released": "The feature the customer asked for is live",
    "offline_message": "The customer wrote while the team was offline",
    "missed_chat": "Sorry we missed your chat (email)",
    "inactive_followup": "The customer left a message a while ago",
    "csat_request": "How did we do?",
    "anything_else": "Closing question",
}

ALL_SCENARIOS: frozenset[str] = frozenset(INCOMING_SCENARIOS) | frozenset(AGENT_INITIATED)

# Channels an agent works in, and the text style each one wants: chat apps want two to four
# short sentences, email allows a greeting, detail and a sign-off.
CHANNEL_STYLE: dict[str, str] = {
    "whatsapp": "chat",
    "instagram": "chat",
    "telegram": "chat",
    "messenger": "chat",
    "webchat": "chat",
    "email": "email",
}

# Languages every incoming-scenario entry must be written in.
REQUIRED_LANGUAGES: tuple[str, ...] = ("en", "hu", "hy")

# Data an agent may ask a customer for. Anything touching full card data or secrets is
# deliberately absent so a playbook cannot even declare it.
ASKABLE_FIELDS: dict[str, str] = {
    "order_id": "order number",
    "email": "email address used for the order or account",
    "phone": "phone number",
    "card_last4": "last four digits of the card",
    "photo_item": "photo of the item",
    "photo_label": "photo of the shipping label",
    "booking_ref": "booking reference",
    "preferred_slot": "preferred time slot",
    "delivery_address": "delivery address",
    "username": "username or account email",
    "screenshot": "screenshot of the error",
    "device": "device and app version",
    "reason": "reason for cancelling",
}

# Placeholders whose value the customer record may supply; a playbook must give a fallback
# for these because the agent may not know them.
CUSTOMER_FIELDS: frozenset[str] = frozenset(
    {"first_name", "last_name", "order_id", "email", "phone", "item", "booking_ref", "plan"}
)

# Placeholders drafter always fills itself (from settings or the playbook's own data).
BUILTIN_PLACEHOLDERS: frozenset[str] = frozenset(
    {"company", "agent_name", "support_url", "options"}
)

# Names of languages for prompts and warnings (a reply may be asked for in any of them).
LANGUAGE_NAMES: dict[str, str] = {
    "en": "English",
    "hu": "Hungarian",
    "hy": "Armenian",
    "de": "German",
    "es": "Spanish",
    "fr": "French",
    "it": "Italian",
    "pt": "Portuguese",
    "ru": "Russian",
    "pl": "Polish",
    "nl": "Dutch",
    "uk": "Ukrainian",
}
