"""Where schemas live in a document, and how to walk into a schema's subschemas."""
from __future__ import annotations

from typing import Any, Iterator

from compiler.operations import HTTP_METHODS

Path = list[str | int]

_SUBSCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_SUBSCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUBSCHEMA_SINGLE = ("items", "additionalProperties", "not", "contains", "if", "then", "else",
                     "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems")


def iter_schemas(document: dict[str, Any]) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every schema object written in the document with its path, subschemas included.

    ``$ref`` nodes are yielded but not followed: their targets are visited
    where they are written.
    """
    for path, schema in _root_schemas(document):
        yield from walk_schema(schema, path)


def walk_schema(schema: Any, path: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    if not isinstance(schema, dict):
        return
    yield path, schema
    for keyword in _SUBSCHEMA_MAPS:
        members = schema.get(keyword)
        if isinstance(members, dict):
            for name, member in members.items():
                yield from walk_schema(member, [*path, keyword, name])
    for keyword in _SUBSCHEMA_LISTS:
        members = schema.get(keyword)
        if isinstance(members, list):
            for index, member in enumerate(members):
                yield from walk_schema(member, [*path, keyword, index])
    for keyword in _SUBSCHEMA_SINGLE:
        yield from walk_schema(schema.get(keyword), [*path, keyword])


def _root_schemas(document: dict[str, Any]) -> Iterator[tuple[Path, Any]]:
    components = _mapping(document.get("components"))
    for name, schema in _mapping(components.get("schemas")).items():
        yield ["components", "schemas", name], schema
    for section in ("parameters", "headers", "requestBodies", "responses"):
        for name, holder in _mapping(components.get(section)).items():
            yield from _holder_schemas(holder, ["components", section, name])
    # Path items under paths, and (3.1) under components/pathItems where a
    # path's `$ref` may lead; a `$ref` item itself holds nothing to walk.
    for path_name, item in _mapping(document.get("paths")).items():
        yield from _path_item_schemas(_mapping(item), ["paths", path_name])
    for name, item in _mapping(components.get("pathItems")).items():
        yield from _path_item_schemas(_mapping(item), ["components", "pathItems", name])


def _path_item_schemas(item: dict[str, Any], path: Path) -> Iterator[tuple[Path, Any]]:
    yield from _parameter_schemas(item.get("parameters"), [*path, "parameters"])
    for method in HTTP_METHODS:
        operation = _mapping(item.get(method))
        base: Path = [*path, method]
        yield from _parameter_schemas(operation.get("parameters"), [*base, "parameters"])
        yield from _holder_schemas(operation.get("requestBody"), [*base, "requestBody"])
        for code, response in _mapping(operation.get("responses")).items():
            yield from _holder_schemas(response, [*base, "responses", code])


def _parameter_schemas(parameters: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    if isinstance(parameters, list):
        for index, parameter in enumerate(parameters):
            yield from _holder_schemas(parameter, [*path, index])


def _holder_schemas(holder: Any, path: Path) -> Iterator[tuple[Path, Any]]:
    """Schemas of a parameter, header, request body or response (direct, in content, in headers)."""
    holder = _mapping(holder)
    if "schema" in holder:
        yield [*path, "schema"], holder["schema"]
    for media_type, entry in _mapping(holder.get("content")).items():
        if isinstance(entry, dict) and "schema" in entry:
            yield [*path, "content", media_type, "schema"], entry["schema"]
    for name, header in _mapping(holder.get("headers")).items():
        yield from _holder_schemas(header, [*path, "headers", name])


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
