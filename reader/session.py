"""One annotator's annotation work in a workspace, with no screen attached.

An `AnnotationSession` owns the store's thread (reader/store_writer.py), what it last read of
each article, the spans still being saved and the articles whose text is already copied into
the workspace. Its methods queue work on the store's thread and return at once; what happened
comes back only as messages (reader/messages.py) posted to the target it was given: the reader
screen, several of them on a review screen, or a plain collector in a test. A session opened
read-only (another annotator's, on a review) reads and never writes.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from reader.messages import (
    Accepted,
    AnnotationsChanged,
    Deleted,
    EditsFollowed,
    FilesChecked,
    GroupAdded,
    KeyRejected,
    Linked,
    Placed,
    PositionNotSaved,
    Rejected,
    SaveFailed,
    Saving,
    StateUnreadable,
    StatusSet,
    StoreFailed,
    StoreOpened,
    Tagged,
    Undone,
    UnplacedDeleted,
    Updated,
)
from reader.store_writer import StoreWriter

if TYPE_CHECKING:
    from textual.message import Message

    from annotations.model import Annotation, Unplaced
    from annotations.store import ArticleState, Change, Store
    from annotations.suggestions import Suggestion
    from corpus.article import Article
    from reader.resume import Position


class Target(Protocol):
    """Where a session's messages go: thread-safe, False once it takes no more."""

    def post_message(self, message: Message) -> bool: ...


@dataclass(frozen=True)
class Refusal:
    """Why a change would not be saved (`read_only`: the store is, rather than off)."""

    text: str
    read_only: bool


