"""Pass 2a: the OpenAPI version and openapi-spec-validator's structural checks.

The validator reports some locations only relative to the schema it was
checking, or only in its message text; ``_pointer_for`` turns every error
into a pointer into the document we parsed.
"""
from __future__ import annotations

import re
from typing import Any

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from compiler.errors import CompileError, fail_if_any
from compiler.pointers import follow, pointer
from compiler.schemas import iter_schemas

_VERSION = re.compile(r"^3\.(0|1)\.\d+$")
_OPERATION_IN_MESSAGE = re.compile(r"for '(\w+)' (?:operation )?in '([^']+)'")


class _OfflineV30Validator(OpenAPIV30SpecValidator):
    """No URL or file handlers: a reference that slipped past ``check_refs`` fails instead of being fetched."""

    resolver_handlers: dict[str, Any] = {}


class _OfflineV31Validator(OpenAPIV31SpecValidator):
    resolver_handlers: dict[str, Any] = {}


def check_version(document: dict[str, Any]) -> type:
    """The validator class for the document's OpenAPI version; fails on anything but 3.0.x/3.1.x."""
    version = document.get("openapi")
    if isinstance(version, str) and (match := _VERSION.match(version)):
        return _OfflineV30Validator if match.group(1) == "0" else _OfflineV31Validator
    if "swagger" in document:
        message = f"Swagger {document['swagger']} is not supported; convert the document to OpenAPI 3.0 or 3.1."
        location = ["swagger"]
    elif version is None:
        message, location = "The document has no `openapi` version field; is it an OpenAPI document?", []
    else:
        message, location = f"OpenAPI version {version!r} is not supported; use 3.0.x or 3.1.x.", ["openapi"]
    fail_if_any([CompileError(pointer(location), "OAS_UNSUPPORTED_VERSION", message)])
    raise AssertionError("unreachable")


def validate_structure(document: dict[str, Any], validator_class: type) -> list[CompileError]:
    """Every structural error openapi-spec-validator finds (refs must already be checked)."""
    errors = []
    try:
        for error in validator_class(document).iter_errors():
            errors.append(CompileError(_pointer_for(document, error), "OAS_INVALID_DOCUMENT", _first_line(error.message)))
    except Exception as failure:  # the validator can raise on shapes it does not expect
        errors.append(CompileError("", "OAS_INVALID_DOCUMENT", f"The document could not be validated: {_first_line(str(failure))}"))
    return errors


def _pointer_for(document: dict[str, Any], error: Any) -> str:
    path = list(getattr(error, "absolute_path", []) or [])
    if path and isinstance(path[0], str) and path[0] in document:
        return pointer(path)
    if match := _OPERATION_IN_MESSAGE.search(str(error.message)):
        method, path_name = match.groups()
        return pointer(["paths", path_name, method])
    if path:
        located = _locate_in_schemas(document, [str(part) for part in path], getattr(error, "instance", None))
        if located is not None:
            return located
    return ""


def _locate_in_schemas(document: dict[str, Any], relative: list[str], instance: Any) -> str | None:
    """The first schema (by pointer) where ``relative`` leads to ``instance``."""
    candidates = []
    for schema_path, schema in iter_schemas(document):
        try:
            if follow(schema, relative) == instance:
                candidates.append(pointer([*schema_path, *relative]))
        except KeyError:
            continue
    return min(candidates) if candidates else None


def _first_line(message: str) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "invalid"
    return line if len(line) <= 300 else line[:297] + "..."
