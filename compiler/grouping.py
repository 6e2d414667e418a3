"""Grouping operations into resources, exactly as SPEC.md defines it.

By tag when every operation has exactly one tag; otherwise by the first path
segment once ``api``, ``v1``, ``v2`` and ``v3`` are stripped. Resources come
out sorted by slug, their operations in ``KIND_ORDER``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from compiler.errors import CompileError
from compiler.labels import humanize
from compiler.operations import KIND_ORDER, Operation
from compiler.pointers import pointer

_PREFIX_SEGMENTS = frozenset({"api", "v1", "v2", "v3"})


@dataclass(frozen=True)
class ResourceGroup:
    name: str
    key: str
    operations: tuple[Operation, ...]

    def operation(self, kind: str) -> Operation | None:
        return next((operation for operation in self.operations if operation.kind == kind), None)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def group_operations(operations: Iterable[Operation], tag_order: Iterable[str] = ()
                     ) -> tuple[list[ResourceGroup], list[CompileError]]:
    """Resources and grouping errors. Tag-grouped resources follow the document's
    top-level ``tags`` list (``tag_order``), since arrays keep their order; the rest sort by slug."""
    crud = [operation for operation in operations if operation.kind]
    errors = [
        CompileError(pointer([*operation.location, "tags"]), "OAS_MULTIPLE_TAGS",
                     f"{operation.method.upper()} {operation.path} has {len(operation.tags)} tags; "
                     "give each operation exactly one so it belongs to one resource.")
        for operation in crud
        if len(operation.tags) > 1
    ]
    by_tag = bool(crud) and all(len(op.tags) == 1 and isinstance(op.tags[0], str) for op in crud)
    members: dict[str, list[Operation]] = {}
    names: dict[str, str] = {}
    for operation in crud:
        name = operation.tags[0] if by_tag else _path_resource(operation.path)
        key = slugify(name) if name else ""
        if not key:
            errors.append(CompileError(pointer(["paths", operation.path]), "OAS_AMBIGUOUS_RESOURCE_GROUPING",
                                       f"{operation.method.upper()} {operation.path} names no resource: "
                                       "tag it, or start its path with the resource's name."))
            continue
        if names.setdefault(key, name) != name:
            errors.append(CompileError(pointer(operation.location), "OAS_AMBIGUOUS_RESOURCE_GROUPING",
                                       f"Resources {names[key]!r} and {name!r} would share the slug {key!r}."))
            continue
        members.setdefault(key, []).append(operation)
    ranks = {slugify(name): rank for rank, name in enumerate(tag_order)} if by_tag else {}
    groups = []
    for key in sorted(members, key=lambda key: (ranks.get(key, len(ranks)), key)):
        operations_of_key = _ordered(members[key])
        errors.extend(_duplicate_kind_errors(operations_of_key, names[key]))
        name = names[key] if by_tag else humanize(names[key])
        groups.append(ResourceGroup(name=name, key=key, operations=tuple(operations_of_key)))
    return groups, errors


def _path_resource(path: str) -> str:
    segments = [segment for segment in path.split("/") if segment]
    while segments and segments[0].lower() in _PREFIX_SEGMENTS:
        segments.pop(0)
    if not segments or "{" in segments[0]:
        return ""
    return segments[0]


def _ordered(operations: list[Operation]) -> list[Operation]:
    return sorted(operations, key=lambda op: (KIND_ORDER.index(op.kind or "list"), op.method, op.path))


def _duplicate_kind_errors(operations: list[Operation], name: str) -> list[CompileError]:
    errors = []
    for previous, operation in zip(operations, operations[1:]):
        # PUT (replace) and PATCH (merge) may both exist as a resource's update operations.
        if (previous.kind, previous.method) == (operation.kind, operation.method) or (
                previous.kind == operation.kind and operation.kind != "update"):
            errors.append(CompileError(
                pointer(operation.location), "OAS_DUPLICATE_OPERATION",
                f"Resource {name!r} already has a {operation.kind} operation "
                f"({previous.method.upper()} {previous.path}); {operation.method.upper()} {operation.path} is a second one."))
    return errors
