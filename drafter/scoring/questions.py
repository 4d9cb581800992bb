"""Over-questioning: does the draft ask the customer for more than it needs?

An upset customer facing a wall of questions feels processed, not helped. The scorer counts
what the draft asks of the customer: every question, every request for data ("please send",
"küldje el", "could you confirm"), one per field when a request names several, and one per
field in a bulleted list. One choice question ("reship or refund, which do you prefer?") is
good practice and does not count. More than two requests fail; with a scenario, so does any
field its reply shape does not need (the brief's table, plus the playbook's ``ask``).
Warning clauses ("we never need your password", "nothing is wrong with your device") ask
nothing.

``find_requested_fields`` is public so drafting can check a generated reply the same way.
"""

from __future__ import annotations

import re

from drafter.scoring.clauses import CLAUSE
from drafter.scoring.context import DraftContext, fold
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score, new_score
from drafter.scoring.prefilter import MaskNarrowed, Prefiltered, names_matching, prefiltered
from drafter.scoring.regex_facts import split_alternatives
from drafter.scoring.registry import scorer
from drafter.scoring.safety import SAFE_MENTION, SELF_SERVICE, SENSITIVE
from drafter.scoring.triggers import starts_a_word

MAX_REQUESTS = 2

REQUEST = GatedPattern(
    "|".join(
        [
            r"\b(?:please|kindly|pls|plz)\b(?! (?:note|be aware|don't|do not|allow|bear|rest))",
            r"\b(?:could|can|would|will) you\b(?: please| kindly)?",
            r"\b(?:send|share|provide|confirm|tell|give|attach|upload|forward|reply with|"
            r"dm|message) (?:me|us)\b|\breply with\b|\blet (?:me|us) know\b|"
            # subject and verb spelled out as whole options: a one-letter "i" option would
            # leave the alternative ungated, scanning every draft
            r"\b(?:i'll need|i will need|i'd need|i would need|i need|we'll need|we will need|"
            r"we'd need|we would need|we need) (?:your|the|a|an|some|to (?:see|know|have))\b|"
            r"\b(?:i require|we require)\b|\bmay i (?:have|ask)\b",
            r"\bkérem\b|\bkérjük\b|\b(?:küldj|írj|adj|ossz|csatolj|erősíts|jelezz|mondj)\w* "
            r"(?:el|meg|be|vissza)\b|\b(?:el|meg|be)(?:küld|ír|ad|oszt|erősít|mond)\w*(?:né|ná)\w*|"
            r"\bszükség\w* (?:van|lenne) (?:az?|egy)?\s*\w+|\bmegírná|\belküldené|\bmegadná|"
            # informal imperatives: "írd meg", "küldd el", "küldj egy fotót"
            r"\b(?:írd|küldd|add|mondd|erősítsd|csatold|oszd) (?:meg|el|be|vissza)\b|"
            r"\bküldj\w* (?:egy|nekem|nekünk|át)\b",
            r"(?<!\w)խնդրում (?:եմ|ենք)|(?<!\w)(?:ուղարկեք|նշեք|հաստատեք|գրեք)(?!\w)|"
            r"\bпожалуйста\b|\bbitte\b|"
            # Spanish
            r"\bpor favor\b|\b(?:pásame|envíame|mándame|dime|indícame|confírmame|escríbeme|"
            r"adjunta|envía|manda|indica|confirma)\b|\b(?:me|nos) (?:pasas|envías|mandas|"
            r"confirmas|dices|indicas)\b|\bnecesit(?:o|amos) (?:tu|el|la|los|las|un|una)\b",
        ]
    ),
)

