"""The compilation store: every read and write of ``compilations`` goes here.

Functions are keyword-only. Database outages surface as
``StorageUnavailable``; access checks raise ``CompilationNotFound`` /
``CompilationForbidden``. Pages and the JSON API both call this module.
"""
from __future__ import annotations

import functools
import json
import threading
import uuid
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable, TypeVar

from django.db import InterfaceError, OperationalError, connection

from mockapi.compilations.models import Compilation
from mockapi.errors import Forbidden, NotFound, StorageUnavailable

T = TypeVar("T")

SUMMARY_COLUMNS = ("id", "name", "status", "resource_names", "resource_slugs", "created_at", "updated_at")


class CompilationNotFound(NotFound):
    default_message = "Compilation not found."


class CompilationForbidden(Forbidden):
    default_message = "This compilation belongs to another account."


@dataclass(frozen=True)
class CompilationSummary:
    id: str
    name: str
    status: str
    resource_names: list[str]
    resource_slugs: list[str]
    created_at: datetime
    updated_at: datetime


def _storage_guard(func: Callable[..., T]) -> Callable[..., T]:
    """Turn connection-level database failures into ``StorageUnavailable``."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> T:
        try:
            return func(*args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            raise StorageUnavailable() from error

    return wrapper


def new_compilation_id() -> str:
    """Twelve characters of a UUID4, as the original product made them."""
    return str(uuid.uuid4())[:12]


@_storage_guard
def storage_ping() -> None:
    """Round-trip to the database; raises ``StorageUnavailable`` when it is down."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


@_storage_guard
def compilation_get(*, compilation_id: str) -> Compilation | None:
    return Compilation.objects.filter(pk=compilation_id).first()


_RECENT_LIMIT = 256
_recent: OrderedDict[str, Compilation] = OrderedDict()
_recent_lock = threading.Lock()


@_storage_guard
def compilation_get_current(*, compilation_id: str) -> Compilation | None:
    """``compilation_get`` for hot paths such as the mock API; the result must not be mutated.

    One light query reads the row's ``updated_at``; the JSON columns are loaded
    and parsed again only when the row changed since this process last read it,
    so the answer is as current as ``compilation_get``'s, in any number of processes.
    """
    with connection.cursor() as cursor:
        cursor.execute("SELECT updated_at FROM compilations WHERE id = %s", [compilation_id])
        row = cursor.fetchone()
    with _recent_lock:
        cached = _recent.pop(compilation_id, None)
    if row is None:
        return None
    if cached is None or cached.updated_at != row[0]:
        cached = compilation_get(compilation_id=compilation_id)
        if cached is None:
            return None
    with _recent_lock:
        _recent[compilation_id] = cached
        while len(_recent) > _RECENT_LIMIT:
            _recent.popitem(last=False)
    return cached


@_storage_guard
def compilation_has(*, compilation_id: str) -> bool:
    return Compilation.objects.filter(pk=compilation_id).exists()


def compilation_get_for_account(*, compilation_id: str, account_id: str) -> Compilation:
    """The compilation, if it exists and ``account_id`` owns it."""
    compilation = compilation_get(compilation_id=compilation_id)
    if compilation is None:
        raise CompilationNotFound()
    if compilation.account_id != account_id:
        raise CompilationForbidden()
    return compilation


@_storage_guard
def compilation_list_for_account(*, account_id: str) -> list[CompilationSummary]:
    """Summary columns only, most recently updated first."""
    rows = (
        Compilation.objects.filter(account_id=account_id)
        .order_by("-updated_at", "id")
        .values_list(*SUMMARY_COLUMNS)
    )
    return [CompilationSummary(*row) for row in rows]


_UPSERT_SQL = """
INSERT INTO compilations AS c (
    id, account_id, name, status, specs, api_ir, diff_from_previous, errors,
    resource_names, resource_slugs, openapi_canonical_hash, created_at, updated_at
) VALUES (
    %s, %s, %s, %s, %s::jsonb, %s::jsonb, %s::jsonb, %s::jsonb,
    %s::jsonb, %s::jsonb, %s, clock_timestamp(), clock_timestamp()
)
ON CONFLICT (id) DO UPDATE SET
    name = EXCLUDED.name,
    status = EXCLUDED.status,
    specs = EXCLUDED.specs,
    api_ir = EXCLUDED.api_ir,
    diff_from_previous = EXCLUDED.diff_from_previous,
    errors = EXCLUDED.errors,
    resource_names = EXCLUDED.resource_names,
    resource_slugs = EXCLUDED.resource_slugs,
    openapi_canonical_hash = EXCLUDED.openapi_canonical_hash,
    updated_at = clock_timestamp()
WHERE c.account_id = EXCLUDED.account_id
RETURNING created_at, updated_at
"""


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, allow_nan=False)


@_storage_guard
def compilation_put(
    *,
    compilation_id: str,
    account_id: str,
    name: str,
    status: str,
    specs: dict[str, Any],
    api_ir: dict[str, Any] | None,
    diff_from_previous: dict[str, Any] | None,
    errors: list[dict[str, Any]],
    resource_names: list[str],
    resource_slugs: list[str],
    openapi_canonical_hash: str | None,
) -> Compilation:
    """Insert or replace a compilation in one statement.

    On conflict ``created_at`` and the owner stay as they were and
    ``updated_at`` moves to the statement's clock. A row owned by another
    account is never overwritten: that raises ``CompilationForbidden``.
    """
    name = name[:255]
    params = [
        compilation_id, account_id, name, status, _json(specs), _json(api_ir),
        _json(diff_from_previous), _json(errors), _json(resource_names), _json(resource_slugs),
        openapi_canonical_hash,
    ]
    with connection.cursor() as cursor:
        cursor.execute(_UPSERT_SQL, params)
        row = cursor.fetchone()
    if row is None:
        raise CompilationForbidden()
    created_at, updated_at = row
    return Compilation(
        id=compilation_id, account_id=account_id, name=name, status=status, specs=specs,
        api_ir=api_ir, diff_from_previous=diff_from_previous, errors=errors,
        resource_names=resource_names, resource_slugs=resource_slugs,
        openapi_canonical_hash=openapi_canonical_hash, created_at=created_at, updated_at=updated_at,
    )


@_storage_guard
def compilation_delete(*, compilation_id: str) -> bool:
    """Delete by id; True when a row was removed."""
    deleted, _ = Compilation.objects.filter(pk=compilation_id).delete()
    return deleted > 0


__all__ = [
    "CompilationForbidden",
    "CompilationNotFound",
    "CompilationSummary",
    "compilation_delete",
    "compilation_get",
    "compilation_get_for_account",
    "compilation_get_current",
    "compilation_has",
    "compilation_list_for_account",
    "compilation_put",
    "new_compilation_id",
    "storage_ping",
]
