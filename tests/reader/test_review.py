"""`assay review` (Pilot): the list of open groups, the annotators' gutter columns, the panel
of groups, and every review key, each decision on disk in gold's store with its provenance."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import pytest

from annotations.model import Annotation
from annotations.store import Store
from annotations.team import GROUP_KEY_PREFIX, TeamArticle, disagreements
from annotations.workspace import Workspace
from corpus.article import Article
from corpus.loader import load_corpus
from reader.config import Settings
from reader.keys import declared, keys_of, main_screen_owners, normal_keymap
from reader.review import ReviewApp, ReviewScreen
from reader.widgets.article_list import ArticleList
from reader.widgets.article_view import ArticleView
from reader.widgets.review_panel import ReviewPanel
from tests.reader.conftest import analysed, wait_for

# Spans on the first built-in article ("Russia, US may reach agreement on mining rare earths
# in Alaska"): one both annotators made, and three groups where they differ.
AGREED = "Moscow and Washington could reach an agreement"
LONG = "Russian presidential envoy for relations with international organizations"
SHORT = "Russian presidential envoy"
ANA_ONLY = "We mined furs, timber, whale oil there"
BEN_ONLY = "September 24, 2025"


def first_article() -> Article:
    articles, _ = load_corpus(None)
    return articles[0]


def span(article: Article, words: str) -> tuple[int, int]:
    start = article.text.index(words)
    return start, start + len(words)


def annotate(
    workspace: Path, name: str, article: Article, spans: list[tuple[str, str]], done: bool = True
) -> None:
    Workspace(workspace).save_article(article)
    with Store.open(workspace, name) as store:
        for words, label in spans:
            start, end = span(article, words)
            store.add(article.id, start, end, label, words)
        if done:
            store.set_status(article.id, "done")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return review_workspace(tmp_path)


def review_workspace(tmp_path: Path) -> Path:
    """ana and ben on the first built-in article: one span alike, three groups apart."""
    root = tmp_path / "ws"
    article = first_article()
    annotate(root, "ana", article, [(AGREED, "claim"), (LONG, "claim"), (ANA_ONLY, "event")])
    annotate(root, "ben", article, [(AGREED, "claim"), (SHORT, "claim"), (BEN_ONLY, "figure")])
    return root


def review_app(workspace: Path, **kwargs: Any) -> ReviewApp:
    settings = kwargs.pop("settings", Settings(analyse_corpus=False))
    return ReviewApp([], workspace, "gold", settings, annotators=["ana", "ben"], **kwargs)


def screen(app: ReviewApp) -> ReviewScreen:
    return app.review_screen


async def settled(pilot: Any) -> None:
    """Every session (gold's and the annotators') has nothing queued, and what they posted
    has been handled."""
    review = screen(pilot.app)
    for _ in range(20):
        await wait_for(pilot, lambda: review.session.pending == 0 and review.review.pending == 0)
        handled = asyncio.Event()
        review.call_later(handled.set)
        await asyncio.wait_for(handled.wait(), timeout=60)
        if review.session.pending == 0 and review.review.pending == 0:
            await pilot.pause()
            return
    raise AssertionError("the sessions did not settle")


async def ready(pilot: Any) -> ArticleView:
    """The stores open, the article open with the annotators' spans read, the reader focused."""
    app: ReviewApp = pilot.app
    review = screen(app)
    await wait_for(
        pilot,
        lambda: (
            review.session.store is not None
            and all(s.store is not None for s in review.review.sessions.values())
            and len(app.order) == 1
        ),
    )
    view = await analysed(pilot)
    await wait_for(pilot, lambda: review.state is not None)
    await settled(pilot)
    view.focus()
    await pilot.pause()
    return view


def gold(workspace: Path, article_id: str) -> list[Annotation]:
    with Store.open(workspace, "gold", read_only=True) as store:
        return store.for_article(article_id)


