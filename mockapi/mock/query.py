"""List queries in json-server 0.17's conventions.

Parameters: ``_sort``/``_order`` (comma-separated fields and directions),
``_start``/``_end``/``_limit`` (slice), ``_page``/``_limit`` (pages from 1,
``_limit`` 10 by default), ``q`` (case-insensitive full text over every string
at any depth), and any other parameter as a filter on a (dotted) field:
``field=v`` (repeat for OR), ``field_ne``, ``field_like`` (case-insensitive
text, optionally anchored with ``^``/``$``: json-server takes a regex, but a
client-chosen regex can take exponential time, so only this safe subset is
matched), ``field_gte``, ``field_lte``. ``accountId`` is an auth parameter and
``_embed``/``_expand`` are not supported; all three are ignored.
"""
from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from mockapi.errors import BadRequest

FilterOp = Literal["eq", "ne", "like", "gte", "lte"]

_IGNORED_PARAMS = frozenset({"accountId", "_embed", "_expand"})
_RESERVED_PARAMS = frozenset({"_sort", "_order", "_start", "_end", "_limit", "_page", "q"})
_OP_SUFFIXES: tuple[tuple[str, FilterOp], ...] = (
    ("_ne", "ne"), ("_like", "like"), ("_gte", "gte"), ("_lte", "lte"),
)
_DEFAULT_PAGE_SIZE = 10
_MISSING = object()


class InvalidQuery(BadRequest):
    default_message = "The list query is invalid."


@dataclass(frozen=True)
class SortField:
    path: tuple[str, ...]
    descending: bool = False


@dataclass(frozen=True)
class FieldFilter:
    """Keeps records whose value at ``path`` passes ``op`` for the given values.

    ``eq``, ``like``, ``gte`` and ``lte`` keep a record when any value matches;
    ``ne`` keeps it when no value equals the record's. A record without the
    field (or with null) never passes.
    """

    path: tuple[str, ...]
    op: FilterOp
    values: tuple[str, ...]

    def matches(self, record: dict) -> bool:
        actual = value_at(record, self.path, _MISSING)
        if actual is _MISSING or actual is None:
            return False
        if self.op == "ne":
            return not any(_equals(actual, value) for value in self.values)
        test = {"eq": _equals, "like": _like, "gte": _at_least, "lte": _at_most}[self.op]
        return any(test(actual, value) for value in self.values)


@dataclass(frozen=True)
class ListQuery:
    """A parsed list query; ``apply`` runs it over records."""

    filters: tuple[FieldFilter, ...] = ()
    search: str | None = None
    sort: tuple[SortField, ...] = ()
    start: int | None = None
    end: int | None = None
    limit: int | None = None
    page: int | None = None

    @classmethod
    def from_params(cls, params: Mapping[str, list[str]]) -> ListQuery:
        """Parse query parameters (name → every value given, as ``QueryDict.lists()``).

        A reserved parameter given twice uses its last value. Raises
        ``InvalidQuery`` for a number that is not a whole number in range or
        an ``_order`` other than asc/desc.
        """
        def last(name: str) -> str | None:
            values = params.get(name) or []
            return values[-1] if values else None

        filters = tuple(
            _parse_filter(name, values)
            for name, values in params.items()
            if name not in _IGNORED_PARAMS and name not in _RESERVED_PARAMS and values
        )
        search = last("q")
        return cls(
            filters=filters,
            search=search.lower() if search else None,
            sort=_parse_sort(last("_sort"), last("_order")),
            start=_parse_int("_start", last("_start"), minimum=0),
            end=_parse_int("_end", last("_end"), minimum=0),
            limit=_parse_int("_limit", last("_limit"), minimum=1),
            page=_parse_int("_page", last("_page"), minimum=1),
        )

    def apply(self, records: list[dict]) -> tuple[list[dict], int]:
        """The requested page of ``records`` and how many matched before slicing."""
        matched = [
            record for record in records
            if (self.search is None or _contains_text(record, self.search))
            and all(f.matches(record) for f in self.filters)
        ]
        for field in reversed(self.sort):
            # Successive stable sorts, least significant field first, give a
            # multi-field sort; nulls and missing values stay last either way.
            matched.sort(key=lambda record: _sort_key(record, field), reverse=field.descending)
        return self._slice(matched), len(matched)

    def _slice(self, records: list[dict]) -> list[dict]:
        if self.page is not None:
            size = self.limit or _DEFAULT_PAGE_SIZE
            offset = (self.page - 1) * size
            return records[offset:offset + size]
        start = self.start or 0
        if self.end is not None:
            return records[start:self.end]
        if self.limit is not None:
            return records[start:start + self.limit]
        return records[start:]


