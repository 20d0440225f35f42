"""End to end, as a team uses it: the real CLI in subprocesses, in a temporary git repository.

Generate the documents of every sample, write hand-written text into every manual region,
change a model field, see `--check` fail with a diff naming the field, regenerate, see
`--check` pass, and find every hand-written word unchanged, byte for byte. Also: the output
is byte-stable (two runs, `--jobs 2`, from the cache), and CRLF checkouts are fresh.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from extractor import __version__
from extractor.discover import find_integrations
from tests.conftest import SAMPLES

REPO = Path(__file__).resolve().parent.parent
CONFIG = "sample_integrations/extract-docs.toml"
SLUGS = tuple(sorted(root.slug for root in find_integrations(SAMPLES)))
REGION_RE = re.compile(
    r"^<!-- extract-docs:begin manual:(?P<name>[a-z-]+) -->\n(?P<body>.*?)^<!-- extract-docs:end manual:(?P=name) -->$",
    re.S | re.M,
)
"""A manual region, written independently of extractor.write.regions."""


def doc_path(repo: Path, slug: str) -> Path:
    samples = repo / "sample_integrations"
    return samples / "telegram_notify.md" if slug == "telegram_notify" else samples / slug / "README.md"


def cli(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "CI": "true"}
    return subprocess.run([sys.executable, "-m", "extractor.cli", *args], cwd=repo, env=env,
                          capture_output=True, text=True, check=False)


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com"}
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository holding a copy of the samples without their generated documents."""
    shutil.copytree(SAMPLES, tmp_path / "sample_integrations",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", ".extract-docs-cache"))
    for slug in SLUGS:
        doc_path(tmp_path, slug).unlink()
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "samples")
    return tmp_path


def hand_written(slug: str, name: str) -> str:
    """Distinct text for one region: Markdown, an HTML comment, a code fence, a table, Unicode,
    trailing spaces, a marker look-alike inside a line."""
    return (
        f"### Заметка {slug}/{name}\n\n"
        f"<!-- написано вручную: {slug}/{name} -->\n"
        "| Симптом | Решение |\n|---|---|\n"
        f"| `401` от {slug} | Обновите ключ «{name}» — ✓ 🚀 |\n\n"
        f"```bash\n# {slug} {name}\nextract-docs --check\n```\n\n"
        f"Строка с пробелами в конце   \n"
        f"См. `<!-- extract-docs:end manual:{name} -->` в тексте — это не метка.\n"
    )


def fill_regions(text: str, slug: str) -> tuple[str, dict[str, str]]:
    written: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        written[name] = hand_written(slug, name)
        return match.group(0).replace(match.group("body"), written[name], 1)

    return REGION_RE.sub(replace, text), written


def regions(text: str) -> dict[str, str]:
    return {match.group("name"): match.group("body") for match in REGION_RE.finditer(text)}


def rename_field(repo: Path) -> None:
    """`capture_method` of CreatePaymentRequest becomes `capture_mode`, in the model and its use."""
    for name in ("models.py", "handlers.py"):
        path = repo / "sample_integrations" / "stripe_payments" / name
        text = path.read_text(encoding="utf-8")
        assert "capture_method" in text
        path.write_text(text.replace("capture_method", "capture_mode"), encoding="utf-8")


def test_hand_written_text_survives_a_model_change_and_check_catches_it(repo: Path) -> None:
    generated = cli(repo, "--config", CONFIG)
    assert generated.returncode == 0, generated.stderr
    for slug in SLUGS:
        assert doc_path(repo, slug).is_file(), slug
    assert cli(repo, "--config", CONFIG, "--check").returncode == 0

    written: dict[str, dict[str, str]] = {}
    for slug in SLUGS:
        path = doc_path(repo, slug)
        text, written[slug] = fill_regions(path.read_text(encoding="utf-8"), slug)
        assert set(written[slug]) == {"troubleshooting", "security", "limitations", "next-steps"}, slug
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "hand-written notes")
    hand_edited = {slug: doc_path(repo, slug).read_bytes() for slug in SLUGS}
    fresh = cli(repo, "--config", CONFIG, "--check")
    assert (fresh.returncode, fresh.stdout) == (0, ""), fresh.stdout + fresh.stderr

    rename_field(repo)
    stale = cli(repo, "--config", CONFIG, "--check")
    assert stale.returncode == 1
    readme = "sample_integrations/stripe_payments/README.md"
    assert f"--- a/{readme}\n+++ b/{readme}\n" in stale.stdout
    assert '-\tcapture_method?: "automatic" | "manual";\n+\tcapture_mode?: "automatic" | "manual";\n' in stale.stdout
    assert stale.stdout.count("--- a/") == 1
    summary = f"{len(SLUGS) - 1} up to date, 1 stale: {readme}; run `extract-docs --config {CONFIG}` to update"
    assert summary in stale.stderr
    assert {slug: doc_path(repo, slug).read_bytes() for slug in SLUGS} == hand_edited

    regenerated = cli(repo, "--config", CONFIG)
    assert regenerated.returncode == 0, regenerated.stderr
    assert f"wrote {readme}" in regenerated.stderr
    assert regenerated.stderr.count("unchanged ") == len(SLUGS) - 1
    assert cli(repo, "--config", CONFIG, "--check").returncode == 0

    for slug in SLUGS:
        assert regions(doc_path(repo, slug).read_text(encoding="utf-8")) == written[slug], slug
    changed = git(repo, "diff", "--name-only").split()
    assert sorted(changed) == sorted(["sample_integrations/stripe_payments/handlers.py",
                                      "sample_integrations/stripe_payments/models.py", readme])
    diff_lines = [line for line in git(repo, "diff", "-U0", "--", readme).splitlines()
                  if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
                  and "extract-docs:checksum" not in line]  # the changed part's checksum changes too
    assert diff_lines
    assert all("capture_m" in line for line in diff_lines), diff_lines


