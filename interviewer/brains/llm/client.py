"""A thin adapter over the openai SDK: `structured(messages, Schema)` returns a validated Schema.

The only module that imports openai, and only when the first request is made, so the CLI starts
fast with the offline interviewer. Every failure leaves here as `BrainError`, whose message is
safe to write into a session (the API key is scrubbed from anything a server echoes back).

How a call goes:
1. `chat.completions.parse(response_format=Schema)`: the SDK sends the JSON schema and parses the
   reply. Timeouts, connection errors, 429 and 5xx are retried by the SDK (`max_retries`, with
   exponential backoff) before they reach us.
2. A server that rejects `json_schema` (HTTP 400/422 naming response_format/schema) is switched to
   JSON mode (`{"type": "json_object"}` plus the schema in the prompt) for the rest of the run.
3. A reply that is malformed, truncated or the wrong shape gets exactly one repair request in
   JSON mode, which quotes the validation error back; if that fails too, BrainError.
4. A refusal or a content-filter stop is final: BrainError, no repair.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from interviewer.brains.base import BrainError
from interviewer.brains.llm.config import LLMSettings, safe_url
from interviewer.errors import UserError

Schema = TypeVar("Schema", bound=BaseModel)
Message = dict[str, str]

# After this many calls in a row fail at the transport level (each already retried by the SDK),
# stop calling for the rest of the run: a dead endpoint should not cost a timeout on every turn.
GIVE_UP_AFTER = 3
_DETAIL_CHARS = 300
_ERROR_CHARS = 1500
_UNSUPPORTED_HINTS = ("response_format", "json_schema", "schema", "structured", "json")
_KEY_LIKE = re.compile(r"\b(?:sk|key|tok)-[A-Za-z0-9_\-*]{6,}")
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)

CUT_OFF = "the reply was cut off before the JSON ended; keep it shorter"
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


class _BadOutput(Exception):
    """The reply was not a valid instance of the schema (the repair step handles it)."""


class _SchemaUnsupported(Exception):
    """The server rejected response_format=json_schema."""


class StructuredClient:
    """Sends chat messages and returns the reply validated as a pydantic model."""

    def __init__(self, settings: LLMSettings, sdk_client: Any | None = None):
        self.settings = settings
        self._sdk = sdk_client
        self.json_schema_supported = True
        self.failures_in_a_row = 0

    def __repr__(self) -> str:
        return f"StructuredClient({self.settings.describe()})"

    def structured(self, messages: Sequence[Message], schema: type[Schema]) -> Schema:
        """The model's reply to `messages` as a `schema` instance, or BrainError."""
        if self.failures_in_a_row >= GIVE_UP_AFTER:
            raise BrainError(
                f"the LLM endpoint failed {self.failures_in_a_row} times in a row; "
                "not calling it again in this run"
            )
        openai = import_openai()
        try:
            result = self._structured(list(messages), schema)
        except (openai.APITimeoutError, openai.APIConnectionError) as exc:
            self.failures_in_a_row += 1
            raise BrainError(self._explain(exc)) from exc
        except openai.APIStatusError as exc:
            if exc.status_code == 429 or exc.status_code >= 500:
                self.failures_in_a_row += 1
            raise BrainError(self._explain(exc)) from exc
        except openai.OpenAIError as exc:
            raise BrainError(self._explain(exc)) from exc
        self.failures_in_a_row = 0
        return result

    # -- the steps ---------------------------------------------------------------------------

    def _structured(self, messages: list[Message], schema: type[Schema]) -> Schema:
        try:
            if self.json_schema_supported:
                try:
                    return self._with_schema(messages, schema)
                except _SchemaUnsupported:
                    self.json_schema_supported = False
            return self._json_mode(messages, schema)
        except _BadOutput as first:
            repair = REPAIR_INSTRUCTION.format(problem=str(first)[:_ERROR_CHARS])
            try:
                return self._json_mode(_with_note(messages, "user", repair, at_end=True), schema)
            except _BadOutput as second:
                raise BrainError(f"the reply was unusable after one repair ({second})") from None

    def _with_schema(self, messages: list[Message], schema: type[Schema]) -> Schema:
        openai = import_openai()
        try:
            completion = self._client().chat.completions.parse(
                model=self.settings.model, messages=messages, response_format=schema
            )
        except openai.LengthFinishReasonError:
            raise _BadOutput(CUT_OFF) from None
        except openai.ContentFilterFinishReasonError:
            raise BrainError("the server's content filter stopped the reply") from None
        except (openai.BadRequestError, openai.UnprocessableEntityError) as exc:
            if _about_response_format(exc):
                raise _SchemaUnsupported from None
            raise
        except ValidationError as exc:  # the SDK validates the JSON against the schema
            raise _BadOutput(_validation_problem(exc)) from None
        message = completion.choices[0].message
        if getattr(message, "refusal", None):
            raise BrainError(f"the model refused: {self._scrub(message.refusal)[:_DETAIL_CHARS]}")
        if message.parsed is None:
            raise _BadOutput("the reply was empty")
        return message.parsed

    def _json_mode(self, messages: list[Message], schema: type[Schema]) -> Schema:
        note = JSON_MODE_INSTRUCTION.format(schema=json.dumps(schema.model_json_schema()))
        completion = self._client().chat.completions.create(
            model=self.settings.model,
            messages=_with_note(messages, "system", note, at_end=False),
            response_format={"type": "json_object"},
        )
        choice = completion.choices[0]
        if choice.finish_reason == "content_filter":
            raise BrainError("the server's content filter stopped the reply")
        if getattr(choice.message, "refusal", None):
            raise BrainError(
                f"the model refused: {self._scrub(choice.message.refusal)[:_DETAIL_CHARS]}"
            )
        if choice.finish_reason == "length":
            raise _BadOutput(CUT_OFF)
        text = _unfence(choice.message.content or "")
        if not text:
            raise _BadOutput("the reply was empty")
        try:
            return schema.model_validate_json(text)
        except ValidationError as exc:
            raise _BadOutput(_validation_problem(exc)) from None

    # -- helpers -----------------------------------------------------------------------------

    def _client(self) -> Any:
        if self._sdk is None:
            openai = import_openai()
            self._sdk = openai.OpenAI(
                api_key=self.settings.api_key.reveal(),
                base_url=self.settings.base_url,
                timeout=self.settings.timeout,
                max_retries=self.settings.max_retries,
            )
        return self._sdk

    def _explain(self, exc: Exception) -> str:
        """A one-line reason for the session's Note: no key, no traceback."""
        openai = import_openai()
        where = safe_url(self.settings.base_url) if self.settings.base_url else "the OpenAI API"
        tries = f"after {self.settings.max_retries} retries"
        if isinstance(exc, openai.APITimeoutError):
            return f"no reply from {where} within {self.settings.timeout:g}s {tries}"
        if isinstance(exc, openai.APIConnectionError):
            return f"could not connect to {where} {tries}"
        if isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            if code == 429:
                return f"rate-limited by {where} (HTTP 429) {tries}"
            if code >= 500:
                return f"server error from {where} (HTTP {code}) {tries}"
            if code in (401, 403):
                return f"{where} rejected the API key (HTTP {code}); check OPENAI_API_KEY"
            if code == 404:
                return (
                    f"model {self.settings.model!r} or the URL was not found at {where} "
                    "(HTTP 404); check INTERVIEWER_LLM_MODEL and INTERVIEWER_LLM_BASE_URL"
                )
            return f"{where} refused the request (HTTP {code}): {self._detail(exc)}"
        return f"{type(exc).__name__}: {self._detail(exc)}"

    def _detail(self, exc: Exception) -> str:
        return self._scrub(" ".join(str(exc).split()))[:_DETAIL_CHARS]

    def _scrub(self, text: str) -> str:
        """Remove the API key (and anything key-shaped) from text a server sent back."""
        key = self.settings.api_key.reveal()
        if key and len(key) >= 4:
            text = text.replace(key, "[redacted]")
        return _KEY_LIKE.sub("[redacted]", text)


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


def _about_response_format(exc: Exception) -> bool:
    text = " ".join(str(part) for part in (exc, getattr(exc, "body", ""))).lower()
    return any(hint in text for hint in _UNSUPPORTED_HINTS)


def _validation_problem(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors()[:5]:
        where = ".".join(str(part) for part in error["loc"]) or "the reply"
        problems.append(f"{where}: {error['msg']}")
    return "; ".join(problems)


def _unfence(text: str) -> str:
    """Local models often wrap JSON in a code fence even in JSON mode."""
    match = _FENCE.match(text)
    return (match.group(1) if match else text).strip()
