"""Empathy: does the draft show it understood the customer and own what went wrong?

Two signals make a reply empathetic: an acknowledgement of the customer's situation or
feeling ("I can see why this is frustrating", "látom, hogy...") and a real apology ("I'm
sorry we let you down"). Customers read through the rest, so three things count against a
draft: hollow form apologies ("we apologize for any inconvenience"), apologies stacked three
or more deep, and legal or defensive boilerplate ("as per our terms", "not our fault").

A draft passes with no boilerplate or defence and, when its scenario is one where we got
something wrong, a genuine apology plus proof we understood (an acknowledgement, or an
apology that names the problem); for other scenarios acknowledging the request is enough,
and with no scenario any genuine acknowledgement or apology. Stacked or hollow apologies
only pass when a genuine acknowledgement stands next to them; "sorry, no coupons" is a
refusal, not an apology.
"""

from __future__ import annotations

import re

from drafter.lexical import normalise
from drafter.salutation import opens_with_salutation
from drafter.scoring.context import DraftContext, per_draft, per_sentence
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score, new_score
from drafter.scoring.registry import scorer
from drafter.scoring.scenario_rules import RECOVERY_SCENARIOS

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
            r"raising|bringing this|the heads[- ]up|reaching out)",
            r"\byou(?:'re| are) (?:absolutely |completely )?right\b|\bunderstandabl[ey]\b|"
            r"\bnot the experience\b|\bnot what you (?:expected|paid for|deserve)|"
            r"\bno wonder\b|\bfair (?:question|point)\b|\bof course you\b",
            # taking in a request or a decision where nothing went wrong
            r"\bunderstood\b|\bgot it\b|\bno problem\b|"
            r"\b(?:is|'s|are) (?:a |an )?(?:big|important|huge|real|serious|major) "
            r"(?:decision|step|investment|change|purchase|commitment)\b|"
            r"\b(?:meant|intended) for\b|\bby mistake\b|"
            r"\bjust checking\b|\bchecking in\b|\byou (?:wrote|contacted|messaged) (?:to )?us\b|"
            r"\bglad (?:to hear|that|it)\b|\b(?:received|got) your (?:request|message|note)\b",
            r"\b(?:that|this|it)(?:'s| is| was| sounds like)(?: \w+){0,2} (?:rough|a pain|a hassle|"
            r"no fun|a letdown|a bummer|a nuisance)\b",
            # Hungarian
            r"\b(?:látom|értem|megértem|teljesen érthető|érthető|el tudom képzelni|igaza van|"
            r"tudom, (?:hogy|mennyire))\b|\b(?:bosszantó|frusztráló|kellemetlen(?!ség)|idegesítő|"
            r"kiábrándító|elkeserítő)|\bköszön\w*,? (?:hogy (?:jelezte|szólt|írt|"
            r"megírta|türelmes|megkeresett)|a türelm)|\bszólt\b|\btévedésből\b|"
            r"\brákérdez\w*|\börülök, hogy\b|\bmegkaptuk\b[^.!?]*\bkérés\w*",
            # Armenian, Russian, German
            r"(?<!\w)(?:հասկանում|տեսնում) եմ|(?<!\w)նախատեսված էր|(?<!\w)ուրախ եմ|"
            r"(?<!\w)շնորհակալություն,? որ(?!\w)|\bпонима\w*|\bverstehe\b|\bverstanden\b|"
            r"\bnachvollziehen\b|\b(?:ärgerlich|beunruhigend|frustrierend|störend)\b|"
            r"\bsie hatten uns\b",
            # Spanish
            r"\b(?:entiendo|comprendo|entendemos|comprendemos)\b|\bgracias por (?:avisar|"
            r"contarnos|escribirnos|decírnoslo)\w*|\bqué (?:faena|rabia|frustrante)\b",
        ]
    ),
)