class AnnotationSession:
    """The annotations of `annotator` in `workspace`: changes queue on the store's thread and
    report by messages to `target`."""

    def __init__(
        self,
        workspace: Path,
        annotator: str,
        labels: Sequence[str],
        target: Target,
        *,
        read_only: bool = False,
    ) -> None:
        self.workspace = Path(workspace)
        self.annotator = annotator
        self.labels = tuple(labels)
        self.read_only = read_only
        self.target = target
        self.writer: StoreWriter | None = None
        self.store: Store | None = None  # set by the store's thread once it is open
        self.problem: str | None = None  # why the store could not be opened
        # Shared with the store's thread: what it last read, and what it has yet to save.
        self._lock = threading.Lock()
        self._states: dict[str, ArticleState] = {}
        self._saving: list[Saving] = []
        self._fresh: set[str] = set()  # articles read since the session began
        self._copied: set[str] = set()  # articles whose text is in the workspace (its thread's)
        self._edits_followed = False

    # --- opening and closing ------------------------------------------------------------

    def open(self) -> None:
        """Open the store on its thread: `StoreOpened` or `StoreFailed` follows."""
        from annotations.store import Store

        if self.writer is not None:
            return

        def opener() -> Store:
            return Store.open(
                self.workspace, self.annotator, labels=self.labels, read_only=self.read_only
            )

        def opened(store: Store) -> list[Message]:
            self.store = store
            return [StoreOpened(self.annotator, store.read_only, store.read_only_reason)]

        def failed(error: BaseException) -> list[Message]:
            self.problem = str(error)
            return [StoreFailed(self.annotator, error)]

        self.writer = StoreWriter(self.target.post_message, opener)
        self.writer.open(opened, failed)

    def close(self) -> None:
        """Wait for every queued change, then close the store (releasing its lock)."""
        if self.writer is not None:
            self.writer.close()

    @property
    def pending(self) -> int:
        """Changes queued whose messages are not all posted yet."""
        return self.writer.pending if self.writer is not None else 0

    def refusal(self) -> Refusal | None:
        """Why a change would not be saved now, or None. A store still opening refuses
        nothing: the change queues behind the opening (and fails there, said, if the store
        turns out read-only)."""
        if self.read_only:
            return Refusal(
                f"Nothing is saved: {self.annotator}'s annotations are open to read.",
                read_only=True,
            )
        if self.store is None:
            if self.problem:
                return Refusal(
                    f"Nothing is saved: annotations are off ({self.problem}).", read_only=False
                )
            self.open()
            return None
        if self.store.read_only:
            # The reason says why (another assay holds the lock, or the workspace cannot be
            # written) and what to do.
            return Refusal(f"Nothing is saved: {self.store.read_only_reason}.", read_only=True)
        return None

    # --- what the session knows ---------------------------------------------------------

    def state(self, article_id: str) -> ArticleState | None:
        """The article's annotations as last read from the store (None: not read yet)."""
        with self._lock:
            return self._states.get(article_id)

    def saving(self, article_id: str) -> list[Saving]:
        """The article's spans being saved."""
        with self._lock:
            return [s for s in self._saving if s.article_id == article_id]

    def is_fresh(self, article_id: str) -> bool:
        """True when this session has read the article's state (newer than a start-up scan)."""
        with self._lock:
            return article_id in self._fresh

    # --- reading ------------------------------------------------------------------------

    def load(self, article_id: str) -> None:
        """Read the article's state: `AnnotationsChanged` follows."""
        if self.writer is None or self.store is None:
            return  # the store's opening reports, and whoever opened it asks again

        def work(store: Store) -> list[Message]:
            return [self._changed(article_id, store.article_state(article_id))]

        self._run(work, "The article's annotations could not be read")

    def check_files(self) -> None:
        """Read every file of the annotator's folder once, beside the store's thread (it can
        take a while): `FilesChecked` lists those that could not be read."""
        store = self.store
        if store is None:
            return

        def check() -> None:
            try:
                message: Message = FilesChecked(self.annotator, store.check_files())
            except Exception as error:
                message = SaveFailed(
                    self.annotator, "Checking the annotation files failed", error, None
                )
            self.target.post_message(message)

        threading.Thread(target=check, name="check-files", daemon=True).start()

    def follow_edits(self, articles: Mapping[str, Article]) -> None:
        """Once per session, with the whole corpus: annotations of an article whose file was
        edited since (a new text, so a new id) move onto the new text (`EditsFollowed`)."""
        store = self.store
        if store is None or store.read_only or self._edits_followed:
            return
        self._edits_followed = True
        corpus = dict(articles)

        def work(store: Store) -> list[Message]:
            from annotations.workspace import Workspace, follow_edits

            moves = follow_edits(Workspace(self.workspace), store, corpus)
            messages: list[Message] = [EditsFollowed(self.annotator, moves)]
            for moved in moves:
                messages += self._read_back(store, moved.new_id)
            return messages

        self._run(work, "Moving annotations onto edited articles failed")

    # --- changes ------------------------------------------------------------------------

    def tag(
        self,
        article: Article,
        start: int,
        end: int,
        label: str,
        attrs: Mapping[str, Any] | None = None,
        origin: str = "manual",
        source: tuple[int, int] | None = None,
        relation: str = "source",
    ) -> Saving | None:
        """Tag `[start, end)` as `label`: the span being saved, or None when it is being
        saved already (a second press must not tag twice). `Tagged` follows, its `made` None
        when the store has the span already.

        `source`: the span of who said it (an accepted quotation's speaker mention): when
        the store takes `source` annotations, it is tagged `source` too (or the one there
        already is used) and linked to the new span by a `source` relation, all one change
        and one undo. (A pronoun or a role keeps the name it stands for, `attrs.speaker`, as
        the source's `attrs.resolved`.)"""
        pending = Saving(article.id, start, end, label)
        with self._lock:
            if pending in self._saving:
                return None
            self._saving.append(pending)
        text = article.text[start:end]
        given = dict(attrs) if attrs is not None else None

        def work(store: Store) -> list[Message]:
            # Checked here too, against the file: the session may not have read the article
            # yet (a key pressed while the store was still opening).
            if store.has_span(article.id, start, end, label):
                made = None
            elif source is not None and takes_sources(store):
                self._copy(article)
                claim = {"start": start, "end": end, "label": label, "text": text,
                         "attrs": given or {}, "origin": origin}  # fmt: skip
                made = _add_with_source(store, article, claim, source, relation)
            else:
                self._copy(article)
                made = store.add(article.id, start, end, label, text, attrs=given, origin=origin)
            self._saved(pending)
            return [
                *self._read_back(store, article.id),
                Tagged(self.annotator, article.id, label, made),
            ]

        self._run(work, f"The {label} was not saved", article.id, pending)
        return pending

    def link(
        self, article: Article, head: Annotation, start: int, end: int, label: str = "source"
    ) -> None:
        """Link `head` (a claim) to who said it at `[start, end)` with a relation of `label`:
        the `source` annotation there, or one made for it, with the relation, one change.
        `Linked` follows."""
        text = article.text[start:end]

        def work(store: Store) -> list[Message]:
            from annotations.model import SOURCE

            self._copy(article)
            there = store.find_span(article.id, start, end, SOURCE)
            if there is None:
                item = {"start": start, "end": end, "label": SOURCE, "text": text}
                made, links = store.add_linked(article.id, [item], [(head.id, 0, label)])
                source, relation = made[0], links[0]
            else:
                source, relation = there, store.relate(head.id, there.id, label)
            return [
                *self._read_back(store, article.id),
                Linked(self.annotator, article.id, head, source, relation),
            ]

        self._run(work, "The link was not saved", article.id)

    def update(self, annotation: Annotation, said: str, **changes: Any) -> None:
        """Change an annotation's fields (`start`, `end`, `text`, `label`, `note`, ...)."""
        article_id = annotation.article_id

        def work(store: Store) -> list[Message]:
            made = store.update(annotation.id, **changes)
            return [*self._read_back(store, article_id), Updated(self.annotator, made, said)]

        self._run(work, "The change was not saved", article_id)

    def delete(self, annotation: Annotation) -> None:
        article_id = annotation.article_id

        def work(store: Store) -> list[Message]:
            store.delete(annotation.id)
            return [*self._read_back(store, article_id), Deleted(self.annotator, annotation)]

        self._run(work, "The deletion was not saved", article_id)

    def reject(self, article: Article, suggestion: Suggestion) -> None:
        """Never offer `suggestion` again in this article."""

        def work(store: Store) -> list[Message]:
            store.reject(article.id, suggestion.key, suggestion.record())
            return [*self._read_back(store, article.id), Rejected(self.annotator, suggestion)]

        self._run(work, "The rejection was not saved", article.id)

    def accept_all(self, article: Article, suggestions: Sequence[Suggestion]) -> None:
        """Accept `suggestions` as one change (one undo takes them all back); those the
        article has already are left out."""
        items = [s.as_item() for s in suggestions]
        kinds = {s.kind for s in suggestions}
        what = f"the {kinds.pop()}s" if len(kinds) == 1 else "the suggestions"

        def work(store: Store) -> list[Message]:
            self._copy(article)
            there = {(a.start, a.end, a.label) for a in store.article_state(article.id).annotations}
            new = [i for i in items if (i["start"], i["end"], i["label"]) not in there]
            made = store.add_group(article.id, new)
            return [*self._read_back(store, article.id), Accepted(self.annotator, article.id, made)]

        self._run(work, f"Accepting {what} was not saved", article.id)

    def add_group(
        self,
        article: Article,
        items: Sequence[Mapping[str, Any]],
        said: str,
        links: Sequence[tuple[int | str, int | str, str]] = (),
    ) -> None:
        """Add the annotations `items` (as `Store.add_group` takes them, with their `attrs` and
        `origin`), and the relations `links` between them (as `Store.add_linked` takes them),
        as one change: `GroupAdded` follows, with `said` for the annotator. Items the article
        has already (same span and label) are left out (a link to one links the one there)."""
        wanted = [dict(item) for item in items]

        def work(store: Store) -> list[Message]:
            self._copy(article)
            there = {
                (a.start, a.end, a.label): a.id for a in store.article_state(article.id).annotations
            }
            new = [i for i in wanted if (i["start"], i["end"], i["label"]) not in there]
            if links:
                moved: dict[int, int | str] = {}  # an item's position: among `new`, or an id
                count = 0
                for position, item in enumerate(wanted):
                    key = (item["start"], item["end"], item["label"])
                    if key in there:
                        moved[position] = there[key]
                    else:
                        moved[position], count = count, count + 1
                made, _relations = store.add_linked(
                    article.id,
                    new,
                    [(_end(h, moved), _end(c, moved), label) for h, c, label in links],
                )
                return [
                    *self._read_back(store, article.id),
                    GroupAdded(self.annotator, article.id, made, said),
                ]
            made = store.add_group(article.id, new)
            return [
                *self._read_back(store, article.id),
                GroupAdded(self.annotator, article.id, made, said),
            ]

        self._run(work, f"{said} was not saved", article.id)

    def reject_key(self, article: Article, key: str, detail: Mapping[str, Any], said: str) -> None:
        """Remember a rejection under `key` with `detail` (undoable, in the article's
        `rejected`): `KeyRejected` follows."""
        record = dict(detail)

        def work(store: Store) -> list[Message]:
            self._copy(article)
            store.reject(article.id, key, record)
            return [
                *self._read_back(store, article.id),
                KeyRejected(self.annotator, article.id, key, said),
            ]

        self._run(work, f"{said} was not saved", article.id)

    def toggle_done(self, article: Article) -> None:
        """Mark the article done; a done article goes back to in progress (or todo)."""

        def work(store: Store) -> list[Message]:
            # Decided here, after any change still queued: `s s` typed fast toggles twice.
            before = store.article_state(article.id)
            annotated = "in progress" if before.annotations else "todo"
            status = annotated if before.status == "done" else "done"
            store.set_status(article.id, status)
            return [*self._read_back(store, article.id), StatusSet(self.annotator, article, status)]

        self._run(work, "The status was not saved", article.id)

    def place_unplaced(
        self, article: Article, unplaced: Unplaced, start: int, end: int, label: str
    ) -> None:
        """Put an annotation of an earlier text on `[start, end)` of the new one."""
        text = article.text[start:end]

        def work(store: Store) -> list[Message]:
            made = store.place_unplaced(article.id, unplaced.id, start, end, text)
            if label != made.label:
                made = store.update(made.id, label=label)
            return [*self._read_back(store, article.id), Placed(self.annotator, made)]

        self._run(work, "The placement was not saved", article.id)

    def delete_unplaced(self, unplaced: Unplaced) -> None:
        article_id = unplaced.article_id

        def work(store: Store) -> list[Message]:
            store.delete_unplaced(article_id, unplaced.id)
            return [*self._read_back(store, article_id), UnplacedDeleted(self.annotator, unplaced)]

        self._run(work, "The deletion was not saved", article_id)

    def undo(self) -> None:
        """Take back the last change (`Undone`, after the states of the articles it wrote)."""
        self._undo(redo=False)

    def redo(self) -> None:
        self._undo(redo=True)

    def _undo(self, redo: bool) -> None:
        def work(store: Store) -> list[Message]:
            change = store.redo() if redo else store.undo()
            messages: list[Message] = []
            if change is not None:
                for article_id in sorted(articles_of(change)):
                    messages += self._read_back(store, article_id)
            return [*messages, Undone(self.annotator, change, redo)]

        self._run(work, f"{'Redo' if redo else 'Undo'} was not saved")

    def save_position(self, position: Position) -> None:
        """Remember where the annotator is, in their folder (never in a read-only one)."""
        from reader.resume import write_position

        def work(store: Store) -> list[Message]:
            if not store.read_only:
                write_position(store.folder, position)
            return []

        def failed(error: BaseException) -> list[Message]:
            return [PositionNotSaved(self.annotator, error)]

        if self.writer is not None:
            self.writer.run(work, failed)

    # --- on the store's thread ----------------------------------------------------------

    def _run(
        self,
        work: Callable[[Store], Iterable[Message]],
        what: str,
        article_id: str | None = None,
        pending: Saving | None = None,
    ) -> None:
        """Queue `work`; a failure is said (`SaveFailed`), and the article read again so that
        what is shown is what the store really has."""

        def failed(error: BaseException) -> list[Message]:
            if pending is not None:
                self._saved(pending)
            messages: list[Message] = [SaveFailed(self.annotator, what, error, article_id)]
            if article_id is not None and self.store is not None:
                messages += self._read_back(self.store, article_id)
            return messages

        self.open()
        assert self.writer is not None
        self.writer.run(work, failed)

    def _saved(self, pending: Saving) -> None:
        with self._lock:
            if pending in self._saving:
                self._saving.remove(pending)

    def _changed(self, article_id: str, state: ArticleState) -> AnnotationsChanged:
        with self._lock:
            self._states[article_id] = state
            self._fresh.add(article_id)
            saving = tuple(s for s in self._saving if s.article_id == article_id)
        return AnnotationsChanged(self.annotator, article_id, state, saving)

    def _read_back(self, store: Store, article_id: str) -> list[Message]:
        """The article's state after a change, or why it could not be read: the change is on
        disk either way, and must not be reported as lost."""
        try:
            state = store.article_state(article_id)
        except Exception as error:
            return [StateUnreadable(self.annotator, article_id, error)]
        return [self._changed(article_id, state)]

    def _copy(self, article: Article) -> None:
        """The text beside its offsets, so that annotations outlive the corpus file (not in a
        read-only workspace: the change is refused by the store, and says why)."""
        if article.id not in self._copied and not store_read_only(self.store):
            from annotations.workspace import Workspace

            Workspace(self.workspace).save_article(article)
            self._copied.add(article.id)


