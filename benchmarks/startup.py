"""How long `interviewer --help` takes against a bare `python -c pass`, in one run.

Both are timed alternately, many times, so load on these noisy machines hits them alike; the
figure that matters is the ratio of the medians (the target is within 3x).

    python3 benchmarks/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time


def _timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def main() -> None:
    """Print the median times and their ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    bare, helped = [], []
    for _ in range(runs):
        bare.append(_timed([sys.executable, "-c", "pass"]))
        helped.append(_timed([sys.executable, "-m", "interviewer", "--help"]))
    bare_s, help_s = statistics.median(bare), statistics.median(helped)
    print(f"python -c pass     median {bare_s * 1000:.0f} ms over {runs} runs")
    print(f"interviewer --help median {help_s * 1000:.0f} ms over {runs} runs")
    print(f"startup ratio help/bare: {help_s / bare_s:.2f}")


if __name__ == "__main__":
    main()
