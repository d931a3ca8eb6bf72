"""The one thread that owns the annotation store.

Every store operation (open, add, update, undo, reading an article's state) runs here, in
order, off the UI thread: a save is an fsync, and on a slow or network disk the keys must not
wait for it. Results come back as messages; the UI shows an annotation as saved only when the
message says the store has it on disk. Closing waits for the queue to drain, so quitting right
after a keypress loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from textual.app import App

    from annotations.store import Store


class StoreDone(Message):
    """An operation finished: `then(result)` runs on the UI thread, or `failed(error)`."""

    def __init__(
        self,
        then: Callable[[Any], None] | None,
        failed: Callable[[BaseException], None],
        result: Any = None,
        error: BaseException | None = None,
    ) -> None:
        super().__init__()
        self.then = then
        self.failed = failed
        self.result = result
        self.error = error


class StoreWriter:
    """Runs `work(store)` calls one at a time on its own thread."""

    def __init__(self, app: App[Any], opener: Callable[[], Store]) -> None:
        self._app = app
        self._opener = opener
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store")
        self.store: Store | None = None
        self.pending = 0
        self.closed = False

    def open(self, then: Callable[[Store], None], failed: Callable[[BaseException], None]) -> None:
        def opening(_store: Store | None) -> Store:
            self.store = self._opener()
            return self.store

        self._submit(opening, then, failed, needs_store=False)

    def run(
        self,
        work: Callable[[Store], Any],
        then: Callable[[Any], None] | None,
        failed: Callable[[BaseException], None],
    ) -> None:
        self._submit(work, then, failed, needs_store=True)

    def _submit(
        self,
        work: Callable[[Any], Any],
        then: Callable[[Any], None] | None,
        failed: Callable[[BaseException], None],
        needs_store: bool,
    ) -> None:
        if self.closed:
            # The app is closing: news that arrived after the last save was queued (an
            # article's state to read, say) has nobody left to show it to.
            return
        self.pending += 1

        def job() -> Any:
            if needs_store and self.store is None:
                raise RuntimeError("the annotation store is not open")
            return work(self.store)

        future: Future[Any] = self._pool.submit(job)

        def finished(done: Future[Any]) -> None:
            error = done.exception()
            result = None if error is not None else done.result()
            # post_message is safe from any thread; a closed app drops it (the work is done).
            self._app.post_message(StoreDone(then, failed, result, error))

        future.add_done_callback(finished)

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
