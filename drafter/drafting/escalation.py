"""When a draft must go to a human before anything is sent, and why.

Some messages are not ours to answer with a template however good the match: a legal
threat, someone hurt, a customer who asked for a person. Each reason is a sentence the
agent reads, so the rules are plain keyword lists per language, matched at word starts
(Hungarian and Armenian inflect by suffix: "ügyvédem" still starts with "ügyvéd").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from drafter.playbooks.models import EscalationRule


def _keywords(*lines: str) -> tuple[str, ...]:
    return tuple(word for line in lines for word in line.split("|"))


LEGAL_REASON = "the customer mentions legal action or a lawyer"
SAFETY_REASON = "the message mentions a safety issue (injury, fire, danger to someone)"
HUMAN_ASKED_REASON = "the customer asks to talk to a person"

# Keywords per concern, "|"-separated, several languages per line.
_LEGAL = _keywords(
    "lawyer|attorney|solicitor|sue |suing|lawsuit|legal action|take you to court|small claims",
    "ügyvéd|bíróság|perelni|beperel|feljelent|jogi lépés",
    "փաստաբան|դատարան|դատի կտամ",
    "anwalt|klage einreichen|verklagen|vor gericht|abogado|demandar|una demanda|tribunal",
    "юрист|адвокат|в суд|подам в суд",
)
_SAFETY = _keywords(
    "injur|hurt me|got hurt|was hurt|bleeding|caught fire|on fire|fire hazard|smoke|smoking",
    "burned|burnt|electric shock|electrocut|explod|poison|choking",
    "suicid|kill myself|end my life|hurt myself",
    "megsérül|sérülés|kigyulladt|tűz|füst|áramütés|megégett|felrobban|öngyilk",
    "վնասվածք|այրվածք|հրդեհ|ծուխ|բռնկվ|էլեկտրահարվ|պայթ",
    "verletzt|feuer|rauch|stromschlag|herido|incendio|fuego|humo|descarga eléctrica",
    "травм|пожар|дым|загорел|ударило током|взорвал",
)
_HUMAN_ASKED = _keywords(
    "human |humans |real person|a person |actual person|live agent|real agent|someone real",
    "speak to someone|talk to someone|manager|supervisor|operator|representative|not a bot",
    "no bots|emberrel|élő ügyintéző|ügyintézővel|munkatárssal|kollégával|felettes|vezetővel",
    "nem robot|մարդու հետ|կենդանի մարդ|օպերատոր|մենեջեր|ղեկավար",
    "mit einem menschen|mitarbeiter|vorgesetzt|echten person|una persona|humano|agente",
    "encargado|с человеком|живым|оператор|менеджер|руководител",
)


@lru_cache(maxsize=256)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    """Keywords matched at the start of a word; a keyword ending in a space is a whole word."""
    parts = []
    for keyword in sorted(keywords, key=len, reverse=True):
        word = re.escape(keyword.strip().lower())
        parts.append(word + r"(?!\w)" if keyword.endswith(" ") else word)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


def mentions(text: str, keywords: Iterable[str]) -> bool:
    words = tuple(k for k in keywords if k.strip())
    return bool(words) and _pattern(words).search(text) is not None


def human_reasons(
    message: str, rules: Iterable[EscalationRule] = (), *, low_confidence: str | None = None
) -> list[str]:
    """Every reason this message needs a human, in a stable order; empty when none does."""
    reasons: list[str] = []
    if low_confidence:
        reasons.append(low_confidence)
    for keywords, reason in (
        (_LEGAL, LEGAL_REASON),
        (_SAFETY, SAFETY_REASON),
        (_HUMAN_ASKED, HUMAN_ASKED_REASON),
    ):
        if mentions(message, keywords):
            reasons.append(reason)
    for rule in rules:
        if (rule.always or mentions(message, rule.keywords)) and rule.reason not in reasons:
            reasons.append(rule.reason)
    return reasons
