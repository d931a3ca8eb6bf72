"""AnnotationSession without a screen: changes go to the store's thread, news comes back as
messages to a plain collector."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from textual.message import Message

from annotations.store import ReadOnlyStore, Store
from annotations.workspace import Workspace
from corpus.article import Article, make_article
from reader.messages import (
    Accepted,
    AnnotationsChanged,
    Deleted,
    SaveFailed,
    StatusSet,
    StoreOpened,
    Tagged,
    Undone,
    Updated,
)
from reader.session import AnnotationSession
from tests.annotations.test_read_only import erofs  # noqa: F401 (a fixture)

LABELS = ("claim", "figure", "event")
TEXT = "The minister said exports rose by 12 percent. Critics doubted it. Nobody else spoke."


class Collector:
    """A message target that keeps what it is sent (post_message is called from threads)."""

    def __init__(self) -> None:
        self.messages: list[Message] = []

    def post_message(self, message: Message) -> bool:
        self.messages.append(message)
        return True

    def of(self, kind: type[Any]) -> list[Any]:
        return [m for m in self.messages if isinstance(m, kind)]

    def take(self) -> list[Message]:
        taken, self.messages = self.messages, []
        return taken


def settle(session: AnnotationSession, timeout: float = 30) -> None:
    """Until every queued job has posted its messages."""
    deadline = time.monotonic() + timeout
    while session.pending:
        if time.monotonic() > deadline:
            raise AssertionError("the session did not settle")
        time.sleep(0.005)


def opened(
    tmp_path: Path, annotator: str = "maria", **kwargs: Any
) -> tuple[AnnotationSession, Collector]:
    collector = Collector()
    session = AnnotationSession(tmp_path / "ws", annotator, LABELS, collector, **kwargs)
    session.open()
    settle(session)
    return session, collector


@pytest.fixture
def article() -> Article:
    return make_article(TEXT, "minister.txt")


def on_disk(tmp_path: Path, article_id: str, annotator: str = "maria") -> list[tuple[Any, ...]]:
    with Store.open(tmp_path / "ws", annotator, read_only=True) as store:
        return sorted((a.start, a.end, a.label) for a in store.for_article(article_id))


def test_a_tag_is_reported_saved_with_the_articles_state_and_is_on_disk(
    tmp_path: Path, article: Article
) -> None:
    session, seen = opened(tmp_path)
    [news] = seen.take()
    assert isinstance(news, StoreOpened) and not news.read_only and news.annotator == "maria"
    pending = session.tag(article, 0, 45, "claim")
    assert pending is not None and session.saving(article.id) == [pending]
    assert session.tag(article, 0, 45, "claim") is None  # pressed again before it is saved
    settle(session)
    changed, tagged = seen.take()
    assert isinstance(changed, AnnotationsChanged) and changed.article_id == article.id
    assert [(a.start, a.end, a.label) for a in changed.state.annotations] == [(0, 45, "claim")]
    assert changed.saving == () and session.saving(article.id) == []
    assert isinstance(tagged, Tagged) and tagged.made is not None
    assert tagged.made.text == TEXT[:45]
    session.close()
    assert on_disk(tmp_path, article.id) == [(0, 45, "claim")]
    # The text is kept beside its offsets, so the annotation outlives the corpus file.
    saved = Workspace(tmp_path / "ws").article(article.id)
    assert saved is not None and saved.text == TEXT


def test_a_span_the_store_has_already_is_not_tagged_twice(tmp_path: Path, article: Article) -> None:
    session, seen = opened(tmp_path)
    session.tag(article, 0, 45, "claim")
    settle(session)
    seen.take()
    assert session.tag(article, 0, 45, "claim") is not None  # the session asks the store
    settle(session)
    [tagged] = seen.of(Tagged)
    assert tagged.made is None
    session.close()
    assert on_disk(tmp_path, article.id) == [(0, 45, "claim")]


def test_update_delete_status_and_accepting_report_by_name(
    tmp_path: Path, article: Article
) -> None:
    from annotations.suggestions import Suggestion

    session, seen = opened(tmp_path)
    session.tag(article, 0, 45, "claim")
    settle(session)
    [made] = [m.made for m in seen.of(Tagged)]
    session.update(made, "Relabelled as event", label="event")
    session.toggle_done(article)
    settle(session)
    [updated] = seen.of(Updated)
    assert updated.made.label == "event" and updated.said == "Relabelled as event"
    [status] = seen.of(StatusSet)
    assert status.status == "done" and seen.of(AnnotationsChanged)[-1].state.status == "done"
    session.delete(updated.made)
    start = TEXT.index("12 percent")
    end = start + len("12 percent")
    figure = Suggestion(f"figure:{start}", "figure", start, end, "figure", TEXT[start:end])
    session.accept_all(article, [figure])
    settle(session)
    assert [m.annotation.id for m in seen.of(Deleted)] == [made.id]
    [accepted] = seen.of(Accepted)
    assert [(a.start, a.end, a.label) for a in accepted.made] == [(start, end, "figure")]
    assert accepted.made[0].origin == "suggested:figure"
    session.close()
    assert on_disk(tmp_path, article.id) == [(start, end, "figure")]


def test_undo_and_redo_report_the_change_after_the_articles_state(
    tmp_path: Path, article: Article
) -> None:
    session, seen = opened(tmp_path)
    session.tag(article, 0, 45, "claim")
    settle(session)
    seen.take()
    session.undo()
    settle(session)
    changed, undone = seen.take()
    assert isinstance(undone, Undone) and not undone.redone
    assert undone.change is not None and undone.change.article_id == article.id
    assert isinstance(changed, AnnotationsChanged) and changed.state.annotations == []
    assert on_disk(tmp_path, article.id) == []
    session.redo()
    settle(session)
    changed, redone = seen.take()
    assert isinstance(redone, Undone) and redone.redone
    assert isinstance(changed, AnnotationsChanged) and len(changed.state.annotations) == 1
    session.undo()
    session.undo()  # nothing left to undo: said, not an error
    settle(session)
    assert [m.change is None for m in seen.of(Undone)] == [False, True]
    assert not seen.of(SaveFailed)


def test_a_failed_save_is_said_and_the_article_read_again(
    tmp_path: Path, article: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    session, seen = opened(tmp_path)
    seen.take()

    def full(*_args: Any, **_kwargs: Any) -> Any:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Store, "add", full)
    assert session.tag(article, 0, 45, "claim") is not None
    settle(session)
    failed, changed = seen.take()
    assert isinstance(failed, SaveFailed) and failed.what == "The claim was not saved"
    assert "No space left" in str(failed.error) and failed.article_id == article.id
    # Read again: the screen draws what the store has, without the span that was saving.
    assert isinstance(changed, AnnotationsChanged) and changed.state.annotations == []
    assert changed.saving == () and session.saving(article.id) == []
    session.close()
    assert on_disk(tmp_path, article.id) == []


def test_a_read_only_store_refuses_and_every_change_fails_with_its_reason(
    tmp_path: Path,
    article: Article,
    erofs: list[Path],  # noqa: F811
) -> None:
    (tmp_path / "ws").mkdir()
    erofs.append((tmp_path / "ws").absolute())
    session, seen = opened(tmp_path)
    [news] = seen.take()
    assert isinstance(news, StoreOpened) and news.read_only and news.reason
    refusal = session.refusal()
    assert refusal is not None and refusal.read_only and news.reason in refusal.text
    session.tag(article, 0, 45, "claim")
    settle(session)
    [failed] = seen.of(SaveFailed)
    assert isinstance(failed.error, ReadOnlyStore)
    assert session.saving(article.id) == []
    session.close()


def test_another_annotators_session_reads_and_never_writes(
    tmp_path: Path, article: Article
) -> None:
    with Store.open(tmp_path / "ws", "ana") as store:
        store.add(article.id, 46, 65, "claim", TEXT[46:65])
    mine, _ = opened(tmp_path)
    theirs, seen = opened(tmp_path, "ana", read_only=True)
    [news] = seen.take()
    assert isinstance(news, StoreOpened) and news.read_only and news.annotator == "ana"
    # Read-only by choice: no lock taken, so ana's own assay can still write.
    with Store.open(tmp_path / "ws", "ana") as own:
        assert not own.read_only
    theirs.load(article.id)
    settle(theirs)
    [changed] = seen.take()
    assert isinstance(changed, AnnotationsChanged) and changed.annotator == "ana"
    assert [a.text for a in changed.state.annotations] == ["Critics doubted it."]
    assert theirs.state(article.id) == changed.state
    refusal = theirs.refusal()
    assert refusal is not None and "ana" in refusal.text
    theirs.tag(article, 0, 45, "claim")
    settle(theirs)
    assert [type(m.error) for m in seen.of(SaveFailed)] == [ReadOnlyStore]
    theirs.close()
    mine.close()
    assert on_disk(tmp_path, article.id, "ana") == [(46, 65, "claim")]
    assert on_disk(tmp_path, article.id) == []


def test_a_store_that_cannot_open_turns_annotations_off(tmp_path: Path, article: Article) -> None:
    from reader.messages import StoreFailed

    (tmp_path / "ws").write_text("not a folder")
    session, seen = opened(tmp_path)
    [failed] = seen.take()
    assert isinstance(failed, StoreFailed)
    refusal = session.refusal()
    assert refusal is not None and not refusal.read_only and "annotations are off" in refusal.text
    session.close()
