"""Recognising the bundled demo specs among compiled documents.

A compilation is a demo when its canonical hash equals that of a bundled demo
spec; its mock data then lives under the demo's data source (shared by every
version of one series) instead of under the compilation id.
"""
from __future__ import annotations

from functools import lru_cache

from compiler import compile_openapi
from mockapi.demos.catalog import DEMO_SPECS


@lru_cache(maxsize=1)
def _data_source_by_hash() -> dict[str, str]:
    sources = {}
    for demo in DEMO_SPECS:
        result = compile_openapi(demo.text())
        if not result.ok:
            raise RuntimeError(f"bundled demo spec {demo.name} does not compile: {result.errors_json()}")
        sources[result.canonical_hash] = demo.data_source
    return sources


def demo_data_source(canonical_hash: str | None) -> str | None:
    """The data source of the bundled demo with this hash, or None for a custom spec."""
    return _data_source_by_hash().get(canonical_hash or "")
