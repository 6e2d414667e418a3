"""Record values as readable table text (the template escapes it)."""
from __future__ import annotations

from typing import Any

from mockapi.mock.query import value_at

EMPTY_CELL = "—"


def cell_text(value: Any) -> str:
    """A value as one readable line: nested objects as ``key: value`` pairs, arrays comma-separated."""
    if value is None:
        return EMPTY_CELL
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, dict):
        parts = [f"{key}: {cell_text(child)}" for key, child in value.items() if child is not None]
        return ", ".join(parts) or EMPTY_CELL
    if isinstance(value, list):
        return ", ".join(cell_text(child) for child in value) or EMPTY_CELL
    return str(value)


def record_cells(record: dict[str, Any], columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One ``{text, type, value, label}`` per column; dotted column fields reach into nested objects."""
    cells = []
    for column in columns:
        value = value_at(record, tuple(str(column["field"]).split(".")))
        cells.append({"text": cell_text(value), "type": column.get("type", "string"), "value": value,
                      "label": column.get("label") or column["field"]})
    return cells
