"""A local OpenAI-compatible Chat Completions server for tests: real sockets, scripted answers.

The personalizer is exercised through the real openai client (via langchain-openai), so
retries, timeouts and ``Retry-After`` handling are the client's own, not mocks of them.
Each request pops the next scripted ``Reply``; when the script runs out the last one repeats.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class Reply:
    """One scripted answer: a JSON object, raw text, or an HTTP error status."""

    content: str = ""
    echo: bool = False
    status: int = 200
    delay_s: float = 0.0
    retry_after_ms: int | None = None

    @classmethod
    def json(cls, first_line: str, options: list[str], **kw: Any) -> Reply:
        return cls(content=json.dumps({"first_line": first_line, "options": options}), **kw)

    @classmethod
    def error(cls, status: int, retry_after_ms: int = 1) -> Reply:
        # A tiny Retry-After keeps the client's own backoff (and the tests) fast.
        return cls(status=status, retry_after_ms=retry_after_ms)


@dataclass
class StubState:
    script: list[Reply] = field(default_factory=list)
    requests: list[dict[str, Any]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_reply(self, body: dict[str, Any]) -> Reply:
        with self.lock:
            self.requests.append(body)
            if len(self.script) > 1:
                return self.script.pop(0)
            return self.script[0] if self.script else Reply(content="{}")


_FIRST_LINE = re.compile(r"^Current first line \(rewrite it for this customer\): (.*)$", re.M)
_OPTION = re.compile(r"^(\d+)\. (.*)$", re.M)


def _echo(body: dict[str, Any]) -> str:
    """A valid answer for any request: the rules draft's own first line and options.

    Used by the overhead benchmark so every Drafter request succeeds on the first attempt.
    """
    human = str(body["messages"][-1]["content"])
    first = _FIRST_LINE.search(human)
    options = [label for _, label in _OPTION.findall(human.split("<customer_message>")[0])]
    return json.dumps({"first_line": first.group(1) if first else "", "options": options})


def _completion(content: str, model: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-stub-{time.monotonic_ns()}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": content},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
    }


def _handler(state: StubState) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
            pass

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            body = json.loads(self.rfile.read(length) or b"{}")
            reply = state.next_reply(body)
            if reply.delay_s:
                time.sleep(reply.delay_s)
            if reply.status == 200:
                content = _echo(body) if reply.echo else reply.content
                payload = _completion(content, body.get("model", "stub"))
            else:
                payload = {"error": {"message": f"stub error {reply.status}", "type": "stub"}}
            data = json.dumps(payload).encode()
            try:
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if reply.retry_after_ms is not None:
                    self.send_header("retry-after-ms", str(reply.retry_after_ms))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test); nothing to answer

    return Handler


@dataclass
class StubServer:
    state: StubState
    base_url: str

    def script(self, *replies: Reply) -> None:
        with self.state.lock:
            self.state.script[:] = list(replies)
            self.state.requests.clear()

    @property
    def requests(self) -> list[dict[str, Any]]:
        return self.state.requests


@contextmanager
def running_stub() -> Iterator[StubServer]:
    """Serve on 127.0.0.1 at a free port until the block ends."""
    state = StubState()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    server.daemon_threads = True
    server.block_on_close = False
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield StubServer(state, f"http://127.0.0.1:{server.server_address[1]}/v1")
    finally:
        server.shutdown()
        server.server_close()
