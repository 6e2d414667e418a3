"""Pass 1: text → a plain JSON-compatible mapping, safely.

Hostile input is refused before anything is built from it: documents past the
size limit, nesting past ``MAX_DEPTH``, YAML whose aliases would expand past
``MAX_NODES`` (alias bombs), several YAML documents in one text, non-string
keys, and values JSON cannot hold. YAML timestamps stay strings, and integer
keys (``200:`` response codes) become strings, so YAML and JSON forms of one
document parse to the same value.
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

import yaml

from compiler.errors import CompileError, CompileFailed
from compiler.pointers import pointer

DEFAULT_MAX_BYTES = 10 * 1024 * 1024
MAX_DEPTH = 128
MAX_NODES = 2_000_000

_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
_JSON_START = re.compile(r'\s*(\[|\{\s*("|\}))')


class _DocumentLoader(_BaseLoader):  # type: ignore[valid-type, misc]
    """Safe loader that keeps timestamps as text and rejects duplicate keys."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _TIMESTAMP_TAG]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # `<<: *anchor` merges; the constructor expands it
            key = self.construct_object(key_node, deep=True)
            if isinstance(key, (dict, list)):
                continue  # reported later as a non-string key
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key {key!r}", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


_DocumentLoader.add_constructor(_TIMESTAMP_TAG, _DocumentLoader.construct_yaml_str)


def parse_document(text: str | bytes, *, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse YAML or JSON ``text`` into a mapping; raise ``CompileFailed`` when unsafe or unreadable."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    if len(raw) > max_bytes:
        _fail(f"The document is {len(raw):,} bytes; the limit is {max_bytes:,} bytes.")
    try:
        decoded = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        _fail(f"The document is not UTF-8 text (invalid byte at offset {error.start}).")
    if "\x00" in decoded:
        _fail("The document contains NUL bytes; it looks like a binary file.")
    if not decoded.strip():
        _fail("The document is empty.")
    document = _parse_json_or_yaml(decoded) if decoded.lstrip()[:1] in "{[" else _parse_yaml(decoded)
    if not isinstance(document, dict):
        _fail(f"The document must be a mapping (an OpenAPI object), not {_kind(document)}.")
    return _normalize(document, [])


def _parse_json_or_yaml(decoded: str) -> Any:
    """JSON, unless the text is a YAML flow mapping (``{openapi: 3.1.0, ...}``: an unquoted first key)."""
    try:
        return json.loads(decoded, object_pairs_hook=_json_object)
    except json.JSONDecodeError as json_error:
        if not _JSON_START.match(decoded):
            return _parse_yaml(decoded)
        _fail(f"Invalid JSON at line {json_error.lineno}, column {json_error.colno}: {json_error.msg}.",
              line=json_error.lineno)
    except RecursionError:
        _fail(f"The document nests deeper than {MAX_DEPTH} levels.")
    except ValueError as error:  # e.g. an integer past Python's 4,300-digit conversion limit
        _fail(f"Invalid JSON: {error}.")


def _json_object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise json.JSONDecodeError(f"duplicate key {key!r}", "", 0)
        result[key] = value
    return result


def _parse_yaml(decoded: str) -> Any:
    try:
        _check_yaml_shape(decoded)
        loader = _DocumentLoader(decoded)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        _fail(f"Invalid YAML{where}: {error.problem or error.context}.", line=mark.line + 1 if mark else None)
    except yaml.YAMLError as error:
        _fail(f"Invalid YAML: {error}.")
    except ValueError as error:  # e.g. an integer past Python's 4,300-digit conversion limit
        _fail(f"Invalid YAML: {error}.")


def _check_yaml_shape(decoded: str) -> None:
    """Walk the event stream (no objects built) to bound depth and alias expansion.

    Each collection's expanded size is counted, an alias counting as the size
    of what it names, so a billion-laughs document is refused in microseconds.
    """
    sizes: dict[str, int] = {}
    stack: list[list[Any]] = []  # [anchor, expanded size]
    documents = 0
    total = 0
    for event in yaml.parse(decoded, Loader=_DocumentLoader):
        if isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                _fail("The text holds several YAML documents; give one.")
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            stack.append([event.anchor, 1])
            if len(stack) > MAX_DEPTH:
                _fail(f"The document nests deeper than {MAX_DEPTH} levels.", line=event.start_mark.line + 1)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            anchor, size = stack.pop()
            if anchor is not None:
                sizes[anchor] = size
            total = _add_size(stack, size, total)
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor is not None:
                sizes[event.anchor] = 1
            total = _add_size(stack, 1, total)
        elif isinstance(event, yaml.AliasEvent):
            total = _add_size(stack, sizes.get(event.anchor, 1), total)
        if total > MAX_NODES or (stack and stack[0][1] > MAX_NODES):
            _fail(f"YAML aliases expand the document past {MAX_NODES:,} nodes (an alias bomb?).")


def _add_size(stack: list[list[Any]], size: int, total: int) -> int:
    if stack:
        stack[-1][1] += size
        return total
    return total + size


def _normalize(node: Any, path: list[str | int]) -> Any:
    """Copy into plain JSON types: string keys, finite numbers, no binary or sets."""
    if len(path) > MAX_DEPTH:
        _fail(f"The document nests deeper than {MAX_DEPTH} levels.", path)
    if isinstance(node, dict):
        result: dict[str, Any] = {}
        for key, value in node.items():
            if isinstance(key, bool) or not isinstance(key, (str, int)):
                _fail(f"Mapping keys must be strings; found {_kind(key)} {key!r}.", path)
            if str(key) in result:
                _fail(f"Duplicate key {str(key)!r} (written both as a number and as text).", path)
            result[str(key)] = _normalize(value, [*path, str(key)])
        return result
    if isinstance(node, list):
        return [_normalize(item, [*path, index]) for index, item in enumerate(node)]
    if isinstance(node, float) and not math.isfinite(node):
        _fail("Numbers must be finite (no .inf or .nan).", path)
    if node is None or isinstance(node, (str, int, float, bool)):
        return node
    _fail(f"Values must be JSON types; found {_kind(node)}.", path)


def _kind(value: Any) -> str:
    names = {dict: "a mapping", list: "a list", str: "a string", type(None): "null", bool: "a boolean"}
    return names.get(type(value), f"a {type(value).__name__}")


def _fail(message: str, path: list[str | int] | None = None, *, line: int | None = None) -> Any:
    raise CompileFailed([CompileError(pointer(path or []), "OAS_PARSE_ERROR", message, line=line)])
