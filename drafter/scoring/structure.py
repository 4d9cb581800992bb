"""Structure: are the five recovery steps present and in order?

A recovery reply works because of its order: the customer hears that we understood and
are sorry before we ask for anything, and leaves with a time and a person who owns it.
Each sentence is tagged with the steps it carries (one sentence may carry two: "Sorry the
parcel is late" acknowledges and apologizes), then the scorer reports the steps that are
missing and the ones whose first sentence comes after a later step's first sentence.

Asking is required only when the scenario's playbook lists fields to ask for; acknowledging
and apologizing form one opening block, in either order. Canned scenarios (and drafts with
no scenario) pass as not applicable: the five steps are a recovery shape.
"""

from __future__ import annotations

from drafter.playbooks.models import STEP_NAMES
from drafter.scoring.context import DraftContext
from drafter.scoring.empathy import ACKNOWLEDGE, APOLOGY, empathy, names_the_problem
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score, new_score
from drafter.scoring.questions import CHOICE, REQUEST
from drafter.scoring.registry import scorer
from drafter.scoring.requested_fields import WARNING, asking_clauses, fields_in
from drafter.scoring.timing import CONCRETE, concrete_timing

# "Sorry about the wait" / "your order hasn't arrived": naming the problem acknowledges it.
SITUATION = GatedPattern(
    r"\bsorry (?:about|for|that) (?:the|your|this|that)\b|"
    r"\byour (?:order|parcel|package|delivery|booking|reservation|appointment|card|account|"
    r"payment|item|refund|subscription|charge|invoice)\b[^.!?]*?\b(?:hasn't|has not|didn't|"
    r"did not|isn't|is not|wasn't|never|still|arrived|came|broke|stuck|late|delayed|missing|"
    r"damaged|charged|locked|wrong)\b|"
    r"\b(?:rendelés|csomag|foglalás|időpont|terhelés|fiók|termék)\w*[^.!?]*?\b(?:nem|még|"
    r"késik|sérült|hibás|rossz|kétszer)\b",
)

NEXT_STEP = GatedPattern(
    # "(?:i|we)(?:'ll|...)" spelled out: a leading "i" is in every other word, so the short
    # form ran on every draft; whole phrases gate it (same options, same order)
    r"\b(?:i'll|i will|i'm going to|i are going to|i am going to|"
    r"we'll|we will|we'm going to|we are going to|we am going to)\b|\blet me\b|"
    r"\b(?:i've|i have|we've|we have) (?:already )?(?:sent|issued|arranged|booked|started|asked|"
    r"contacted|escalated|opened|reset|refunded|passed|forwarded|flagged)\b|"
    r"\b(?:i'm|i am|we're|we are) (?:now |already )?(?:checking|looking|contacting|"
    r"arranging|sending|working|investigating|escalating)\b|"
    r"\bjelentkez(?:em|ünk)\b|\b(?:megnéz|utánanéz|visszajelz|intézked|felveszem|elküld|küldöm|írok|"
    r"visszaírok|ellenőrz|átnéz|továbbít|visszahív)\w*|"
    r"(?<!\w)կ(?:վերադառնամ|ստուգեմ|կապվեմ|գրեմ|ուղարկեմ|տեղեկացնեմ)(?!\w)",
)