def gold_rejected(workspace: Path, article_id: str) -> frozenset[str]:
    with Store.open(workspace, "gold", read_only=True) as store:
        return store.article_state(article_id).rejected


def rejection_record(workspace: Path, article_id: str) -> dict[str, Any]:
    """The one rejection record in gold's file of the article, as on disk."""
    tables = json.loads((workspace / "annotations" / "gold" / f"{article_id}.json").read_text())
    (record,) = tables["rejected"].values()
    assert isinstance(record, dict)
    return record


def team(workspace: Path, article: Article) -> TeamArticle:
    spans = {}
    for name in ("ana", "ben"):
        with Store.open(workspace, name, read_only=True) as store:
            spans[name] = tuple(store.for_article(article.id))
    return TeamArticle(article.id, spans)


def group_with(workspace: Path, article: Article, words: str) -> str:
    start, _end = span(article, words)
    for group in disagreements(team(workspace, article)):
        if group.start <= start < group.end:
            return group.key
    raise AssertionError(f"no group holds {words!r}")


def open_count(app: ReviewApp, article_id: str) -> int | None:
    return app.query_one(ArticleList).by_id[article_id].open_groups


async def to_group(pilot: Any, article: Article, words: str) -> None:
    """Press `.` until the view is on the group holding `words`."""
    view = pilot.app.query_one(ArticleView)
    start, _ = span(article, words)
    for _ in range(6):
        await pilot.press("full_stop")
        await pilot.pause()
        if view.focus_span is not None and view.focus_span[0] <= start < view.focus_span[1]:
            return
    raise AssertionError(f"never reached the group of {words!r}")


def review_of(annotation: Annotation) -> dict[str, Any]:
    review = annotation.attrs["review"]
    assert isinstance(review, dict)
    return review


async def test_the_list_counts_open_groups_and_the_view_shows_each_annotator(
    workspace: Path,
) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await wait_for(pilot, lambda: open_count(app, article.id) == 3)
        assert app.order == [article.id]
        # Each annotator's spans in their own gutter column: ana's event, ben's figure.
        marks = {}
        for y in range(len(view.lines)):
            line = view.lines[y]
            if line.start <= span(article, ANA_ONLY)[0] < line.end:
                marks["ana"] = view._column_marks(line)
            if line.start <= span(article, BEN_ONLY)[0] < line.end:
                marks["ben"] = view._column_marks(line)
        assert marks == {"ana": "E  ", "ben": " F "}
        legend = str(app.query_one("#review-legend").render())
        assert "1 ana" in legend and "2 ben" in legend and "3 of 3 groups open" in legend
        # The panel lists the groups with who made which version.
        panel = app.query_one(ReviewPanel)
        prompts = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        listed = "\n".join(prompts)
        assert "Groups (3 open of 3)" in listed
        assert "ben: —" in listed and "ana: —" in listed
        start, end = span(article, SHORT)
        assert f"claim {start}–{end}" in listed


async def test_next_group_then_take_a_version(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, LONG)
        key = group_with(workspace, article, LONG)
        assert screen(app).current_group() is not None
        await pilot.press("1")  # ana's version
        await settled(pilot)
        (made,) = gold(workspace, article.id)
        assert (made.start, made.end, made.label) == (*span(article, LONG), "claim")
        assert made.origin == "review"
        assert review_of(made) == {"from": ["ana"], "decision": "chose:ana", "group": key}
        await wait_for(pilot, lambda: open_count(app, article.id) == 2)
        # The group is decided: another take is refused, not added.
        await pilot.press("2")
        await settled(pilot)
        assert len(gold(workspace, article.id)) == 1
        # Previous group: from here back to ben's figure, the first open group.
        await pilot.press("comma")
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.focus_span == span(article, BEN_ONLY)
        # The status line says whose spans are there, by number.
        status = app.query_one("#reader-status")
        await wait_for(pilot, lambda: "1:— 2:figure" in str(status.render()))


