"""Golden snapshots of the bundled demo specs' complete compiler output.

Regenerate with ``UPDATE_SNAPSHOTS=1`` (then review the diff by eye). Snapshots
are stored pretty-printed with sorted keys; the test checks parsed equality and
that output_json() is byte-identical to the snapshot's canonical re-serialisation.
"""
from __future__ import annotations

import json
import os

import pytest

from compiler import compile_openapi
from compiler.canonical import canonical_json

from tests.compiler.helpers import DEMO_NAMES, FIXTURES, demo_text

SNAPSHOTS = FIXTURES / "snapshots"


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_demo_output_matches_its_snapshot_byte_for_byte(name):
    output = compile_openapi(demo_text(name)).output_json()
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.write_text(json.dumps(json.loads(output), indent=2, sort_keys=True, ensure_ascii=False) + "\n",
                        encoding="utf-8")
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(output) == stored
    assert output == canonical_json(stored)


@pytest.mark.parametrize("name", DEMO_NAMES)
def test_demo_snapshot_is_a_successful_compilation(name):
    stored = json.loads((SNAPSHOTS / f"{name}.json").read_text(encoding="utf-8"))
    assert stored["errors"] == [] and stored["specs"] and len(stored["hash"]) == 64
