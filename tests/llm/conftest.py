"""Fixtures for the LLM tests: a scripted OpenAI-compatible server, and a real local one."""

from __future__ import annotations

import pytest

from tests.llm.llm_support import FAKE_KEY, FakeOpenAI
from tests.llm.real_llm import RealServer, real_model_or_skip


@pytest.fixture
def server(monkeypatch):
    """A running fake server, with OPENAI_API_KEY set to a unique fake key."""
    monkeypatch.setenv("OPENAI_API_KEY", FAKE_KEY)
    fake = FakeOpenAI().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def real_server(tmp_path_factory):
    """A running llama.cpp server with SmolLM2 for the whole module (restarted if a test
    stopped it)."""
    model = real_model_or_skip()
    server = RealServer(model, tmp_path_factory.mktemp("llm") / "server.log").start()
    yield server
    server.stop()
