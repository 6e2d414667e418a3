"""RapidUI's compiler: OpenAPI 3.0/3.1 text → ApiIR → one UISpec per resource.

Pure Python: no Django, no I/O beyond the text given, no network. See
``compiler.pipeline`` for the passes in order and ``compiler.errors`` for the
table of error codes.
"""
from __future__ import annotations

from compiler.diff import SpecDiff, diff_compilations
from compiler.errors import ERROR_CODES, CompileError
from compiler.model import ApiIR, UISpec
from compiler.pipeline import CompileResult, compile_openapi
from compiler.pointers import line_of_pointer

__all__ = [
    "ApiIR",
    "CompileError",
    "CompileResult",
    "ERROR_CODES",
    "SpecDiff",
    "UISpec",
    "compile_openapi",
    "diff_compilations",
    "line_of_pointer",
]
