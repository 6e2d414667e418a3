"""Compile every real-world spec in ../shared/corpus/specs and print time and outcome.

Run from the repository root: ``.venv/bin/python bench/bench_corpus.py [--max-bytes N]``.
Each line: file, size, compile time, then the resources compiled or the error
codes found (with counts). The corpus is read in place, never copied.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from compiler import compile_openapi  # noqa: E402

CORPUS = Path(os.environ.get("RAPIDUI_CORPUS_DIR") or ROOT.parent / "shared" / "corpus" / "specs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="skip larger files")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        raise SystemExit(f"no corpus at {CORPUS}")
    total, compiled = 0.0, 0
    files = sorted(path for path in CORPUS.iterdir() if path.stat().st_size <= args.max_bytes)
    for path in files:
        text = path.read_bytes()
        started = time.perf_counter()
        result = compile_openapi(text, max_bytes=50 * 1024 * 1024)
        elapsed = time.perf_counter() - started
        total += elapsed
        if result.ok:
            compiled += 1
            outcome = f"ok: {len(result.resource_slugs)} resources"
        else:
            codes = Counter(error.code for error in result.errors)
            outcome = ", ".join(f"{code}×{count}" for code, count in codes.most_common(4))
        print(f"{path.name:<44}{len(text) / 1024:>9.0f} KB{elapsed * 1000:>10.0f} ms  {outcome}")
    print(f"{len(files)} specs, {compiled} compiled, {len(files) - compiled} refused with errors, "
          f"total {total:.1f} s")


if __name__ == "__main__":
    main()