async def test_take_agreed_is_one_change_and_undo_takes_it_back(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("equals_sign")
        await settled(pilot)
        (made,) = gold(workspace, article.id)
        assert (made.start, made.end, made.label) == (*span(article, AGREED), "claim")
        assert review_of(made) == {"from": ["ana", "ben"], "decision": "agreed"}
        assert made.origin == "review"
        # Agreed spans settle no group; again, nothing is added twice.
        assert open_count(app, article.id) == 3
        await pilot.press("equals_sign")
        await settled(pilot)
        assert len(gold(workspace, article.id)) == 1
        await pilot.press("u")
        await settled(pilot)
        assert gold(workspace, article.id) == []


async def test_reject_a_group_is_remembered_and_undoable(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, ANA_ONLY)
        key = group_with(workspace, article, ANA_ONLY)
        await pilot.press("X")
        await settled(pilot)
        assert gold(workspace, article.id) == []
        assert gold_rejected(workspace, article.id) == {GROUP_KEY_PREFIX + key}
        record = rejection_record(workspace, article.id)
        assert record["decision"] == "rejected-group" and record["from"] == ["ana"]
        await wait_for(pilot, lambda: open_count(app, article.id) == 2)
        await pilot.press("u")
        await settled(pilot)
        assert gold_rejected(workspace, article.id) == frozenset()
        await wait_for(pilot, lambda: open_count(app, article.id) == 3)
        await pilot.press("ctrl+r")
        await settled(pilot)
        assert gold_rejected(workspace, article.id) == {GROUP_KEY_PREFIX + key}


async def test_taking_the_version_of_someone_who_made_nothing_settles_the_group(
    workspace: Path,
) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, ANA_ONLY)
        key = group_with(workspace, article, ANA_ONLY)
        await pilot.press("2")  # ben made nothing here
        await settled(pilot)
        assert gold(workspace, article.id) == []
        assert gold_rejected(workspace, article.id) == {GROUP_KEY_PREFIX + key}
        record = rejection_record(workspace, article.id)
        assert record["decision"] == "chose:ben" and record["from"] == ["ben"]
        await wait_for(pilot, lambda: open_count(app, article.id) == 2)
        # No third annotator: said, nothing saved.
        await pilot.press("full_stop")
        await pilot.press("3")
        await settled(pilot)
        assert gold(workspace, article.id) == []


async def test_editing_a_taken_span_makes_it_edited_and_keeps_where_it_came_from(
    workspace: Path,
) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, SHORT)
        key = group_with(workspace, article, SHORT)
        await pilot.press("2")  # ben's short version
        await settled(pilot)
        (taken,) = gold(workspace, article.id)
        assert review_of(taken)["decision"] == "chose:ben"
        # The same selection keys as annotating: enter edits, l grows the end, enter saves.
        await pilot.press("enter", "l", "enter")
        await settled(pilot)
        (edited,) = gold(workspace, article.id)
        assert edited.start == taken.start and edited.end > taken.end
        assert review_of(edited) == {"from": ["ben"], "decision": "edited", "group": key}
        assert edited.origin == "review"


