"""Cheap guards on the stylesheets: a lost brace silently breaks every rule after it,
and a vendored file that drifts from what its README notes is no longer the release."""

import hashlib
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

STATIC = Path(__file__).resolve().parent.parent / "static"
CSS = sorted((STATIC / "css").glob("*.css"))
BOOTSTRAP = STATIC / "vendor" / "bootstrap"


@pytest.mark.parametrize("path", CSS, ids=lambda path: path.name)
def test_braces_are_balanced(path):
    depth = 0
    for number, line in enumerate(path.read_text().splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"{path.name}:{number} closes a block that was never opened"
    assert depth == 0, f"{path.name} leaves {depth} block(s) open"


def test_vendored_bootstrap_is_the_release_its_readme_names():
    readme = (BOOTSTRAP / "README.md").read_text()
    version = re.search(r"^# Bootstrap (\d+\.\d+\.\d+)", readme, re.MULTILINE).group(1)
    css = (BOOTSTRAP / "css" / "bootstrap.min.css").read_bytes()
    assert f"Bootstrap  v{version} ".encode() in css[:200]
    for name, checksum in re.findall(r"^\| `([^`]+)` \| `([0-9a-f]{64})` \|$", readme, re.M):
        assert hashlib.sha256((BOOTSTRAP / name).read_bytes()).hexdigest() == checksum, name
    assert (BOOTSTRAP / "LICENSE").read_text().startswith("The MIT License")


def test_every_static_file_a_template_names_is_found():
    templates = Path(__file__).resolve().parent.parent / "templates"
    named = {
        name
        for template in templates.rglob("*.html")
        for name in re.findall(r"""\{% static ['"]([^'"]+)['"] %\}""", template.read_text())
    }
    assert "vendor/bootstrap/css/bootstrap.min.css" in named
    assert [name for name in sorted(named) if finders.find(name) is None] == []
