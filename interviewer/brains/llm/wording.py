"""How a failed LLM call is told: one line for the session's Note, with no key and no traceback.

Anything a server sends back may echo the request, key included, so every piece of it passes
through `scrub` before it can reach a session file, a report or the screen.
"""

from __future__ import annotations

import re

from interviewer.brains.llm.config import LLMSettings, safe_url

DETAIL_CHARS = 300
_KEY_LIKE = re.compile(r"\b(?:sk|key|tok)-[A-Za-z0-9_\-*]{6,}")


def where(settings: LLMSettings) -> str:
    """The endpoint as a message names it (without any user:password part)."""
    return safe_url(settings.base_url) if settings.base_url else "the OpenAI API"


def explain(openai, exc: Exception, settings: LLMSettings, last_timeout: float,
            learned: bool) -> str:
    """A one-line reason for the session's Note. `last_timeout` is the last request's timeout,
    `learned` whether it came from the endpoint's measured speed."""
    place = where(settings)
    tries = f"after {settings.max_retries} retries"
    if isinstance(exc, openai.APITimeoutError):
        how = " (learned from its speed)" if learned else ""
        return f"no reply from {place} within {last_timeout:.3g}s{how}"
    if isinstance(exc, openai.APIConnectionError):
        return f"could not connect to {place} {tries}"
    if isinstance(exc, openai.APIStatusError):
        code = exc.status_code
        if code == 429:
            return f"rate-limited by {place} (HTTP 429) {tries}"
        if code >= 500:
            return f"server error from {place} (HTTP {code}) {tries}"
        if code in (401, 403):
            return f"{place} rejected the API key (HTTP {code}); check OPENAI_API_KEY"
        if code == 404:
            return (
                f"model {settings.model!r} or the URL was not found at {place} "
                "(HTTP 404); check INTERVIEWER_LLM_MODEL and INTERVIEWER_LLM_BASE_URL"
            )
        return f"{place} refused the request (HTTP {code}): {detail(exc, settings)}"
    return f"{type(exc).__name__}: {detail(exc, settings)}"


def detail(exc: Exception, settings: LLMSettings) -> str:
    """What the exception says, on one line, scrubbed and cut short."""
    return scrub(" ".join(str(exc).split()), settings)[:DETAIL_CHARS]


def scrub(text: str, settings: LLMSettings) -> str:
    """Remove the API key (and anything key-shaped) from text a server sent back."""
    key = settings.api_key.reveal()
    if key and len(key) >= 4:
        text = text.replace(key, "[redacted]")
    return _KEY_LIKE.sub("[redacted]", text)
