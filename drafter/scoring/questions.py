"""Over-questioning: does the draft ask the customer for more than it needs?

An upset customer facing a wall of questions feels processed, not helped. The scorer counts
what the draft asks of the customer: every question, every request for data ("please send",
"küldje el", "could you confirm"), one per field when a request names several, and one per
field in a bulleted list. One choice question ("reship or refund, which do you prefer?") is
good practice and does not count. More than two requests fail; with a scenario, so does any
field its reply shape does not need (the brief's table, plus the playbook's ``ask``).
Warning clauses ("we never need your password", "nothing is wrong with your device") ask
nothing.

The fields a sentence names are looked up in :mod:`~drafter.scoring.requested_fields`.
"""

from __future__ import annotations

import re

from drafter.scoring.context import DraftContext
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score, new_score
from drafter.scoring.prefilter import Prefiltered
from drafter.scoring.registry import scorer
from drafter.scoring.requested_fields import ANY_FIELD, WARNING, asking_clauses, fields_in
from drafter.scoring.safety import SENSITIVE

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
