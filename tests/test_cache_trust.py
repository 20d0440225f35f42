"""The cache as untrusted input: sealed entries, no symlink followed, masking on the way out.

`.extract-docs-cache/` sits in the repository, where a pull request can add or edit files.
An edited, forged or copied entry must be ignored and made again; the folder, its
`.gitignore` and its entries are never followed through a symlink; what comes out of the cache
is masked as what goes in.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.app import Outcome, Request, generate
from extractor.app.config import effective_config
from extractor.app.sealed import KEY_ENV, seal, unseal

SAMPLE = Path(__file__).parent.parent / "sample_integrations" / "telegram_notify.py"
CACHE = ".extract-docs-cache"
SCRIPT = "<script>alert(1)</script>"
STRIPE_KEY = "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc"


@pytest.fixture(autouse=True)
def own_key(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(KEY_ENV, str(tmp_path_factory.mktemp("key")))


def _project(folder: Path) -> Path:
    (folder / "integrations").mkdir(parents=True)
    (folder / "integrations" / "telegram_notify.py").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "pyproject.toml").write_text("[tool.extract-docs]\n", encoding="utf-8")
    return folder


def _texts(project: Path) -> list[str]:
    config = effective_config({"paths": [Path("integrations")]}, project)[0]
    return [item.text or "" for item in generate(config, Request(output="-", cwd=project, jobs=1))
            if isinstance(item, Outcome)]


def _entries(project: Path) -> list[Path]:
    return sorted(path for path in (project / CACHE).rglob("*") if path.is_file() and path.name != ".gitignore")


def test_entries_are_sealed_and_an_edited_entry_is_made_again(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = _texts(project)
    entries = _entries(project)
    assert len(entries) == 3 and all(unseal(entry, _tool()) is not None for entry in entries)
    for entry in entries:  # the seal kept, the content edited
        seal_line, _, content = entry.read_bytes().partition(b"\n")
        entry.write_bytes(seal_line + b"\n" + content.replace(b"Telegram", SCRIPT.encode()))
    assert _texts(project) == first and SCRIPT not in first[0]
    assert all(SCRIPT.encode() not in entry.read_bytes() for entry in _entries(project))


def _tool() -> str:
    from extractor.app.cache import _code_digest

    return _code_digest()


def test_a_committed_entry_without_the_users_key_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path / "a")
    first = _texts(project)
    for entry in _entries(project):  # an attacker's entries, sealed with their own key
        _, _, content = entry.read_bytes().partition(b"\n")
        with monkeypatch.context() as other:
            other.setenv(KEY_ENV, str(tmp_path / "attacker-key"))
            _forget_key()
            entry.write_bytes(seal(entry, content.replace(b"Telegram", SCRIPT.encode()), _tool()) or b"")
        _forget_key()
    assert _texts(project) == first


def _forget_key() -> None:
    from extractor.app.sealed import _key

    _key.cache_clear()


def test_an_entry_copied_from_another_checkout_is_ignored(tmp_path: Path) -> None:
    one, two = _project(tmp_path / "one"), _project(tmp_path / "two")
    _texts(one)
    for entry in _entries(one):
        _, _, content = entry.read_bytes().partition(b"\n")
        entry.write_bytes(seal(entry, content.replace(b"Telegram", SCRIPT.encode()), _tool()) or b"")
    shutil.rmtree(two / CACHE, ignore_errors=True)
    shutil.copytree(one / CACHE, two / CACHE)
    assert SCRIPT not in _texts(two)[0]
    assert SCRIPT in _texts(one)[0]  # sealed in its own checkout: trusted (the user's own key)


def test_what_comes_out_of_the_cache_is_masked(tmp_path: Path) -> None:
    project = _project(tmp_path)
    first = _texts(project)
    for entry in _entries(project):
        _, _, content = entry.read_bytes().partition(b"\n")
        entry.write_bytes(seal(entry, content.replace(b"Telegram", STRIPE_KEY.encode()), _tool()) or b"")
    out = _texts(project)[0]
    assert STRIPE_KEY not in out and "***" in out and out != first[0]


def test_a_symlinked_gitignore_is_replaced_not_written_through(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    victim = tmp_path / "victim.txt"
    victim.write_text("keep\n", encoding="utf-8")
    (project / CACHE).mkdir()
    (project / CACHE / ".gitignore").symlink_to(victim)
    _texts(project)
    assert victim.read_text(encoding="utf-8") == "keep\n"
    assert not (project / CACHE / ".gitignore").is_symlink()


def test_a_symlinked_cache_folder_is_not_used(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    outside = tmp_path / "outside"
    outside.mkdir()
    (project / CACHE).symlink_to(outside, target_is_directory=True)
    first = _texts(project)
    assert list(outside.iterdir()) == [] and _texts(project) == first


def test_a_symlinked_entry_is_not_read_and_its_target_not_written(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    first = _texts(project)
    for index, entry in enumerate(_entries(project)):
        _, _, content = entry.read_bytes().partition(b"\n")
        target = tmp_path / f"target{index}"  # sealed for the entry's own name: only the link is wrong
        target.write_bytes(seal(entry, content.replace(b"Telegram", SCRIPT.encode()), _tool()) or b"")
        entry.unlink()
        entry.symlink_to(target)
    assert _texts(project) == first
    assert all(SCRIPT.encode() in (tmp_path / f"target{index}").read_bytes() for index in range(3))
