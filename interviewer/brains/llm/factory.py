"""Building the LLM interviewer from the environment, for `--brain llm`."""

from __future__ import annotations

from collections.abc import Mapping

from interviewer.brains.llm.brain import LLMBrain
from interviewer.brains.llm.client import StructuredClient, import_openai
from interviewer.brains.llm.config import settings_from_env
from interviewer.brains.llm.prompts import default_llm_prompts


def llm_brain_from_env(
    env: Mapping[str, str] | None = None,
    *,
    model: str | None = None,
    base_url: str | None = None,
    timeout: float | None = None,
    max_retries: int | None = None,
) -> LLMBrain:
    """An LLMBrain configured from INTERVIEWER_LLM_* / OPENAI_* variables (keywords win).

    Raises UserError (missing key, bad URL or number, openai not installed) or ContentError
    (a malformed prompts/llm file) before the interview starts, never halfway through.
    """
    settings = settings_from_env(
        env, model=model, base_url=base_url, timeout=timeout, max_retries=max_retries
    )
    import_openai()
    return LLMBrain(StructuredClient(settings), prompts=default_llm_prompts())
