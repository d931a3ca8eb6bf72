"""The one thread that owns the annotation store.

Every store operation (open, add, update, undo, reading an article's state) runs here, in
order, off the UI thread: a save is an fsync, and on a slow or network disk the keys must not
wait for it. A job runs on this thread and returns the messages that report it (or, when it
raises, its failure handler does, here too); they are posted in order to the writer's target.
Messages carry data only: no callback into a widget that may be gone by then. Closing waits
for the queue to drain, so quitting right after a keypress loses nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.message import Message

    from annotations.store import Store

Post = Callable[["Message"], bool]
Job = Callable[["Store"], Iterable["Message"]]
Failure = Callable[[BaseException], Iterable["Message"]]


class StoreWriter:
    """Runs jobs one at a time on its own thread and posts the messages they return."""

    def __init__(self, post: Post, opener: Callable[[], Store]) -> None:
        self._post = post
        self._opener = opener
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self._count = threading.Lock()
        self.store: Store | None = None
        self._pending = 0
        self.closed = False

    @property
    def pending(self) -> int:
        """Jobs queued or running whose messages are not all posted yet."""
        with self._count:
            return self._pending

    def open(self, opened: Job, failed: Failure) -> None:
        """Open the store on the thread; `opened(store)` or `failed(error)` report it."""

        def opening() -> Iterable[Message]:
            self.store = self._opener()
            return opened(self.store)

        self._submit(opening, failed)

    def run(self, work: Job, failed: Failure) -> None:
        """Run `work(store)` after every job queued before it."""

        def running() -> Iterable[Message]:
            if self.store is None:
                raise RuntimeError("the annotation store is not open")
            return work(self.store)

        self._submit(running, failed)

    def _submit(self, work: Callable[[], Iterable[Message]], failed: Failure) -> None:
        if self.closed:
            # Closing: news that arrived after the last save was queued (an article's state
            # to read, say) has nobody left to show it to.
            return
        with self._count:
            self._pending += 1

        def job() -> None:
            try:
                try:
                    messages = list(work())
                except Exception as error:
                    messages = list(failed(error))
                for message in messages:
                    # Thread-safe; a closed target drops it (the work is done, or on disk).
                    self._post(message)
            finally:
                # After the posts: once nothing is pending, every report is in the queue.
                with self._count:
                    self._pending -= 1

        self._pool.submit(job)

    def close(self) -> None:
        """Wait for every queued operation, then close the store (releasing its lock)."""

        def closing() -> None:
            if self.store is not None:
                self.store.close()

        if self.closed:
            return
        self.closed = True
        self._pool.submit(closing)
        self._pool.shutdown(wait=True)
