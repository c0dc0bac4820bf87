"""Work done ahead of time in the background: lines synthesized before they are needed.

The interviewer knows most of what it may say next while the candidate is still answering (the
next question, the interruption probes, the follow-up the partial answer calls for). Rendering
those early means the end of a turn never waits for speech synthesis.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

T = TypeVar("T")

PREPARED_LIMIT = 16  # lines kept ready; the oldest unused ones are forgotten first


def in_background(work: Callable[[], T], name: str) -> Future[T]:
    """Run `work` on a daemon thread (never holds up exit); its result or error in a Future."""
    future: Future[T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(work())
        except BaseException as exc:  # handed to whoever asks for the result
            future.set_exception(exc)

    threading.Thread(target=run, name=name, daemon=True).start()
    return future


class PreparedLines(Generic[T]):
    """A small cache of results rendered in the background, keyed by what was asked for.

    `prepare(key)` starts rendering and returns at once; `take(key)` returns the prepared result
    (waiting for it if it is still being rendered) or renders it now. A background failure is
    not trusted: `take` renders again in the caller's thread, so the error surfaces there.
    """

    def __init__(self, render: Callable[[Hashable], T], *, limit: int = PREPARED_LIMIT):
        self._render = render
        self._limit = limit
        self._lock = threading.Lock()
        self._ready: OrderedDict[Hashable, Future[T]] = OrderedDict()

    def prepare(self, key: Hashable) -> None:
        """Start rendering `key` in the background unless it is already prepared."""
        with self._lock:
            if key in self._ready:
                self._ready.move_to_end(key)
                return
            self._ready[key] = in_background(lambda: self._render(key), "prepare-line")
            while len(self._ready) > self._limit:
                self._ready.popitem(last=False)

    def take(self, key: Hashable) -> T:
        """The result for `key`: prepared if it was, rendered now if not."""
        with self._lock:
            future = self._ready.get(key)
        if future is not None:
            try:
                return future.result()
            except Exception:
                with self._lock:
                    self._ready.pop(key, None)
        return self._render(key)

    def is_prepared(self, key: Hashable) -> bool:
        """True when `key` has been handed to `prepare` and not forgotten since."""
        with self._lock:
            return key in self._ready
