"""Building the chat model from settings, and refusing real endpoints when tests say so.

``ALLOW_MODEL_REQUESTS`` (on ``drafter.llm``, like pydantic-ai's switch of the same name) is
read at call time: the test suite sets it False, after which only loopback endpoints (a
local stub or llama.cpp server) can be built or called, so no test can reach a paid API
by accident. ``langchain_openai`` (and with it ``openai``) is imported only here, inside
the function, because rules-mode start-up must not pay for it.
"""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from langchain_core.language_models import BaseChatModel

    from drafter.settings import Settings

OPENAI_DEFAULT_URL = "https://api.openai.com/v1"
# Local servers (llama.cpp, Ollama, vLLM) ignore the key but the client insists on one.
DUMMY_API_KEY = "sk-local-no-key"
# Output cap sent with every request: the schema bounds every field, and a small model that
# still runs away is cut here instead of generating until the timeout.
MAX_OUTPUT_TOKENS = 512
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


class ModelRequestBlocked(RuntimeError):
    """A real (non-loopback) model endpoint while ``drafter.llm.ALLOW_MODEL_REQUESTS`` is False."""


def model_requests_allowed() -> bool:
    import drafter.llm

    return bool(drafter.llm.ALLOW_MODEL_REQUESTS)


def is_loopback_url(url: str) -> bool:
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def endpoint_urls(chat: Any) -> list[str]:
    """URLs a chat model would send requests to, as far as its fields tell.

    ChatOpenAI without a base URL talks to OpenAI; other providers keep their endpoint in a
    field named like ``*_url``/``*_base``/``*endpoint``. A model with no URL at all (a fake
    chat model in a test) is taken to be local.
    """
    urls: list[str] = []
    fields = getattr(type(chat), "model_fields", {})
    for name in fields:
        if name.endswith(("url", "base", "endpoint")):
            value = getattr(chat, name, None)
            if isinstance(value, str) and value:
                urls.append(value)
    if not urls and type(chat).__module__.startswith("langchain_openai"):
        urls.append(OPENAI_DEFAULT_URL)
    return urls


def is_blocked(chat: Any) -> bool:
    if model_requests_allowed():
        return False
    return not all(is_loopback_url(url) for url in endpoint_urls(chat))


def build_chat_model(settings: Settings) -> BaseChatModel | None:
    """ChatOpenAI for the configured endpoint, or None when no LLM is configured."""
    if not (settings.llm_base_url or settings.llm_model):
        return None
    url = settings.llm_base_url or OPENAI_DEFAULT_URL
    if not model_requests_allowed() and not is_loopback_url(url):
        raise ModelRequestBlocked(
            f"model requests to {url} are blocked (drafter.llm.ALLOW_MODEL_REQUESTS is False)"
        )
    import openai
    from langchain_openai import ChatOpenAI
    from pydantic import SecretStr

    return ChatOpenAI(
        base_url=settings.llm_base_url,
        model=settings.llm_model or "default",
        api_key=SecretStr(settings.resolved_api_key() or DUMMY_API_KEY),
        timeout=settings.llm_timeout_s,
        max_retries=settings.llm_max_retries,
        max_completion_tokens=MAX_OUTPUT_TOKENS,
        temperature=0.2,
        # llama.cpp, vLLM and Ollama speak Chat Completions, not the Responses API.
        use_responses_api=False,
        http_async_client=openai.DefaultAsyncHttpxClient(limits=_no_keepalive_limits()),
    )


def _no_keepalive_limits() -> Any:
    """Connection limits without keep-alive, so one chat model survives many event loops.

    langchain-openai shares one pooled async HTTP client per base URL across the process;
    a connection kept alive from one ``asyncio.run`` (say, a sync ``Drafter.suggest``) and
    reused in the next fails with "Event loop is closed". A fresh connection per request
    costs a TCP (and TLS) handshake, small next to a model call.
    """
    try:  # the httpx flavour the installed openai SDK is built on (httpx2 for openai>=3)
        from langchain_openai._compat import httpx
    except ImportError:  # pragma: no cover - older langchain-openai
        import httpx
    return httpx.Limits(max_connections=100, max_keepalive_connections=0)
