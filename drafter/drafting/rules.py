"""The rules personalizer: a playbook entry filled in for one customer, offline and exact.

Everything here is deterministic: the same entry, language, channel, values and clock give
the same text. The LLM personalizer starts from this draft and may only swap the
acknowledge line and the option labels, so the composition lives in one function that
takes those two as inputs.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from drafter.catalog import LANGUAGE_NAMES
from drafter.drafting.draft import Step
from drafter.playbooks.models import (
    KNOWABLE_FIELDS,
    STEP_NAMES,
    Entry,
    RecoveryPlaybook,
    TimeSpec,
)
from drafter.playbooks.template import render

OR_WORDS: dict[str, str] = {"en": "or", "hu": "vagy", "hy": "կամ"}
_SENTENCE_START = re.compile(r"(^|[.!?։]\s+)([^\W\d_])")

# The reply when no playbook fits: short, honest, and with a concrete time, so the
# customer is not left waiting while a colleague reads the message.
HOLDING_TIME = TimeSpec(within_minutes=30)
HOLDING_REPLY: dict[str, dict[str, str]] = {
    "en": {
        "chat": "Thanks for your message[, {first_name}]. A colleague will read it and get "
        "back to you {next_update}.",
        "email": "Hi {first_name|there},\n\nThank you for your message. A colleague will read "
        "it carefully and reply to you {next_update}.\n\nBest regards,\n{agent_name}",
    },
    "hu": {
        "chat": "Köszönjük az üzenetét[, {first_name}]! Egy kollégám elolvassa, és "
        "{next_update} válaszol Önnek.",
        "email": "Kedves {first_name|Ügyfelünk}!\n\nKöszönjük az üzenetét. Egy kollégám "
        "figyelmesen elolvassa, és {next_update} válaszol Önnek.\n\nÜdvözlettel:\n{agent_name}",
    },
    "hy": {
        "chat": "Շնորհակալություն Ձեր հաղորդագրության համար[, {first_name}]։ Մեր աշխատակիցը "
        "կկարդա այն և կպատասխանի Ձեզ {next_update}։",
        "email": "Հարգելի {first_name|հաճախորդ},\n\nՇնորհակալություն Ձեր նամակի համար։ Մեր "
        "աշխատակիցը ուշադիր կկարդա այն և կպատասխանի Ձեզ {next_update}։\n\nՀարգանքով՝\n"
        "{agent_name}",
    },
}


# The email signature when no agent name is configured, in the language of the reply.
TEAM_SIGNATURE: dict[str, str] = {
    "en": "The support team",
    "hu": "Az ügyfélszolgálat csapata",
    "hy": "Աջակցման թիմ",
}


def signature(language: str, configured: str | None) -> str:
    return configured or TEAM_SIGNATURE.get(language, TEAM_SIGNATURE["en"])


# When the customer record or the message already holds what the playbook asks for,
# asking again is the "wall of questions" the brief warns about: say we have it instead,
# or, when only part of the ask is known, ask for the rest only (the entry's ``ask_rest``).
ALREADY_HAVE: dict[str, str] = {
    "en": "I already have what I need ({known}), so there's nothing else you need to send.",
    "hu": "Minden adat megvan, amire szükségem van ({known}), így nem kell mást küldenie.",
    "hy": "Անհրաժեշտ տվյալներն արդեն ունեմ ({known}), այնպես որ այլ բան ուղարկել պետք չէ։",
}


def already_known(
    entry: Entry, language: str, values: Mapping[str, str | None], style: str = "chat"
) -> str | None:
    """The ask line for what is already known, or None when the full ask line stands.

    Every asked field known: the "already have" line. Every knowable one known but
    something else still needed (a photo, the card's last digits): the entry's
    ``ask_rest`` for this language and channel, with the known values as placeholders.
    """
    if not entry.ask:
        return None
    known = [f for f in entry.ask if f in KNOWABLE_FIELDS and values.get(f)]
    if len(known) == len(entry.ask):
        if language not in ALREADY_HAVE:
            return None
        return ALREADY_HAVE[language].format(known=", ".join(str(values[f]) for f in known))
    if not known or not isinstance(entry, RecoveryPlaybook) or language not in entry.variants:
        return None
    if any(f in KNOWABLE_FIELDS and f not in known for f in entry.ask):
        return None
    rest = getattr(entry.variants[language], style).ask_rest
    return sentence_case(render(rest, values)) if rest else None


@dataclass
class Composed:
    """A filled-in entry: the text to send, its steps (recovery) and the options offered."""

    text: str
    steps: list[Step] = field(default_factory=list)
    options: list[str] = field(default_factory=list)


def choose_language(available: Sequence[str], wanted: str) -> tuple[str, str | None]:
    """The variant to use for a customer writing in ``wanted``, and a warning if it differs."""
    if wanted in available:
        return wanted, None
    name = LANGUAGE_NAMES.get(wanted, wanted)
    return "en", (
        f"the customer wrote in {name} ({wanted}) but the playbook has no {name} version; "
        "the draft is in English: translate it or check the customer reads English"
    )


def join_options(labels: Sequence[str], language: str) -> str:
    """ "a or b", "a, b or c" in ``language``.

    Time slots on the same day say the day once ("on Monday between 10:00 and 12:00 or
    15:00 and 17:00"), which keeps a two-slot chat reply within the channel's length.
    """
    word = OR_WORDS.get(language, "or")
    if len(labels) <= 1:
        return "".join(labels)
    labels = [labels[0], *_without_shared_day(labels)[1:]]
    return f"{', '.join(labels[:-1])} {word} {labels[-1]}"


def _without_shared_day(labels: Sequence[str]) -> list[str]:
    """Labels after the first lose the digit-free words all labels start with, if all hold times."""
    if not all(any(c.isdigit() for c in label) for label in labels):
        return list(labels)
    split = [label.split(" ") for label in labels]
    shared = 0
    for words in zip(*split, strict=False):
        if len(set(words)) != 1 or any(c.isdigit() for c in words[0]):
            break
        shared += 1
    if shared == 0 or any(len(words) <= shared for words in split):
        return list(labels)
    return [" ".join(words[shared:]) for words in split]


def option_labels(entry: Entry, language: str, values: Mapping[str, str | None]) -> list[str]:
    """Each option's label in ``language``; labels may hold time placeholders."""
    return [
        render(option.label.get(language) or option.label["en"], values) for option in entry.options
    ]


def compose(
    entry: Entry,
    *,
    language: str,
    style: str,
    values: Mapping[str, str | None],
    options: Sequence[str],
    first_line: str | None = None,
) -> Composed:
    """Render ``entry`` in ``language`` for the ``style`` ("chat" or "email").

    ``options`` are the labels to offer (the rules' own or the LLM's rewording) and
    ``first_line`` replaces the acknowledge step when given; nothing else can change.
    """
    filled = {**values, "options": join_options(options, language)}
    if not isinstance(entry, RecoveryPlaybook):
        body = getattr(entry.variants[language], style)
        return Composed(text=sentence_case(render(body, filled)), options=list(options))
    variant = entry.variants[language]
    texts = getattr(variant, style)
    steps = [
        Step(step=name, text=sentence_case(render(getattr(texts, name), filled)))
        for name in STEP_NAMES
    ]
    if first_line is not None:
        steps[0] = Step(step="acknowledge", text=first_line.strip())
    known = already_known(entry, language, values, style)
    if known is not None:
        steps[2] = Step(step="ask", text=known)
    said = [s.text for s in steps if s.text]
    if style == "chat":
        text = " ".join(said)
    else:
        by_name = {s.step: s.text for s in steps}
        opening = " ".join(t for t in (by_name["acknowledge"], by_name["apologize"]) if t)
        paragraphs = [opening, by_name["ask"], by_name["next_step"], by_name["ownership"]]
        text = "\n\n".join(
            [
                render(variant.greeting, filled),
                *(p for p in paragraphs if p),
                render(variant.sign_off, filled),
            ]
        )
    return Composed(text=text, steps=steps, options=list(options))


def holding_reply(language: str, style: str, values: Mapping[str, str | None]) -> str:
    """The reply used when the drafter abstains; ``values`` must hold ``next_update``."""
    return sentence_case(render(HOLDING_REPLY[language][style], values))


def sentence_case(text: str) -> str:
    """Capitalize sentence starts that a placeholder filled with a lowercase word."""
    return _SENTENCE_START.sub(lambda m: m.group(1) + m.group(2).upper(), text)
