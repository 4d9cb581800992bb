"""Concrete timing: does the draft commit to a real time or bounded window for what's next?

Upset customers trust "within 20 minutes" or "tomorrow 10-12" and distrust "soon". The
scorer looks for clock times, durations with a number ("within 2 hours", "20 percen belül"),
dates, weekdays, today/tomorrow and bounded windows ("5-10 business days"), and for the
vague words that promise nothing ("soon", "ASAP", "in due course", "hamarosan"). A draft
passes when it gives at least one concrete time; a vague word fails the draft even next to a
concrete time, because one part of the promise is then one the customer cannot hold us to.
Scenarios whose reply shape has nothing to time (greeting, wrong_company, a "not planned"
feature answer, ...) pass unless they use a vague word.

``find_concrete_times`` and ``find_vague_timing`` are public: LLM output validation uses
them to reject a generated draft that lost the playbook's time.
"""

from __future__ import annotations

from drafter.scoring.context import DraftContext, fold, per_draft
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score, new_score
from drafter.scoring.promises import NEGATION
from drafter.scoring.registry import scorer

_NUM_EN = (
    r"(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|"
    r"fifteen|twenty|thirty|forty[- ]five|forty|sixty|half an?|a couple of|a single)"
)
_UNIT_EN = r"(?:min(?:ute)?s?|hours?|hrs?|h|(?:business |working |calendar )?days?|weeks?)"
_NUM_HU = (
    r"(?:\d+(?:[.,]\d+)?|egy|két|kettő|három|négy|öt|hat|hét|nyolc|kilenc|tíz|tizenöt|"
    r"húsz|harminc|negyven|negyvenöt|hatvan|fél|másfél)"
)
_MONTHS_EN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTHS_HU = (
    r"(?:január|február|március|április|május|június|július|augusztus|szeptember|"
    r"október|november|december)"
)
_WEEKDAYS_EN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_WEEKDAYS_HY = r"(?:երկուշաբթի|երեքշաբթի|չորեքշաբթի|հինգշաբթի|ուրբաթ)"
_MONTHS_HY = (
    r"(?:հունվար|փետրվար|մարտ|ապրիլ|մայիս|հունիս|հուլիս|օգոստոս|սեպտեմբեր|հոկտեմբեր|"
    r"նոյեմբեր|դեկտեմբեր)"
)
_WEEKDAYS_HU = r"(?:hétfő|kedd|szerd|csütörtök|péntek|szombat|vasárnap)\w*"

