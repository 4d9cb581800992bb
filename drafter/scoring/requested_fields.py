"""Which customer fields a sentence asks for: order number, email, card data, photos...

Over-questioning counts a request per field and compares the fields with what the
scenario's reply shape needs; structure asks whether a choice question also asks for data.
A field named only in a warning ("we never need your PIN") or a leading condition ("if you
no longer have that email...") is not asked for, so lookups run on the asking clauses.
``find_requested_fields`` is public so drafting can check a generated reply the same way.
"""

from __future__ import annotations

import re

from drafter.scoring.clauses import CLAUSE
from drafter.scoring.context import DraftContext, fold, per_sentence
from drafter.scoring.gated import GatedPattern
from drafter.scoring.prefilter import MaskNarrowed, Prefiltered, names_matching, prefiltered
from drafter.scoring.regex_facts import split_alternatives
from drafter.scoring.safety import SAFE_MENTION, SELF_SERVICE, SENSITIVE
from drafter.scoring.triggers import starts_a_word

_PHOTO = Prefiltered(
    r"\b(?:photos?|pictures?|pics?|images?|snaps?|fotó\w*|fénykép\w*|képe?t?)\b"
    r"|(?<!\w)լուսանկար",
)
_LABEL = Prefiltered(r"\b(?:shipping |parcel |address )?label\b|\bcímk[eé]\w*")
_CARD = Prefiltered(r"\b(?:credit |debit |bank)?cards?\b|\bkártyá?\w*")

FIELDS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "order_id": r"\border (?:number|no\b|nr\b|#|id|reference|ref\b|code)|\border(?:#| #)|"
        r"\brendelés\w*(?:szám\w*| szám\w*| azonosító\w*)|\brendelésazonosító\w*|"
        r"պատվերի համար|\bbestellnummer\b|\b(?:número|numero) de pedido\b",
        "email": r"\b(?:your|the|account|an?|registered|same)\s+e-?mail(?:\s+address)?\b|"
        r"\b(?:e-mail|email) address\b|\b(?:e-mail|email)[- ]?cím\w*|(?<!\w)էլ\.? ?փոստ|"
        r"\b(?:e-mail|email)-?adresse\b|"
        r"\b(?:tu|su) (?:e-?mail|correo)\b|\bcorreo electrónico\b",
        "phone": r"\b(?:phone|mobile|telephone|contact) (?:number|no\b)|\bphone\b|"
        r"\btelefonszám\w*|(?<!\w)հեռախոս|\b(?:telefon|handy)nummer\b|\btel[eé]fono\b",
        "card_last4": r"\blast (?:4|four) (?:digits|numbers)|\butolsó (?:4|négy) számjegy\w*|"
        r"վերջին (?:4|չորս) թվանշան|\bletzten (?:4|vier) (?:ziffern|stellen)\b|"
        r"\b(?:últimos|ultimos) (?:4|cuatro) d[ií]gitos\b|"
        # confirming which card was charged is the last-4 question in other words
        r"\bwhich card\b|\bthe (?:card|one) you (?:used|paid with)\b|\bmelyik kártyá\w*",
        "booking_ref": r"\b(?:booking|reservation|confirmation) (?:reference|number|ref\b|code|id)"
        r"|\bfoglalás\w* (?:szám\w*|azonosító\w*|kód\w*)|\bfoglalási szám\w*",
        "preferred_slot": r"\bpreferred (?:time|slot|window|date|day)|\bwhat time (?:suits|works)|"
        r"\bwhich (?:time|slot|day|date)|\bwhen (?:would|are) you (?:be )?(?:free|available)|"
        r"\bidőpont\w*|\bmikor (?:lenne|érne|alkalmas)|"
        r"\b(?:whether|when|if) you(?:'re| are|'ll be| will be) (?:at )?home\b|"
        r"\bwhich days?\b[^.?!]*\bhome\b|\bmornings? or afternoons?\b|\botthon\b|\bzuhause\b",
        "delivery_address": r"\b(?:delivery|shipping|postal|home) address\b|"
        r"\baddress\b(?<!mail address)|"
        # "cím" first, its look-behinds after it: a leading optional group or look-behind
        # gives re no literal to skip to, and this alternative was tried at every position
        r"(?:szállítási|kézbesítési|postai) cím(?:ét|et|e)?\b|"
        r"cím(?<![-\w]cím)(?<!mail cím)(?:ét|et|e)?\b|"
        r"(?<![-\w])(?:lieferadresse|postadresse|adresse)\b",
        "username": r"\buser ?name\b|\blogin (?:name|id|email)\b|\baccount (?:name|id|email)|"
        r"\bfelhasználónév\w*",
        "screenshot": r"\bscreen ?shots?\b|\bscreen (?:capture|recording)|(?<!\w)սքրինշոթ\w*|"
        r"\bcaptura de pantalla\b|\bbildschirmfoto\w*|"
        r"\bképernyő(?:kép|fotó)\w*",
        "device": r"\b(?:device|app version|browser|operating system|phone model|os version)\b|"
        r"(?<!\w)(?:սարք|բրաուզեր)\w*|\bdispositivo\b|\bnavegador\b|\bgerät\w*|"
        r"\b(?:eszköz|böngésző|verziószám|alkalmazás verzió)\w*",
        "reason": r"\breason\b|\bwhy you(?:'d| would)? (?:like to |want to )?(?:cancel|leave)|"
        r"\bmiért (?:szeretné|mondaná)|\ba lemondás ok\w*",
        # Not askable in any reply shape: their presence alone is an unneeded request.
        "product_details": r"\bmodel (?:name|number)\b|\b(?:colou?r|size)\b|\bfarbe\b|\bgröße\b|"
        # the model, version or variant the order already records
        r"\b(?:which|what) (?:model|version|variant)\b|\bmodel you\b|\bmodelo\b|\btalla\b|"
        r"\bszín\w*|\bméret\w*|\bmodell\w*",
        "guest_count": r"\bnumber of (?:guests|people|persons|adults|children)\b|"
        r"\bhow many (?:guests|people)\b|\bvendégek szám\w*|\bhány (?:fő|vendég|személy)\w*|"
        r"\banzahl der (?:gäste|personen)\b",
        "charge_date": r"\bdates? of (?:the |both |each |your )?"
        r"(?:charges?|payments?|transactions?)\b|"
        r"\bwhen (?:you were|it was|the charge was) (?:charged|taken)\b|\bterhelés\w* dátum\w*",
        "region": r"\b(?:region|country|city)\b|\brégió\w*|\bország\w*|(?<!\w)քաղաք\w*|"
        r"\bciudad\b|\bpaís\b|\bstadt\b",
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


