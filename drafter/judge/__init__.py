"""The optional LLM judge: a rubric score from a chat model, cached, repeated, never required.

Importing this package is cheap: langchain and the model client load only when a draft is
actually judged.
"""

from drafter.judge.models import JudgeResult, JudgeVerdict, summarise_judgements
from drafter.judge.prompt import JudgePrompt, load_judge_prompt
from drafter.judge.rubric_judge import Judge

__all__ = [
    "Judge",
    "JudgePrompt",
    "JudgeResult",
    "JudgeVerdict",
    "load_judge_prompt",
    "summarise_judgements",
]