CONCRETE = GatedPattern(
    "|".join(
        [
            # clock times: 18:00, 9.30 am, 6pm, 18 óráig, 10 órakor
            r"\b(?:[01]?\d|2[0-3]):[0-5]\d\b(?:\s*(?:am|pm|a\.m\.|p\.m\.))?",
            r"\b(?:[01]?\d|2[0-3])[.][0-5]\d\s*(?:am|pm|a\.m\.|p\.m\.|h\b|óra)",
            r"\b(?:1[0-2]|0?[1-9])\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w)",
            r"\b(?:[01]?\d|2[0-3])\s*(?:óráig|órakor|óra\s+(?:előtt|után|között)|-?ig\b|-?kor\b)",
            r"\b(?:noon|midday|midnight|end of (?:the )?(?:business )?day|close of business|"
            r"eod|cob|end of (?:the|this) week)\b",
            # durations with a number: within 20 minutes, in 2 hours, under an hour
            rf"\b(?:within|in|under|inside|less than|no later than|no more than|up to|after)"
            rf"\s+(?:the next\s+|about\s+|roughly\s+)?{_NUM_EN}(?:\s*(?:-|–|to)\s*{_NUM_EN})?"
            rf"\s*{_UNIT_EN}\b(?!\s+ago)",
            r"\b(?:within|in)\s+(?:the\s+(?:next\s+)?|an?\s+)?(?:hour|day|week|24h)\b",
            r"\b(?:immediately|right away|straight away|right now)\b|\bazonnal\b|\bsofort\b|"
            r"(?<!\w)անմիջապես(?!\w)|\binmediatamente\b|\bahora mismo\b|"
            r"\bnow\b(?<!for now)(?<!until now)(?<!till now)(?<!by now)(?! on\b)|"
            r"\bmost (?:azonnal|rögtön)\b|\bjetzt\b|(?<!\w)հիմա(?!\w)",
            # week and month windows: next week, by the end of the month, bis Ende nächster Woche
            r"\bend of (?:the|this|next) (?:week|month)\b|\b(?:next|this) (?:week|month)(?:'s)?\b|"
            r"\bjövő (?:hét|héten|heti|hónap\w*)\b|\bezen a héten\b|\ba hónap végé\w*|"
            r"\bende (?:dieser|nächster|der|des|diesen) (?:woche|monats)\b|"
            r"\b(?:nächste[nr]?|diese[nr]?|kommende[nr]?) (?:woche|monat)\b|"
            r"\b(?:próxima|esta) semana\b|\bla semana que viene\b|"
            r"\bfinal(?:es)? de(?:l| este)? mes\b|"
            r"(?<!\w)(?:հաջորդ|այս) (?:շաբաթ|ամս|ամիս)\w*|(?<!\w)ամսվա (?:վերջ|սկիզբ)\w*",
            # release windows: Q3, July to September, the March update, by the end of June
            rf"\b(?:q1|q2|q3|q4)\b|\b{_MONTHS_EN}\s*(?:-|–|to|through)\s*{_MONTHS_EN}\b|"
            rf"\b{_MONTHS_EN} (?:update|release|version)\b|"
            rf"\b(?:end|beginning|middle) of {_MONTHS_EN}\b",
            # bounded windows: 5-10 business days, 10-12, between 10 and 12
            rf"\b\d{{1,2}}\s*(?:-|–|to)\s*\d{{1,2}}\s*{_UNIT_EN}\b",
            r"\bbetween\s+\d{1,2}(?::\d\d)?\s*(?:am|pm)?\s+and\s+\d{1,2}(?::\d\d)?\b",
            r"\b(?:today|tomorrow|tonight)\s+(?:between\s+)?\d{1,2}(?::\d\d)?\s*(?:-|–|to|and)"
            r"\s*\d{1,2}(?::\d\d)?\b",
            # days and dates: today, tomorrow, by Friday, 12 May, May 12, 2024-05-12, 12/05
            r"\b(?:today|tomorrow|tonight|this (?:morning|afternoon|evening))\b",
            rf"\b(?:by|on|until|before|next|this|from)\s+{_WEEKDAYS_EN}\b|\b{_WEEKDAYS_EN}\b",
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS_EN}\b",
            rf"\b{_MONTHS_EN}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
            r"\b\d{4}[-./]\s?\d{1,2}[-./]\s?\d{1,2}\.?",
            r"\b(?!24/7\b)\d{1,2}/\d{1,2}(?:/\d{2,4})?\b",
            r"\bthe\s+\d{1,2}(?:st|nd|rd|th)\b",
            # Hungarian: 20 percen belül, 2 órán belül, 5-10 munkanapon belül, holnap, hétfőig
            rf"\b{_NUM_HU}(?:\s*(?:-|–)\s*{_NUM_HU})?\s*(?:perc|órá|óra|nap|munkanap|hét|hete)"
            r"\w*\s+(?:belül|múlva|alatt|után|elteltével)",
            r"\b\d{1,2}\s*(?:-|–)\s*\d{1,2}\s*(?:munkanap|nap|órá|óra|hét)\w*",
            r"\b(?:még ma|ma\s+(?:reggel|délelőtt|délben|délután|este|estig|éjfélig|\d)|"
            r"ma\b(?=[^.!?]*\b(?:jelentkez|írok|küld|visszajelz|hív))|holnap\w*|"
            r"holnapután\w*|délig|estig|a nap végéig|a hét végéig)",
            rf"\b{_WEEKDAYS_HU}\b",
            rf"\b{_MONTHS_HU}\s+\d{{1,2}}\w*|\b{_MONTHS_HU}i\b|"
            rf"\b{_MONTHS_HU} (?:elej|közep|vég)\w*",
            # Armenian / Russian / German essentials: within N minutes, today, tomorrow
            r"\d+\s*(?:րոպե|ժամ|օր|աշխատանքային օր)\w*\s+(?:ընթացքում|հետո)|"
            r"\d+\s*(?:րոպե|ժամ|օր)(?:ից|վա ընթացքում)(?!\w)|"
            r"(?<!\w)(?:այսօր|վաղը)(?!\w)",
            rf"(?<!\w){_WEEKDAYS_HY}|(?<!\w)մինչև\s+(?:{_MONTHS_HY}|շաբաթ)|"
            rf"(?<!\w){_MONTHS_HY}\w*\s+(?:\d|վերջ|սկիզբ|սկզբ|կես)",
            r"в течение\s+\d+\s*\w+|\bсегодня\b|\bзавтра\b",
            r"\binnerhalb (?:von|einer|eines)\s+\w+|\bheute\b|\bmorgen\b|"
            r"\bbis (?:ende|mitte|anfang) \w+|"
            # Spanish
            r"\b(?:en|dentro de|antes de|menos de)\s+(?:\d+|una?|dos|tres|media)\s*(?:minutos?|"
            r"horas?|d[ií]as?(?: hábiles| laborables)?|semanas?)\b|\bantes de las? \d|"
            r"\ba las \d|\bhoy\b|\bmañana\b(?<!esta mañana)|"
            r"\b(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo)\b|"
            r"\b\d{1,2}(?::\d\d)?\s*uhr\b|"
            r"\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\w*",
        ]
    ),
)

