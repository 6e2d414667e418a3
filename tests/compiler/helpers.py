"""Shared helpers for the compiler tests: fixture paths and tiny spec builders.

Nothing here touches Django or a database; compiler tests are pure.
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from compiler import CompileResult, compile_openapi

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures"
DEMO_SPECS = REPO / "mockapi" / "demos" / "specs"
DEMO_NAMES = ("users", "products", "tasks-v1", "tasks-v2", "tasks-v3")


def fixture_text(*parts: str) -> str:
    return FIXTURES.joinpath(*parts).read_text(encoding="utf-8")


def demo_text(name: str) -> str:
    return (DEMO_SPECS / f"{name}.yaml").read_text(encoding="utf-8")


def compile_fixture(*parts: str) -> CompileResult:
    return compile_openapi(fixture_text(*parts))


def compile_dict(document: dict[str, Any]) -> CompileResult:
    return compile_openapi(json.dumps(document))


def pairs(result: CompileResult) -> list[tuple[str, str]]:
    """(code, jsonPointer) of every error, in reported order."""
    return [(error.code, error.json_pointer) for error in result.errors]


def json_body(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def ok_response(schema: dict[str, Any], description: str = "ok") -> dict[str, Any]:
    return {"description": description, **json_body(schema)}


ITEM = {
    "type": "object",
    "required": ["name"],
    "properties": {"id": {"type": "integer"}, "name": {"type": "string"}},
}
ID_PARAM = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}


def crud_paths(collection: str, item: dict[str, Any] | None = None, *, tag: str | None = None,
               kinds: tuple[str, ...] = ("list", "detail", "create", "update", "delete"),
               update_method: str = "patch") -> dict[str, Any]:
    """Path items for a plain CRUD resource at ``collection`` and ``collection/{id}``."""
    item = copy.deepcopy(item or ITEM)
    tags = {"tags": [tag]} if tag else {}
    listing: dict[str, Any] = {}
    single: dict[str, Any] = {}
    if "list" in kinds:
        listing["get"] = {**tags, "responses": {"200": ok_response({"type": "array", "items": item})}}
    if "create" in kinds:
        listing["post"] = {**tags, "requestBody": json_body(item), "responses": {"201": ok_response(item)}}
    if "detail" in kinds:
        single["get"] = {**tags, "parameters": [ID_PARAM], "responses": {"200": ok_response(item)}}
    if "update" in kinds:
        single[update_method] = {**tags, "parameters": [ID_PARAM], "requestBody": json_body(item),
                                 "responses": {"200": ok_response(item)}}
    if "delete" in kinds:
        single["delete"] = {**tags, "parameters": [ID_PARAM], "responses": {"204": {"description": "gone"}}}
    paths = {}
    if listing:
        paths[collection] = listing
    if single:
        paths[collection + "/{id}"] = single
    return paths


def document(paths: dict[str, Any], *, version: str = "3.0.3", schemas: dict[str, Any] | None = None,
             **extra: Any) -> dict[str, Any]:
    doc: dict[str, Any] = {"openapi": version, "info": {"title": "Test API", "version": "1.0"}, "paths": paths}
    if schemas:
        doc["components"] = {"schemas": schemas}
    doc.update(extra)
    return doc


def one_resource(properties: dict[str, Any], *, required: list[str] | None = None, version: str = "3.1.0",
                 **schema_extra: Any) -> dict[str, Any]:
    """A full CRUD ``/things`` resource whose record has ``properties``."""
    item: dict[str, Any] = {"type": "object", "properties": properties, **schema_extra}
    if required:
        item["required"] = required
    return document(crud_paths("/things", {"$ref": "#/components/schemas/Thing"}), version=version,
                    schemas={"Thing": item})


_EXPECT = re.compile(r'^# expect: (?P<code>[A-Z_]+) (?P<pointer>""|\S+)(?: @(?P<line>\d+))?\s*$')


def expectations(text: str) -> list[tuple[str, str, int | None]]:
    """(code, pointer, line) from ``# expect:`` header lines of an error fixture, in listed order."""
    found = []
    for line in text.splitlines():
        if match := _EXPECT.match(line):
            pointer = "" if match["pointer"] == '""' else match["pointer"]
            found.append((match["code"], pointer, int(match["line"]) if match["line"] else None))
    return found


def field(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return next(item for item in spec["fields"] if item["name"] == name)
