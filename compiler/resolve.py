"""Pass 3: local ``$ref`` resolution.

``check_refs`` runs before structural validation, so no validator ever sees
(and could try to fetch) a remote reference: every ``$ref`` must be a local
``#/...`` pointer to an existing node, and no chain of references may lead
back into itself. ``resolve_refs`` then inlines them, sharing one copy of
each target and bounding the expanded size.
"""
from __future__ import annotations

from typing import Any, Iterator

from compiler.errors import CompileError, fail_if_any
from compiler.pointers import follow, pointer, split_pointer

MAX_EXPANDED_NODES = 1_000_000


def check_refs(document: dict[str, Any]) -> None:
    """Raise ``CompileFailed`` listing every external, dangling or circular ``$ref``."""
    refs = list(_iter_refs(document, []))
    fail_if_any(error for location, target in refs if (error := _ref_error(document, location, target)))
    fail_if_any(_cycle_errors(document, [(location, target) for location, target in refs if target]))


def resolve_refs(document: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``document`` with every ``$ref`` replaced by its (resolved) target.

    Siblings of ``$ref`` (``description`` and the like, allowed in 3.1) are
    kept on top of the target. Assumes ``check_refs`` passed.
    """
    cache: dict[str, tuple[Any, int]] = {}  # target -> (resolved node, expanded size)
    budget = [MAX_EXPANDED_NODES]

    def spend(nodes: int, path: list[str | int]) -> None:
        budget[0] -= nodes
        if budget[0] < 0:
            fail_if_any([CompileError(pointer(path), "OAS_TOO_COMPLEX",
                                      f"Resolving $refs expands the document past {MAX_EXPANDED_NODES:,} nodes.")])

    def resolve(node: Any, path: list[str | int]) -> Any:
        spend(1, path)
        if isinstance(node, list):
            return [resolve(item, [*path, index]) for index, item in enumerate(node)]
        if not isinstance(node, dict):
            return node
        target = node.get("$ref")
        if isinstance(target, str):
            if target in cache:
                spend(cache[target][1], path)
            else:
                before = budget[0]
                segments = split_pointer(target[1:])
                cache[target] = (resolve(follow(document, segments), list(segments)), before - budget[0])
            siblings = {key: member(key, value, path) for key, value in node.items() if key != "$ref"}
            resolved = cache[target][0]
            if siblings and isinstance(resolved, dict):
                return {**resolved, **siblings}
            return resolved
        return {key: member(key, value, path) for key, value in node.items()}

    def member(key: str, value: Any, path: list[str | int]) -> Any:
        return value if is_data(path[-1] if path else None, key, value) else resolve(value, [*path, key])

    return resolve(document, [])


#: Maps whose keys are names chosen by the author (a property may be called
#: ``example``), as opposed to objects whose keys are keywords.
_NAME_MAPS = frozenset({
    "properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "schemas", "responses",
    "parameters", "examples", "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems",
    "paths", "content", "encoding", "variables", "webhooks", "mapping", "scopes",
})
#: Keywords whose values are instance data, where a ``$ref`` member is just data.
_DATA_KEYWORDS = frozenset({"example", "default", "const", "enum", "value"})


def is_data(parent_key: str | int | None, key: str, value: Any) -> bool:
    """Whether ``key``'s value (in a mapping found under ``parent_key``) is data rather than document.

    Data is never searched for references: ``example``, ``default``, ``const``,
    ``enum``, an Example Object's ``value``, a 3.1 schema's ``examples`` list
    and ``x-`` extensions. In a map of names these words are just names.
    """
    if parent_key in _NAME_MAPS:
        return False
    return key in _DATA_KEYWORDS or key.startswith("x-") or (key == "examples" and isinstance(value, list))


def _iter_refs(node: Any, path: list[str | int]) -> Iterator[tuple[list[str | int], str | None]]:
    """(location of the ``$ref`` member, its value if a string) for every reference, in document order."""
    parent_key = path[-1] if path else None
    if isinstance(node, dict):
        if "$ref" in node:
            yield [*path, "$ref"], node["$ref"] if isinstance(node["$ref"], str) else None
        for key, value in node.items():
            if key != "$ref" and not is_data(parent_key, key, value):
                yield from _iter_refs(value, [*path, key])
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _iter_refs(item, [*path, index])


def _ref_error(document: dict[str, Any], location: list[str | int], target: str | None) -> CompileError | None:
    where = pointer(location)
    if target is None:
        return CompileError(where, "OAS_UNRESOLVED_REF", "A $ref must be a string such as '#/components/schemas/Name'.")
    if not target.startswith("#"):
        return CompileError(where, "OAS_EXTERNAL_REF",
                            f"External reference {target!r} is not supported and was not fetched; inline it under components.")
    try:
        follow(document, split_pointer(target[1:]))
    except (KeyError, ValueError):
        return CompileError(where, "OAS_UNRESOLVED_REF", f"Reference {target!r} points to nothing in this document.")
    return None


def _cycle_errors(document: dict[str, Any], refs: list[tuple[list[str | int], str]]) -> list[CompileError]:
    """A reference is circular when its target's subtree reaches the target again."""
    edges: dict[str, set[str]] = {}
    targets = {target for _, target in refs}
    for location, target in refs:
        for enclosing in _enclosing_targets(location, targets):
            edges.setdefault(enclosing, set()).add(target)
    cyclic = _targets_on_cycles(edges)
    return [
        CompileError(pointer(location), "OAS_CIRCULAR_REF",
                     f"Reference {target!r} leads back to where it is used; recursive schemas are not supported.")
        for location, target in refs
        if target in cyclic and any(enclosing in cyclic for enclosing in _enclosing_targets(location, targets))
    ]


def _enclosing_targets(location: list[str | int], targets: set[str]) -> list[str]:
    """Every referenced node (as ``#/...``) that contains ``location``."""
    prefixes = [pointer(location[:length]) for length in range(len(location))]
    return [f"#{prefix}" for prefix in prefixes if f"#{prefix}" in targets]


def _targets_on_cycles(edges: dict[str, set[str]]) -> set[str]:
    """Nodes of the reference graph that can reach themselves, in linear time.

    Tarjan's strongly connected components, iteratively (a chain of thousands
    of references must not exhaust the stack): a node is on a cycle when its
    component has several nodes or it refers to itself.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    on_cycle: set[str] = set()
    for root in sorted(edges):
        if root in index:
            continue
        work = [(root, iter(sorted(edges.get(root, ()))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            successor = next(successors, None)
            if successor is not None:
                if successor not in index:
                    index[successor] = low[successor] = len(index)
                    stack.append(successor)
                    on_stack.add(successor)
                    work.append((successor, iter(sorted(edges.get(successor, ())))))
                elif successor in on_stack:
                    low[node] = min(low[node], index[successor])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges.get(node, ()):
                    on_cycle.update(component)
    return on_cycle
