"""Discovery: which folders and modules are integrations, their files, slugs and changelogs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from extractor.conventions import Conventions
from extractor.discover import IntegrationRoot, find_integrations
from extractor.discover.detect import Detector, Evidence
from extractor.errors import InputError
from tests.conftest import SAMPLES

DEFINES = "from sdk import Integration\n\nintegration = Integration(name='X')\n"
USES = (
    "from .integration import integration\n\n"
    "@integration.handler('do')\nasync def do(request, ctx):\n    ...\n"
)
PLAIN = "VALUE = 1\n"


def make(root: Path, files: dict[str, str]) -> Path:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def slugs(roots: list[IntegrationRoot]) -> list[str]:
    return [root.slug for root in roots]


def names(root: IntegrationRoot) -> list[str]:
    return [path.relative_to(root.path).as_posix() for path in root.files]


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (DEFINES, Evidence.DEFINES),
        ("import sdk\nintegration = sdk.Integration(\n    name='x')\n", Evidence.DEFINES),
        ("from sdk import Integration\nclass Mine(Integration):\n    pass\n", Evidence.DEFINES),
        ("class Mine(\n    base.Integration,\n):\n    pass\n", Evidence.DEFINES),
        (USES, Evidence.USES),
        ("from sdk import handler\n@handler('x')\ndef f(): ...\n", Evidence.USES),
        ("@sdk.event('deal.created')\nasync def f(p): ...\n", Evidence.USES),
        ("class Integration:\n    def __init__(self): ...\n", Evidence.NONE),
        ("class Integration(Base):\n    def handler(self, name): ...\n", Evidence.NONE),
        ("def handler(name):\n    return self.handler(name)\n", Evidence.NONE),
        ("# integration = Integration(name='x')\n#@integration.handler('x')\n", Evidence.NONE),
        ("x = MyIntegration()\n@app.get('/')\ndef f(): ...\n", Evidence.NONE),
        ('"""Decorated with the bare `@handler(...)`."""\n', Evidence.NONE),
    ],
)
def test_evidence_is_read_from_the_text(source: str, expected: Evidence) -> None:
    assert Detector().classify_text(source) is expected


def test_extra_names_from_the_options_are_recognised() -> None:
    options = Conventions(integration_classes=("Integration", "App"), handler_decorators=("hook",))
    detector = Detector(options)
    assert detector.classify_text("app = App()\n") is Evidence.DEFINES
    assert detector.classify_text("@app.hook('x')\ndef f(): ...\n") is Evidence.USES
    assert Detector().classify_text("@app.hook('x')\ndef f(): ...\n") is Evidence.NONE


def test_the_samples_folder_is_a_folder_of_integrations() -> None:
    roots = find_integrations([SAMPLES])
    found = slugs(roots)
    assert found == sorted(found)
    assert {"amocrm", "stripe_payments", "telegram_notify", "yookassa_refunds"} <= set(found)
    assert "platform_sdk" not in found
    by_slug = {root.slug: root for root in roots}
    assert by_slug["telegram_notify"].is_module
    assert by_slug["telegram_notify"].files == (SAMPLES / "telegram_notify.py",)
    assert by_slug["amocrm"].changelog == SAMPLES / "amocrm" / "CHANGELOG.md"
    assert by_slug["stripe_payments"].changelog is None
    assert "handlers.py" in names(by_slug["amocrm"])


def test_an_sdk_that_only_defines_the_names_is_not_an_integration() -> None:
    with pytest.raises(InputError, match="no integration found") as info:
        find_integrations([SAMPLES / "platform_sdk"])
    assert info.value.location == str(SAMPLES / "platform_sdk")


def test_a_package_is_one_integration_with_all_its_files_sorted(tmp_path: Path) -> None:
    make(
        tmp_path / "stripe",
        {
            "__init__.py": PLAIN,
            "integration.py": DEFINES,
            "handlers.py": USES,
            "api/__init__.py": "",
            "api/client.py": PLAIN,
            "CHANGELOG.md": "## [1.0.0]\n",
        },
    )
    (root,) = find_integrations([tmp_path / "stripe"])
    assert root.slug == "stripe"
    assert root.path == tmp_path / "stripe"
    assert names(root) == [
        "__init__.py",
        "api/__init__.py",
        "api/client.py",
        "handlers.py",
        "integration.py",
    ]
    assert root.changelog == tmp_path / "stripe" / "CHANGELOG.md"
    assert not root.is_module


def test_a_single_module_is_an_integration_named_by_its_stem(tmp_path: Path) -> None:
    make(tmp_path, {"telegram.py": DEFINES})
    (root,) = find_integrations(tmp_path / "telegram.py")
    assert (root.slug, root.is_module, root.files) == ("telegram", True, (tmp_path / "telegram.py",))


def test_a_module_without_integration_code_is_refused(tmp_path: Path) -> None:
    make(tmp_path, {"util.py": PLAIN, "notes.txt": "x"})
    with pytest.raises(InputError, match="no integration found"):
        find_integrations([tmp_path / "util.py"])
    with pytest.raises(InputError, match="not a Python file"):
        find_integrations([tmp_path / "notes.txt"])


def test_a_missing_path_is_an_input_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file") as info:
        find_integrations([tmp_path / "nope"])
    assert info.value.location == str(tmp_path / "nope")


def test_a_folder_of_integrations_documents_each(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "amo/__init__.py": DEFINES,
            "stripe/__init__.py": PLAIN,
            "stripe/handlers.py": USES,
            "telegram.py": DEFINES,
            "helpers.py": PLAIN,
            "sdk/__init__.py": "class Integration:\n    pass\n",
            "nested/deeper/yoo/__init__.py": DEFINES,
        },
    )
    assert slugs(find_integrations([tmp_path])) == ["amo", "stripe", "telegram", "yoo"]


def test_a_folder_without_init_whose_modules_use_one_integration_is_one(tmp_path: Path) -> None:
    make(tmp_path / "crm", {"integration.py": DEFINES, "handlers.py": USES, "models.py": PLAIN})
    (root,) = find_integrations([tmp_path / "crm"])
    assert root.slug == "crm"
    assert names(root) == ["handlers.py", "integration.py", "models.py"]


def test_a_package_of_integration_packages_is_a_folder_of_integrations(tmp_path: Path) -> None:
    make(tmp_path / "integrations", {"__init__.py": "", "a/__init__.py": DEFINES, "b/__init__.py": DEFINES})
    assert slugs(find_integrations([tmp_path / "integrations"])) == ["a", "b"]


def test_skipped_folders_and_files(tmp_path: Path) -> None:
    make(
        tmp_path / "pkg",
        {
            "__init__.py": DEFINES,
            "setup.py": PLAIN,
            "conftest.py": PLAIN,
            "test_pkg.py": PLAIN,
            "pkg_test.py": PLAIN,
            "tests/test_x.py": PLAIN,
            "__pycache__/x.py": PLAIN,
            ".hidden/x.py": PLAIN,
            "node_modules/x.py": PLAIN,
            "venv/lib/x.py": PLAIN,
            "env2/pyvenv.cfg": "",
            "env2/x.py": PLAIN,
            "kept.py": PLAIN,
        },
    )
    (root,) = find_integrations([tmp_path / "pkg"])
    assert names(root) == ["__init__.py", "kept.py"]


def test_skipped_folders_hold_no_integrations(tmp_path: Path) -> None:
    make(tmp_path, {"tests/fake/__init__.py": DEFINES, ".venv/x/__init__.py": DEFINES})
    with pytest.raises(InputError, match="no integration found"):
        find_integrations([tmp_path])


def test_ignore_globs_match_names_and_relative_paths(tmp_path: Path) -> None:
    make(
        tmp_path,
        {
            "amo/__init__.py": DEFINES,
            "amo/generated/__init__.py": "",
            "amo/generated/big.py": PLAIN,
            "legacy_crm/__init__.py": DEFINES,
            "stripe/__init__.py": DEFINES,
            "stripe/vendor.py": PLAIN,
        },
    )
    roots = find_integrations([tmp_path], ignore=["legacy_*", "stripe/vendor.py", "*/generated/"])
    assert slugs(roots) == ["amo", "stripe"]
    by_slug = {root.slug: root for root in roots}
    assert names(by_slug["amo"]) == ["__init__.py"]
    assert names(by_slug["stripe"]) == ["__init__.py"]


def test_symlinks_leading_out_of_the_tree_are_not_followed(tmp_path: Path) -> None:
    outside = make(tmp_path / "outside", {"secret.py": PLAIN, "other/__init__.py": DEFINES})
    tree = make(tmp_path / "tree", {"pkg/__init__.py": DEFINES})
    (tree / "pkg" / "secret.py").symlink_to(outside / "secret.py")
    (tree / "other").symlink_to(outside / "other")
    roots = find_integrations([tree])
    assert slugs(roots) == ["pkg"]
    assert names(roots[0]) == ["__init__.py"]


def test_symlinks_inside_the_tree_are_followed_once(tmp_path: Path) -> None:
    tree = make(tmp_path / "tree", {"pkg/__init__.py": DEFINES, "pkg/models.py": PLAIN})
    (tree / "pkg" / "alias.py").symlink_to(tree / "pkg" / "models.py")
    (root,) = find_integrations([tree / "pkg"])
    assert names(root) == ["__init__.py", "alias.py"]


def test_symlink_loops_end(tmp_path: Path) -> None:
    tree = make(tmp_path / "tree", {"pkg/__init__.py": DEFINES, "pkg/sub/x.py": PLAIN})
    (tree / "pkg" / "sub" / "loop").symlink_to(tree / "pkg")
    (tree / "again").symlink_to(tree)
    (tree / "pkg" / "broken").symlink_to(tmp_path / "nowhere")
    roots = find_integrations([tree])
    assert slugs(roots) == ["pkg"]
    assert names(roots[0]) == ["__init__.py", "sub/x.py"]


def test_duplicate_slugs_are_an_error(tmp_path: Path) -> None:
    make(tmp_path, {"a/stripe/__init__.py": DEFINES, "b/stripe.py": DEFINES})
    with pytest.raises(InputError, match="two integrations have the slug 'stripe'"):
        find_integrations([tmp_path / "a", tmp_path / "b"])


def test_the_same_integration_given_twice_is_documented_once(tmp_path: Path) -> None:
    make(tmp_path, {"amo/__init__.py": DEFINES, "zed.py": DEFINES})
    roots = find_integrations([tmp_path / "zed.py", tmp_path / "amo", tmp_path])
    assert slugs(roots) == ["amo", "zed"]


def test_results_from_several_paths_are_sorted_by_slug(tmp_path: Path) -> None:
    make(tmp_path, {"x/zeta.py": DEFINES, "y/alpha/__init__.py": DEFINES})
    assert slugs(find_integrations([tmp_path / "x", tmp_path / "y"])) == ["alpha", "zeta"]


def test_detection_is_by_text_so_a_call_in_a_docstring_counts(tmp_path: Path) -> None:
    make(tmp_path / "docs", {"example.py": textwrap.dedent('''\
        """Usage:

            integration = Integration(name="x")
        """
        ''')})
    # Text detection is cheap, not exact: a call written in a docstring counts.
    (root,) = find_integrations([tmp_path / "docs"])
    assert root.slug == "example"


@pytest.mark.parametrize(("files", "slug"), [
    ({"__init__.py": PLAIN, "main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n"}, "shop"),
    ({"main.py": "import flask\n\napp = flask.Flask(__name__)\n"}, "main"),  # a module integration
])
def test_a_folder_whose_only_evidence_is_a_framework_app_is_discovered(
    tmp_path: Path, files: dict[str, str], slug: str
) -> None:
    make(tmp_path / "shop", files)
    (root,) = find_integrations([tmp_path / "shop"])
    assert root.slug == slug


def test_no_integration_found_names_everything_discovery_recognises(tmp_path: Path) -> None:
    make(tmp_path, {"plain.py": PLAIN})
    with pytest.raises(InputError, match="no integration found") as info:
        find_integrations([tmp_path])
    for recognised in ("Integration(", "@….handler", "@….event", "FastAPI(", "Flask(", "APIRouter(", "Blueprint("):
        assert recognised in str(info.value), recognised
