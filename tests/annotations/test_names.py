"""Annotator names: what may name an annotator's folder, normalisation, case, the login name."""

from __future__ import annotations

import getpass
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotations.store import Store, StoreError, annotator_name
from annotations.workspace import Workspace, default_annotator

A1 = "5e64e69df3fbd64f"

REFUSED = [
    ".",
    "..",
    ".hidden",
    ".lock",
    "",
    "a/b",
    "../x",
    "maria\n",  # `$` in a pattern would let the newline through
    "articles",
    "Articles",
    "annotations",
    "history.jsonl",
    "HISTORY.JSONL",
    "5e64e69df3fbd64f.json",
    "notes.jsonl",
    "x.tmp",
    "maria.json.corrupt-2026",
    "m" * 65,
    "．．",  # fullwidth full stops: ".." after NFKC
]


@pytest.mark.parametrize("raw", REFUSED)
def test_names_that_cannot_be_an_annotators_folder_are_refused(raw: str, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="annotator name"):
        annotator_name(raw)
    with pytest.raises(StoreError, match="annotator name"):
        Store.open(tmp_path, raw)
    assert list(tmp_path.iterdir()) == []  # refused before anything was made


def test_dot_dot_no_longer_writes_into_the_workspace_root(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="parent folder"):
        Store.open(tmp_path, "..")
    assert not list(tmp_path.rglob("*.json"))


@pytest.mark.parametrize(
    ("raw", "name"),
    [("ｍａｒｉａ", "maria"), ("maria", "maria"), ("ﬁona", "fiona"), ("Zoë", "Zoë"),
     ("o.malley@news", "o.malley@news"), ("Мария", "Мария"), ("gold", "gold")],
)  # fmt: skip
def test_names_are_nfkc_normalised(raw: str, name: str) -> None:
    assert annotator_name(raw) == name


def test_a_normalised_name_opens_the_same_store(tmp_path: Path) -> None:
    with Store.open(tmp_path, "ｍａｒｉａ") as store:
        assert store.annotator == "maria"
        made = store.add(A1, 0, 6, "claim", "Russia")
    assert (tmp_path / "annotations" / "maria" / f"{A1}.json").exists()
    with Store.open(tmp_path, "maria", read_only=True) as store:
        assert store.get(made.id) == made
    assert Workspace(tmp_path).annotators() == ["maria"]


def test_a_name_differing_only_in_case_from_an_annotator_is_refused(tmp_path: Path) -> None:
    with Store.open(tmp_path, "maria") as store:
        store.add(A1, 0, 6, "claim", "Russia")
    for other in ("Maria", "MARIA", "ＭＡＲＩＡ"):
        with pytest.raises(StoreError, match="differs only in case from 'maria'") as caught:
            Store.open(tmp_path, other)
        assert "--annotator maria" in str(caught.value)
    assert Workspace(tmp_path).annotators() == ["maria"]
    with Store.open(tmp_path, "omar"):  # other names are unaffected
        pass


@given(st.text(max_size=80))
def test_a_name_either_is_refused_or_is_one_safe_folder_name(raw: str) -> None:
    try:
        name = annotator_name(raw)
    except StoreError as exc:
        assert "annotator name" in str(exc)
        return
    assert name == annotator_name(name)  # normalising is idempotent
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".") and name not in (".", "..")
    assert 1 <= len(name) <= 64 and Path(name).name == name


def test_an_unusable_login_name_asks_for_annotator(monkeypatch: pytest.MonkeyPatch) -> None:
    for login in ("Maria Smith", ".", "..", "articles"):
        monkeypatch.setattr(getpass, "getuser", lambda login=login: login)
        with pytest.raises(StoreError, match="--annotator NAME") as caught:
            default_annotator()
        assert "login name" in str(caught.value)

    def nobody() -> str:
        raise KeyError("getpwuid(): uid not found: 1234")

    monkeypatch.setattr(getpass, "getuser", nobody)
    with pytest.raises(StoreError, match=r"no login name.*--annotator NAME"):
        default_annotator()
    monkeypatch.setattr(getpass, "getuser", lambda: "ｍａｒｉａ")
    assert default_annotator() == "maria"


def test_stray_annotation_files_of_old_bad_names_are_reported(tmp_path: Path) -> None:
    """Files an older assay wrote under ".", ".." or a dot name: listed, so stats can say so."""
    workspace = Workspace(tmp_path)
    annotations = tmp_path / "annotations"
    (annotations / ".hidden").mkdir(parents=True)
    (annotations / ".hidden" / f"{A1}.json").write_text("{}", "utf-8")
    (annotations / f"{A1}.json").write_text("{}", "utf-8")  # by "."
    (tmp_path / f"{A1}.json").write_text("{}", "utf-8")  # by ".."
    (annotations / ".git").mkdir()  # holds no annotations: not reported
    strays = workspace.strays()
    assert len(strays) == 3
    assert any(".hidden" in s and "starts with a dot" in s for s in strays)
    assert any(s.startswith(f"{annotations} holds") and "'.'" in s for s in strays)
    assert any(s.startswith(f"{tmp_path} holds") and "'..'" in s for s in strays)
    assert workspace.annotators() == []
