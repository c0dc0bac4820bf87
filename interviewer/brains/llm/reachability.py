"""Is the configured LLM endpoint there, and does it serve the model? For `interviewer doctor`.

Asks the endpoint's `/models` list with a short timeout and no retries, so a server that is
down, still loading, rejecting the key or serving another model is reported in one line with the
fix, instead of "[ok]" for settings nobody answers.
"""

from __future__ import annotations

import time
from pathlib import PurePosixPath

from interviewer.brains.llm.client import import_openai
from interviewer.brains.llm.config import MODEL_ENV, LLMSettings, safe_url
from interviewer.errors import UserError

DOCTOR_TIMEOUT = 3.0
_SHOWN_MODELS = 5


def contact(settings: LLMSettings, timeout: float = DOCTOR_TIMEOUT) -> str:
    """One line saying the endpoint answered and serves the model; UserError with the fix."""
    openai = import_openai()
    where = safe_url(settings.base_url) if settings.base_url else "the OpenAI API"
    client = openai.OpenAI(api_key=settings.api_key.reveal(), base_url=settings.base_url,
                           timeout=timeout, max_retries=0)
    started = time.monotonic()
    try:
        ids = [str(model.id) for model in client.models.list().data]
    except openai.APITimeoutError:
        problem = (f"no answer within {timeout:g}s; is the server running and not busy with "
                   "another request?")
    except openai.APIConnectionError:
        problem = ("nothing answers there; start the server (README: LLM interviewer) or fix "
                   "INTERVIEWER_LLM_BASE_URL")
    except (openai.AuthenticationError, openai.PermissionDeniedError) as exc:
        problem = f"the API key was rejected (HTTP {exc.status_code}); check OPENAI_API_KEY"
    except openai.NotFoundError:
        problem = ("no model list there (HTTP 404); the URL should end in /v1, e.g. "
                   "http://127.0.0.1:8080/v1")
    except openai.APIStatusError as exc:
        loading = " (still loading its model? try again in a moment)" \
            if exc.status_code == 503 else ""
        problem = f"the server answered HTTP {exc.status_code}{loading}"
    except (ValueError, TypeError, AttributeError):
        problem = ("it did not answer like an OpenAI-compatible server; check "
                   "INTERVIEWER_LLM_BASE_URL")
    else:
        problem = None
    if problem is not None:
        raise UserError(f"model {settings.model} at {where}: {problem}")
    seconds = time.monotonic() - started
    if not serves(ids, settings.model):
        names = ", ".join(_short(i) for i in ids[:_SHOWN_MODELS]) or "nothing"
        raise UserError(f"{where} does not serve model {settings.model!r}; it serves {names}. "
                        f"Set {MODEL_ENV} (or llm.model in the config file) to one of them")
    return f"{settings.describe()}; answered in {seconds:.1f}s and serves the model"


def serves(ids: list[str], model: str) -> bool:
    """Whether `model` names one of the served ids.

    llama.cpp lists a model by its file path, so the file name (with or without .gguf) counts;
    Ollama's "name" is its "name:latest".
    """
    wanted = {model, f"{model}:latest", model.removesuffix(":latest")}
    for served in ids:
        path = PurePosixPath(served)
        if {served, path.name, path.stem} & wanted:
            return True
    return False


def _short(model_id: str) -> str:
    return PurePosixPath(model_id).name or model_id