VAGUE = GatedPattern(
    "|".join(
        [
            r"\bsoon(?:est)?\b|\bshortly\b|\basap\b|\bas soon as (?:possible|we can|we're able|"
            r"we are able|i can)\b|\bin due course\b|"
            r"\bat the earliest (?:opportunity|convenience)\b|\bearliest convenience\b|"
            r"\bin a timely (?:manner|fashion)\b|\bpromptly\b|"
            r"\bmomentarily\b|\bat some point\b|\bin the (?:near|not too distant) future\b|"
            r"\bin the coming (?:days|weeks)\b|\b(?:within|in) (?:a few|several|some) "
            r"(?:days|hours|weeks)\b|\bas quickly as (?:possible|we can)\b|\beventually\b|"
            r"\bbefore long\b|\bwhen(?:ever)? (?:we|i) (?:can|get a chance)\b|"
            r"\bas fast as (?:possible|we can)\b|\bwhen possible\b|\bat a later (?:date|time)\b|"
            r"\btbd\b|\btbc\b|\bto be (?:determined|confirmed)\b|\bas soon as (?:they|he|she) "
            r"(?:reply|replies|respond|responds|get back)\b|\b(?:within|in line with) (?:our|the) "
            r"(?:standard |usual |normal )?(?:sla|processing (?:window|time)|timeframe)\b",
            r"\bhamarosan\b|\bmielőbb\b|\bmihamarabb\b|\bminél (?:előbb|hamarabb|gyorsabban)\b|"
            r"\ba lehető leg(?:hamarabb|rövidebb időn belül|gyorsabban)\b|\bamint (?:lehet|tudunk|"
            r"tudok|lehetséges)\b|\brövidesen\b|\ba közeljövőben\b|\bbelátható időn belül\b|"
            r"\bidővel\b|\b(?:pár|néhány) (?:napon|órán|héten) belül\b|\bnemsokára\b|"
            r"\belőbb-utóbb\b|\ba későbbiekben\b",
            r"(?<!\w)շուտով(?!\w)|հնարավորինս շուտ|մոտ ապագայում|մոտակա ժամանակ\w*",
            r"\bскоро\b|как можно скорее|в ближайшее время",
            r"\bbald(?:möglichst)?\b|so (?:schnell|bald) wie möglich|\bzeitnah\b|in kürze|"
            r"\bumgehend\b",
        ]
    ),
)


