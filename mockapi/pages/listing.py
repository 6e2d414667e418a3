"""The resource table's query string: search, the spec's filters, sort and page.

The page uses its own parameter names (``q``, ``f.<field>``, ``sort``,
``order``, ``page``) and translates them to the mock service's json-server
``ListQuery``: text filters become ``<field>_like`` (a case-insensitive
substring match), enums, booleans and numbers become equality.
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from mockapi.mock import ListQuery
from mockapi.pages.record_forms import SCALAR_INPUTS

PAGE_SIZE = 10
FILTER_PREFIX = "f."
_TEXT_MATCH_TYPES = frozenset({"string", "text", "email", "url", "uuid", "datetime"})


@dataclass
class FilterControl:
    """One filter input as the template renders it."""

    field: str
    label: str
    type: str
    widget: str
    input_type: str
    input_name: str
    value: str
    options: list[str] = field(default_factory=list)


@dataclass
class ListState:
    """What the visitor asked the table for; builds the table's links."""

    search: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    sort: str = ""
    order: str = "asc"
    page: int = 1

    @classmethod
    def from_params(cls, params: Mapping[str, str], spec: Mapping[str, Any]) -> ListState:
        """Read the page's query string; unknown fields and bad values are ignored, not errors."""
        filter_fields = {item["field"] for item in spec.get("filters", [])}
        sortable = {column["field"] for column in spec.get("table", {}).get("columns", [])}
        filters = {
            name: params.get(FILTER_PREFIX + name, "").strip()
            for name in filter_fields if params.get(FILTER_PREFIX + name, "").strip()
        }
        sort = params.get("sort", "")
        order = params.get("order", "asc")
        try:
            page = max(1, int(params.get("page", "1")))
        except ValueError:
            page = 1
        return cls(search=params.get("q", "").strip(), filters=filters,
                   sort=sort if sort in sortable else "", order="desc" if order == "desc" else "asc", page=page)

    def list_query(self, spec: Mapping[str, Any]) -> ListQuery:
        """The ``ListQuery`` for the mock records of this state."""
        types = {item["field"]: item.get("type", "string") for item in spec.get("filters", [])}
        params: dict[str, list[str]] = {"_page": [str(self.page)], "_limit": [str(PAGE_SIZE)]}
        if self.search:
            params["q"] = [self.search]
        if self.sort:
            params["_sort"], params["_order"] = [self.sort], [self.order]
        for name, value in self.filters.items():
            if types.get(name) in _TEXT_MATCH_TYPES:
                params[f"{name}_like"] = [value]
            else:
                params[name] = [value]
        return ListQuery.from_params(params)

    def query_string(self, **changes: Any) -> str:
        """``?...`` for this state with ``changes`` applied (``page``, ``sort``, ``order``)."""
        values = {"q": self.search, "sort": self.sort, "order": self.order, "page": self.page, **changes}
        pairs = [(key, str(values[key])) for key in ("q", "sort", "order") if values[key]]
        pairs += [(FILTER_PREFIX + name, value) for name, value in sorted(self.filters.items())]
        if values["page"] and int(values["page"]) > 1:
            pairs.append(("page", str(values["page"])))
        if not values["sort"]:
            pairs = [pair for pair in pairs if pair[0] != "order"]
        return "?" + urlencode(pairs) if pairs else "?"

    def column_headers(self, columns: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Each column with the link that sorts by it (ascending first, then toggling)."""
        headers = []
        for column in columns:
            active = self.sort == column["field"]
            next_order = "desc" if active and self.order == "asc" else "asc"
            headers.append({**column, "sorted": self.order if active else "",
                            "sort_url": self.query_string(sort=column["field"], order=next_order, page=1)})
        return headers

    def filter_controls(self, spec: Mapping[str, Any]) -> list[FilterControl]:
        controls = []
        for item in spec.get("filters", []):
            kind = item.get("type", "string")
            widget = "select" if kind in ("enum", "boolean") else "input"
            options = [str(option) for option in item.get("options") or []]
            controls.append(FilterControl(
                field=item["field"], label=item.get("label") or item["field"], type=kind, widget=widget,
                input_type="search" if kind in _TEXT_MATCH_TYPES else SCALAR_INPUTS.get(kind, "text"),
                input_name=FILTER_PREFIX + item["field"], value=self.filters.get(item["field"], ""),
                options=options,
            ))
        return controls

    @property
    def is_filtered(self) -> bool:
        return bool(self.search or self.filters)


def page_count(total: int) -> int:
    return max(1, math.ceil(total / PAGE_SIZE))
