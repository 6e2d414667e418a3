"""A stored ``diffFromPrevious`` arranged for the diff page."""
from __future__ import annotations

from typing import Any


def change_category(kind: str) -> str:
    """``added``, ``removed`` or ``changed``: how the page labels and colours a change."""
    if kind.endswith("_added"):
        return "added"
    if kind.endswith("_removed"):
        return "removed"
    return "changed"


def group_changes(changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Changes grouped by resource in first-seen order: ``[{resource, breaking, changes}]``.

    Each change gets ``category``; within a resource breaking changes come first.
    """
    groups: dict[str, list[dict[str, Any]]] = {}
    for change in changes:
        item = {**change, "category": change_category(str(change.get("kind", "")))}
        groups.setdefault(change.get("resource") or "", []).append(item)
    return [
        {
            "resource": resource,
            "breaking": sum(1 for item in items if item.get("breaking")),
            "changes": sorted(items, key=lambda item: not item.get("breaking")),
        }
        for resource, items in groups.items()
    ]