# A clause that warns or negates ("we never need your password", "keep it to yourself",
# "nothing is wrong with your device", "soha nem kérjük el", "ne küldje el") asks nothing.
WARNING = GatedPattern(
    r"\bnever\b|\bdon't\b|\bdo not\b|\bno need\b|\bnothing\b|\bnot (?:need|ask|require)\w*|"
    r"\bto yourself\b|\bwon't (?:ever )?(?:ask|need)\b|\bsoha\b|\bsose\b|\bne\b|\bnem kér\w*|"
    r"\bnem kell\b|\bmaradjanak\b|(?<!\w)երբեք(?!\w)|(?<!\w)մի(?!\w)|(?<!\w)ոչինչ(?!\w)|"
    r"\bniemals\b|\bnie\b|\bnicht\b|\bkein\w*|\bniemand\w*|\bnunca\b|\bno (?:nos |me )?"
    r"(?:env[ií]|mand|compart)\w*"
)
_ITEM = re.compile(r"\b(?:item|product|damage|both|termék)")
# Any field or photo word: one scan per draft decides which sentences need the field lookup.
_FIELD_PATTERNS = [*(p.pattern for p in FIELDS.values()), _PHOTO.pattern]
ANY_FIELD = GatedPattern("|".join(_FIELD_PATTERNS))


def find_requested_fields(sentence: str) -> list[str]:
    """Customer fields a sentence names (only meaningful for a request or question)."""
    return _fields(fold(sentence))


_FIELD_GATES = prefiltered(FIELDS)


