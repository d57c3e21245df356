"""Domain modules stay free of Kafka and Faust, so they are tested directly on text and shared by
the worker and `analyze`."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[1]

# The domain: pure packages, and the few pure modules that live beside Kafka-facing code.
DOMAIN_PACKAGES = ["ingest", "extract", "evaluate", "dedup", "fold", "state"]
DOMAIN_MODULES = ["streams.pipeline", "streams.replay.schedule", "streams.tools.synth", "streams.worker.records",
                  "streams.analyze"]


@pytest.mark.parametrize("name", [f"streams.{p}" for p in DOMAIN_PACKAGES] + DOMAIN_MODULES)
def test_domain_code_imports_no_kafka_or_faust(name):
    """Every module of a domain package (or the module) loads without aiokafka, Faust or librdkafka."""
    code = (f"import importlib, pkgutil, sys\nroot = importlib.import_module({name!r})\n"
            "for info in pkgutil.walk_packages(getattr(root, '__path__', []), root.__name__ + '.'):\n"
            "    importlib.import_module(info.name)\n"
            "print(sorted(m for m in ('aiokafka', 'faust', 'confluent_kafka') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_every_setting_is_documented_in_the_readme():
    """docs/configuration.md is where users look for a setting's variable."""
    readme = (Path(__file__).parents[1] / "docs" / "configuration.md").read_text()
    documented = set(re.findall(r"`LIVEBLOG_([A-Z0-9_]+?)(\*)?`", readme))
    names = {name for name, star in documented if not star}
    prefixes = [name for name, star in documented if star]
    missing = [field for field in Settings.model_fields
               if field.upper() not in names and not any(field.upper().startswith(p) for p in prefixes)]
    assert missing == []


def test_the_readme_is_a_first_page_and_the_rest_is_in_docs():
    root = Path(__file__).parents[1]
    readme = (root / "README.md").read_text()
    assert len(readme.splitlines()) < 250
    for link in re.findall(r"\]\(((?:docs|deploy|data)/[^)#]+)\)", readme):
        assert (root / link).exists(), f"README links to a missing {link}"


def test_no_function_in_streams_is_longer_than_sixty_lines():
    """A function a reader cannot hold in view is split into named steps."""
    import ast

    long = []
    for path in sorted((ROOT / "streams").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.end_lineno - node.lineno >= 60:
                long.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.name} ({node.end_lineno - node.lineno + 1} lines)")
    assert long == []
