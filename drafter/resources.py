"""Find the files that ship with drafter: bundled playbooks, prompts and the tokenizer.

A wheel carries them under ``drafter/_bundled``; a source checkout (editable install or
running from the repository) keeps them at the top of the repository where people edit them.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the folder of bundled ``playbooks`` or ``prompts``."""
    for candidate in (_PACKAGE / "_bundled" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"bundled {name!r} folder not found next to {_PACKAGE}")


def data_file(name: str) -> Path:
    """Return a file shipped inside the package's ``data`` folder."""
    path = _PACKAGE / "data" / name
    if not path.is_file():
        raise FileNotFoundError(f"drafter data file missing: {path}")
    return path
