"""The wheel must carry every subpackage and the bundled files, not only the editable tree."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _config() -> dict[str, object]:
    with (ROOT / "pyproject.toml").open("rb") as handle:
        tool: dict[str, object] = tomllib.load(handle)["tool"]["setuptools"]
    return tool


def test_every_python_package_is_listed() -> None:
    listed = set(_config()["packages"])  # type: ignore[call-overload]
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "drafter").rglob("__init__.py")
    }
    assert found - listed == set()


def test_bundled_folders_map_to_the_repository_folders() -> None:
    package_dir = _config()["package-dir"]
    assert package_dir == {
        "drafter._bundled.playbooks": "playbooks",
        "drafter._bundled.prompts": "prompts",
    }
    assert any((ROOT / "playbooks").glob("*.yaml"))
    assert any((ROOT / "prompts").glob("*.yaml"))


def test_public_api_names_all_resolve() -> None:
    import drafter

    assert sorted(drafter.__all__) == sorted(drafter._EXPORTS)
    for name in drafter.__all__:
        assert getattr(drafter, name) is not None