async def test_a_label_key_adds_a_span_nobody_made(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        words = "Boris Titov said in an interview with TASS"
        start, end = span(article, words)
        view.move_to(start, (start, end))
        await pilot.press("e")  # event: nobody tagged it
        await settled(pilot)
        (added,) = gold(workspace, article.id)
        assert (added.start, added.end, added.label) == (start, end, "event")
        assert added.origin == "review"
        assert review_of(added) == {"from": [], "decision": "added"}


async def test_a_span_tagged_inside_a_group_settles_it(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, BEN_ONLY)
        key = group_with(workspace, article, BEN_ONLY)
        await pilot.press("f")  # the group's span, as ben tagged it
        await settled(pilot)
        (added,) = gold(workspace, article.id)
        assert review_of(added) == {"from": ["ben"], "decision": "added", "group": key}
        await wait_for(pilot, lambda: open_count(app, article.id) == 2)


async def test_s_marks_the_article_reviewed_in_gold(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await settled(pilot)
    with Store.open(workspace, "gold", read_only=True) as store:
        assert store.status(article.id) == "done"


def snapshot(workspace: Path, names: tuple[str, ...]) -> dict[str, bytes]:
    found = {}
    for name in names:
        for path in sorted((workspace / "annotations" / name).rglob("*")):
            if path.is_file():
                found[str(path)] = path.read_bytes()
    return found


async def test_the_annotators_files_are_never_changed(workspace: Path) -> None:
    article = first_article()
    before = snapshot(workspace, ("ana", "ben"))
    stamps = {p: Path(p).stat().st_mtime_ns for p in before}
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("equals_sign")
        await to_group(pilot, article, LONG)
        await pilot.press("1", "full_stop", "X", "u", "ctrl+r", "s", "R")
        await settled(pilot)
    assert snapshot(workspace, ("ana", "ben")) == before
    assert {p: Path(p).stat().st_mtime_ns for p in before} == stamps
    assert len(gold(workspace, article.id)) == 2


async def test_decisions_are_undone_across_a_restart(workspace: Path) -> None:
    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await to_group(pilot, article, LONG)
        await pilot.press("1")
        await settled(pilot)
    assert len(gold(workspace, article.id)) == 1
    again = review_app(workspace)
    async with again.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await wait_for(pilot, lambda: open_count(again, article.id) == 2)
        await pilot.press("u")
        await settled(pilot)
        assert gold(workspace, article.id) == []
        await wait_for(pilot, lambda: open_count(again, article.id) == 3)


async def test_an_annotator_annotating_meanwhile_shows_on_refresh(workspace: Path) -> None:
    """ana keeps annotating (her store writable, her lock held) while the review is open."""
    article = first_article()
    app = review_app(workspace)
    with Store.open(workspace, "ana") as ana:  # her lock is held before the review opens
        assert not ana.read_only
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            await wait_for(pilot, lambda: open_count(app, article.id) == 3)
            (long_claim,) = [a for a in ana.for_article(article.id) if a.text == LONG]
            ana.update(long_claim.id, start=long_claim.start, end=long_claim.start + len(SHORT),
                       text=SHORT)  # fmt: skip
            ana.delete(next(a.id for a in ana.for_article(article.id) if a.text == ANA_ONLY))
            await pilot.press("R")
            await settled(pilot)
            # Both now made the short claim: one group (ben's figure) is left.
            await wait_for(pilot, lambda: open_count(app, article.id) == 1)
            await pilot.press("equals_sign")
            await settled(pilot)
            assert sorted(a.text for a in gold(workspace, article.id)) == sorted([AGREED, SHORT])
        assert not ana.read_only


async def test_sort_by_open_groups(workspace: Path) -> None:
    article = first_article()
    other = load_corpus(None)[0][1]
    annotate(workspace, "ana", other, [(other.text[:20], "claim")])
    annotate(workspace, "ben", other, [(other.text[:20], "claim")])
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready_two(pilot)
        articles = app.query_one(ArticleList)
        await wait_for(pilot, lambda: open_count(app, other.id) == 0)
        await pilot.press("U")
        await pilot.pause()
        assert articles.sort_key == "open"
        assert articles.ids_in_view_order()[0] == article.id
        assert "open↑" in articles.header(100)


async def ready_two(pilot: Any) -> None:
    app: ReviewApp = pilot.app
    await wait_for(pilot, lambda: len(app.order) == 2 and app.loaded)
    await analysed(pilot)
    await settled(pilot)


def test_review_keys_take_no_key_of_the_reader_but_the_layer_toggles() -> None:
    review = {b.key for b in ReviewApp.BINDINGS if b.id and b.id.startswith("review.")}
    reader = set()
    for owner in main_screen_owners():
        for binding in declared(owner):
            reader.update(keys_of(binding, normal_keymap({})))
    assert review & reader == {"1", "2", "3"}  # the layer toggles, moved to ! @ # in review
    moved = {b.id: b.key for b in ReviewApp.BINDINGS if b.id and b.id.startswith("app.toggle")}
    assert moved == {
        "app.toggle_entities": "exclamation_mark",
        "app.toggle_quotes": "at",
        "app.toggle_figures": "number_sign",
    }
    assert not {"exclamation_mark", "at", "number_sign"} & reader


async def test_review_keys_are_remapped_by_binding_id(workspace: Path) -> None:
    article = first_article()
    settings = Settings(analyse_corpus=False, keys={"review.next_group": "ctrl+n"})
    app = review_app(workspace, settings=settings)
    async with app.run_test(size=(120, 40)) as pilot:
        view = await ready(pilot)
        await pilot.press("full_stop")
        await pilot.pause()
        assert view.focus_span is None
        await pilot.press("ctrl+n")
        await pilot.pause()
        assert view.focus_span == span(article, BEN_ONLY)


async def test_help_lists_the_review_keys(workspace: Path) -> None:
    from reader.help import key_table

    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        rows = {row[2]: row[0] for _where, rows in key_table(app) for row in rows}
        assert rows["review.next_group"] == "."
        assert rows["review.take_1"] == "1"
        assert rows["review.reject_group"] == "X"
        assert rows["app.toggle_entities"] == "!"


def test_the_settings_file_remaps_review_keys(tmp_path: Path) -> None:
    from reader.config import load_settings

    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"review.take_agreed" = "+"\n"review.nothing" = "x"\n', "utf-8")
    settings, problem = load_settings(path)
    assert settings.keys == {"review.take_agreed": "+"}
    assert problem is not None and "keys.review.nothing names no binding" in problem


def test_an_undone_decision_is_described_as_one() -> None:
    from annotations.store import Change
    from reader.annotating import describe_change

    taken = {"x-1": {"label": "claim", "attrs": {"review": {"decision": "agreed"}}}}
    assert describe_change(Change("group", "x", "group", {"x-1": None}, taken)) == (
        "1 span taken into gold"
    )
    record = {"key": f"{GROUP_KEY_PREFIX}abc", "decision": "rejected-group"}
    rejection = Change("rejection", "x", f"{GROUP_KEY_PREFIX}abc", None, record)
    assert describe_change(rejection) == "decision rejected-group on a group"


async def test_the_palette_lists_the_review_actions(workspace: Path) -> None:
    from reader.commands import AssayCommands

    article = first_article()
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        commands = {name: (text, run) for name, text, run in AssayCommands(app.screen)._actions()}
        text, run = commands["Take agreed"]
        assert text.endswith("(=)") and text.startswith("take every span")
        assert "Take annotator 2's version" in commands
        await run()
        await settled(pilot)
        assert [a.text for a in gold(workspace, article.id)] == [AGREED]


async def test_an_article_whose_text_is_nowhere_is_said(workspace: Path) -> None:
    from corpus.article import make_article

    lost = make_article("A text that is in no corpus. It was never copied either.", "lost.txt")
    for name in ("ana", "ben"):
        with Store.open(workspace, name) as store:
            store.add(lost.id, 0, 6, "claim", lost.text[:6])
            store.set_status(lost.id, "done")
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        assert app.order == [first_article().id]
        await wait_for(
            pilot, lambda: any(lost.id in n.message for n in app._notifications), timeout=20
        )


async def test_a_gold_store_held_elsewhere_opens_read_only_and_saves_nothing(
    workspace: Path,
) -> None:
    article = first_article()
    with Store.open(workspace, "gold") as held:
        assert not held.read_only
        app = review_app(workspace)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            assert screen(app).session.store is not None
            assert screen(app).session.store.read_only
            await to_group(pilot, article, LONG)
            await pilot.press("1", "equals_sign", "X")
            await settled(pilot)
            notes = [n.message for n in app._notifications]
            assert any("is annotating as gold" in note for note in notes)
            assert any(note.startswith("Nothing is saved") for note in notes)
    assert gold(workspace, article.id) == []


async def test_the_guidelines_open_in_review_too(workspace: Path) -> None:
    from reader.guidelines import GuidelinesScreen

    (workspace / "guidelines.md").write_text("# Claims\n\nA claim can be checked.\n", "utf-8")
    app = review_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        await pilot.press("D")
        await wait_for(pilot, lambda: isinstance(app.screen, GuidelinesScreen))
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(app.screen, ReviewScreen))


TITOV = "Boris Titov"


def linked_workspace(tmp_path: Path, bens: str = "Putin") -> Path:
    """ana and ben make the same claim and the same two source spans; ana links the claim to
    Boris Titov, ben to `bens`."""
    root = tmp_path / "ws"
    article = first_article()
    Workspace(root).save_article(article)
    claim_words = article.text[span(article, AGREED)[0] : span(article, AGREED)[1]]
    for name, source_words in (("ana", TITOV), ("ben", bens)):
        with Store.open(root, name) as store:
            start, end = span(article, AGREED)
            claim = store.add(article.id, start, end, "claim", claim_words)
            for words in (TITOV, "Putin"):
                at, to = span(article, words)
                made = store.add(article.id, at, to, "source", words)
                if words == source_words:
                    store.relate(claim.id, made.id)
            store.set_status(article.id, "done")
    return root


def test_a_claim_both_made_is_a_disagreement_when_its_sources_differ(tmp_path: Path) -> None:
    article = first_article()

    def groups_of(root: Path, relations: bool = True) -> list[Any]:
        spans, links = {}, {}
        for name in ("ana", "ben"):
            with Store.open(root, name, read_only=True) as store:
                state = store.article_state(article.id)
            spans[name], links[name] = tuple(state.annotations), state.relations
        return disagreements(TeamArticle(article.id, spans, links if relations else {}))

    [group] = groups_of(linked_workspace(tmp_path / "apart"))  # the sources' spans are alike
    assert group.start == span(article, AGREED)[0]
    assert {name: len(group.links[name]) for name in group.links} == {"ana": 1, "ben": 1}
    # The same links: agreed. Without the relations, nothing differs at all.
    assert groups_of(linked_workspace(tmp_path / "alike", bens=TITOV)) == []
    assert groups_of(tmp_path / "apart" / "ws", relations=False) == []


async def test_taking_a_version_takes_its_relations_with_their_sources(tmp_path: Path) -> None:
    root = linked_workspace(tmp_path)
    article = first_article()
    app = review_app(root)
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        panel = app.query_one(ReviewPanel)
        rows = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert any("← source: Boris Titov" in row and "← source: Putin" in row
                   for row in rows)  # fmt: skip
        await to_group(pilot, article, AGREED)
        await pilot.press("2")  # ben's version: the claim, linked to Putin
        await settled(pilot)
        with Store.open(root, "gold", read_only=True) as store:
            state = store.article_state(article.id)
        by_id = {a.id: a for a in state.annotations}
        assert sorted((a.label, a.text) for a in state.annotations) == [
            ("claim", article.text[slice(*span(article, AGREED))]),
            ("source", "Putin"),
        ]
        [relation] = state.relations
        assert (by_id[relation.head].label, by_id[relation.child].text) == (
            "claim", "Putin")  # fmt: skip
        assert all(review_of(a)["decision"] == "chose:ben" for a in state.annotations)
        await pilot.press("u")  # one change: all of it
        await settled(pilot)
        assert gold(root, article.id) == []
