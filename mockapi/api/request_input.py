"""Reading API requests: size limit, JSON bodies, raw spec bodies and the caller's account.

Every API view gets its input through these functions, so the error for a
malformed, oversized or unauthenticated request is the same everywhere.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest

from mockapi.accounts import parse_account_id
from mockapi.errors import BadRequest, PayloadTooLarge

#: Content types under which the request body *is* the OpenAPI document.
RAW_SPEC_TYPES = frozenset({
    "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain",
    "application/vnd.oai.openapi", "application/vnd.oai.openapi+json", "application/vnd.oai.openapi+yaml",
})
ACCOUNT_HEADER = "X-Account-Id"


@dataclass(frozen=True)
class SpecSubmission:
    text: str | bytes
    account_id: str


def request_body(request: HttpRequest) -> bytes:
    """The raw body; ``PayloadTooLarge`` (413) past ``settings.MAX_REQUEST_BYTES``."""
    limit = settings.MAX_REQUEST_BYTES
    declared = request.META.get("CONTENT_LENGTH") or "0"
    if declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(f"The request body is larger than the {limit:,}-byte limit.")
    try:
        return request.body
    except RequestDataTooBig as error:
        raise PayloadTooLarge(f"The request body is larger than the {limit:,}-byte limit.") from error


def media_type(request: HttpRequest) -> str:
    return (request.content_type or "").split(";")[0].strip().lower()


MAX_BODY_DEPTH = 64


def json_body(request: HttpRequest) -> Any:
    """The parsed JSON body; ``BadRequest`` (400) when it is not strict JSON or nests too deep.

    NaN and Infinity are refused (they are not JSON and would poison later
    answers), as are numbers too long to convert and nesting past ``MAX_BODY_DEPTH``.
    """
    body = request_body(request)
    if not body.strip():
        raise BadRequest("The request body is empty; send JSON.")
    try:
        value = json.loads(body, parse_constant=_refuse_constant)
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise BadRequest(f"The request body is not valid JSON: {error}.") from error
    except (ValueError, RecursionError) as error:
        raise BadRequest(f"The request body is not acceptable JSON: {error}.") from error
    if _nests_deeper_than(value, MAX_BODY_DEPTH):
        raise BadRequest(f"The request body nests deeper than {MAX_BODY_DEPTH} levels.")
    return value


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _nests_deeper_than(value: Any, limit: int) -> bool:
    """Iterative, so a hostile body cannot exhaust the stack while being measured."""
    pending = [(value, 1)]
    while pending:
        node, depth = pending.pop()
        if isinstance(node, (dict, list)):
            if depth > limit:
                return True
            children = node.values() if isinstance(node, dict) else node
            pending.extend((child, depth + 1) for child in children)
    return False


def json_object_body(request: HttpRequest) -> dict[str, Any]:
    body = json_body(request)
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return body


def account_id(request: HttpRequest, body: dict[str, Any] | None = None) -> str:
    """The caller's account: ``accountId`` in the body, else the ``X-Account-Id`` header, else ``?accountId=``."""
    value = (body or {}).get("accountId") or _named_account(request)
    if value is not None and not isinstance(value, str):
        raise BadRequest("accountId must be a string.")
    return parse_account_id(value)


def optional_account_id(request: HttpRequest) -> str | None:
    """The account if the caller named one in the header or query (validated), else None."""
    value = _named_account(request)
    return parse_account_id(value) if value else None


def _named_account(request: HttpRequest) -> str | None:
    return request.headers.get(ACCOUNT_HEADER) or request.GET.get("accountId")


def spec_submission(request: HttpRequest) -> SpecSubmission:
    """The spec text and account of a compile/update request.

    Either JSON ``{"openapi": "<yaml or json text>", "accountId": ...}`` (the
    document may also be given as a JSON object), or the document itself as the
    body under a YAML/OpenAPI content type with the account in a header or query.
    """
    if media_type(request) in RAW_SPEC_TYPES:
        body = request_body(request)
        if not body.strip():
            raise BadRequest("The request body is empty; send the OpenAPI document.")
        return SpecSubmission(text=body, account_id=account_id(request))
    body = json_object_body(request)
    spec = body.get("openapi")
    if isinstance(spec, dict):
        spec = json.dumps(spec)
    if not isinstance(spec, str) or not spec.strip():
        raise BadRequest("Send the OpenAPI document as text in the `openapi` field.")
    return SpecSubmission(text=spec, account_id=account_id(request, body))
