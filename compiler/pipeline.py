"""The compiler's passes, in order, and the one entry point ``compile_openapi``."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from compiler.canonical import canonical_hash, canonical_json
from compiler.errors import CompileError, CompileFailed, fail_if_any
from compiler.ir import build_api_ir
from compiler.lower import lower_uispecs
from compiler.model import ApiIR, UISpec
from compiler.parse import DEFAULT_MAX_BYTES, parse_document
from compiler.plan import plan_ui
from compiler.pointers import lines_of_pointers
from compiler.resolve import check_refs, resolve_refs
from compiler.validate_structure import check_version, validate_structure
from compiler.validate_subset import validate_subset

#: The passes after parsing, as (name, what it does), in the order ``compile_openapi`` runs them.
PASSES = (
    ("check_version", "OpenAPI 3.0.x or 3.1.x"),
    ("check_refs", "every $ref is local, resolvable and acyclic; nothing is fetched"),
    ("validate", "openapi-spec-validator plus the supported subset, all errors together"),
    ("resolve_refs", "inline local $refs"),
    ("canonical_hash", "SHA-256 of the canonical JSON form"),
    ("build_api_ir", "resources and their operations"),
    ("plan_ui", "labels, field order, columns, filters"),
    ("lower_uispecs", "one UISpec per resource, schema-checked"),
)


@dataclass(frozen=True)
class CompileResult:
    ok: bool
    errors: list[CompileError] = field(default_factory=list)
    name: str = ""
    canonical_hash: str = ""
    api_ir: ApiIR | None = None
    specs: dict[str, UISpec] = field(default_factory=dict)

    @property
    def resource_names(self) -> list[str]:
        return [resource["name"] for resource in self.api_ir["resources"]] if self.api_ir else []

    @property
    def resource_slugs(self) -> list[str]:
        return [resource["key"] for resource in self.api_ir["resources"]] if self.api_ir else []

    def errors_json(self) -> list[dict[str, object]]:
        return [error.to_json() for error in self.errors]

    def output_json(self) -> str:
        """Everything the compiler produced, as canonical JSON: byte-identical for equal documents."""
        return canonical_json({"hash": self.canonical_hash, "apiIr": self.api_ir, "specs": self.specs,
                               "errors": self.errors_json()})


def compile_openapi(text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> CompileResult:
    """Compile an OpenAPI 3.0/3.1 document (YAML or JSON text) into UISpecs, or report every error."""
    try:
        document = parse_document(text, max_bytes=max_bytes)
        validator_class = check_version(document)
        check_refs(document)
        fail_if_any([*validate_structure(document, validator_class), *validate_subset(document)])
        resolved = resolve_refs(document)
        digest = canonical_hash(document)
        api_ir = build_api_ir(resolved)
        specs = lower_uispecs(plan_ui(api_ir))
    except CompileFailed as failure:
        return CompileResult(ok=False, errors=_with_lines(failure.errors, text))
    except RecursionError:
        # Bounded nesting and acyclic refs make this rare: a chain of $refs hundreds long.
        too_deep = CompileError("", "OAS_TOO_COMPLEX", "The document's $ref chains are too long to resolve.")
        return CompileResult(ok=False, errors=[too_deep])
    return CompileResult(ok=True, name=api_ir["api"]["title"] or "Untitled API", canonical_hash=digest,
                         api_ir=_plain(api_ir), specs=_plain(specs))


def _plain(value: Any) -> Any:
    """A deep copy with no shared subtrees, so callers may mutate and serialize freely."""
    return json.loads(canonical_json(value))


def _with_lines(errors: list[CompileError], text: str | bytes) -> list[CompileError]:
    """Attach the source line of each error's node, when the text can be read for it."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            return errors
    if len(text) > DEFAULT_MAX_BYTES:
        return errors
    wanted = [error.json_pointer for error in errors if error.line is None and error.code != "OAS_PARSE_ERROR"]
    if not wanted:
        return errors
    lines = lines_of_pointers(text, wanted)
    return [error.at_line(lines[error.json_pointer]) if error.json_pointer in lines and error.line is None
            else error for error in errors]