def _end(end: int | str, moved: Mapping[int, int | str]) -> int | str:
    """A link's end: an item's position among the new items, or an annotation's id."""
    return moved[end] if isinstance(end, int) else end


def takes_sources(store: Store) -> bool:
    """Whether `store` takes `source` annotations (its labels have it, or are not fixed)."""
    from annotations.model import SOURCE

    return store.labels is None or SOURCE in store.labels


def _add_with_source(
    store: Store,
    article: Article,
    claim: Mapping[str, Any],
    source: tuple[int, int],
    relation: str = "source",
) -> Annotation:
    """Add `claim` (an item as `Store.add_linked` takes it) with its source at `source` and
    the `source` relation between them, as one change; the source annotation there already,
    if any, is linked rather than made again. The claim made."""
    from annotations.model import SOURCE

    start, end = source
    text = article.text[start:end]
    speaker = (claim.get("attrs") or {}).get("speaker")
    there = store.find_span(article.id, start, end, SOURCE)
    items: list[Mapping[str, Any]] = [claim]
    if there is None:
        attrs = {"resolved": speaker} if isinstance(speaker, str) and speaker != text else {}
        items.append({"start": start, "end": end, "label": SOURCE, "text": text,
                      "attrs": attrs, "origin": claim.get("origin", "manual")})  # fmt: skip
    child: int | str = 1 if there is None else there.id
    made, _links = store.add_linked(article.id, items, [(0, child, relation)])
    return made[0]


def store_read_only(store: Store | None) -> bool:
    return store is not None and store.read_only


def articles_of(change: Change) -> set[str]:
    """The articles a change wrote: a move's (and a placement's) records are by article."""
    from annotations.store import RECORD_KINDS  # imported by then: the change came from it

    if change.kind not in RECORD_KINDS:
        return {change.article_id}
    return {*(change.before or {}), *(change.after or {})}
