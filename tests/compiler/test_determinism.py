"""Same document → same hash and byte-identical output, whatever its form, key order or hash seed."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
import yaml

from compiler import compile_openapi
from compiler.parse import parse_document

from tests.compiler.helpers import DEMO_NAMES, FIXTURES, REPO, demo_text


def shuffled(value, rng):
    """A deep copy with every mapping's keys in a random order (lists keep theirs: order is meaning)."""
    if isinstance(value, dict):
        keys = list(value)
        rng.shuffle(keys)
        return {key: shuffled(value[key], rng) for key in keys}
    if isinstance(value, list):
        return [shuffled(item, rng) for item in value]
    return value


SOURCES = [*(("demo", name) for name in DEMO_NAMES),
           *(("valid", path.stem) for path in sorted((FIXTURES / "valid").glob("*.yaml")))]


def source_text(kind, name):
    return demo_text(name) if kind == "demo" else (FIXTURES / "valid" / f"{name}.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("kind", "name"), SOURCES)
def test_yaml_json_and_shuffled_forms_give_one_hash_and_identical_output(kind, name):
    text = source_text(kind, name)
    reference = compile_openapi(text)
    assert reference.ok
    parsed = parse_document(text)
    forms = [json.dumps(parsed), json.dumps(parsed, indent=4, ensure_ascii=False)]
    for seed in (1, 2, 3):
        mixed = shuffled(parsed, random.Random(seed))
        assert list(mixed) != list(parsed) or seed > 1
        forms.append(json.dumps(mixed))
        forms.append(yaml.safe_dump(mixed, sort_keys=False, allow_unicode=True))
    for form in forms:
        result = compile_openapi(form)
        assert result.canonical_hash == reference.canonical_hash
        assert result.output_json() == reference.output_json()


def test_error_output_is_identical_for_shuffled_forms():
    text = (FIXTURES / "errors" / "MANY.yaml").read_text(encoding="utf-8")
    reference = [(e.code, e.json_pointer) for e in compile_openapi(text).errors]
    mixed = shuffled(yaml.safe_load(text), random.Random(7))
    assert [(e.code, e.json_pointer) for e in compile_openapi(json.dumps(mixed)).errors] == reference


def test_different_documents_hash_differently():
    assert compile_openapi(demo_text("tasks-v1")).canonical_hash != compile_openapi(demo_text("tasks-v2")).canonical_hash


PROBE = """
import hashlib, sys
from compiler import compile_openapi
for path in sys.argv[1:]:
    print(hashlib.sha256(compile_openapi(open(path, encoding="utf-8").read()).output_json().encode()).hexdigest())
"""


def test_output_is_identical_across_processes_with_different_hash_seeds():
    paths = [str(REPO / "mockapi" / "demos" / "specs" / f"{name}.yaml") for name in DEMO_NAMES]
    paths += [str(p) for p in sorted((FIXTURES / "valid").glob("*.yaml"))]
    paths += [str(FIXTURES / "errors" / "MANY.yaml")]
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        completed = subprocess.run([sys.executable, "-c", PROBE, *paths], cwd=REPO, env=env, capture_output=True,
                                   text=True, timeout=300)
        assert completed.returncode == 0, completed.stderr
        outputs.append(completed.stdout.split())
    assert len(outputs[0]) == len(paths)
    assert outputs[0] == outputs[1]
