"""A thin adapter over the openai SDK: `structured(messages, Schema)` returns a validated Schema.

The only module that imports openai, and only when the first request is made, so the CLI starts
fast with the offline interviewer. Every failure leaves here as `BrainError`, whose message is
safe to write into a session (the API key is scrubbed from anything a server echoes back).

How a call goes:
1. Every request is sized for a CPU model: `max_tokens` (per schema), a low temperature and a
   fixed seed, and a timeout learned from the endpoint's own speed (`pace.py`), within the
   caller's budget. A timed-out request is not retried (its connection is closed, so a llama.cpp
   server stops working on it); connection errors, 429 and 5xx are retried `max_retries` times.
2. `response_format` json_schema first. A server that rejects it (HTTP 400, 422 or 500 naming
   response_format or json_schema, as llama-cpp-python's server does with a 500) is switched to
   JSON mode for the rest of the run: `{"type": "json_object", "schema": ...}` (servers that know
   the key constrain output with it) plus the schema in the prompt.
3. A reply that is malformed, truncated or the wrong shape gets exactly one repair request in the
   mode that worked (with the schema when json_schema is supported), quoting the problem back.
4. A refusal or a content-filter stop is final; so is an HTTP 200 that is not a chat completion
   (a non-JSON body, an HTML page, `{}`, no choices, a choice without a message).

Reading a completion is in `completion.py`; the wording of failures, key scrubbed, in `wording.py`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from interviewer.brains.base import BrainError
from interviewer.brains.llm import wording
from interviewer.brains.llm.completion import (
    CUT_OFF,
    BadOutput,
    NotACompletion,
    read_completion,
    validation_problem,
)
from interviewer.brains.llm.config import LLMSettings
from interviewer.brains.llm.pace import Pace
from interviewer.errors import UserError

Schema = TypeVar("Schema", bound=BaseModel)
Message = dict[str, str]

# After this many calls in a row fail at the transport level, stop calling for the rest of the
# run: a dead endpoint should not cost a timeout on every turn.
GIVE_UP_AFTER = 3
DEFAULT_REPLY_TOKENS = 400
_ERROR_CHARS = 1500
_UNSUPPORTED_HINTS = ("response_format", "json_schema", "schema", "structured", "json")

GIVEN_UP = ("the LLM endpoint failed {count} times in a row; not calling it again in this run, "
            "so the offline interviewer takes every remaining step")
REPAIR_INSTRUCTION = (
    "Your previous reply could not be used: {problem}\n"
    "Reply again with one complete JSON object that matches the schema. "
    "No prose, no code fences."
)
JSON_MODE_INSTRUCTION = (
    "Reply with one JSON object only (no prose, no code fences) that matches this JSON schema:\n"
    "{schema}"
)


def import_openai() -> Any:
    """The openai module, or a UserError with the install command."""
    try:
        import openai
    except ImportError:
        raise UserError(
            "--brain llm needs the openai package; install it with `pip install openai`"
        ) from None
    return openai


class _SchemaUnsupported(Exception):
    """The server rejected response_format=json_schema."""


class StructuredClient:
    """Sends chat messages and returns the reply validated as a pydantic model."""

    def __init__(self, settings: LLMSettings, sdk_client: Any | None = None):
        self.settings = settings
        self._sdk = sdk_client
        self.json_schema_supported: bool | None = None  # None until the server has answered
        self.failures_in_a_row = 0
        self.pace = Pace(settings.timeout)
        self.last_timeout = settings.timeout

    def __repr__(self) -> str:
        return f"StructuredClient({self.settings.describe()})"

    @property
    def given_up(self) -> bool:
        """True once the endpoint failed often enough in a row that it is no longer called."""
        return self.failures_in_a_row >= GIVE_UP_AFTER

    def structured(self, messages: Sequence[Message], schema: type[Schema],
                   budget: float | None = None) -> Schema:
        """The model's reply to `messages` as a `schema` instance, or BrainError.

        `budget` (seconds) bounds the whole call, repair included; a reply later than that is a
        BrainError that does not count against the endpoint (it is slow, not down).
        """
        if self.given_up:
            raise BrainError(GIVEN_UP.format(count=self.failures_in_a_row))
        openai = import_openai()
        deadline = time.monotonic() + budget if budget is not None else None
        try:
            result = self._structured(list(messages), schema, deadline)
        except openai.APITimeoutError as exc:
            if deadline is not None and time.monotonic() >= deadline - 0.05:
                raise BrainError(f"no reply within the {budget:g}s budget") from exc
            self.failures_in_a_row += 1
            raise BrainError(self._explain(exc)) from exc
        except openai.APIConnectionError as exc:
            self.failures_in_a_row += 1
            raise BrainError(self._explain(exc)) from exc
        except openai.APIStatusError as exc:
            if exc.status_code == 429 or exc.status_code >= 500:
                self.failures_in_a_row += 1
            raise BrainError(self._explain(exc)) from exc
        except openai.OpenAIError as exc:
            raise BrainError(self._explain(exc)) from exc
        except NotACompletion as exc:
            self.failures_in_a_row += 1
            raise BrainError(f"{wording.where(self.settings)} answered HTTP 200 with {exc}, "
                             "not a chat completion") from None
        self.failures_in_a_row = 0
        return result

    def move_budget(self, messages: Sequence[Message], schema: type[BaseModel]) -> float:
        """The seconds a next-move request may take: the user's setting, else what this
        endpoint needs for it by its measured pace, within the settings' bounds."""
        chars = sum(len(m["content"]) for m in messages)
        tokens = getattr(schema, "reply_tokens", DEFAULT_REPLY_TOKENS)
        return self.settings.move_budget_for(self.pace.needed(chars, tokens))

    # -- the steps ---------------------------------------------------------------------------

    def _structured(self, messages: list[Message], schema: type[Schema],
                    deadline: float | None) -> Schema:
        try:
            if self.json_schema_supported is not False:
                try:
                    return self._ask(messages, schema, "json_schema", deadline)
                except _SchemaUnsupported:
                    self.json_schema_supported = False
            return self._ask(messages, schema, "json_object", deadline)
        except BadOutput as first:
            repair = REPAIR_INSTRUCTION.format(problem=str(first)[:_ERROR_CHARS])
            mode = "json_schema" if self.json_schema_supported else "json_object"
            try:
                return self._ask(_with_note(messages, "user", repair, at_end=True), schema,
                                 mode, deadline)
            except BadOutput as second:
                raise BrainError(f"the reply was unusable after one repair ({second})") from None

    def _ask(self, messages: list[Message], schema: type[Schema], mode: str,
             deadline: float | None) -> Schema:
        """One request in `mode` ('json_schema' or 'json_object'), retried on transient errors."""
        if mode == "json_object":
            note = JSON_MODE_INSTRUCTION.format(schema=json.dumps(schema.model_json_schema()))
            messages = _with_note(messages, "system", note, at_end=False)
        max_tokens = getattr(schema, "reply_tokens", DEFAULT_REPLY_TOKENS)
        chars = sum(len(m["content"]) for m in messages)
        openai = import_openai()
        for attempt in range(self.settings.max_retries + 1):
            budget = None if deadline is None else deadline - time.monotonic()
            if budget is not None and budget <= 0.05:
                raise BrainError("no reply within the budget for this step")
            timeout = self.pace.timeout_for(chars, max_tokens, budget)
            self.last_timeout = timeout
            client = self._client().with_options(timeout=timeout, max_retries=0)
            try:
                return self._one_request(client, messages, schema, mode, max_tokens)
            except (openai.APIConnectionError, openai.APIStatusError) as exc:
                if isinstance(exc, openai.APITimeoutError) or not _transient(exc) \
                        or attempt == self.settings.max_retries:
                    raise
                time.sleep(min(4.0, 0.5 * 2 ** attempt))
        raise AssertionError("unreachable")

    def _one_request(self, client: Any, messages: list[Message], schema: type[Schema],
                     mode: str, max_tokens: int) -> Schema:
        openai = import_openai()
        sizing = {"max_tokens": max_tokens, "temperature": self.settings.temperature,
                  "seed": self.settings.seed}
        started = time.monotonic()
        try:
            if mode == "json_schema":
                completion = client.chat.completions.parse(
                    model=self.settings.model, messages=messages, response_format=schema,
                    **sizing,
                )
            else:
                completion = client.chat.completions.create(
                    model=self.settings.model, messages=messages,
                    response_format={"type": "json_object",
                                     "schema": schema.model_json_schema()},
                    **sizing,
                )
        except openai.LengthFinishReasonError:
            self._accepted(mode)
            raise BadOutput(CUT_OFF) from None
        except openai.ContentFilterFinishReasonError:
            raise BrainError("the server's content filter stopped the reply") from None
        except openai.APIStatusError as exc:
            if mode == "json_schema" and exc.status_code in (400, 422, 500) \
                    and _about_response_format(exc):
                raise _SchemaUnsupported from None
            raise
        except ValidationError as exc:  # the SDK validates the JSON against the schema
            self._accepted(mode)
            raise BadOutput(validation_problem(exc)) from None
        except openai.OpenAIError:
            raise
        except (ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
            # The SDK could not read the body at all (not JSON, an HTML page...).
            raise NotACompletion(f"a body it could not read ({type(exc).__name__})") from None
        self._learn(completion, time.monotonic() - started)
        result = read_completion(completion, schema, mode,
                                 lambda text: wording.scrub(text, self.settings))
        self._accepted(mode)  # only now: a body that is no completion says nothing about it
        return result

    def _accepted(self, mode: str) -> None:
        """The server took a json_schema request (whatever the model wrote): keep using it."""
        if mode == "json_schema":
            self.json_schema_supported = True

    def _learn(self, completion: Any, seconds: float) -> None:
        usage = getattr(completion, "usage", None)
        prompt = getattr(usage, "prompt_tokens", None)
        generated = getattr(usage, "completion_tokens", None)
        if isinstance(prompt, int) and isinstance(generated, int):
            self.pace.record(seconds, prompt, generated)

    # -- helpers -----------------------------------------------------------------------------

    def _client(self) -> Any:
        if self._sdk is None:
            openai = import_openai()
            self._sdk = openai.OpenAI(
                api_key=self.settings.api_key.reveal(),
                base_url=self.settings.base_url,
                timeout=self.settings.timeout,
                max_retries=0,  # retried here, where timeouts and budgets are known
            )
        return self._sdk

    def _explain(self, exc: Exception) -> str:
        """A one-line reason for the session's Note: no key, no traceback."""
        return wording.explain(import_openai(), exc, self.settings, self.last_timeout,
                               self.pace.known)


def _with_note(messages: list[Message], role: str, note: str, at_end: bool) -> list[Message]:
    """Add `note` to the first (or last) message of `role` instead of adding a message.

    Many local chat templates accept only one system message, first, and strictly alternating
    user/assistant turns; extending a message keeps every template happy.
    """
    order = range(len(messages) - 1, -1, -1) if at_end else range(len(messages))
    for index in order:
        if messages[index]["role"] == role:
            merged = dict(messages[index])
            merged["content"] = f"{note}\n\n{merged['content']}" if not at_end else \
                f"{merged['content']}\n\n{note}"
            return [*messages[:index], merged, *messages[index + 1:]]
    extra = {"role": role, "content": note}
    return [*messages, extra] if at_end else [extra, *messages]


def _transient(exc: Exception) -> bool:
    """Worth another try: no connection, rate-limited, or a server error (not a refusal)."""
    status = getattr(exc, "status_code", None)
    return status is None or status == 429 or status >= 500


def _about_response_format(exc: Exception) -> bool:
    text = " ".join(str(part) for part in (exc, getattr(exc, "body", ""))).lower()
    return any(hint in text for hint in _UNSUPPORTED_HINTS)
