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
from drafter.scoring.empathy import ACKNOWLEDGE, APOLOGY
from drafter.scoring.gated import GatedPattern
from drafter.scoring.models import Score
from drafter.scoring.questions import CHOICE, REQUEST, fields_in
from drafter.scoring.registry import scorer
from drafter.scoring.sentences import is_question
from drafter.scoring.timing import CONCRETE

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
    r"\b(?:i|we)(?:'ll| will|'m going to| are going to| am going to)\b|\blet me\b|"
    r"\b(?:i|we)(?:'ve| have) (?:already )?(?:sent|issued|arranged|booked|started|asked|"
    r"contacted|escalated|opened|reset|refunded|passed|forwarded|flagged)\b|"
    r"\b(?:i'm|i am|we're|we are) (?:now |already )?(?:checking|looking|contacting|"
    r"arranging|sending|working|investigating|escalating)\b|"
    r"\b(?:jelentkez|megnéz|utánanéz|visszajelz|intézked|felveszem|elküld|küldöm|írok|"
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
    r"\bszemélyesen\b|\b(?:nyomon )?követem\b|\brákérdezek\b|\bfigyelemmel kísér\w*|"
    r"\bgondoskodom\b|\bamíg\b[^.!?]*\b(?:meg nem|rendeződ|megoldód|rendben)|"
    r"\bnem engedem el\b|(?<!\w)կհետևեմ(?!\w)|(?<!\w)անձամբ(?!\w)",
)

_ORDER = {name: i for i, name in enumerate(STEP_NAMES)}
# Acknowledge and apologize are one opening block: either may come first.
_RANK = {"acknowledge": 0, "apologize": 0, "ask": 1, "next_step": 2, "ownership": 3}


def tag_steps(text: str) -> list[tuple[str, list[str]]]:
    """Each sentence of ``text`` with the recovery steps it carries, in step order."""
    draft = DraftContext(text)
    return list(zip(draft.sentences, _tags(draft), strict=True))


def _tags(draft: DraftContext) -> list[list[str]]:
    ack, situation = draft.hits(ACKNOWLEDGE), draft.hits(SITUATION)
    apology, request, choice_words = draft.hits(APOLOGY), draft.hits(REQUEST), draft.hits(CHOICE)
    concrete, next_step, ownership = (
        draft.hits(CONCRETE),
        draft.hits(NEXT_STEP),
        draft.hits(OWNERSHIP),
    )
    tags: list[list[str]] = []
    for index, sentence in enumerate(draft.sentences):
        found: list[str] = []
        if index in ack or index in situation:
            found.append("acknowledge")
        if index in apology:
            found.append("apologize")
        question = is_question(sentence)
        choice = question and index in choice_words and not fields_in(draft, index)
        if (question or index in request) and not choice:
            found.append("ask")
        if choice or index in concrete or index in next_step:
            found.append("next_step")
        if index in ownership:
            found.append("ownership")
        tags.append(found)
    return tags


@scorer("structure", weight=1.0)
def structure(draft: DraftContext) -> Score:
    rules = draft.rules
    if rules is None:
        return Score(value=1.0, passed=True, explanation="not applicable: no scenario given")
    if rules.kind != "recovery":
        return Score(
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
    required = [s for s in STEP_NAMES if s != "ask" or rules.ask_fields]
    missing = [s for s in required if s not in first]

    out_of_order: list[str] = []
    present = sorted(first, key=lambda s: (_RANK[s], _ORDER[s]))
    for i, step in enumerate(present):
        for later in present[i + 1 :]:
            if _RANK[later] > _RANK[step] and first[later] < first[step]:
                out_of_order.append(f"{step} after {later}")
                break

    value = (len(required) - len(missing)) / len(required)
    value = max(0.0, value - 0.2 * len(out_of_order))
    cited = sorted({first[s] for s in first})
    evidence = [sentences[i] for i in cited]
    layout = "; ".join(
        f"{sentences[i][:40]!r}: {'+'.join(tags[i]) or '-'}" for i in range(len(sentences))
    )
    parts = []
    if missing:
        parts.append(f"missing {', '.join(missing)}")
    if out_of_order:
        parts.append(f"out of order: {', '.join(out_of_order)}")
    verdict = "; ".join(parts) if parts else "all steps present and in order"
    return Score(
        value=value,
        passed=not missing and not out_of_order,
        evidence=evidence,
        explanation=f"{verdict} [{layout}]",
    )