OWNERSHIP = GatedPattern(
    r"\b(?:stay|staying|stick|sticking|remain) (?:on|with) (?:this|it|you|your)\b|"
    r"\buntil (?:it|this|that|everything|the \w+|your \w+)(?:'s| is| has been| are)?\s*"
    r"(?:\w+ )?(?:solved|sorted|resolved|fixed|back|with you|in your hands|delivered|arrives|"
    r"refunded|working)|\bpersonally\b|\bcheck in\b|\bfollow (?:up|this up|it up)\b|"
    r"\bkeep you (?:posted|updated|in the loop)\b|\bi'm on (?:it|this)\b|\bi'll make sure\b|"
    r"\byou have my word\b|\bi own this\b|\bpoint of contact\b|\bmy responsibility\b|"
    r"\bszemélyesen\b|\b(?:nyomon követem|követem)\b|\brákérdezek\b|\bfigyelemmel kísér\w*|"
    r"\bgondoskodom\b|\bamíg\b[^.!?]*\b(?:meg nem|rendeződ|megoldód|rendben)|"
    r"\bnem engedem el\b|(?<!\w)կհետևեմ(?!\w)|(?<!\w)անձամբ(?!\w)|"
    # staying with it until a result, or checking back that the fix held
    r"\b(?:stay|staying|remain|follow|following|watch|track|keep|keeping)\b[^.!?]{0,40}\buntil\b|"
    r"\bkeep(?:ing)? an eye on\b|\bthe moment (?:it|this|that|everything)(?:'s| is)\b|"
    # ... by us: "could you confirm what you received" is an ask, not a check-back
    # "(?<!you )" sits after each verb, not before the word: a leading look-behind gives
    # the scan no word to gate on or skip to, and this alternative ran at every position
    r"\b(?:check(?<!you check)(?<!please check)|confirm(?<!you confirm)(?<!please confirm)|"
    r"make sure(?<!you make sure)(?<!please make sure)|"
    r"double-check(?<!you double-check)(?<!please double-check))(?:s|ing)?\b"
    r"[^.!?]{0,60}\b(?:arrived|arrives|"
    r"reaches|works?|worked|set|fits|sorted|synced|fine|okay|ok|right|everything|in one piece|"
    r"log in|logged in|shows|confirmed|done|received|resolved|fixed|back to normal)\b|"
    # following up: "I'll message you when it ships", "I'll check back", "I'll do it myself"
    r"\b(?:i'll|i will|we'll|we will) (?:\w+ )?(?:message|email|text|call|ping|write to|update|"
    r"notify|remind|let|confirm|tell)\b[^.!?]{0,40}\b(?:when|once|as soon as|the moment|"
    r"the day before|after)\b|\bcheck(?:ing)? back\b|\bmyself\b|"
    r"\bsee (?:it|this|that|the \w+|your \w+) through\b|\bfollow (?:\w+ ){0,3}through\b|"
    r"\buntil you(?:'re| are|'ve| have| get| can)\b|"
    r"\bkeep (?:this|it|your \w+|the \w+)(?: \w+)? with me\b|"
    r"\bamíg\b[^.!?]*\bnem\b|\bnálam (?:marad|van)\b|\bellenőrzöm, hogy\b|\bfigyelem\b|"
    r"\bvégig\b|\bén viszem\b|"
    r"\b(?:megnézem|ellenőrzöm|utánanézek|rákérdezek|megkérdezem|visszanézek|figyelem)\b"
    r"[^.!?]{0,12}\bhogy\b[^.!?]{0,40}\w-e\b|\bfelhívom\b|"
    r"\bbleibe\b[^.!?]*\bdran\b|\bkümmer\w* (?:mich|uns)(?: \w+)? darum\b|"
    r"\bich prüfe\b[^.!?]*\bob\b|\bpersönlich\b|\bselbst\b|\bim blick\b|\bbei mir\b|"
    r"\bbis (?:alles|das|die|der|es|sie|du|ihr)\b[^.!?]*\b(?:ist|läuft|sind|funktioniert|"
    r"haben|hast|können|kannst)\b|"
    r"\bme encargo\b|\bpersonalmente\b|\bhasta que\b|\bte (?:mantendré|mantengo) informad\w*|"
    r"\bte aviso (?:cuando|en cuanto)\b|(?<!\w)կհետևենք(?!\w)|(?<!\w)մինչև վերջ(?!\w)|"
    r"(?<!\w)կմնամ(?!\w)|(?<!\w)հետևում եմ(?!\w)|(?<!\w)կճշտեմ(?!\w)|(?<!\w)կստուգեմ,? որ(?!\w)",
)


def _promises_action(draft: DraftContext, index: int, next_step: dict[int, list[str]]) -> bool:
    """A next-step cue outside warning clauses ("we'll never ask for it" promises nothing)."""
    if index not in next_step:
        return False
    if index not in draft.hits(WARNING):
        return True
    return any(NEXT_STEP.search(clause) for clause in asking_clauses(draft, index))


# Saying that nothing needs asking settles the ask step: "I already have what I need
# (58213), so there's nothing else you need to send" is what a draft should say instead of
# asking for data it quotes.
NOTHING_NEEDED = GatedPattern(
    r"\bhave (?:what|everything|all (?:the )?(?:details|information|data)) (?:i|we) need\b|"
    r"\bnothing (?:else |more )?(?:you )?need(?:s)? to (?:send|share)\b|\bno need to send\b|"
    r"\bminden adat megvan\b|\bmár (?:minden|mindent) megvan\b|"
    r"\bnem kell (?:mást |semmit |többet )?(?:küldenie|elküldenie|küldened)\b|"
    r"(?<!\w)արդեն ունեմ(?!\w)|(?<!\w)ուղարկել պետք չէ(?!\w)|"
    r"\bhabe (?:schon |bereits )?alles\b|\bnichts (?:weiter |mehr )?(?:schicken|senden)\b|"
    r"\bya tengo (?:todo|lo que necesito)\b|\bno (?:hace falta|necesitas) (?:que )?(?:me )?envi\w*"
)

_ORDER = {name: i for i, name in enumerate(STEP_NAMES)}
# Acknowledge and apologize are one opening block: either may come first.
_RANK = {"acknowledge": 0, "apologize": 0, "ask": 1, "next_step": 2, "ownership": 3}
_SORT_KEY = {name: (_RANK[name], _ORDER[name]) for name in STEP_NAMES}
# The steps a draft needs when its scenario asks for nothing (see ``structure``).
_WITHOUT_ASK = tuple(s for s in STEP_NAMES if s != "ask")


