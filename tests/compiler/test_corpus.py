"""Real-world documents (../shared/corpus or $RAPIDUI_CORPUS_DIR, read in place): every one gets a clean result.

Each must compile or come back with structured errors whose codes are known
and whose pointers name a node of the document (or its parent, for a member
that is missing). Large files are left to ``bench/bench_corpus.py``.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from compiler import ERROR_CODES, compile_openapi
from compiler.parse import parse_document
from compiler.pointers import follow, split_pointer

CORPUS = Path(os.environ.get("RAPIDUI_CORPUS_DIR")
              or Path(__file__).resolve().parents[3] / "shared" / "corpus" / "specs")
MAX_BYTES = 500 * 1024
SPECS = sorted(path for path in CORPUS.glob("*") if path.stat().st_size <= MAX_BYTES) if CORPUS.is_dir() else []


def _resolves(document: dict, json_pointer: str) -> bool:
    segments = split_pointer(json_pointer)
    for candidate in (segments, segments[:-1]):
        try:
            follow(document, candidate)
            return True
        except KeyError:
            continue
    return False


@pytest.mark.skipif(not SPECS, reason="no corpus next to the project")
@pytest.mark.parametrize("path", SPECS, ids=[path.name for path in SPECS])
def test_real_world_document_compiles_or_reports_located_errors(path):
    text = path.read_bytes()

    result = compile_openapi(text)

    assert result.ok or result.errors
    assert {error.code for error in result.errors} <= set(ERROR_CODES)
    if result.errors and result.errors[0].code != "OAS_PARSE_ERROR":
        document = parse_document(text)
        unlocated = [error for error in result.errors if not _resolves(document, error.json_pointer)]
        assert unlocated == []
        assert all(error.line is not None for error in result.errors)
