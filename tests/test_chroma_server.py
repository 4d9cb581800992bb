"""Index and query through a real ``chroma run`` server on a loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from drafter.resources import bundled_dir
from drafter.retrieval import Retriever
from drafter.settings import Settings

CHROMA = Path(sys.executable).with_name("chroma")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def chroma_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMA.exists():
        pytest.skip("chroma CLI not installed next to this Python")
    port = _free_port()
    data = tmp_path_factory.mktemp("chroma-server")
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(data), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=1):
                    break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("chroma server did not start") from None
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_index_and_search_through_server(
    chroma_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "playbooks"
    folder.mkdir()
    for name in ("late_delivery.yaml", "account_access.yaml"):
        shutil.copy(bundled_dir("playbooks") / name, folder / name)
    monkeypatch.setenv("DRAFTER_CHROMA_URL", chroma_url)
    monkeypatch.setenv("DRAFTER_PLAYBOOKS", str(folder))
    monkeypatch.setenv("DRAFTER_PLAYBOOKS_MODE", "replace")
    monkeypatch.setenv("DRAFTER_CACHE_DIR", str(tmp_path / "cache"))
    first = Retriever(Settings())
    report = first.ensure_index()
    assert report.rebuilt and report.documents > 0
    assert not (tmp_path / "cache" / "chroma").exists()  # nothing went to a local store
    second = Retriever(Settings())
    assert not second.ensure_index().changed  # the server kept the vectors
    result = second.search("my package never arrived, the courier did not show up")
    assert result.best == "late_delivery"
    # Another process empties the server's collection: resuming must notice, not trust the
    # local snapshot.
    import chromadb

    from drafter.index import collection_name

    client = chromadb.HttpClient(
        host="127.0.0.1", port=int(chroma_url.rsplit(":", 1)[1]), settings=chromadb.Settings()
    )
    client.get_collection(collection_name(Settings())).delete(
        where={"entry_id": "late_delivery_recovery"}
    )
    third = Retriever(Settings())
    assert third.search("my package never arrived").best == "late_delivery"
    assert third.last_report is not None and "late_delivery_recovery" in third.last_report.added