def test_a_crlf_checkout_is_fresh_and_keeps_the_hand_written_text(repo: Path) -> None:
    assert cli(repo, "--config", CONFIG).returncode == 0
    path = doc_path(repo, "amocrm")
    text, written = fill_regions(path.read_text(encoding="utf-8"), "amocrm")
    path.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    result = cli(repo, "--config", CONFIG, "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    regenerated = cli(repo, "--config", CONFIG)
    assert regenerated.returncode == 0
    assert "unchanged sample_integrations/amocrm/README.md" in regenerated.stderr
    assert path.read_bytes() == text.replace("\n", "\r\n").encode("utf-8"), "a CRLF checkout is left alone"
    models = repo / "sample_integrations" / "amocrm" / "models.py"
    models.write_text(models.read_text(encoding="utf-8").replace('"Имя контакта"', '"Имя и фамилия контакта"'),
                      encoding="utf-8")
    rewritten = cli(repo, "--config", CONFIG)
    assert rewritten.returncode == 0
    assert "wrote sample_integrations/amocrm/README.md" in rewritten.stderr
    assert "Имя и фамилия контакта" in path.read_text(encoding="utf-8")
    assert regions(path.read_text(encoding="utf-8")) == written
    assert b"\r" not in path.read_bytes()


def _outputs(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_output_is_byte_stable_across_runs_jobs_and_the_cache(tmp_path: Path) -> None:
    samples = str(SAMPLES)
    runs = {
        "first": ("--no-cache",),
        "second": ("--no-cache",),
        "jobs": ("--no-cache", "--jobs", "2"),
        "fill-cache": (),
        "from-cache": (),
    }
    for name, extra in runs.items():
        result = cli(tmp_path, samples, "-o", f"{name}/", *extra)
        assert result.returncode == 0, result.stderr
    first = _outputs(tmp_path / "first")
    assert sorted(first) == sorted(f"{slug}.md" for slug in SLUGS)
    for name in runs:
        assert _outputs(tmp_path / name) == first, name
    for data in first.values():
        assert b"\r" not in data
        assert data.endswith(b"\n") and not data.endswith(b"\n\n")
        assert f"extract-docs {__version__}".encode() not in data
        assert date.today().isoformat().encode() not in data, "no timestamp"
    one = cli(tmp_path, samples, "--format", "json", "--no-cache").stdout
    two = cli(tmp_path, samples, "--format", "json", "--jobs", "2").stdout
    assert one == two and one.endswith("\n")


def test_custom_templates_from_the_config_and_the_command_line(repo: Path) -> None:
    assert cli(repo, "--config", CONFIG).returncode == 0
    stripe = doc_path(repo, "stripe_payments")
    text, written = fill_regions(stripe.read_text(encoding="utf-8"), "stripe_payments")
    stripe.write_text(text, encoding="utf-8")

    partial = repo / "sample_integrations" / "doc-templates" / "sections" / "limitations.md.j2"
    partial.parent.mkdir(parents=True)
    partial.write_text(
        "## Ограничения\n\nЛимиты API «{{ doc.name }}» — в базе знаний команды.\n\n"
        '{{ region_begin("limitations") }}\nПока не описаны.\n{{ region_end("limitations") }}\n',
        encoding="utf-8",
    )
    config = repo / CONFIG
    config.write_text(config.read_text(encoding="utf-8").replace(
        'output = "{path}/README.md"\n', 'output = "{path}/README.md"\ntemplate = "doc-templates"\n'), encoding="utf-8")
    stale = cli(repo, "--config", CONFIG, "--check")
    assert stale.returncode == 1
    assert "+Лимиты API «Stripe Payments» — в базе знаний команды.\n" in stale.stdout
    assert stale.stdout.count("--- a/") == len(SLUGS), "the partial changes every document"
    assert cli(repo, "--config", CONFIG).returncode == 0
    assert regions(stripe.read_text(encoding="utf-8")) == written
    assert "Лимиты API «Stripe Payments»" in stripe.read_text(encoding="utf-8")

    whole = repo / "bare" / "integration.md.j2"
    whole.parent.mkdir()
    whole.write_text("# {{ doc.name }}\n\nТолько заголовок.\n", encoding="utf-8")
    before = stripe.read_bytes()
    refused = cli(repo, "--config", CONFIG, "--template", "bare")
    assert refused.returncode == 2
    assert re.search(r"sample_integrations/stripe_payments/README\.md:\d+: error: unknown region 'troubleshooting'",
                     refused.stderr), refused.stderr
    assert stripe.read_bytes() == before, "hand-written text is never dropped silently"
