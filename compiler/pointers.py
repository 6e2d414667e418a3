"""RFC 6901 JSON pointers: building, following, and finding a pointer's line."""
from __future__ import annotations

from typing import Any, Iterable

import yaml

Segment = str | int


def escape_segment(segment: Segment) -> str:
    return str(segment).replace("~", "~0").replace("/", "~1")


def pointer(segments: Iterable[Segment]) -> str:
    """The pointer for a path of keys and indexes; ``[]`` is the whole document ``""``."""
    return "".join("/" + escape_segment(segment) for segment in segments)


def split_pointer(json_pointer: str) -> list[str]:
    if not json_pointer:
        return []
    if not json_pointer.startswith("/"):
        raise ValueError(f"not a JSON pointer: {json_pointer!r}")
    return [part.replace("~1", "/").replace("~0", "~") for part in json_pointer[1:].split("/")]


def follow(document: Any, segments: Iterable[str]) -> Any:
    """The node at ``segments``; ``KeyError`` when there is none."""
    node = document
    for segment in segments:
        if isinstance(node, dict) and segment in node:
            node = node[segment]
        elif isinstance(node, list) and _is_index(segment) and int(segment) < len(node):
            node = node[int(segment)]
        else:
            raise KeyError(segment)
    return node


def _is_index(segment: str) -> bool:
    """RFC 6901 array indexes: digits without leading zeros, so each node has one spelling."""
    return segment.isdigit() and segment.isascii() and (segment == "0" or not segment.startswith("0"))


def line_of_pointer(text: str, json_pointer: str) -> int | None:
    """The 1-based line where the node at ``json_pointer`` is written, if it can be found.

    Works for YAML and for JSON (JSON is read as YAML here). For a mapping
    member the line of its key is returned, since that is what a reader looks for.
    """
    return lines_of_pointers(text, [json_pointer]).get(json_pointer)


def lines_of_pointers(text: str, json_pointers: Iterable[str]) -> dict[str, int | None]:
    """``line_of_pointer`` for many pointers, reading the text once."""
    pointers = list(json_pointers)
    try:
        root = yaml.compose(text, Loader=_LineLoader)
    except (yaml.YAMLError, RecursionError):
        return {json_pointer: None for json_pointer in pointers}
    return {json_pointer: _line_in(root, json_pointer) for json_pointer in pointers}


def _line_in(node: yaml.Node | None, json_pointer: str) -> int | None:
    try:
        segments = split_pointer(json_pointer)
    except ValueError:
        return None
    line = node.start_mark.line if node is not None else None
    for segment in segments:
        if isinstance(node, yaml.MappingNode):
            match = next((pair for pair in node.value if getattr(pair[0], "value", None) == segment), None)
            if match is None:
                return _one_based(line)
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and _is_index(segment) and int(segment) < len(node.value):
            node = node.value[int(segment)]
            line = node.start_mark.line
        else:
            return _one_based(line)
    return _one_based(line)


def _one_based(line: int | None) -> int | None:
    return None if line is None else line + 1


_LineLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
