"""The out-of-scope examples: spam, small talk, poems and orders aimed at the model.

They are indexed as a pseudo-scenario so that abstaining is a comparison ("closer to junk
than to any playbook") rather than a bare threshold.
"""

from __future__ import annotations

from pathlib import Path


def negatives_file() -> Path:
    """The bundled out-of-scope examples (spam, small talk, poems, orders aimed at the model)."""
    return Path(__file__).resolve().parent / "data" / "out_of_scope.yaml"


def load_negatives(path: Path | None = None) -> list[str]:
    """Out-of-scope examples, or none when the file is missing or unreadable.

    Negatives only sharpen abstention; a broken file must not stop retrieval, so it is
    skipped with a warning rather than raised.
    """
    import warnings

    import yaml

    path = path or negatives_file()
    if not path.is_file():
        return []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        examples = data["examples"] if isinstance(data, dict) else None
        if not isinstance(examples, list):
            raise ValueError("expected a mapping with an 'examples' list")
    except (OSError, ValueError, KeyError, yaml.YAMLError) as exc:
        warnings.warn(f"ignoring out-of-scope examples in {path}: {exc}", stacklevel=2)
        return []
    return [str(e).strip() for e in examples if str(e).strip()]
