"""Configuration: the nearest `[tool.extract-docs]`, validation, precedence and sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from extractor.app.config import Config, effective_config, find_config_file
from extractor.conventions import Conventions
from extractor.errors import ConfigError


def pyproject(folder: Path, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "pyproject.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_without_a_config_file_everything_is_default(tmp_path: Path) -> None:
    config, sources = effective_config({}, tmp_path)
    assert config.file is None
    assert config.root == tmp_path
    assert set(sources.values()) == {"default"}
    assert set(sources) == set(Config.model_fields)
    assert config.format == "markdown"
    assert config.conventions() == Conventions()


def test_the_nearest_pyproject_with_the_table_is_used(tmp_path: Path) -> None:
    top = pyproject(tmp_path, '[tool.extract-docs]\nformat = "json"\n')
    pyproject(tmp_path / "pkg", '[project]\nname = "x"\n')
    cwd = tmp_path / "pkg" / "deep"
    cwd.mkdir()
    assert find_config_file(cwd) == top
    config, sources = effective_config({}, cwd)
    assert config.file == top
    assert config.root == tmp_path
    assert config.format == "json"
    assert sources["format"] == f"pyproject.toml:{top}"
    assert sources["strict"] == "default"


def test_values_paths_and_sources(tmp_path: Path) -> None:
    path = pyproject(
        tmp_path,
        """
[tool.extract-docs]
paths = ["integrations"]
output = "docs/{slug}.md"
ignore = ["legacy_*"]
webhook_base_url = "https://hooks.example.com/"
template = "doc-templates"
sort = "name"
strict = true
annotations = "github"