# A wish for the customer ("hope the tooth feels better soon", "jobbulást") promises nothing
# about our next step, so a vague word inside one is not a timing promise. Only wishes about
# the customer's wellbeing or a goodbye count: "I hope to fix it soon" is still a promise.
WISH = GatedPattern(
    r"\b(?:feel|feels|feeling) (?:much |a lot )?better\b|\bget well\b|\bspeedy recovery\b|"
    r"\b(?:see|talk to|hear from|speak to) you (?:again )?soon\b|"
    r"\bjobbulást\b|\bgyógyul\w*|\bjobban lesz\b|\bgute besserung\b|\bwieder gesund\b|"
    r"\bbis bald\b|\bque te mejores\b|\bmejórate\b|\bhasta pronto\b|"
    r"(?<!\w)ապաքինվ\w*|(?<!\w)առողջությո\w*"
)


def find_concrete_times(text: str) -> list[str]:
    """The concrete time expressions in ``text`` (lower-cased), in order."""
    return [m.group(0).strip() for m in CONCRETE.finditer(fold(text))]


def find_vague_timing(text: str) -> list[str]:
    """The vague timing phrases in ``text`` ("soon", "asap", "hamarosan"), lower-cased."""
    return [m.group(0).strip() for m in VAGUE.finditer(fold(text))]


# Reply shapes with nothing to time (domain brief): they pass unless they promise vaguely.
UNTIMED_SCENARIOS: frozenset[str] = frozenset(
    {
        "greeting",
        "wrong_company",
        "competitor_comparison",
        "discount_request",
        "anything_else",
        "csat_request",
    }
)
# A feature_request answer has something to time only when it says the feature is coming.
ROADMAP = GatedPattern(
    r"\bon (?:our|the) roadmap\b|\b(?:we(?:'re| are)|already) (?:building|developing|working on)\b|"
    r"\bplanned for\b|\bis coming\b|\bwill (?:be )?(?:launch|releas|ship|arriv)\w*|"
    r"\bfejleszt(?:jük|és alatt)|\btervbe\w*|\bérkezik\b|\belérhető lesz\b|"
    r"(?<!\w)պլանում է|(?<!\w)կթողարկվի(?!\w)"
)


def _nothing_to_time(draft: DraftContext) -> bool:
    scenario = draft.scenario
    if scenario in UNTIMED_SCENARIOS:
        return True
    if scenario != "feature_request":
        return False
    return not any(
        not NEGATION.search(draft.lower_sentence(index)) for index in draft.hits(ROADMAP)
    )


@scorer("concrete_timing", weight=1.0)
@per_draft
def concrete_timing(draft: DraftContext) -> Score:
    concrete_hits = draft.hits(CONCRETE)
    vague_hits = draft.hits(VAGUE)
    if vague_hits:
        wishes = draft.hits(WISH)
        vague_hits = {i: words for i, words in vague_hits.items() if i not in wishes}
    concrete = [draft.sentences[i] for i in sorted(concrete_hits)]
    vague = [draft.sentences[i] for i in sorted(vague_hits)]
    vague_words = [w.strip() for i in sorted(vague_hits) for w in vague_hits[i]]
    if vague:
        # One vague word is a promise the customer cannot hold us to, even beside a real time.
        found = [t.strip() for i in sorted(concrete_hits) for t in concrete_hits[i]]
        also = f"; concrete elsewhere: {', '.join(found[:3])}" if found else ""
        return new_score(
            value=0.3 if concrete else 0.0,
            passed=False,
            evidence=vague + [s for s in concrete if s not in vague],
            explanation=f"vague timing: {', '.join(vague_words)}{also}",
        )
    if concrete:
        found = [t.strip() for i in sorted(concrete_hits) for t in concrete_hits[i]]
        return new_score(
            value=1.0,
            passed=True,
            evidence=concrete,
            explanation=f"concrete time: {', '.join(found[:3])}",
        )
    if _nothing_to_time(draft):
        return new_score(
            value=1.0,
            passed=True,
            evidence=[],
            explanation=f"not applicable: a {draft.scenario} reply has nothing to time",
        )
    return new_score(value=0.0, passed=False, evidence=[], explanation="no time for the next step")