def tag_steps(text: str) -> list[tuple[str, list[str]]]:
    """Each sentence of ``text`` with the recovery steps it carries, in step order."""
    draft = DraftContext(text)
    return [
        (sentence, [t for t in tags if t != "choice"])
        for sentence, tags in zip(draft.sentences, _tags(draft), strict=True)
    ]


def _tags(draft: DraftContext) -> list[list[str]]:
    ack, situation = draft.hits(ACKNOWLEDGE), draft.hits(SITUATION)
    apology, request, choice_words = draft.hits(APOLOGY), draft.hits(REQUEST), draft.hits(CHOICE)
    nothing_needed = draft.hits(NOTHING_NEEDED)
    concrete, next_step, ownership = (
        draft.hits(CONCRETE),
        draft.hits(NEXT_STEP),
        draft.hits(OWNERSHIP),
    )
    tags: list[list[str]] = []
    opened = False
    for index, question in enumerate(draft.questions):
        found: list[str] = []
        # "Sorry the codes aren't arriving" both names the problem and apologizes.
        if (
            index in ack
            or index in situation
            or (index in apology and names_the_problem(draft, index))
        ):
            found.append("acknowledge")
        if index in apology:
            found.append("apologize")
        # "A or B, which do you prefer?" and "just tell me which you prefer" both offer a choice.
        choice = (question or index in request) and index in choice_words
        choice = choice and not fields_in(draft, index)
        if ((question or index in request) and not choice) or index in nothing_needed:
            found.append("ask")
        # A time inside or before the acknowledgement ("stuck since Tuesday", "you arrived
        # for your 10:30 appointment") is the customer's story, not our next step.
        opened = opened or "acknowledge" in found or "apologize" in found
        timed = index in concrete and opened and "acknowledge" not in found
        if choice or timed or _promises_action(draft, index, next_step):
            found.append("next_step")
        if choice:
            found.append("choice")
        if index in ownership:
            found.append("ownership")
        tags.append(found)
    return tags


@scorer("structure", weight=1.0)
def structure(draft: DraftContext) -> Score:
    rules = draft.rules
    if rules is None:
        return new_score(value=1.0, passed=True, explanation="not applicable: no scenario given")
    if rules.kind != "recovery":
        return new_score(
            value=1.0,
            passed=True,
            explanation=f"not applicable: {rules.scenario} is a canned-reply scenario",
        )
    sentences = draft.sentences
    tags = _tags(draft)
    first: dict[str, int] = {}
    for index, found in enumerate(tags):
        for step in found:
            first.setdefault(step, index)
    # "8:00 or 8:30, which works better?" asks as well as sets the next step: it is the ask
    # step when the draft asks nothing else (it cannot then be out of order with step 4).
    choice_at = first.pop("choice", None)
    if "ask" not in first and choice_at is not None:
        first["ask"] = min(choice_at, first.get("next_step", choice_at))
    required = STEP_NAMES if rules.ask_fields else _WITHOUT_ASK
    missing = [s for s in required if s not in first]

    out_of_order: list[str] = []
    present = sorted(first, key=_SORT_KEY.__getitem__)
    for i, step in enumerate(present):
        for later in present[i + 1 :]:
            if _RANK[later] > _RANK[step] and first[later] < first[step]:
                out_of_order.append(f"{step} after {later}")
                break

    # A hollow apology is no apology step and a vague time no step 4 (label definitions):
    # structure leans on the empathy and timing verdicts instead of re-deciding them.
    hollow: list[str] = []
    if not empathy(draft).passed:
        hollow.append("acknowledge/apologize not genuine (see empathy)")
    if not concrete_timing(draft).passed:
        hollow.append("next step without a concrete time (see concrete_timing)")

    value = (len(required) - len(missing)) / len(required)
    value = max(0.0, value - 0.2 * len(out_of_order) - 0.2 * len(hollow))
    cited = sorted(set(first.values()))
    evidence = [sentences[i] for i in cited]
    layout = "; ".join(
        [
            f"{sentence[:40]!r}: {'+'.join(found) or '-'}"
            for sentence, found in zip(sentences, tags, strict=True)
        ]
    )
    parts = []
    if missing:
        parts.append(f"missing {', '.join(missing)}")
    if out_of_order:
        parts.append(f"out of order: {', '.join(out_of_order)}")
    parts.extend(hollow)
    verdict = "; ".join(parts) if parts else "all steps present and in order"
    return new_score(
        value=value,
        passed=not missing and not out_of_order and not hollow,
        evidence=evidence,
        explanation=f"{verdict} [{layout}]",
    )
