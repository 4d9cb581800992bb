"""Checks on what the model wrote, before any of it reaches a draft.

The customer's message is untrusted and the model may obey it, so nothing the model adds is
taken on trust: every money amount, offer, date, time and promise must already be in what
the playbook allows (the rules draft's first line, the allowed options and times), numbers
must come from the request, and the reply must keep the channel's length, the option count
and the customer's language. Each problem is a short sentence, because it is fed back to
the model on the retry.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from drafter.cards import find_card_numbers
from drafter.llm.models import Personalization, PersonalizationRequest
from drafter.llm.prompt import channel_style


class ChannelLimits(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    first_line_chars: int
    option_chars: int


# A little looser than the lengths the prompt asks for, so a near miss is not a fallback.
LIMITS: dict[str, ChannelLimits] = {
    "chat": ChannelLimits(first_line_chars=200, option_chars=80),
    "email": ChannelLimits(first_line_chars=400, option_chars=140),
}

# Offers the model may only repeat, never introduce. Kept here rather than borrowed from the
# scorer because an LLM check must be stricter: a mere mention is enough to reject.
_OFFERS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern, re.IGNORECASE)
    for name, pattern in {
        "money": r"[$€£¥₽֏]|\b(?:usd|eur|gbp|huf|amd|rub|ft|dollars?|bucks|euros?|pounds?|"
        r"forint\w*|dram\w*|rubl\w*|cents?)\b|դրամ|եվրո|դոլար",
        "discount": r"\d\s*%|\bpercent\b|\bdiscount|% ?off\b|price reduction|special price|"
        r"kedvezmény|árengedmény|százalék|զեղչ|տոկոս|rabatt|descuento|скидк",
        "voucher": r"\bvoucher|coupon|gift ?card|promo code|\bcode for\b|kupon|utalvány|"
        r"ajándék|վաուչեր|կտրոն|նվեր|gutschein|cupón|cupon|купон|сертификат",
        "credit": r"\bcredit(?! ?card)|\bcompensat|goodwill|\bbonus|jóváír|kárpótl|kompenzáci|"
        r"փոխհատուց|բոնուս|entschädigung|compensación|компенсац",
        "free": r"\bfree\b|free of charge|at no (?:extra )?cost|complimentary|\bon us\b|"
        r"ingyen|díjmentes|անվճար|gratis|kostenlos|бесплатн",
        "refund": r"\brefund|money back|reimburs|visszatérít|visszautal|visszafizet|"
        r"վերադարձն\w* .{0,20}գումար|գումար\w* .{0,20}վերադարձ",
        "promise": r"\bguarantee|\bpromise|\bwarrant|garantál|ígér|երաշխ|խոստան|for life|"
        r"lifetime|forever|örökre|ընդմիշտ|liabilit|\badmit|felelősség|պատասխանատվ",
        "multiple": r"\bdouble|\btriple|\btwice the|three times|\b\d+\s*x\b|kétszeres|dupla|"
        r"háromszoros|կրկնակի|եռապատիկ",
        "upgrade": r"\bupgrade|\bsuite\b|\bvip\b|\bpremium\b|felminősít|բարելավ",
        "period": r"\b(?:\d+|one|two|three|six|twelve)[\s-]*(?:months?|years?)\b|hónap|"
        r"\d+\s*év\b|ամիս|տարի",
        "card_data": r"\bcvv|\bcvc|expiry|expiration|security code|\bpin\b|lejárat|"
        r"biztonsági kód",
        "disclosure": r"system ?prompt|instruction|\bapi[ _-]?key|\bsk-|\bprompt\b|"
        r"utasítás|útmutató|հրահանգ|password is|jelszava:|jelszava az|գաղտնաբառն է",
        "date": r"\b(?:tomorrow|tonight|next (?:week|month|day)|monday|tuesday|wednesday|"
        r"thursday|friday|saturday|sunday|january|february|march|april|june|july|august|"
        r"september|october|november|december|holnap|jövő hét|hétfő|kedd|szerd|csütörtök|"
        r"péntek|szombat|vasárnap|január|február|március|április|május|június|július|"
        r"augusztus|szeptember|október|november|december)\w*|վաղը|երկուշաբթի|երեքշաբթի|"
        r"չորեքշաբթի|հինգշաբթի|ուրբաթ|շաբաթ|կիրակի|\b\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?\b",
        "time": r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(?:am|pm|a\.m\.|p\.m\.|órá\w*|ժամ\w*)"
        r"|\b(?:noon|midnight|dél\w*|éjfél\w*)",
    }.items()
}

# Asking for secrets: a request word and a secret noun in the same sentence.
_SECRET = re.compile(
    r"card ?number|card details|full card|expiry|expiration|\bcvv|\bcvc|security code|\bpin\b|"
    r"password|passcode|one[- ]time code|kártyaszám|kártyaadat|lejárat|biztonsági kód|jelszó|"
    r"jelszav|քարտի համար|գաղտնաբառ|պին",
    re.IGNORECASE,
)
_ASK = re.compile(
    r"\b(?:send|give|share|provide|tell|confirm|type|enter|reply with|write|what is|what's)\b|"
    r"küld|add(?:ja)? meg|írja meg|ír(?:ja|d) be|oszd meg|ուղարկ|գրեք|ասեք|նշեք|տրամադր",
    re.IGNORECASE,
)
# Codes like SAVE20 or STAFF100: a discount code the customer planted is still a voucher.
_CODE = re.compile(r"\b(?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9-]{5,}\b")
# Numbers from the customer's message the model may repeat without the playbook's say-so:
# small counts ("5 days", "the 3rd"). Order numbers reach the output through the rules
# draft's first line, which mirrors them; amounts ("refund 4999 EUR") do not get through.
MAX_FREE_NUMBER = 60
_SENTENCE = re.compile(r"[^.!?։\n]+")
_DIGITS = re.compile(r"\d+")
_WORDS = re.compile(r"[^\W\d_]+")
# Below this many words language detection guesses; a two-word label proves nothing.
MIN_WORDS_FOR_LANGUAGE = 4


def _local_sensitive_requests(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.findall(text) if _SECRET.search(s) and _ASK.search(s)]


def _sensitive_request_finder() -> Callable[[str], list[str]]:
    try:  # the scorer's check is the one drafts are judged by; use it where it exists
        from drafter.scoring.safety import find_sensitive_requests
    except ImportError:
        return _local_sensitive_requests
    return find_sensitive_requests


def _language_detector() -> Callable[[str], str] | None:
    try:
        from drafter.language import detect_language
    except ImportError:
        return None
    return detect_language


def problems(output: Personalization, request: PersonalizationRequest) -> list[str]:
    """Everything wrong with ``output`` for ``request``; an empty list means it may be used."""
    found: list[str] = []
    limits = LIMITS[channel_style(request.channel)]
    first_line = output.first_line.strip()
    if not first_line:
        found.append("the first line is empty")
    if len(first_line) > limits.first_line_chars:
        found.append(
            f"the first line has {len(first_line)} characters, at most "
            f"{limits.first_line_chars} fit a {request.channel} reply"
        )
    if len(output.options) != len(request.options):
        found.append(f"give exactly {len(request.options)} options, not {len(output.options)}")
    for i, label in enumerate(output.options, 1):
        if not label.strip():
            found.append(f"option {i} is empty")
        elif len(label) > limits.option_chars:
            found.append(f"option {i} is longer than {limits.option_chars} characters")

    text = "\n".join([first_line, *output.options])
    allowed = "\n".join([request.first_line, *request.options, *request.allowed_times])
    for kind, pattern in _OFFERS.items():
        if pattern.search(text) and not pattern.search(allowed):
            found.append(f"it mentions a {kind} that the allowed options and times do not offer")
    new_codes = set(_CODE.findall(text)) - set(_CODE.findall(allowed))
    if new_codes:
        found.append(f"it adds codes the playbook does not offer: {', '.join(sorted(new_codes))}")
    small_counts = {n for n in _DIGITS.findall(request.message) if int(n) <= MAX_FREE_NUMBER}
    known_numbers = set(_DIGITS.findall(allowed)) | small_counts
    new_numbers = sorted(set(_DIGITS.findall(text)) - known_numbers)
    if new_numbers:
        found.append(f"it adds numbers that are not in the request: {', '.join(new_numbers)}")
    if any(True for _ in find_card_numbers(text)):
        found.append("it contains a card number")
    if _local_sensitive_requests(text) or _sensitive_request_finder()(text):
        found.append("it asks for card data or a password")

    detect = _language_detector()
    if detect is not None and len(_WORDS.findall(text)) >= MIN_WORDS_FOR_LANGUAGE:
        language = detect(text)
        if language != request.language:
            found.append(f"it is written in {language!r}, the customer writes {request.language!r}")
    return found
