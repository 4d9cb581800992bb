"""Empathy: does the draft show it understood the customer and own what went wrong?

Two signals make a reply empathetic: an acknowledgement of the customer's situation or
feeling ("I can see why this is frustrating", "látom, hogy...") and a real apology ("I'm
sorry we let you down"). Customers read through the rest, so three things count against a
draft: hollow form apologies ("we apologize for any inconvenience"), apologies stacked three
or more deep, and legal or defensive boilerplate ("as per our terms", "not our fault").

A draft passes with at least one genuine acknowledgement or apology and no boilerplate or
defence; stacked or hollow apologies only pass when a genuine one stands next to them.
"""

from __future__ import annotations

from drafter.scoring.context import DraftContext
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score
from drafter.scoring.registry import scorer

_FEELING = (
    r"frustrat\w*|annoy\w*|stressful|upsett?ing|disappoint\w*|worr\w*|infuriat\w*|"
    r"maddening|exhausting|inconvenient|unacceptable|not okay|not ok|awful|terrible"
)

ACKNOWLEDGE = GatedPattern(
    "|".join(
        [
            r"\bi (?:can |completely |totally |fully |really )?(?:see|understand|hear|get|"
            r"imagine|know)\b(?! (?:if|whether))",
            r"\b(?:i'm|i am|we're|we are) (?:so |really )?(?:sorry to hear|aware)\b",
            rf"\b(?:that|this|it) (?:must (?:be|have been)|sounds|is|was|has been|'s)"
            rf"(?: \w+){{0,2}} (?:{_FEELING})",
            rf"\b(?:how|so|really|very|truly|completely) (?:{_FEELING})\b",
            r"\bthank(?:s| you) for (?:letting (?:us|me) know|flagging|telling|reporting|"
            r"raising|your patience|bearing with|bringing this|the heads[- ]up|reaching out)",
            r"\byou(?:'re| are) (?:absolutely |completely )?right\b|\bunderstandabl[ey]\b|"
            r"\bnot the experience\b|\bnot what you (?:expected|paid for|deserve)|"
            r"\bno wonder\b|\bfair (?:question|point)\b|\bof course you\b",
            # Hungarian
            r"\b(?:látom|értem|megértem|teljesen érthető|érthető|el tudom képzelni|igaza van|"
            r"tudom, (?:hogy|mennyire))\b|\b(?:bosszantó|frusztráló|kellemetlen|idegesítő|"
            r"kiábrándító|elkeserítő)|\bköszön\w* (?:,\s*)?(?:hogy (?:jelezte|szólt|írt|"
            r"megírta|türelmes)|a türelm|a jelzés)",
            # Armenian, Russian, German
            r"(?<!\w)(?:հասկանում|տեսնում) եմ|\bпонима\w*|\bverstehe\b|\bnachvollziehen\b",
        ]
    ),
)

APOLOGY = GatedPattern(
    "|".join(
        [
            r"\bsorry\b|\bapologi[sz]\w*|\bapologies\b|\bmy bad\b|\bwe messed up\b|"
            r"\bwe (?:let you down|dropped the ball|got (?:this|it) wrong)\b|\bi regret\b",
            r"\belnézés\w*|\bsajnál\w*|\bbocsánat\w*|\bbocs\b",
            r"(?<!\w)ներողություն|(?<!\w)ցավում եմ|\bизвин\w*|\bпрости\w*|\bentschuldig\w*|"
            r"\btut (?:mir|uns) leid\b",
        ]
    ),
)

# Form apologies customers recognise as copy-paste: for "any" inconvenience, "may have" caused.
HOLLOW = GatedPattern(
    r"\b(?:for|about) any (?:inconvenience|trouble|disruption|issues?)\b|"
    r"\b(?:inconvenience|trouble|disruption) (?:this|that|it) may (?:have )?caus\w*|"
    r"\bregret any\b|\bif you (?:were|have been|felt) (?:inconvenienced|upset|offended)|"
    r"\bif (?:this|that) caused\b|\bwe value your (?:business|custom|patience)\b|"
    r"\byour (?:call|message|request) is important to us\b|"
    r"\besetleges\s+(?:kellemetlenség|kényelmetlenség|probléma)\w*|\bminden kellemetlenségért\b",
)

# Legal boilerplate and defence: the opposite of acknowledging the customer.
DEFENSIVE = GatedPattern(
    r"\b(?:as|in accordance with|pursuant to|per) (?:per )?(?:our|the) (?:terms|policy|policies|"
    r"t&cs?|conditions|agreement)|\bnot (?:be )?(?:held )?(?:liable|responsible)\b|"
    r"\bno liability\b|\bwithout (?:any )?admission\b|\bnot our fault\b|\bnot at fault\b|"
    r"\bbeyond our control\b|\bas (?:clearly )?stated\b|\byou should have\b|"
    r"\byou (?:failed|neglected) to\b|\bas (?:already|previously) (?:mentioned|explained|stated)\b|"
    r"\bnothing (?:more )?we can do\b|\bdoes not constitute\b|\bfelelősséget nem vállal|"
    r"\bnem vállalunk felelősséget|\b(?:az )?ászf\b|\bszabályzat\w* (?:szerint|értelmében)|"
    r"\bnem a mi hibánk|\bönnek kellett volna\b",
)

STACKED_APOLOGIES = 3


@scorer("empathy", weight=1.0)
def empathy(draft: DraftContext) -> Score:
    acknowledging: list[str] = []
    genuine_apologies: list[str] = []
    hollow: list[str] = []
    defensive: list[str] = []
    apology_count = 0
    defensive_hits, hollow_hits = draft.hits(DEFENSIVE), draft.hits(HOLLOW)
    apology_hits, ack_hits = draft.hits(APOLOGY), draft.hits(ACKNOWLEDGE)
    for index, sentence in enumerate(draft.sentences):
        if index in defensive_hits:
            defensive.append(sentence)
        is_hollow = index in hollow_hits
        if is_hollow:
            hollow.append(sentence)
        apologies = len(apology_hits.get(index, ()))
        apology_count += apologies
        if apologies and not is_hollow:
            genuine_apologies.append(sentence)
        if index in ack_hits and not is_hollow:
            acknowledging.append(sentence)

    value = 0.5 * bool(acknowledging) + 0.5 * bool(genuine_apologies)
    value -= 0.3 * bool(hollow) + 0.5 * bool(defensive)
    stacked = apology_count >= STACKED_APOLOGIES
    if stacked:
        value -= 0.3
    value = min(1.0, max(0.0, value))
    genuine = acknowledging + [s for s in genuine_apologies if s not in acknowledging]
    passed = bool(genuine) and not defensive and not (stacked and not acknowledging)

    if defensive:
        return Score(
            value=value,
            passed=False,
            evidence=defensive,
            explanation="defensive or legal boilerplate instead of acknowledging the customer",
        )
    if not genuine:
        why = "only form apologies" if hollow else "no acknowledgement or apology"
        return Score(value=value, passed=False, evidence=hollow, explanation=why)
    parts = []
    if acknowledging:
        parts.append("acknowledges the customer")
    if genuine_apologies:
        parts.append("apologizes")
    if hollow:
        parts.append("but also uses a form apology")
    if stacked:
        parts.append(f"apologizes {apology_count} times (stacked)")
    return Score(
        value=value,
        passed=passed,
        evidence=genuine + [s for s in hollow if s not in genuine],
        explanation=", ".join(parts),
    )
