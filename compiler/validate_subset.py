"""Pass 2b: the subset of OpenAPI that RapidUI compiles, one error code per rule.

Each check yields errors for every offending node; nothing stops at the first.
"""
from __future__ import annotations

from typing import Any, Iterator

from compiler.errors import CompileError
from compiler.grouping import group_operations
from compiler.operations import Operation, deref, iter_operations, json_schema_of, success_codes
from compiler.pointers import pointer
from compiler.schemas import iter_schemas

UNSUPPORTED_SCHEMA_KEYWORDS = ("allOf", "anyOf", "not", "oneOf")
_BODY_METHODS = ("post", "put", "patch")


def validate_subset(document: dict[str, Any]) -> list[CompileError]:
    """Every violation of the supported subset, in no particular order."""
    operations = list(iter_operations(document))
    errors = list(_schema_keyword_errors(document))
    errors.extend(_path_parameter_errors(operations))
    for operation in operations:
        errors.extend(_operation_errors(document, operation))
    if not any(operation.kind for operation in operations):
        errors.append(CompileError(pointer(["paths"]) if "paths" in document else "", "OAS_NO_OPERATIONS",
                                   "The document has no list, detail, create, update or delete operations."))
    errors.extend(group_operations(operations)[1])
    return errors


def _schema_keyword_errors(document: dict[str, Any]) -> Iterator[CompileError]:
    for path, schema in iter_schemas(document):
        for keyword in UNSUPPORTED_SCHEMA_KEYWORDS:
            if keyword in schema:
                yield CompileError(pointer([*path, keyword]), "OAS_UNSUPPORTED_SCHEMA_KEYWORD",
                                   f"`{keyword}` is not supported yet; describe one concrete object schema instead.")


def _path_parameter_errors(operations: list[Operation]) -> Iterator[CompileError]:
    for path in sorted({operation.path for operation in operations if len(operation.path_params) > 1}):
        names = ", ".join(Operation(path, "get", {}).path_params)
        yield CompileError(pointer(["paths", path]), "OAS_MULTIPLE_PATH_PARAMS",
                           f"{path} has several path parameters ({names}); at most one is supported.")


def _operation_errors(document: dict[str, Any], operation: Operation) -> Iterator[CompileError]:
    label = f"{operation.method.upper()} {operation.path}"
    if operation.kind is None:
        yield CompileError(pointer(operation.location), "OAS_UNSUPPORTED_OPERATION",
                           f"{label} is not a list, detail, create, update or delete operation.")
        return
    if operation.method in _BODY_METHODS and json_schema_of(document, operation.node.get("requestBody")) is None:
        yield CompileError(pointer(operation.location), "OAS_MISSING_REQUEST_BODY",
                           f"{label} needs a request body with application/json content.")
    yield from _success_response_errors(document, operation, label)


def _success_response_errors(document: dict[str, Any], operation: Operation, label: str) -> Iterator[CompileError]:
    codes = success_codes(operation)
    responses_pointer = pointer([*operation.location, "responses"])
    if len(codes) > 1:
        yield CompileError(responses_pointer, "OAS_MULTIPLE_SUCCESS_RESPONSES",
                           f"{label} has {len(codes)} success responses ({', '.join(codes)}); keep exactly one.")
        return
    if operation.kind == "delete":
        if not codes:
            yield CompileError(responses_pointer, "OAS_MISSING_SUCCESS_RESPONSE",
                               f"{label} needs a 2xx response (204 is typical for a delete).")
        return
    response = deref(document, operation.node["responses"][codes[0]]) if codes else None
    if not codes or codes[0] not in ("200", "201") or json_schema_of(document, response) is None:
        yield CompileError(responses_pointer, "OAS_MISSING_SUCCESS_RESPONSE",
                           f"{label} needs one 200 or 201 response with application/json content.")