def _parse_int(name: str, raw: str | None, *, minimum: int) -> int | None:
    if raw is None or raw == "":
        return None
    try:
        value = int(raw.strip())
    except ValueError:
        raise InvalidQuery(f"{name} must be a whole number, not {raw!r}.") from None
    if value < minimum:
        raise InvalidQuery(f"{name} must be at least {minimum}, not {value}.")
    return value


def _parse_sort(raw_sort: str | None, raw_order: str | None) -> tuple[SortField, ...]:
    if not raw_sort:
        return ()
    fields = [name.strip() for name in raw_sort.split(",") if name.strip()]
    orders = [order.strip().lower() for order in (raw_order or "").split(",")]
    sort = []
    for index, name in enumerate(fields):
        order = orders[index] if index < len(orders) and orders[index] else "asc"
        if order not in ("asc", "desc"):
            raise InvalidQuery(f"_order must be asc or desc, not {order!r}.")
        sort.append(SortField(tuple(name.split(".")), descending=order == "desc"))
    return tuple(sort)


def _parse_filter(name: str, values: list[str]) -> FieldFilter:
    field, op = name, "eq"
    for suffix, suffix_op in _OP_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            field, op = name[: -len(suffix)], suffix_op
            break
    return FieldFilter(tuple(field.split(".")), op, tuple(values))


def value_at(record: Any, path: tuple[str, ...], default: Any = None) -> Any:
    """The value at ``path`` (object keys, array indexes as digits), or ``default``."""
    value = record
    for segment in path:
        if isinstance(value, dict) and segment in value:
            value = value[segment]
        elif isinstance(value, list) and segment.isdigit() and int(segment) < len(value):
            value = value[int(segment)]
        else:
            return default
    return value


def _as_text(value: Any) -> str:
    """A value as json-server (JavaScript) would print it in a comparison."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return str(value)


def _as_number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return None
        return number if math.isfinite(number) else None
    return None


def _equals(actual: Any, wanted: str) -> bool:
    if _as_text(actual) == wanted:
        return True
    # "12.50" should find 12.5: numbers also compare by value.
    if isinstance(actual, (int, float)) and not isinstance(actual, bool):
        return _as_number(wanted) == float(actual)
    return False


def _like(actual: Any, pattern: str) -> bool:
    text, wanted = _as_text(actual).casefold(), pattern.casefold()
    anchored_start, anchored_end = wanted.startswith("^"), wanted.endswith("$") and len(wanted) > 1
    wanted = wanted[1 if anchored_start else 0:len(wanted) - 1 if anchored_end else None]
    if anchored_start and anchored_end:
        return text == wanted
    if anchored_start:
        return text.startswith(wanted)
    if anchored_end:
        return text.endswith(wanted)
    return wanted in text


def _compare(actual: Any, bound: str) -> int | None:
    """-1, 0 or 1 as ``actual`` is below, at or above ``bound``: numbers by
    value when both are numeric, everything else as text."""
    left, right = _as_number(actual), _as_number(bound)
    if left is not None and right is not None and not isinstance(actual, str):
        return (left > right) - (left < right)
    text = _as_text(actual)
    return (text > bound) - (text < bound)


def _at_least(actual: Any, bound: str) -> bool:
    return _compare(actual, bound) >= 0


def _at_most(actual: Any, bound: str) -> bool:
    return _compare(actual, bound) <= 0


def _contains_text(value: Any, needle: str) -> bool:
    if isinstance(value, str):
        return needle in value.lower()
    if isinstance(value, dict):
        return any(_contains_text(child, needle) for child in value.values())
    if isinstance(value, list):
        return any(_contains_text(child, needle) for child in value)
    return False


def _sort_key(record: dict, field: SortField) -> tuple:
    value = value_at(record, field.path, _MISSING)
    present = value is not _MISSING and value is not None
    # ``reverse=True`` flips the whole key, so flip the presence flag too to
    # keep missing values last in descending order.
    last_flag = (not present) if not field.descending else present
    return (last_flag, _typed_key(value) if present else (0, 0))


def _typed_key(value: Any) -> tuple:
    """Orders values of mixed types deterministically: booleans, numbers, strings, the rest."""
    if isinstance(value, bool):
        return (0, int(value))
    if isinstance(value, (int, float)):
        return (1, value)
    if isinstance(value, str):
        return (2, value)
    return (3, json.dumps(value, sort_keys=True))