CHOICE = GatedPattern(
    r"\bor\b|\bvagy\b|(?<!\w)կամ(?!\w)|\bили\b|\boder\b|\bwhich (?:one |option )?(?:do|would|"
    r"suits|works)|\bwhich (?:of these|you prefer)|\bprefer\b|\bmelyik\w*|\bmelyiket\b|"
    r"\bválaszt\w*|(?<!\w)ո՞ր|(?<!\w)որն\b|նախընտր",
)

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
    key = ("fields", index)
    if key not in draft._memo:
        clauses = asking_clauses(draft, index)
        # Without a warning the one clause is the sentence (less a leading condition): a
        # piece of the draft that starts where a word may, so the draft's masks apply.
        piece = index not in draft.hits(WARNING)
        draft._memo[key] = _fields(" , ".join(clauses), draft if piece else None)
    return draft._memo[key]


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


# A list of things asked in one question ("your team size, your budget, and when your
# contract ends?") counts one request per item, like a bulleted list. A series is items
# split by commas whose last one follows "and" ("A, B and C"): Hungarian and Armenian put a
# comma before every subordinate clause ("azt is, miért mond le?"), which is no list. Parts
# that are our own next step or its purpose ("and I'll check it", "so we can") are no items.
_SERIES_ITEMS = 3
_ITEM_SPLIT = re.compile(r"\s*[,;]\s*(?:(?:and|és|und|sowie|y|և|и)\s+)?|\s+(?:and|és|und|y|և|и)\s+")
_CONJUNCTION = re.compile(r"(?:and|és|und|y|և|и)\s+$")
_NOT_AN_ITEM = Prefiltered(
    r"\b(?:i|we)(?:'ll| will| can|'d)\b|\bso (?:that )?(?:i|we)\b|\bthen\b|\bbefore\b|"
    r"\bdamit\b|\bdann\b|\bpara que\b|\bcon eso\b|\bhogy\b|\bígy\b|(?<!\w)որպեսզի(?!\w)|"
    r"\bsi es\b|\bif\b|\bha\b|\bwenn\b|"
    # a time or number ("between 10:00 and 12:00") is a range, not an item
    r"^\W*\d"
)


_LEAD_IN = re.compile(r":\s")


def _series_items(draft: DraftContext, index: int) -> int:
    """How many items a question lists in a series (0 when it lists none)."""
    lowered = draft.lower_sentence(index).rstrip()
    if "," not in lowered or not lowered.endswith("?"):
        return 0
    found = draft.hits(REQUEST).get(index)
    start = max(0, lowered.find(found[0])) if found else 0
    # what a colon introduces is the question; what comes before it is our own lead-in
    asked = _LEAD_IN.split(lowered[start:])[-1]
    separators = list(_ITEM_SPLIT.finditer(asked))
    if len(separators) < _SERIES_ITEMS - 1 or not _CONJUNCTION.search(separators[-1].group(0)):
        return 0
    if not any("," in m.group(0) for m in separators):
        return 0
    parts = [p for p in _ITEM_SPLIT.split(asked) if p.strip(" ?.!¿¡")]
    items = [p for p in parts if not _NOT_AN_ITEM.search(p)]
    return len(items) if len(items) >= _SERIES_ITEMS else 0


# Reply shapes that may ask for one of two fields, not both (the brief's table: "order
# number or last 4 digits at most", "order number or email").
ONE_OF: dict[str, frozenset[str]] = {
    "refund_request": frozenset({"order_id", "card_last4"}),
    "cancellation": frozenset({"order_id", "email"}),
}
# Data the draft itself already quotes ("order 77120", "booking ABC123"): asking for it again
# is an unneeded request.
_GIVEN = {
    "order_id": Prefiltered(
        r"\border (?:#|no\.? |number )?#?\d{4,}|\brendelés\w* (?:#|száma? )?#?\d{4,}|"
        r"\bbestellung (?:nr\.? )?#?\d{4,}|\bpedido (?:n[º°o]\.? )?#?\d{4,}"
    ),
    "booking_ref": Prefiltered(r"\b(?:booking|reservation|foglalás\w*|buchung) #?[a-z]*\d{3,}"),
}


