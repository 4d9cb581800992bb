"""Over-questioning: does the draft ask the customer for more than it needs?

An upset customer facing a wall of questions feels processed, not helped. The scorer counts
what the draft asks of the customer: every question, every request for data ("please send",
"küldje el", "could you confirm"), one per field when a request names several, and one per
field in a bulleted list. One choice question ("reship or refund, which do you prefer?") is
good practice and does not count. More than two requests fail; with a scenario, so does any
field its playbook does not list under ``ask`` (a scenario with no playbook yet is only
held to the count).

``find_requested_fields`` is public so drafting can check a generated reply the same way.
"""

from __future__ import annotations

import re

from drafter.scoring.context import DraftContext, fold
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score
from drafter.scoring.registry import scorer
from drafter.scoring.safety import SAFE_MENTION, SENSITIVE
from drafter.scoring.sentences import is_question

MAX_REQUESTS = 2

REQUEST = GatedPattern(
    "|".join(
        [
            r"\b(?:please|kindly|pls|plz)\b(?! (?:note|be aware|don't|do not|allow|bear|rest))",
            r"\b(?:could|can|would|will) you\b(?: please| kindly)?",
            r"\b(?:send|share|provide|confirm|tell|give|attach|upload|forward|reply with|"
            r"dm|message) (?:me|us)\b|\breply with\b|\blet (?:me|us) know\b|"
            r"\b(?:i|we)(?:'ll| will|'d| would)? need "
            r"(?:your|the|a|an|some|to (?:see|know|have))\b|"
            r"\b(?:i|we) require\b|\bmay i (?:have|ask)\b",
            r"\bkérem\b|\bkérjük\b|\b(?:küldj|írj|adj|ossz|csatolj|erősíts|jelezz|mondj)\w* "
            r"(?:el|meg|be|vissza)\b|\b(?:el|meg|be)(?:küld|ír|ad|oszt|erősít|mond)\w*(?:né|ná)\w*|"
            r"\bszükség\w* (?:van|lenne) (?:az?|egy)?\s*\w+|\bmegírná|\belküldené|\bmegadná",
            r"(?<!\w)խնդրում (?:եմ|ենք)|(?<!\w)(?:ուղարկեք|նշեք|հաստատեք|գրեք)(?!\w)|"
            r"\bпожалуйста\b|\bbitte\b",
        ]
    ),
)

CHOICE = GatedPattern(
    r"\bor\b|\bvagy\b|(?<!\w)կամ(?!\w)|\bили\b|\boder\b|\bwhich (?:one |option )?(?:do|would|"
    r"suits|works)|\bwhich (?:of these|you prefer)|\bprefer\b|\bmelyik\w*|\bmelyiket\b|"
    r"\bválaszt\w*|(?<!\w)ո՞ր|(?<!\w)որն\b|նախընտր",
)

_PHOTO = re.compile(
    r"\b(?:photos?|pictures?|pics?|images?|snaps?|fotó\w*|fénykép\w*|képe?t?)\b"
    r"|(?<!\w)լուսանկար",
)
_LABEL = re.compile(r"\b(?:shipping |parcel |address )?label\b|\bcímk[eé]\w*")
_CARD = re.compile(r"\b(?:credit |debit |bank)?cards?\b|\bkártyá?\w*")

FIELDS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "order_id": r"\border (?:number|no\b|nr\b|#|id|reference|ref\b|code)|\border(?:#| #)|"
        r"\brendelés\w*(?:szám\w*| szám\w*| azonosító\w*)|\brendelésazonosító\w*|"
        r"պատվերի համար",
        "email": r"\b(?:your|the|account|an?|registered|same)\s+e-?mail(?:\s+address)?\b|"
        r"\be-?mail address\b|\be-?mail[- ]?cím\w*|(?<!\w)էլ\.? ?փոստ",
        "phone": r"\b(?:phone|mobile|telephone|contact) (?:number|no\b)|\bphone\b|"
        r"\btelefonszám\w*|(?<!\w)հեռախոս",
        "card_last4": r"\blast (?:4|four) (?:digits|numbers)|\butolsó (?:4|négy) számjegy\w*|"
        r"վերջին (?:4|չորս) թվանշան",
        "booking_ref": r"\b(?:booking|reservation|confirmation) (?:reference|number|ref\b|code|id)"
        r"|\bfoglalás\w* (?:szám\w*|azonosító\w*|kód\w*)|\bfoglalási szám\w*",
        "preferred_slot": r"\bpreferred (?:time|slot|window|date|day)|\bwhat time (?:suits|works)|"
        r"\bwhich (?:time|slot|day|date)|\bwhen (?:would|are) you (?:be )?(?:free|available)|"
        r"\bidőpont\w*|\bmikor (?:lenne|érne|alkalmas)",
        "delivery_address": r"\b(?:(?:delivery|shipping|postal|home) )?(?<!mail )address\b|"
        r"(?:(?:szállítási|kézbesítési|postai) )?(?<!mail )(?<![-\w])cím(?:ét|et|e)?\b",
        "username": r"\buser ?name\b|\blogin (?:name|id|email)\b|\baccount (?:name|id|email)|"
        r"\bfelhasználónév\w*",
        "screenshot": r"\bscreen ?shots?\b|\bscreen (?:capture|recording)|"
        r"\bképernyő(?:kép|fotó)\w*",
        "device": r"\b(?:device|app version|browser|operating system|phone model|os version)\b|"
        r"\b(?:eszköz|böngésző|verziószám|alkalmazás verzió)\w*",
        "reason": r"\breason\b|\bwhy you(?:'d| would)? (?:like to |want to )?(?:cancel|leave)|"
        r"\bmiért (?:szeretné|mondaná)|\ba lemondás ok\w*",
        # Not askable in any playbook: their presence alone is an unneeded request.
        "date_of_birth": r"\bdate of birth\b|\bdob\b|\bbirth ?date\b|\bszületési (?:dátum|idő)\w*",
        "full_name": r"\bfull name\b|\bteljes nev\w*",
        "id_document": r"\b(?:passport|driver'?s licen[cs]e|id card|photo id|national id)\b|"
        r"\bszemélyi (?:igazolvány|szám)\w*|\bútlevel\w*",
        "receipt": r"\breceipts?\b|\binvoices?\b|\bproof of purchase\b|\bszámlá\w*|\bnyugtá\w*",
        "bank_details": r"\bbank (?:details|statement|account)|\biban\b|\bsort code\b|"
        r"\bbankszámla\w*",
        "tracking_number": r"\btracking (?:number|code|id)|\bnyomkövetési (?:szám|kód)\w*",
        "card_data": r"\b(?:card|kártya) ?(?:number|details|info\w*|szám\w*|adat\w*)|\bcvv\b|"
        r"\bcvc\b|\bsecurity code\b|\bexpir\w*|\bpin\b|\bpasswords?\b|\bjelszó\w*|\bjelszav\w*",
    }.items()
}


