"""Reading operations out of a document: kinds, path parameters, bodies, responses.

Shared by the subset validator and the ApiIR builder, and written to cope
with documents that broke the OpenAPI schema (every access is type-checked),
so all problems can be reported together.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from compiler.pointers import follow, split_pointer

CRUD_METHODS = ("get", "post", "put", "patch", "delete")
HTTP_METHODS = (*CRUD_METHODS, "head", "options", "trace")
KIND_ORDER = ("list", "detail", "create", "update", "delete")
_TEMPLATE = re.compile(r"\{([^{}/]+)\}")


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    node: dict[str, Any]

    @property
    def location(self) -> list[str | int]:
        return ["paths", self.path, self.method]

    @property
    def path_params(self) -> tuple[str, ...]:
        return tuple(_TEMPLATE.findall(self.path))

    @property
    def kind(self) -> str | None:
        """list/detail/create/update/delete, from the method and whether the path ends in ``{param}``."""
        segments = [segment for segment in self.path.split("/") if segment]
        on_item = bool(segments) and _TEMPLATE.fullmatch(segments[-1]) is not None
        kinds = {
            ("get", False): "list", ("post", False): "create",
            ("get", True): "detail", ("put", True): "update", ("patch", True): "update", ("delete", True): "delete",
        }
        return kinds.get((self.method, on_item))

    @property
    def tags(self) -> list[Any]:
        tags = self.node.get("tags")
        return tags if isinstance(tags, list) else []


def iter_operations(document: dict[str, Any]) -> Iterator[Operation]:
    """Every operation, ordered by path then method, whatever the document's key order."""
    paths = document.get("paths")
    if not isinstance(paths, dict):
        return
    for path in sorted(paths):
        item = paths[path]
        if not isinstance(item, dict):
            continue
        item = deref(document, item)
        for method in HTTP_METHODS:
            if isinstance(item.get(method), dict):
                yield Operation(path, method, item[method])


def deref(document: dict[str, Any], node: Any) -> Any:
    """Follow a chain of local ``$ref``s (already checked by ``check_refs``) to the node it names."""
    for _ in range(64):
        if not (isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")):
            return node
        try:
            node = follow(document, split_pointer(node["$ref"][1:]))
        except (KeyError, ValueError):
            return None
    return node


def is_json_media_type(media_type: str) -> bool:
    essence = media_type.split(";")[0].strip().lower()
    return essence == "application/json" or essence.endswith("+json")


def json_schema_of(document: dict[str, Any], holder: Any) -> tuple[str, Any] | None:
    """(media type, schema) of the JSON entry of a request body or response, if it has one."""
    holder = deref(document, holder)
    content = holder.get("content") if isinstance(holder, dict) else None
    if not isinstance(content, dict):
        return None
    for media_type in sorted(content, key=lambda name: (name.split(";")[0].strip().lower() != "application/json", name)):
        entry = content[media_type]
        if is_json_media_type(media_type) and isinstance(entry, dict):
            return media_type, entry.get("schema")
    return None


def success_codes(operation: Operation) -> list[str]:
    """The operation's 2xx response codes (``2XX`` included), sorted."""
    responses = operation.node.get("responses")
    if not isinstance(responses, dict):
        return []
    return sorted(str(code) for code in responses if str(code).startswith("2"))
