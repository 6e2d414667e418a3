"""Compile errors: one frozen value type and the table of every error code.

A pass that finds problems raises ``CompileFailed`` carrying *all* the errors
it found, sorted by pointer then code, so users can fix a spec in one batch.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable

# Stages, in pipeline order.
PARSE = "parse"
VALIDATE = "validate"
RESOLVE = "resolve"
IR = "ir"
UIPLAN = "uiplan"
UISPEC = "uispec"

#: code -> (stage, what it means). The one documented table of error codes.
ERROR_CODES: dict[str, tuple[str, str]] = {
    "OAS_PARSE_ERROR": (PARSE, "Not readable YAML/JSON, too large, too deep, alias-expanding, or not a mapping."),
    "OAS_UNSUPPORTED_VERSION": (VALIDATE, "The `openapi` field is not 3.0.x or 3.1.x (Swagger 2.0 included)."),
    "OAS_INVALID_DOCUMENT": (VALIDATE, "The document breaks the OpenAPI schema (openapi-spec-validator)."),
    "OAS_NO_OPERATIONS": (VALIDATE, "The document has no operations to build screens from."),
    "OAS_UNSUPPORTED_OPERATION": (VALIDATE, "A method or path shape outside list/detail/create/update/delete."),
    "OAS_MULTIPLE_PATH_PARAMS": (VALIDATE, "A path with more than one path parameter."),
    "OAS_MISSING_REQUEST_BODY": (VALIDATE, "POST/PUT/PATCH without an application/json request body."),
    "OAS_MISSING_SUCCESS_RESPONSE": (VALIDATE, "No 200/201 JSON success response."),
    "OAS_MULTIPLE_SUCCESS_RESPONSES": (VALIDATE, "More than one 2xx success response."),
    "OAS_UNSUPPORTED_SCHEMA_KEYWORD": (VALIDATE, "oneOf, anyOf, allOf or not in a schema."),
    "OAS_MULTIPLE_TAGS": (VALIDATE, "An operation with several tags, so it belongs to no single resource."),
    "OAS_AMBIGUOUS_RESOURCE_GROUPING": (VALIDATE, "An untagged operation whose path names no resource."),
    "OAS_DUPLICATE_OPERATION": (VALIDATE, "Two operations of the same kind in one resource."),
    "OAS_EXTERNAL_REF": (RESOLVE, "A remote or file $ref; it is never fetched."),
    "OAS_UNRESOLVED_REF": (RESOLVE, "A local $ref that points nowhere."),
    "OAS_CIRCULAR_REF": (RESOLVE, "A $ref that leads back to itself."),
    "OAS_TOO_COMPLEX": (RESOLVE, "Resolving $refs would expand the document past the node budget."),
    "IR_INVALID": (IR, "A resource with neither a list nor a detail operation."),
    "UIPLAN_INVALID": (UIPLAN, "A resource whose records are not objects, so no screen can be planned."),
    "UISPEC_INVALID": (UISPEC, "A lowered UISpec fails the UISpec JSON Schema."),
}


@dataclass(frozen=True, order=True)
class CompileError:
    """One problem, located by an RFC 6901 pointer into the parsed document."""

    json_pointer: str
    code: str
    message: str
    stage: str = ""
    line: int | None = None

    def __post_init__(self) -> None:
        if self.code not in ERROR_CODES:
            raise ValueError(f"unknown error code {self.code}")
        if not self.stage:
            object.__setattr__(self, "stage", ERROR_CODES[self.code][0])

    def at_line(self, line: int | None) -> CompileError:
        return replace(self, line=line)

    def to_json(self) -> dict[str, object]:
        body: dict[str, object] = {
            "code": self.code,
            "stage": self.stage,
            "message": self.message,
            "jsonPointer": self.json_pointer,
        }
        if self.line is not None:
            body["line"] = self.line
        return body


class CompileFailed(Exception):
    """Raised by a pass with every error it found."""

    def __init__(self, errors: Iterable[CompileError]):
        self.errors = sorted(set(errors))
        super().__init__(f"{len(self.errors)} compile error(s)")


def fail_if_any(errors: Iterable[CompileError]) -> None:
    collected = list(errors)
    if collected:
        raise CompileFailed(collected)