_ITEM = re.compile(r"\b(?:item|product|damage|both|termék)")
# Any field or photo word: one scan per draft decides which sentences need the field lookup.
ANY_FIELD = GatedPattern("|".join([*(p.pattern for p in FIELDS.values()), _PHOTO.pattern]))


def find_requested_fields(sentence: str) -> list[str]:
    """Customer fields a sentence names (only meaningful for a request or question)."""
    return _fields(fold(sentence))


def _fields(lowered: str) -> list[str]:
    found = [name for name, pattern in FIELDS.items() if pattern.search(lowered)]
    if SENSITIVE.search(SAFE_MENTION.sub(" ", lowered)):
        found.append("card_data")  # card secrets in disguise are a field no scenario needs
    if _PHOTO.search(lowered):
        label, card = bool(_LABEL.search(lowered)), bool(_CARD.search(lowered))
        if label:
            found.append("photo_label")
        if card and "card_last4" not in found:
            found.append("card_data")
        if not (label or card) or _ITEM.search(lowered):
            found.append("photo_item")
    return sorted(set(found))


def fields_in(draft: DraftContext, index: int) -> list[str]:
    """``find_requested_fields`` for sentence ``index``, computed once per draft."""
    if index not in draft.hits(ANY_FIELD):
        return []
    key = ("fields", index)
    if key not in draft._memo:
        draft._memo[key] = _fields(draft.lower_sentence(index))
    return draft._memo[key]


@scorer("over_questioning", weight=1.0)
def over_questioning(draft: DraftContext) -> Score:
    requests = 0
    fields: set[str] = set()
    evidence: list[str] = []
    choice_used = False
    after_request_colon = False
    request_hits = draft.hits(REQUEST)
    choice_hits = draft.hits(CHOICE)
    for index, segment in enumerate(draft.segments):
        sentence = segment.text
        named = fields_in(draft, index)
        if segment.bullet and (after_request_colon or named):
            requests += 1
            fields.update(named)
            evidence.append(sentence)
            continue
        question = is_question(sentence)
        asks = question or index in request_hits
        after_request_colon = asks and sentence.rstrip().endswith(":")
        if not asks:
            continue
        if not named and question and index in choice_hits and not choice_used:
            choice_used = True
            continue
        if after_request_colon and not named:
            continue  # "Please send us:" introduces a list; its bullets are counted
        evidence.append(sentence)
        requests += max(1, len(named))
        fields.update(named)

    rules = draft.rules
    unneeded: list[str] = []
    if rules is not None and rules.from_playbook:
        unneeded = sorted(fields - rules.ask_fields)
    value = 1.0 if requests <= MAX_REQUESTS else max(0.0, 1.0 - 0.25 * (requests - MAX_REQUESTS))
    if unneeded:
        value = max(0.0, value - 0.5)
    passed = requests <= MAX_REQUESTS and not unneeded
    parts = [f"{requests} request(s) of the customer (limit {MAX_REQUESTS})"]
    if choice_used:
        parts.append("one choice question (not counted)")
    if fields:
        parts.append(f"fields: {', '.join(sorted(fields))}")
    if unneeded:
        parts.append(f"not needed for {rules.scenario if rules else '?'}: {', '.join(unneeded)}")
    return Score(value=value, passed=passed, evidence=evidence, explanation="; ".join(parts))
