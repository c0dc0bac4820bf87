"""Reading a chat completion: the schema instance in it, its shape checked step by step.

What can go wrong is told apart, because each is handled differently by the client: a reply the
model got wrong (`BadOutput`) gets one repair request; a body that is no chat completion at all
(`NotACompletion`) cannot be repaired; a refusal or a content-filter stop is final (BrainError).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from interviewer.brains.base import BrainError
from interviewer.brains.llm.wording import DETAIL_CHARS

Schema = TypeVar("Schema", bound=BaseModel)

CUT_OFF = "the reply was cut off before the JSON ended; keep it shorter"
_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


class BadOutput(Exception):
    """The reply was not a valid instance of the schema (the repair step handles it)."""


class NotACompletion(Exception):
    """An HTTP 200 whose body is not a chat completion; nothing in it can be repaired."""


def read_completion(completion: Any, schema: type[Schema], mode: str,
                    scrub: Callable[[str], str]) -> Schema:
    """The `schema` instance in a completion asked for in `mode` ('json_schema', parsed by the
    SDK, or 'json_object'); `scrub` cleans a refusal before it is quoted."""
    choices = getattr(completion, "choices", None)
    if isinstance(completion, (str, bytes)) or not isinstance(choices, list):
        raise NotACompletion("a body without choices")
    if not choices:
        raise NotACompletion("an empty list of choices")
    choice = choices[0]
    message = getattr(choice, "message", None)
    if message is None:
        raise NotACompletion("a choice without a message")
    if getattr(choice, "finish_reason", None) == "content_filter":
        raise BrainError("the server's content filter stopped the reply")
    refusal = getattr(message, "refusal", None)
    if refusal:
        raise BrainError(f"the model refused: {scrub(str(refusal))[:DETAIL_CHARS]}")
    if getattr(choice, "finish_reason", None) == "length":
        raise BadOutput(CUT_OFF)
    if mode == "json_schema":
        parsed = getattr(message, "parsed", None)
        if parsed is None:
            raise BadOutput("the reply was empty")
        return parsed
    text = unfence(getattr(message, "content", None) or "")
    if not text:
        raise BadOutput("the reply was empty")
    try:
        return schema.model_validate_json(text)
    except ValidationError as exc:
        raise BadOutput(validation_problem(exc)) from None


def validation_problem(exc: ValidationError) -> str:
    """The first few schema errors, on one line, to quote back in the repair request."""
    problems = []
    for error in exc.errors()[:5]:
        where = ".".join(str(part) for part in error["loc"]) or "the reply"
        problems.append(f"{where}: {error['msg']}")
    return "; ".join(problems)


def unfence(text: str) -> str:
    """Local models often wrap JSON in a code fence even in JSON mode."""
    match = _FENCE.match(text)
    return (match.group(1) if match else text).strip()
