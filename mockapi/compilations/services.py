"""Compile, recompile and delete on behalf of an account; JSON shapes of compilations.

Pages and the JSON API both call these; they call the store, never the model.
"""
from __future__ import annotations

from typing import Any

from compiler import CompileResult, compile_openapi, diff_compilations
from django.conf import settings
from mockapi.compilations.demos import demo_data_source
from mockapi.compilations.models import Compilation
from mockapi.compilations.store import (
    CompilationSummary, compilation_delete, compilation_get_for_account, compilation_put, new_compilation_id,
)
from mockapi.errors import Unprocessable
from mockapi.mock import MockStore

STATUS_COMPILED = "compiled"


class SpecRejected(Unprocessable):
    """The spec did not compile; ``errors`` holds every compile error as JSON."""

    default_message = "The OpenAPI document could not be compiled."

    def __init__(self, result: CompileResult):
        super().__init__(errors=result.errors_json())


def compile_spec(text: str | bytes) -> CompileResult:
    """Compile ``text`` under the configured size limit; ``SpecRejected`` when it fails."""
    result = compile_openapi(text, max_bytes=settings.MAX_REQUEST_BYTES)
    if not result.ok:
        raise SpecRejected(result)
    return result


def compile_for_account(*, account_id: str, text: str | bytes) -> Compilation:
    """Compile and store a new compilation owned by ``account_id``."""
    result = compile_spec(text)
    return _put(compilation_id=new_compilation_id(), account_id=account_id, result=result, diff=None)


def recompile_for_account(*, compilation_id: str, account_id: str, text: str | bytes) -> Compilation:
    """Recompile in place: same id, ``created_at`` kept, the diff from the previous version stored."""
    previous = compilation_get_for_account(compilation_id=compilation_id, account_id=account_id)
    result = compile_spec(text)
    diff = diff_compilations(previous.specs or {}, result.specs)
    return _put(compilation_id=compilation_id, account_id=account_id, result=result, diff=dict(diff))


def delete_for_account(*, compilation_id: str, account_id: str, mock_store: MockStore) -> None:
    """Delete the compilation and the mock data kept under its id; a demo series' data stays for the account."""
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=account_id)
    compilation_delete(compilation_id=compilation_id)
    mock_store.clear(account_id, compilation.id)


def _put(*, compilation_id: str, account_id: str, result: CompileResult, diff: dict[str, Any] | None) -> Compilation:
    return compilation_put(
        compilation_id=compilation_id, account_id=account_id, name=result.name, status=STATUS_COMPILED,
        specs=result.specs, api_ir=result.api_ir, diff_from_previous=diff, errors=[],
        resource_names=result.resource_names, resource_slugs=result.resource_slugs,
        openapi_canonical_hash=result.canonical_hash,
    )


def is_predefined(compilation: Compilation) -> bool:
    return demo_data_source(compilation.openapi_canonical_hash) is not None


def data_key(compilation: Compilation) -> str:
    """Where the compilation's mock records live: the demo data source, else its own id."""
    return demo_data_source(compilation.openapi_canonical_hash) or compilation.id


def app_url(compilation_id: str) -> str:
    return f"/u/{compilation_id}"


def summary_json(summary: CompilationSummary | Compilation) -> dict[str, Any]:
    """One item of ``GET /api/compilations``."""
    return {
        "id": summary.id,
        "url": app_url(summary.id),
        "name": summary.name,
        "status": summary.status,
        "resourceNames": summary.resource_names,
        "resourceSlugs": summary.resource_slugs,
        "createdAt": summary.created_at.isoformat(),
        "updatedAt": summary.updated_at.isoformat(),
    }


def compilation_json(compilation: Compilation) -> dict[str, Any]:
    """The full JSON entry of ``GET /api/compilations/<id>``: the summary plus everything stored."""
    return {
        **summary_json(compilation),
        "accountId": compilation.account_id,
        "specs": compilation.specs,
        "apiIr": compilation.api_ir,
        "diffFromPrevious": compilation.diff_from_previous,
        "errors": compilation.errors,
        "openapiCanonicalHash": compilation.openapi_canonical_hash,
        "isPredefined": is_predefined(compilation),
    }
