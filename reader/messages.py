"""What the reader's threads report: named messages that carry data, never callbacks.

An annotation session (reader/session.py) posts these to the target it was given (the reader
screen, or a plain collector in tests) from the store's thread. A message may arrive after the
screen that asked is gone; it then finds nobody to handle it, and the work it reports is on
disk either way. Every session message names its annotator, so that a screen holding several
sessions (a review) knows whose news it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from textual.message import Message

if TYPE_CHECKING:
    from annotations.model import Annotation, Relation, Unplaced
    from annotations.storage import CorruptFile
    from annotations.store import ArticleState, Change, Moved
    from annotations.suggestions import Suggestion
    from corpus.article import Article


class _Closable(Protocol):
    @property
    def closing(self) -> bool: ...

    @property
    def is_running(self) -> bool: ...


Handler = TypeVar("Handler", bound=Callable[..., None])


def while_open(handler: Handler) -> Handler:
    """A handler of news from a thread that does nothing once the app closes and its panes
    are gone: the thread's work is done (or on disk), and there is no screen to show it on."""
    from textual.app import ScreenStackError
    from textual.css.query import NoMatches

    @wraps(handler)
    def guarded(self: _Closable, *args: Any) -> None:
        if self.closing or not self.is_running:
            return
        try:
            handler(self, *args)
        except (NoMatches, ScreenStackError):
            if not self.closing:
                raise  # a real bug, not a late message

    return cast(Handler, guarded)


@dataclass(frozen=True)
class Saving:
    """A span being saved: drawn as "saving" until the store's thread says it is on disk."""

    article_id: str
    start: int
    end: int
    label: str


@dataclass
class SessionMessage(Message):
    """News from the annotation session of `annotator`."""

    annotator: str


@dataclass
class StoreOpened(SessionMessage):
    """The store is open; a read-only one says why (`reason`)."""

    read_only: bool
    reason: str | None


@dataclass
class StoreFailed(SessionMessage):
    """The store could not be opened: annotations are off."""

    error: BaseException


@dataclass
class AnnotationsChanged(SessionMessage):
    """An article's annotations as the store has them now, and the spans still being saved."""

    article_id: str
    state: ArticleState
    saving: tuple[Saving, ...]


@dataclass
class StateUnreadable(SessionMessage):
    """A change is on disk, but the article's state could not be read back."""

    article_id: str
    error: BaseException


@dataclass
class SaveFailed(SessionMessage):
    """`what` (a sentence's subject and verb: "The claim was not saved") failed."""

    what: str
    error: BaseException
    article_id: str | None


@dataclass
class Tagged(SessionMessage):
    """A tag is on disk (`made`), or was there already (`made` is None)."""

    article_id: str
    label: str
    made: Annotation | None


@dataclass
class Linked(SessionMessage):
    """`head` (a claim) is linked to `source` by `relation` (`source` made for it, or the
    source annotation there already)."""

    article_id: str
    head: Annotation
    source: Annotation
    relation: Relation


@dataclass
class Updated(SessionMessage):
    """An annotation was changed; `said` names the change ("Resized", "Note saved")."""

    made: Annotation
    said: str


@dataclass
class Deleted(SessionMessage):
    annotation: Annotation


@dataclass
class Rejected(SessionMessage):
    suggestion: Suggestion


@dataclass
class Accepted(SessionMessage):
    """Suggestions accepted together (one undo takes them all back)."""

    article_id: str
    made: list[Annotation]


@dataclass
class GroupAdded(SessionMessage):
    """Annotations added together as one change (one undo takes them all back); `said` says
    what it was ("Took ana's version")."""

    article_id: str
    made: list[Annotation]
    said: str


@dataclass
class KeyRejected(SessionMessage):
    """A rejection remembered under `key` (a review's decision on a group of spans, say)."""

    article_id: str
    key: str
    said: str


@dataclass
class StatusSet(SessionMessage):
    article: Article
    status: str


@dataclass
class Placed(SessionMessage):
    """An annotation of an earlier text was placed on the new one."""

    made: Annotation


@dataclass
class UnplacedDeleted(SessionMessage):
    unplaced: Unplaced


@dataclass
class Undone(SessionMessage):
    """An undo (or a redo, `redone`) took back `change`; None when there was nothing to."""

    change: Change | None
    redone: bool


@dataclass
class FilesChecked(SessionMessage):
    """The annotator's files, read once: those that could not be read."""

    problems: list[CorruptFile]


@dataclass
class EditsFollowed(SessionMessage):
    """Annotations moved onto articles whose file was edited (a new text, a new id)."""

    moves: list[Moved]


@dataclass
class PositionNotSaved(SessionMessage):
    """Where the annotator is could not be remembered for next time."""

    error: BaseException
