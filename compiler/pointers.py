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
        elif isinstance(node, list) and segment.isdigit() and int(segment) < len(node):
            node = node[int(segment)]
        else:
            raise KeyError(segment)
    return node


def line_of_pointer(text: str, json_pointer: str) -> int | None:
    """The 1-based line where the node at ``json_pointer`` is written, if it can be found.

    Works for YAML and for JSON (JSON is read as YAML here). For a mapping
    member the line of its key is returned, since that is what a reader looks for.
    """
    try:
        node = yaml.compose(text, Loader=_LineLoader)
        segments = split_pointer(json_pointer)
    except (yaml.YAMLError, ValueError, RecursionError):
        return None
    line = node.start_mark.line if node is not None else None
    for segment in segments:
        if isinstance(node, yaml.MappingNode):
            match = next((pair for pair in node.value if getattr(pair[0], "value", None) == segment), None)
            if match is None:
                return _one_based(line)
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and segment.isdigit() and int(segment) < len(node.value):
            node = node.value[int(segment)]
            line = node.start_mark.line
        else:
            return _one_based(line)
    return _one_based(line)


def _one_based(line: int | None) -> int | None:
    return None if line is None else line + 1


_LineLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
