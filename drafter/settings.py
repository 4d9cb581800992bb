"""One place for every setting: env vars ``DRAFTER_*`` override an optional ``drafter.toml``.

Keeping settings in a single pydantic-settings model means the CLI, the library and the
benchmarks read the same values and a typo in ``drafter.toml`` fails loudly.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_cache_dir
from pydantic import Field, SecretStr, field_validator
from pydantic_settings import (
    BaseSettings,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)


def _config_file() -> Path:
    return Path(os.environ.get("DRAFTER_CONFIG", "drafter.toml"))


class Settings(BaseSettings):
    """Runtime configuration. See the README's "Settings" table for each field."""

    model_config = SettingsConfigDict(env_prefix="DRAFTER_", extra="forbid")

    playbooks: Annotated[list[Path], NoDecode] = Field(
        default_factory=list,
        description="Extra playbook folders (os.pathsep-separated in the env var).",
    )
    playbooks_mode: Literal["extend", "replace"] = "extend"
    cache_dir: Path = Field(default_factory=lambda: Path(user_cache_dir("drafter")))
    chroma_url: str | None = None
    collection_prefix: str = "drafter"
    embeddings: Literal["minilm", "openai"] = "minilm"
    openai_embeddings_model: str = "text-embedding-3-small"

    llm_base_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_timeout_s: float = 10.0
    llm_budget_s: float = 20.0
    llm_max_retries: int = 2
    llm_max_prompt_tokens: int = 3000

    timezone: str = "UTC"
    business_hours: tuple[str, str] = ("09:00", "18:00")
    business_days: list[int] = Field(default_factory=lambda: [0, 1, 2, 3, 4])
    company: str = "our team"
    agent_name: str | None = Field(
        default=None,
        description="Email signature; default: the support team, in the reply's language.",
    )
    support_url: str = "our help centre"

    abstain_below: float = 0.4

    @field_validator("playbooks", mode="before")
    @classmethod
    def _split_paths(cls, value: object) -> object:
        if isinstance(value, str):
            return [p for p in value.split(os.pathsep) if p]
        return value

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (
            init_settings,
            env_settings,
            TomlConfigSettingsSource(settings_cls, toml_file=_config_file()),
        )

    @property
    def llm_configured(self) -> bool:
        return bool(self.llm_base_url or self.llm_model)

    def resolved_api_key(self) -> str | None:
        if self.llm_api_key is not None:
            return self.llm_api_key.get_secret_value()
        return os.environ.get("OPENAI_API_KEY")
