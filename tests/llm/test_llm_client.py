"""The structured-output client over real HTTP: schema, retries, faults, repair, no key leaks."""

from __future__ import annotations

import json

import pytest

from interviewer.brains.base import BrainError
from interviewer.brains.llm.client import GIVE_UP_AFTER
from interviewer.brains.llm.config import SEED, TEMPERATURE
from interviewer.brains.llm.schemas import LLMMove
from tests.llm.llm_support import (
    FAKE_KEY,
    MALFORMED_200,
    Reply,
    error,
    llm_client,
    move_reply,
    refused_url,
)

MESSAGES = [{"role": "system", "content": "You interview."}, {"role": "user", "content": "Go."}]
GOOD = json.dumps(move_reply("follow_up", probe="What principle were you acting on there?"))
FAST_RETRY = {"retry-after-ms": "1"}  # the server tells the SDK to retry at once


def test_request_carries_the_json_schema_and_the_key_only_in_the_header(server):
    server.script = [Reply(content=GOOD)]
    move = llm_client(server.base_url).structured(MESSAGES, LLMMove)
    assert move.probe == "What principle were you acting on there?"
    (request,) = server.requests
    assert request.path == "/v1/chat/completions"
    fmt = request.body["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "LLMMove"
    schema = fmt["json_schema"]["schema"]
    assert set(schema["required"]) >= {"action", "probe", "gap", "target_value", "why"}
    assert schema["additionalProperties"] is False
    assert request.headers["authorization"] == f"Bearer {FAKE_KEY}"
    assert FAKE_KEY not in json.dumps(request.body)


def test_429_is_retried_by_the_sdk_then_succeeds(server):
    server.script = [error(429, "slow down", FAST_RETRY), error(429, "slow down", FAST_RETRY),
                     Reply(content=GOOD)]
    move = llm_client(server.base_url, retries=2).structured(MESSAGES, LLMMove)
    assert move.action == "follow_up"
    assert len(server.requests) == 3


@pytest.mark.parametrize(("status", "words"), [(500, "HTTP 500"), (503, "HTTP 503"),
                                               (429, "HTTP 429")])
def test_persistent_server_errors_become_brain_errors_after_retries(server, status, words):
    server.always = error(status, "overloaded", FAST_RETRY)
    with pytest.raises(BrainError, match=words):
        llm_client(server.base_url, retries=1).structured(MESSAGES, LLMMove)
    assert len(server.requests) == 2  # one try and one SDK retry


def test_a_timeout_is_not_retried_and_says_how_long_it_waited(server):
    # Retrying a request the server is still working on only queues another one behind it.
    server.always = Reply(content=GOOD, delay=1.0)
    with pytest.raises(BrainError, match="within 0.2s"):
        llm_client(server.base_url, timeout=0.2, retries=1).structured(MESSAGES, LLMMove)
    assert len(server.requests) == 1


def test_every_request_is_sized_for_a_cpu_model(server):
    server.script = [Reply(content=GOOD)]
    llm_client(server.base_url).structured(MESSAGES, LLMMove)
    (request,) = server.requests
    assert request.body["max_tokens"] == LLMMove.reply_tokens
    assert request.body["temperature"] == TEMPERATURE
    assert request.body["seed"] == SEED


def test_the_timeout_is_learned_from_the_endpoints_speed(server):
    client = llm_client(server.base_url, timeout=30)
    assert client.pace.timeout_for(2000, 160) == 30  # nothing measured yet: the configured one
    server.script = [Reply(content=GOOD)]
    client.structured(MESSAGES, LLMMove)
    learned = client.pace.timeout_for(2000, 160)
    assert learned < 30  # a fast endpoint is not waited on for the configured worst case
    server.script = [Reply(content=GOOD, delay=learned + 1)]
    with pytest.raises(BrainError, match="learned from its speed"):
        client.structured(MESSAGES, LLMMove)


def test_a_budget_bounds_the_call_and_a_late_reply_does_not_count_as_a_failure(server):
    server.always = Reply(content=GOOD, delay=1.0)
    client = llm_client(server.base_url, timeout=30)
    for _ in range(GIVE_UP_AFTER + 1):
        with pytest.raises(BrainError, match="0.3s budget"):
            client.structured(MESSAGES, LLMMove, budget=0.3)
    assert not client.given_up  # slow is not dead: the endpoint is still asked
    server.always = Reply(content=GOOD)
    assert client.structured(MESSAGES, LLMMove, budget=5).action == "follow_up"


@pytest.mark.parametrize("name", sorted(MALFORMED_200))
def test_an_http_200_that_is_no_chat_completion_is_a_brain_error_at_once(server, name):
    server.always = MALFORMED_200[name]
    client = llm_client(server.base_url, retries=2)
    with pytest.raises(BrainError, match="HTTP 200 with"):
        client.structured(MESSAGES, LLMMove)
    assert len(server.requests) == 1  # no retry, no repair: nothing in it can be fixed
    assert client.failures_in_a_row == 1


def test_connection_refused_is_a_brain_error():
    with pytest.raises(BrainError, match="could not connect"):
        llm_client(refused_url()).structured(MESSAGES, LLMMove)


@pytest.mark.parametrize(
    "bad",
    [
        Reply(content='{"action": "follow_up", "probe": '),  # malformed
        Reply(content='{"action": "follow_up", "probe": "Wh', finish_reason="length"),  # truncated
        Reply(content='{"action": "dance", "probe": null, "target_value": null, "gap": null, '
                      '"why": ""}'),  # valid JSON, wrong shape
        Reply(content='{"action": "follow_up", "probe": null, "target_value": null, '
                      '"gap": null, "why": "x"}'),  # a follow-up without its question
        Reply(content="Sure! I'd ask about their principle."),  # prose
    ],
)
def test_bad_output_gets_exactly_one_repair_that_keeps_the_schema(server, bad):
    server.script = [bad, Reply(content=GOOD)]
    move = llm_client(server.base_url).structured(MESSAGES, LLMMove)
    assert move.probe == "What principle were you acting on there?"
    first, repair = server.requests
    # The server took json_schema, so the repair keeps it: without it small models echo the schema.
    assert first.mode == repair.mode == "json_schema"
    assert repair.body["response_format"] == first.body["response_format"]
    assert "could not be used" in repair.user
    # One system message, first, and no two user messages in a row: local chat templates need it.
    assert [m["role"] for m in repair.body["messages"]] == ["system", "user"]


def test_bad_output_twice_is_a_brain_error(server):
    server.always = Reply(content="{not json")
    with pytest.raises(BrainError, match="unusable after one repair"):
        llm_client(server.base_url).structured(MESSAGES, LLMMove)
    assert len(server.requests) == 2


@pytest.mark.parametrize(
    ("reply", "match"),
    [
        (Reply(content=None, refusal="I can't help with that."), "refused"),
        (Reply(content="", finish_reason="content_filter"), "content filter"),
    ],
)
def test_refusal_and_content_filter_are_final(server, reply, match):
    server.always = reply
    with pytest.raises(BrainError, match=match):
        llm_client(server.base_url).structured(MESSAGES, LLMMove)
    assert len(server.requests) == 1  # no repair: asking again would not change the answer


@pytest.mark.parametrize("status", [400, 422, 500])
def test_server_without_json_schema_falls_back_to_json_mode_with_one_repair(server, status):
    # 500 is what llama-cpp-python's server answers ("Input should be 'text' or 'json_object'").
    server.reject_json_schema = status
    server.script = [Reply(content="```json\n{\"action\": \"follow_up\"}\n```"),  # incomplete
                     Reply(content=f"```json\n{GOOD}\n```")]  # fenced, as local models do
    client = llm_client(server.base_url, retries=2)
    move = client.structured(MESSAGES, LLMMove)
    assert move.action == "follow_up"
    assert [r.mode for r in server.requests] == ["json_schema", "json_object", "json_object"]
    assert "could not be used" in server.requests[2].user
    json_mode = server.requests[1]
    assert '"title": "LLMMove"' in json_mode.body["messages"][0]["content"]  # schema in the prompt
    # ...and in response_format, which llama.cpp-based servers use to constrain the output.
    assert json_mode.body["response_format"]["schema"]["title"] == "LLMMove"
    # The client remembers: the next call goes straight to JSON mode.
    server.script = [Reply(content=GOOD)]
    client.structured(MESSAGES, LLMMove)
    assert server.requests[-1].mode == "json_object"
    assert len(server.requests) == 4


def test_errors_never_carry_the_key(server):
    server.always = error(401, f"Incorrect API key provided: {FAKE_KEY}. Also sk-abcdefgh1234.")
    with pytest.raises(BrainError) as caught:
        llm_client(server.base_url).structured(MESSAGES, LLMMove)
    assert FAKE_KEY not in str(caught.value)
    assert "OPENAI_API_KEY" in str(caught.value)
    server.always = error(400, f"bad request from {FAKE_KEY}")
    with pytest.raises(BrainError) as caught:
        llm_client(server.base_url).structured(MESSAGES, LLMMove)
    assert FAKE_KEY not in str(caught.value) and "[redacted]" in str(caught.value)


def test_a_dead_endpoint_is_not_called_again_and_again(server):
    server.always = error(500, "down", FAST_RETRY)
    client = llm_client(server.base_url)
    for _ in range(GIVE_UP_AFTER):
        with pytest.raises(BrainError):
            client.structured(MESSAGES, LLMMove)
    with pytest.raises(BrainError, match="not calling it again"):
        client.structured(MESSAGES, LLMMove)
    assert len(server.requests) == GIVE_UP_AFTER
