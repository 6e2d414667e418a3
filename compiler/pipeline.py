"""The compiler's passes, in order, and the one entry point ``compile_openapi``."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable

from compiler.canonical import canonical_hash, canonical_json
from compiler.errors import CompileError, CompileFailed, fail_if_any
from compiler.ir import build_api_ir
from compiler.lower import lower_uispecs
from compiler.model import ApiIR, UISpec
from compiler.parse import DEFAULT_MAX_BYTES, parse_document
from compiler.plan import ResourcePlan, plan_ui
from compiler.pointers import lines_of_pointers
from compiler.resolve import check_refs, resolve_refs
from compiler.validate_structure import check_version, validate_structure
from compiler.validate_subset import validate_subset


@dataclass
class Work:
    """What the passes have produced so far; each pass reads earlier fields and sets its own."""

    text: str | bytes
    max_bytes: int = DEFAULT_MAX_BYTES
    document: dict[str, Any] = field(default_factory=dict)
    validator_class: type | None = None
    resolved: dict[str, Any] = field(default_factory=dict)
    digest: str = ""
    api_ir: ApiIR | None = None
    plans: list[ResourcePlan] = field(default_factory=list)
    specs: dict[str, UISpec] = field(default_factory=dict)


def _parse(work: Work) -> None:
    work.document = parse_document(work.text, max_bytes=work.max_bytes)


def _check_version(work: Work) -> None:
    work.validator_class = check_version(work.document)


def _check_refs(work: Work) -> None:
    check_refs(work.document)


def _validate(work: Work) -> None:
    fail_if_any([*validate_structure(work.document, work.validator_class), *validate_subset(work.document)])


def _resolve(work: Work) -> None:
    work.resolved = resolve_refs(work.document)


def _hash(work: Work) -> None:
    work.digest = canonical_hash(work.document)


def _build_ir(work: Work) -> None:
    work.api_ir = build_api_ir(work.resolved)


def _plan(work: Work) -> None:
    work.plans = plan_ui(work.api_ir)


def _lower(work: Work) -> None:
    work.specs = lower_uispecs(work.plans)


#: The passes in the order ``compile_openapi`` runs them; each raises ``CompileFailed`` with all it found.
PASSES: tuple[tuple[str, Callable[[Work], None]], ...] = (
    ("parse_document", _parse),          # safe YAML/JSON, bounded size, depth and aliases
    ("check_version", _check_version),   # OpenAPI 3.0.x or 3.1.x
    ("check_refs", _check_refs),         # every $ref local, resolvable, acyclic; nothing fetched
    ("validate", _validate),             # openapi-spec-validator plus the supported subset, together
    ("resolve_refs", _resolve),          # inline local $refs
    ("canonical_hash", _hash),           # SHA-256 of the canonical JSON form
    ("build_api_ir", _build_ir),         # resources and their operations
    ("plan_ui", _plan),                  # labels, field order, columns, filters
    ("lower_uispecs", _lower),           # one UISpec per resource, schema-checked
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
    work = Work(text=text, max_bytes=max_bytes)
    try:
        for _, run in PASSES:
            run(work)
    except CompileFailed as failure:
        return CompileResult(ok=False, errors=_with_lines(failure.errors, text))
    except RecursionError:
        # Bounded nesting and acyclic refs make this rare: a chain of $refs hundreds long.
        too_deep = CompileError("", "OAS_TOO_COMPLEX", "The document's $ref chains are too long to resolve.")
        return CompileResult(ok=False, errors=[too_deep])
    return CompileResult(ok=True, name=work.api_ir["api"]["title"] or "Untitled API", canonical_hash=work.digest,
                         api_ir=_plain(work.api_ir), specs=_plain(work.specs))


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