[tool.extract-docs.overrides.stripe]
name = "Stripe Payments"
webhook_base_url = "https://stripe-hooks.example.com"
output = "{path}/README.md"
""",
    )
    cwd = tmp_path / "sub"
    cwd.mkdir()
    config, sources = effective_config({}, cwd)
    assert config.paths == [tmp_path / "integrations"]
    assert config.template == tmp_path / "doc-templates"
    assert config.webhook_base_url == "https://hooks.example.com"
    assert (config.output, config.sort, config.strict, config.annotations) == (
        "docs/{slug}.md",
        "name",
        True,
        "github",
    )
    assert config.ignore == ["legacy_*"]
    stripe = config.settings_for("stripe")
    assert (stripe.name, stripe.output) == ("Stripe Payments", "{path}/README.md")
    assert config.settings_for("amocrm").name is None
    label = f"pyproject.toml:{path}"
    assert {sources[key] for key in ("paths", "output", "overrides", "sort")} == {label}


def test_command_line_values_win_and_are_relative_to_the_current_folder(tmp_path: Path) -> None:
    pyproject(tmp_path, '[tool.extract-docs]\nformat = "json"\npaths = ["a"]\nstrict = true\n')
    cwd = tmp_path / "work"
    cwd.mkdir()
    config, sources = effective_config(
        {"format": "markdown", "paths": [Path("b")], "strict": None, "template": Path("t")}, cwd
    )
    assert config.format == "markdown"
    assert config.paths == [cwd / "b"]
    assert config.template == cwd / "t"
    assert config.strict is True
    assert (sources["format"], sources["paths"], sources["template"]) == ("cli", "cli", "cli")
    assert sources["strict"].startswith("pyproject.toml:")


def test_recognised_names_are_added_to_the_defaults(tmp_path: Path) -> None:
    pyproject(
        tmp_path,
        "[tool.extract-docs]\n"
        'handler_decorators = ["webhook", "handler"]\n'
        'integration-classes = ["App"]\n'
        'error_bases = ["PlatformError"]\n'
        'secret_name_suffixes = ["_PASS"]\n',
    )
    options = effective_config({}, tmp_path)[0].conventions()
    assert options.handler_decorators == ("handler", "webhook")
    assert options.integration_classes == ("Integration", "App")
    assert options.error_bases == ("IntegrationError", "PlatformError")
    assert options.secret_name_suffixes[-1] == "_PASS"
    assert options.event_decorators == Conventions().event_decorators


def test_unknown_keys_name_the_keys_the_file_and_the_line(tmp_path: Path) -> None:
    path = pyproject(tmp_path, '[tool.extract-docs]\nformat = "json"\nfromat = "x"\nstirct = 1\n')
    with pytest.raises(ConfigError) as info:
        effective_config({}, tmp_path)
    assert "fromat" in info.value.message
    assert "stirct" in info.value.message
    assert info.value.location == f"{path}:3"


def test_unknown_override_keys_are_refused(tmp_path: Path) -> None:
    path = pyproject(tmp_path, '[tool.extract-docs.overrides.stripe]\nnmae = "X"\n')
    with pytest.raises(ConfigError, match=r"overrides\.stripe\.nmae") as info:
        effective_config({}, tmp_path)
    assert info.value.location == f"{path}:2"


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('format = "xml"', "format"),
        ("strict = 3", "strict"),
        ('output = "../{slug}.md"', "relative"),
        ('output = "{name}.md"', "placeholder"),
        ('webhook_base_url = "hooks.example.com"', "http"),
        ('handler_decorators = ["not a name"]', "identifier"),
        ("paths = 5", "paths"),
    ],
)
def test_bad_values_are_config_errors(tmp_path: Path, body: str, words: str) -> None:
    pyproject(tmp_path, f"[tool.extract-docs]\n{body}\n")
    with pytest.raises(ConfigError, match=words):
        effective_config({}, tmp_path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('output = "../{slug}.md"', "output: output pattern '../{slug}.md' must be relative and without '..'"),
        ('webhook_base_url = "hooks.example.com"',
         "webhook_base_url: webhook base URL must start with http:// or https://, got 'hooks.example.com'"),
    ],
)
def test_the_table_and_an_override_check_a_value_alike(tmp_path: Path, body: str, message: str) -> None:
    for table, prefix in (("tool.extract-docs", ""), ("tool.extract-docs.overrides.stripe", "overrides.stripe.")):
        pyproject(tmp_path, f"[{table}]\n{body}\n")
        with pytest.raises(ConfigError) as info:
            effective_config({}, tmp_path)
        assert info.value.message.endswith(prefix + message)


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("", ("docs/{slug}.md", "https://hooks.example.com", "tpl", None, None)),
        ('output = "{path}/README.md"\nwebhook-base-url = "https://own.example.com/"\ntemplate = "own"\n'
         'name = "Stripe Payments"\nsidebar_order = 2',
         ("{path}/README.md", "https://own.example.com", "own", "Stripe Payments", 2)),
    ],
)
def test_an_integrations_settings_are_the_tables_with_its_override(
    tmp_path: Path, override: str, expected: tuple[object, ...]
) -> None:
    table = 'output = "docs/{slug}.md"\nwebhook_base_url = "https://hooks.example.com"\ntemplate = "tpl"\n'
    pyproject(tmp_path, f'[tool.extract-docs]\n{table}front_matter = true\nsort = "name"\n'
              f'[tool.extract-docs.overrides.stripe]\n{override}\n')
    settings = effective_config({}, tmp_path)[0].settings_for("stripe")
    template = settings.template.name if settings.template else None
    assert (settings.output, settings.webhook_base_url, template, settings.name, settings.sidebar_order) == expected
    assert (settings.front_matter, settings.sort) == (True, "name")


def test_bad_command_line_values_are_config_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="command line"):
        effective_config({"format": "xml"}, tmp_path)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    path = pyproject(tmp_path, "[tool.extract-docs\n")
    with pytest.raises(ConfigError, match="invalid TOML") as info:
        effective_config({}, tmp_path)
    assert info.value.location == str(path)


def test_an_explicit_config_file(tmp_path: Path) -> None:
    custom = tmp_path / "conf" / "extract-docs.toml"
    custom.parent.mkdir()
    custom.write_text('format = "json"\npaths = ["src"]\n', encoding="utf-8")
    pyproject(tmp_path, '[tool.extract-docs]\nformat = "markdown"\n')
    config, sources = effective_config({}, tmp_path, config_file=Path("conf/extract-docs.toml"))
    assert config.format == "json"
    assert config.paths == [custom.parent / "src"]
    assert config.root == custom.parent
    assert sources["format"] == f"extract-docs.toml:{custom}"


def test_an_explicit_config_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        effective_config({}, tmp_path, config_file=Path("missing.toml"))


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('links = [{ title = "Начало работы", url = "/guide/start" }, { title = "API", url = "https://a.example" }]',
         (("Начало работы", "/guide/start"), ("API", "https://a.example"))),
        ("", ()),
    ],
)
def test_site_wide_links_reach_every_integrations_settings(tmp_path: Path, body: str, expected: object) -> None:
    pyproject(tmp_path, f"[tool.extract-docs]\n{body}\n")
    assert effective_config({}, tmp_path)[0].settings_for("stripe").links == expected


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ('links = [{ title = "X", url = "javascript:alert(1)" }]', "link URL must start with"),
        ('links = [{ title = "", url = "/x" }]', "title"),
        ('links = [{ title = "X", url = "/x", extra = 1 }]', "extra"),
    ],
)
def test_bad_links_are_config_errors(tmp_path: Path, body: str, words: str) -> None:
    pyproject(tmp_path, f"[tool.extract-docs]\n{body}\n")
    with pytest.raises(ConfigError, match=words):
        effective_config({}, tmp_path)