APOLOGY = GatedPattern(
    "|".join(
        [
            r"\bsorry\b|\bapologi[sz]\w*|\bapologies\b|\bmy bad\b|\bwe messed up\b|"
            r"\bwe (?:let you down|dropped the ball|got (?:this|it) wrong)\b|\bi regret\b",
            r"\belnézés\w*|\bsajnál\w*|\bbocsánat\w*|\bbocs\b",
            r"(?<!\w)ներողություն|(?<!\w)ցավում (?:եմ|ենք)|\bизвин\w*|\bпрости\w*|\bentschuldig\w*|"
            r"\btut (?:mir|uns) (?:\w+ )?leid\b",
            r"\bsiento\b|\bsentimos\b|\blament(?:o|amos)\b|\bdisculp\w*|"
            r"\bperd[oó]n\w*",
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
    r"\bsorry,? (?:no|but|we (?:can't|cannot|don't|do not))\b|"
    r"\besetleges\s+(?:kellemetlenség|kényelmetlenség|probléma)\w*|\bminden kellemetlenségért\b|"
    r"\b(?:entstandenen?|etwaigen?|eventuellen?|die|alle) unannehmlichkeit\w*|"
    r"\bwir entschuldigen uns vielmals\b|"
    r"(?<!\w)(?:պատճառված|հնարավոր|ցանկացած) անհարմարություն\w*|"
    # conditional apologies ("sorry if you feel...") doubt that anything went wrong
    r"\bsorry (?:if|you feel|that you feel)\b|\bapologi[sz]e if\b|\bsajnál\w*,? ha\b|"
    r"\belnézést,? ha\b|\bleid,? (?:wenn|falls)\b|\bentschuldig\w*,? (?:wenn|falls)\b|"
    r"\b(?:siento|lamento|sentimos|lamentamos|disculpa\w*),? si\b|"
    r"(?<!\w)(?:ներողություն|ցավում (?:եմ|ենք)),? եթե(?!\w)|"
    r"\b(?:siento|lamento|sentimos) las molestias\b|\bdisculpe?n? las molestias\b",
)

# Where nothing went wrong, taking in the request warmly is the acknowledgement the brief asks
# for ("Thanks for getting in touch about...", "Köszönöm az ötletet", "սիրով կօգնեմ"); in a
# complaint, or a refund chase, it is not enough, so these count only in WARM_WELCOME scenarios.
FRIENDLY = GatedPattern(
    "|".join(
        [
            r"\b(?:totally fair to ask|completely fair to ask|perfectly fair to ask|fair to ask)\b|"
            r"\bthank(?:s| you) for (?:getting in touch|contacting|asking|writing|the (?:idea|"
            r"suggestion|question|feedback)|your (?:idea|suggestion|question|feedback|interest|"
            r"message|note|email))|\b(?:happy|glad) to (?:help|explain|clarify)\b|"
            r"\b(?:good|great) news\b|\bthank(?:s| you) for (?:your patience|bearing with|"
            r"suggesting|considering|thinking of|choosing|sharing|reaching out)|"
            r"\b(?:sure|of course|certainly|absolutely),? (?:i|we)(?:'d| would| can| will|'ll)\b|"
            r"\b(?:i can|we can) (?:help|do that|sort that|take care)\b|"
            r"\b(?:looks|seems|sounds) like (?:you|this|your|the)\b|"
            r"\bmeant to (?:contact|reach|write|message|email|send)\b|"
            r"\b(?:i'm|i am|we're|we are) (?:here|still here|online)\b|"
            # a follow-up that names where the case stands ("now that your return is sorted")
            r"\bnow that (?:your|the|it|everything)\b|"
            # offering what they can try is taking a comparison or price question in
            r"\btry (?:us|it|\w+) (?:for )?free\b|\bfree trial\b|"
            r"\bdemo\b",
            r"\bköszön\w* (?:az |a )?(?:ötlet|kérdés|üzenet|javaslat|megkeresés|érdeklődés|"
            r"visszajelzés)\w*|\búgy tűnik\b|\bszánt(?:a|ad|ák)\b|\bjó hír\w*|"
            r"\b(?:szívesen|örömmel) segít\w*|\bköszön\w*,? hogy\b|\bitt (?:vagyok|vagyunk)\b|"
            r"\bkipróbál\w*|\bmost, hogy\b|\b(?:természetesen|persze),? (?:segít|intéz|megold)\w*",
            r"\balles klar\b|\bich kümmere mich\b|\bdanke(?: schön)? für (?:die|ihre|deine|den|"
            r"ihren) (?:idee|frage|nachricht|anregung|vorschlag|anfrage)\w*|\bgute nachricht\w*|"
            r"\bgerne? helfe\b|\bdanke?(?: schön| sehr)? für "
            r"(?:ihr|ihre|ihren|die|den|das|dein|deine|deinen)\b|"
            r"\b(?:ich bin|wir sind) (?:da|hier)\b|"
            r"\b(?:ist|sind|wurde|wurden) (?:bei uns )?eingegangen\b|\bkostenlos testen\b|"
            r"\bsieht so aus\b",
            # Spanish
            r"\bgracias por\b|\bcon gusto\b|\b(?:aquí|acá) estoy\b|\bestoy aquí\b|"
            r"\bparece que\b|\bahora que\b|\bclaro,? (?:te|le|lo|que)\b|\bprueba gratis\b|"
            r"\bhemos recibido\b",
            r"(?<!\w)սիրով (?:կօգնեմ|կօգնենք|կպատասխանեմ)|(?<!\w)լավ լուր|"
            r"(?<!\w)ուրախ (?:եմ|ենք) օգնել|(?<!\w)շնորհակալություն[^.։!?]{0,40}համար(?!\w)|"
            r"(?<!\w)այստեղ (?:եմ|ենք)(?!\w)|(?<!\w)ստացել ենք(?!\w)|(?<!\w)կարծես(?!\w)",
        ]
    ),
)
# Praise of the question or idea only acknowledges it when the sentence says what it is
# about ("Love this idea, I've passed it on"); a bare "Great idea!" before a question wall or
# a stock answer does not.
PRAISE = GatedPattern(
    r"\b(?:great|good|fair|interesting|excellent) (?:question|idea|point|suggestion)\b|"
    r"\b(?:love|like) (?:this|that|the|your) (?:idea|suggestion)\b|"
    r"\b(?:jó|remek|nagyszerű|érdekes) (?:kérdés|ötlet)\w*|"
    r"\b(?:gute|tolle|spannende) (?:frage|idee)\b|"
    r"(?<!\w)(?:լավ|հիանալի) (?:հարց|գաղափար)\w*",
)
# Scenarios where the customer brings a request, not a grievance (domain brief).
WARM_WELCOME: frozenset[str] = frozenset(
    {
        "feature_request",
        "competitor_comparison",
        "discount_request",
        "greeting",
        "wrong_company",
        "cancellation",
        "csat_request",
        "offline_message",
        "feature_released",
    }
)

# Legal boilerplate and defence: the opposite of acknowledging the customer.
DEFENSIVE = GatedPattern(
    r"\b(?:as|in accordance with|pursuant to|per) (?:per )?(?:our|the) (?:\w+ )?(?:terms|policy|"
    r"policies|t&cs?|conditions|agreement)|\bnot (?:be )?(?:held )?(?:liable|responsible)\b|"
    r"\bno liability\b|\bwithout (?:any )?admission\b|\bnot our fault\b|\bnot at fault\b|"
    r"\bbeyond our control\b|\bas (?:clearly )?stated\b|\byou should have\b|"
    r"\byou (?:failed|neglected) to\b|\bas (?:already|previously) (?:mentioned|explained|stated)\b|"
    r"\bnothing (?:more )?we can do\b|\bdoes not constitute\b|\bfelelősséget nem vállal|"
    r"\bnem vállalunk felelősséget|\b(?:az ászf|ászf)\b|\bszabályzat\w* (?:szerint|értelmében)|"
    r"\bnem a mi hibánk|\bönnek kellett volna\b|"
    # sarcasm and "it says so at checkout": the customer is mocked or blamed
    r"🙄|😒|\bwell,? sorry\b|\bsorry not sorry\b|\bas it (?:says|said|states)\b|"
    r"\bas (?:clearly )?(?:shown|written|explained|mentioned) (?:at|on|in)\b|"
    r"\bahogy (?:az? \w+ )?(?:is )?(?:írtuk|írja|szerepel|olvasható)\b|"
    r"\bwie (?:bereits |schon )?(?:angegeben|beschrieben|erwähnt)\b|"
    r"\bgemäß unseren? \w*(?:agb|richtlinie)|"
    r"\bcomo (?:ya )?(?:se indica|dice|indicamos|explicamos)\b|\bsegún (?:nuestra|la) política\b",
)

STACKED_APOLOGIES = 3
# Where the customer comes with something we got wrong, empathy needs an apology (domain
# brief); elsewhere (a request, a question, a follow-up) acknowledging it is enough.
APOLOGY_EXPECTED: frozenset[str] = RECOVERY_SCENARIOS | {"bug_report"}
# Words that dress up an apology without saying what it is for ("We are really sorry.",
# "Please accept our apologies once again", "elnézést kérünk"); any other word names the
# problem, which lets Hungarian and Armenian do it in one inflected noun ("Sajnálom a
# csúszást!", "sajnálom, hogy távozik").
_APOLOGY_FILLER = frozenset(
    {
        "i", "m", "we", "re", "are", "am", "is", "s", "so", "very", "really", "truly",
        "deeply", "sincerely", "terribly", "awfully", "again", "once", "please", "accept",
        "our", "my", "us", "about", "that", "this", "it", "for", "the", "a", "an", "all",
        "and", "oh", "hi", "well", "ve", "ll", "to", "you", "your",
        "nagyon", "őszintén", "mélyen", "ismét", "újra", "kérek", "kérünk", "kérjük",
        "kérem", "az", "ezért", "mindenért", "hogy",
        "es", "das", "tut", "mir", "uns", "sehr", "wirklich", "aufrichtig", "vielmals",
        "nochmals", "wir", "ich", "dafür",
        "lo", "mucho", "muchísimo", "sinceramente", "de", "verdad",
        "խնդրում", "ենք", "եմ", "խորապես", "կրկին", "անկեղծորեն", "համար", "շատ",
    }
)  # fmt: skip
# "Sorry for the inconvenience" in any language names no problem, whatever its case ending.
_NAMELESS_STEMS = (
    "inconvenien", "kellemetlen", "kényelmetlen", "unannehmlichkeit", "molestia",
    "անհարմարությ", "неудобств",
)  # fmt: skip
_WORD = re.compile(r"\w+")
# Praise names what it praises with at least this many other words.
_PRAISE_WORDS = 3
# A draft this long after a bare "Good question!" answers the question rather than brushing
# it off.
_ANSWER_WORDS = 15


@per_sentence
def names_the_problem(draft: DraftContext, index: int) -> bool:
    """An apology with a word beyond the apology and its trimmings says what it is for.

    Empathy and structure both ask about the same apologies, so the answer is kept per
    draft and sentence."""
    lowered = draft.lower_sentence(index)
    for phrase in draft.hits(APOLOGY).get(index, ()):
        lowered = lowered.replace(phrase, " ")
    # Whether any word qualifies does not depend on order or repeats: the set difference
    # drops the filler words in C, and only the rest are tested for a nameless stem.
    return any(
        not w.startswith(_NAMELESS_STEMS)
        for w in set(_WORD.findall(lowered)).difference(_APOLOGY_FILLER)
    )


def _welcoming(draft: DraftContext) -> list[str]:
    """Sentences that take in a request warmly: a thanks or welcome, praise that names it or
    leads into an answer, or, for a bare hello, greeting back."""
    friendly, praise = draft.hits(FRIENDLY), draft.hits(PRAISE)
    # "Good question!" before a real answer takes the question in; before a questionnaire
    # ("Great idea! How many users? Which apps? ...") or a brush-off ("Great idea! It is not
    # planned.") it is a formula.
    # draft.words are the \w+ runs of the lower-cased text, as many as the text's own.
    answers = sum(draft.questions) <= 1 and len(draft.words) >= _ANSWER_WORDS
    out = []
    for index, sentence in enumerate(draft.sentences):
        if index in friendly:
            out.append(sentence)
        elif index in praise:
            lowered = draft.lower_sentence(index)
            for phrase in praise[index]:
                lowered = lowered.replace(phrase, " ")
            if answers or len(_WORD.findall(lowered)) >= _PRAISE_WORDS:
                out.append(sentence)
    greeting = not out and draft.scenario == "greeting" and draft.sentences
    if greeting and opens_with_salutation(normalise(draft.sentences[0])):  # greeting back
        out.append(draft.sentences[0])
    return out


@scorer("empathy", weight=1.0)
@per_draft
def empathy(draft: DraftContext) -> Score:
    acknowledging: list[str] = []
    genuine_apologies: list[str] = []
    naming_apologies: list[str] = []
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
            if names_the_problem(draft, index):
                naming_apologies.append(sentence)
        if index in ack_hits and not is_hollow:
            acknowledging.append(sentence)

    value = 0.5 * bool(acknowledging) + 0.5 * bool(genuine_apologies)
    value -= 0.3 * bool(hollow) + 0.5 * bool(defensive)
    stacked = apology_count >= STACKED_APOLOGIES
    if stacked:
        value -= 0.3
    value = min(1.0, max(0.0, value))
    genuine = acknowledging + [s for s in genuine_apologies if s not in acknowledging]
    if draft.scenario in APOLOGY_EXPECTED:
        # Both halves: an apology, and proof we understood (an acknowledgement, or an
        # apology that names what went wrong, "Sorry your parcel is late").
        shortfall = (
            "no genuine apology for what went wrong"
            if not genuine_apologies
            else "a bare apology that never names the problem"
            if not (acknowledging or naming_apologies)
            else ""
        )
    elif draft.scenario is not None:
        if not (acknowledging or naming_apologies) and draft.scenario in WARM_WELCOME:
            acknowledging = _welcoming(draft)
            genuine = acknowledging + [s for s in genuine if s not in acknowledging]
        shortfall = "" if acknowledging or naming_apologies else "nothing acknowledges the customer"
    else:
        shortfall = "" if genuine else "no acknowledgement or apology"
    passed = not shortfall and not defensive and not (stacked and not acknowledging)

    if defensive:
        return new_score(
            value=value,
            passed=False,
            evidence=defensive,
            explanation="defensive or legal boilerplate instead of acknowledging the customer",
        )
    if shortfall:
        why = f"{shortfall} (only form apologies)" if hollow and not genuine else shortfall
        evidence = genuine + hollow
        return new_score(value=min(value, 0.5), passed=False, evidence=evidence, explanation=why)
    parts = []
    if acknowledging:
        parts.append("acknowledges the customer")
    if genuine_apologies:
        parts.append("apologizes")
    if hollow:
        parts.append("but also uses a form apology")
    if stacked:
        parts.append(f"apologizes {apology_count} times (stacked)")
    return new_score(
        value=value,
        passed=passed,
        evidence=genuine + [s for s in hollow if s not in genuine],
        explanation=", ".join(parts),
    )
