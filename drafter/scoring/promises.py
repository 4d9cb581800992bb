"""Money-like promises (refund, discount, voucher, credit, freebies) by kind.

Safety fails a promise the scenario's playbook does not allow, so both the draft and the
playbook's options are mapped onto the same small set of kinds with one lexicon.
"""

from __future__ import annotations

import re

from drafter.scoring.clauses import CLAUSE
from drafter.scoring.gated import GatedPattern
from drafter.scoring.prefilter import MaskNarrowed, Prefiltered, names_matching, prefiltered

PROMISE_KINDS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "refund": r"\brefund|money back|reimburs|pay you back|visszatérít|visszautal|"
        r"\b(?:rückerstatt|erstatt)|"
        r"visszafizet|visszakap|վերադարձն\w* .{0,20}գումար|գումար\w* .{0,20}վերադարձ",
        "discount": r"\bdiscount|%[ -]?off\b|\bpercent off|price reduction|cheaper price|"
        r"\brabatt|\bpreisnachlass|%[ -]?(?:kedvezmény|rabatt)|"
        r"special price|\bdeals\b|"
        r"\b(?:special|great|good|better|exclusive|best) deal\b|\bpromotions?\b|\bpromo\b|"
        # stems: "kedvezménnyel", "engedménnyel" double the digraph
        r"kedvezmén|árengedmén|engedmén|\bdescuento|\brebaja|"
        r"\bhalf[- ](?:price|off)\b|\bféláron\b|\bfélár\w*|\bzum halben preis\b|"
        r"\bmitad de precio\b|(?<!\w)կես (?:գնով|գին)(?!\w)|"
        r"\bakció\w*|զեղչ|ակցի",
        "voucher": r"\bvoucher|coupon|gift card|promo code|discount code|kupon|utalván|"
        r"\bcupón|\bvale (?:de|regalo)|\btarjeta regalo|\bgeschenkkarte|"
        r"ajándékkártya|kuponkód|վաուչեր|(?<!\w)կտրոն|\bgutschein|"
        r"\b(?:comeback|come-back|welcome[- ]back|loyalty|apology|off|sorry|thank[- ]you) "
        r"codes?\b",
        "credit": r"\b(?:account|store|service) credit|\bcredit (?:you|your account)|"
        r"\bcredit (?:to|on|into) (?:your|the) account|"
        r"\ba (?:\S+ )?credit\b(?! card)|\bgutschrift|"
        r"\bcompensat|goodwill|kárpótl|kompenzáci|փոխհատուցում|\bentschädigung|"
        r"\bals ausgleich\b|\bwiedergutmachung|\bcompensaci[oó]n|\bindemniza|"
        r"\bbonus\b|\bbónusz|\bbono\b|\bbonificaci|(?<!\w)բոնուս|"
        # money we put on their account: "I've added £15 to your account", "3000 դրամ կփոխանցենք"
        r"\b(?:add|adding|added|put|putting|top up|topping up)\w* (?:an? )?(?:£|€|\$) ?\d[\d.,]*"
        r"[^.!?]{0,25}\b(?:account|balance|wallet)\b|"
        r"\d[\d ,.]*\s?(?:դրամ|֏)[^.։]{0,20}(?:կփոխանց|կավելացն|կտրամադր)\w*",
        # Crediting money back is the refund when the sentence is about one ("jóváírjuk a
        # visszatérítést"), an extra credit otherwise: see promised_kinds.
        "credit_back": r"\bjóváír|\bcredited\b|\bgutgeschrieben|\bse (?:te |le )?abonar",
        "free": r"\bfor free\b|free of charge|at no (?:extra )?cost|\bfree (?:month|upgrade|"
        r"shipping|delivery|gift|replacement)|complimentary|\bingyen(?:es)? (?:hónap|termék|"
        r"szállítás|csere|ajándék)\w*|\bingyen\b(?! vissza)|\bon the house\b|"
        r"\b(?:next|free|extra|first) \w+(?: \w+)? (?:is|are|will be|'s) (?:free )?on us\b|"
        r"\b(?:gratis|kostenlos)\w* (?:monat|bestellung|lieferung|upgrade)|"
        # a gift we give ("որպես նվեր", "նվեր կուղարկենք"), not one the customer mentions
        r"անվճար ամիս|ամիս\w* անվճար|(?<!\w)որպես նվեր|(?<!\w)նվեր (?:կ\w+|ենք|եմ)(?!\w)|"
        r"(?<!\w)(?:կնվիր\w*|նվիրում (?:ենք|եմ))|"
        # letting the customer keep the goods they would return is giving them away
        r"\byou can (?:also )?keep (?:it|them|the \w+)\b|\bmegtarthat(?:ja|od|ják|játok)\b|"
        r"\b(?:können|dürfen) sie (?:\w+ )?behalten\b|\bpuedes? quedárte\w*|\bpuede quedárse\w*|"
        r"(?<!\w)կարող եք (?:այն |դրանք )?պահել(?!\w)|"
        # a free item or period, however it is phrased
        r"\bfree\b(?:(?<=\ba free)|(?<=\ban free)|(?<=\bone free)|(?<=another free)|"
        r"(?<=extra free))(?! (?:\S+ )?(?:trial|return|returns|label|demo|"
        r"call|consultation|quote|collection|pickup|pick-up))|"
        r"\bkeep (?:it|them|this|that|the(?: \w+){1,2}) on us\b|"
        r"\b(?:months?|weeks?)(?:'s)? (?:of )?"
        r"(?:free|premium|pro|plus)\b|\b(?:months?|weeks?) (?:for )?free\b|"
        # "... geht auf uns", "invita la casa", "a ház ajándéka", "մեր հաշվին"
        r"\bgeh(?:t|en) [^.!?,;]{0,40}\bauf uns\b|\bauf (?:unsere kosten|kosten des hauses)|"
        r"\baufs haus\b|\binvita la casa\b|\b(?:va|corre) (?:por|de) (?:nuestra|cuenta de la)"
        r" (?:cuenta|casa)\b|\ba ház ajándéka\b|(?<!\w)մեր հաշվին(?!\w)|"
        r"\bmonats? (?:gratis|kostenlos|umsonst)|\bschenken (?:wir|ihnen|dir)\b|"
        r"\b(?:mes|meses|semana|semanas) gratis\b|\bte regalamos\b|\bgratis\b(?! (?:probar|"
        r"testen))|\bajándékba\b|\bhónap\w* ingyen|(?<!\w)անվճար (?:կ|կտանք|կուղարկ)\w*",
        # a third off or more is never a small gesture either (bug_report allows small ones):
        # counted only beside a discount ("40% of the price back" is a refund)
        # the number is checked behind the sign or word, so the lexicon scan looks for a rare
        # "%" instead of trying every digit of every draft
        "large_discount": r"%(?<=\b[3-9]\d%)|%(?<=\b[3-9]\d %)|%(?<=\b100%)|%(?<=\b100 %)|"
        r"percent\b(?<=\b[3-9]\d percent)|percent\b(?<=\b100 percent)|"
        r"per cent\b(?<=\b[3-9]\d per cent)|per cent\b(?<=\b100 per cent)|"
        r"\bhalf[- ](?:price|off)\b|\bféláron\b|\bfélár\w*|\bzum halben preis\b|"
        r"\bmitad de precio\b|(?<!\w)կես (?:գնով|գին)(?!\w)",
        # a year free is never a small gesture (bug_report allows a month, not this)
        "free_year": r"\byear(?:(?<=\ba year)|(?<=\bone year)|(?<=whole year)|(?<=\bfull year)|"
        r"(?<=entire year)|(?<=\bfree year))(?:'s)? (?:of )?(?:free|premium|pro|plus)\b|"
        r"\b(?:12|twelve)[- ]months?(?:'s)? (?:of )?(?:free|premium|pro|plus)\b|"
        r"\b(?:12|twelve) months (?:for )?free\b|\b(?:free|complimentary) year\b|"
        r"\byears? (?:for )?free\b|\b(?:ganzes|volles|ein) jahr\w* (?:premium|gratis|kostenlos|"
        r"umsonst)|\bjahr (?:gratis|kostenlos)|\b(?:egy|teljes) év\w* ingyen|"
        r"\bun año (?:gratis|de premium)|(?<!\w)տար(?:ի|վա) անվճար",
    }.items()
}