_FIELD_NARROWING = MaskNarrowed(_FIELD_GATES)  # ANY_FIELD starts with the fields
# The photo words' bits in ANY_FIELD's mask, after the fields'; -1 (every bit) when one of
# them can match inside a word, where no mask rules it out.
_PHOTO_FIRST = sum(len(split_alternatives(p)) for p in _FIELD_PATTERNS[:-1])
_PHOTO_ALTERNATIVES = split_alternatives(_PHOTO.pattern)
_PHOTO_BITS = (
    ANY_FIELD.alternative_bits(_PHOTO_FIRST, len(_PHOTO_ALTERNATIVES))
    if all(starts_a_word(a) for a in _PHOTO_ALTERNATIVES)
    else -1
)


def _fields(lowered: str, draft: DraftContext | None = None) -> list[str]:
    """Fields named in ``lowered``; with ``draft``, ``lowered`` is a piece of it that starts
    where a word may (see :meth:`GatedPattern.search_piece`), and the draft's trigger masks
    rule out at once the fields and the photo words none of its words can start, instead of
    a literal test per field per sentence."""
    if draft is None:
        possible = -1
        found = names_matching(_FIELD_GATES, lowered)
    else:
        possible = draft.trigger_masks[ANY_FIELD._slot]
        found = names_matching(_FIELD_NARROWING.for_mask(possible), lowered)
    if "card_data" in found and SELF_SERVICE.search(lowered):
        found.remove("card_data")  # "reset your password via the link" is advice, not a request
    # Card secrets in disguise are a field no scenario needs. Where "card_data" is found
    # already, adding it again changes nothing (the fields are returned as a set), so the
    # costly search is skipped.
    if "card_data" not in found and _names_card_secret(lowered, draft):
        found.append("card_data")
    if possible & _PHOTO_BITS and _PHOTO.search(lowered):
        label, card = bool(_LABEL.search(lowered)), bool(_CARD.search(lowered))
        if label:
            found.append("photo_label")
        if card and "card_last4" not in found:
            found.append("card_data")
        if not (label or card) or _ITEM.search(lowered):
            found.append("photo_item")
    return sorted(set(found))


def _names_card_secret(lowered: str, draft: DraftContext | None) -> bool:
    """A card secret (``SENSITIVE``) outside the safe mentions, and no self-service advice."""
    cleaned = SAFE_MENTION.sub(" ", lowered)
    sensitive = (
        SENSITIVE.search_piece(cleaned, draft.trigger_masks)
        if draft is not None and cleaned == lowered
        else SENSITIVE.search(cleaned)
    )
    return sensitive is not None and not SELF_SERVICE.search(lowered)


def fields_in(draft: DraftContext, index: int) -> list[str]:
    """``find_requested_fields`` for sentence ``index``, computed once per draft.

    Fields named only in a warning clause ("we never need your PIN") are left out.
    """
    if index not in draft.hits(ANY_FIELD) and index not in draft.hits(SENSITIVE):
        return []
    return _asked_fields(draft, index)


@per_sentence
def _asked_fields(draft: DraftContext, index: int) -> list[str]:
    clauses = asking_clauses(draft, index)
    # Without a warning the one clause is the sentence (less a leading condition): a piece
    # of the draft that starts where a word may, so the draft's masks apply.
    piece = index not in draft.hits(WARNING)
    return _fields(" , ".join(clauses), draft if piece else None)


# A leading condition names what the customer may lack, it does not ask for it: "if you no
# longer have that email or your 2FA device, write to me" requests neither.
_CONDITION = re.compile(r"\W*(?:if|ha|wenn|falls|si|եթե)(?!\w)[^,;:]*[,;:]")


def asking_clauses(draft: DraftContext, index: int) -> list[str]:
    """The clauses of sentence ``index`` that are not warnings, negations or conditions."""
    lowered = draft.lower_sentence(index)
    condition = _CONDITION.match(lowered)
    if condition is not None:
        lowered = lowered[condition.end() :]
    if index not in draft.hits(WARNING):
        return [lowered]
    clauses: list[str] = []
    carry = ""
    for clause in CLAUSE.split(lowered):
        if len(clause.split()) <= 1:
            carry += clause  # "kérem, ne küldje el": a lone "please" belongs to what follows
            continue
        clauses.append(carry + " " + clause)
        carry = ""
    if carry.strip():
        clauses.append(carry)
    return [c for c in clauses if c.strip() and WARNING.search(c) is None]