def _already_given(draft: DraftContext, fields: set[str], asked_at: set[int]) -> list[str]:
    """Requested fields whose value the draft quotes in a sentence that does not ask."""
    out = []
    for name in fields & _GIVEN.keys():
        given = _GIVEN[name].for_text(draft.lowered)  # narrowed once: sentences are pieces
        # Each alternative is a leading \b and then only characters it consumes (keep it so:
        # no look-arounds in _GIVEN): a match in a sentence, which starts where a word may,
        # is one at the same place in the draft. One search of the draft that finds nothing
        # therefore rules out every sentence.
        if (
            given is not None
            and given.search(draft.lowered) is not None
            and any(
                given.search(draft.lower_sentence(i))
                for i in range(len(draft.sentences))
                if i not in asked_at
            )
        ):
            out.append(name)
    return out


def _requests(draft: DraftContext, index: int) -> bool:
    """A request word outside every warning clause ("please keep it to yourself" asks nothing)."""
    if index not in draft.hits(REQUEST):
        return False
    if index not in draft.hits(WARNING):
        return True
    return any(REQUEST.search(clause) for clause in asking_clauses(draft, index))


@scorer("over_questioning", weight=1.0)
def over_questioning(draft: DraftContext) -> Score:
    requests = 0
    fields: set[str] = set()
    evidence: list[str] = []
    choice_used = False
    after_request_colon = False
    rules = draft.rules
    choice_hits = draft.hits(CHOICE)
    asked_at: set[int] = set()
    open_questions = invitations = 0  # asks that name no field: questions, "tell me more"
    bullets = draft.bullets
    # fields_in names nothing outside these sentences: test them here, not per call.
    field_hits, sensitive_hits = draft.hits(ANY_FIELD), draft.hits(SENSITIVE)
    for index, sentence in enumerate(draft.sentences):
        named = fields_in(draft, index) if index in field_hits or index in sensitive_hits else []
        if bullets[index] and (after_request_colon or named):
            requests += 1
            fields.update(named)
            evidence.append(sentence)
            continue
        question = draft.questions[index]
        asks = question or _requests(draft, index)
        after_request_colon = asks and sentence.rstrip().endswith(":")
        if not asks:
            continue
        if not named and question and index in choice_hits and not choice_used:
            choice_used = True
            continue
        if after_request_colon and not named:
            continue  # "Please send us:" introduces a list; its bullets are counted
        evidence.append(sentence)
        asked_at.add(index)
        listed = max(len(named), _series_items(draft, index))
        if listed:
            requests += listed
        elif question:
            open_questions += 1
        else:
            invitations += 1
        fields.update(named)

    unneeded: list[str] = []
    if rules is not None:
        unneeded = sorted(fields - rules.ask_fields)
        both = fields & ONE_OF.get(rules.scenario, frozenset())
        if len(both) > 1:
            unneeded.append(f"both {' and '.join(sorted(both))} (one is enough)")
        unneeded += [
            f"{name} (already in the draft)" for name in _already_given(draft, fields, asked_at)
        ]
    # "Every other scenario: nothing beyond one open question" (the brief's table). There an
    # invitation to tell more ("What can I help with? Tell me a little about it.") only
    # restates the open question; every further question still counts.
    limit = MAX_REQUESTS if rules is None or rules.ask_fields or rules.kind == "recovery" else 1
    requests += open_questions + (invitations if limit > 1 or not open_questions else 0)
    value = 1.0 if requests <= limit else max(0.0, 1.0 - 0.25 * (requests - limit))
    if unneeded:
        value = max(0.0, value - 0.5)
    passed = requests <= limit and not unneeded
    parts = [f"{requests} request(s) of the customer (limit {limit})"]
    if choice_used:
        parts.append("one choice question (not counted)")
    if fields:
        parts.append(f"fields: {', '.join(sorted(fields))}")
    if unneeded:
        parts.append(f"not needed for {rules.scenario if rules else '?'}: {', '.join(unneeded)}")
    return new_score(value=value, passed=passed, evidence=evidence, explanation="; ".join(parts))