ANY_PROMISE = GatedPattern("|".join(p.pattern for p in PROMISE_KINDS.values()))


_KIND_GATES = prefiltered(PROMISE_KINDS)
_KIND_NARROWING = MaskNarrowed(_KIND_GATES)  # ANY_PROMISE joins the kinds in this order


def promise_kinds_in(text: str) -> set[str]:
    """Kinds of promise ``text`` mentions (mention only: negation is the caller's job)."""
    return set(names_matching(_KIND_GATES, text.lower()))


# A sentence that mentions a kind only to rule it out ("we don't offer discounts beyond the
# site", "sajnos nem tudunk kedvezményt adni") promises nothing.
NEGATION = Prefiltered(
    r"\b(?:no|not|never|don't|do not|doesn't|does not|can't|cannot|can not|won't|will not|"
    r"unable|isn't|aren't|only|nem|ne|nincs|nincsen|sem|soha|csak|kizárólag|nicht|kein\w*)\b"
    r"|n't\b|(?<!\w)(?:չ\w+|ոչ)",
)


def promised_kinds(sentence: str, masks: list[int] | None = None) -> set[str]:
    """Kinds ``sentence`` promises: mentioned and not negated.

    ``masks`` are the trigger masks of a draft ``sentence`` is a lower-case sentence of:
    the kinds' alternatives no word of the draft can start are dropped first (see
    :class:`MaskNarrowed`; the sentence and its clauses are pieces of the draft)."""
    lowered = sentence.lower()
    gates = (
        _KIND_GATES
        if masks is None or lowered != sentence  # lower-casing again made it no piece
        else _KIND_NARROWING.for_mask(masks[ANY_PROMISE._slot])
    )
    # Every clause is a piece of ``lowered``: a kind whose literals the sentence lacks is in
    # none of its clauses, so the literal tests run once per sentence, not once per clause.
    mentioned = [(name, p) for name, kind in gates if (p := kind.for_text(lowered))]
    kinds: set[str] = set()
    if not mentioned:
        return kinds
    for clause in CLAUSE.split(lowered):
        found = {name for name, pattern in mentioned if pattern.search(clause)}
        if found and not NEGATION.search(clause):
            kinds |= found
    if "discount" not in kinds:
        kinds.discard("large_discount")
    if "credit_back" in kinds:
        # "credited to your card" moves the refund when the sentence is about one
        kinds.discard("credit_back")
        about_refund = "refund" in kinds or PROMISE_KINDS["refund"].search(sentence.lower())
        kinds.add("refund" if about_refund else "credit")
    return kinds
