"""The shapes that cross pass boundaries: ApiIR and UISpec (JSON-ready TypedDicts)."""
from __future__ import annotations

from typing import Any, NotRequired, TypedDict

JsonSchema = dict[str, Any]


class ApiInfo(TypedDict):
    title: str
    version: str


class IROperation(TypedDict):
    id: str
    method: str
    kind: str
    path: str
    identifierParam: NotRequired[str]
    requestSchema: NotRequired[JsonSchema]
    responseSchema: NotRequired[JsonSchema]


class IRResource(TypedDict):
    name: str
    key: str
    idField: str
    itemSchema: JsonSchema
    operations: list[IROperation]


class ApiIR(TypedDict):
    api: ApiInfo
    resources: list[IRResource]


class UIField(TypedDict):
    name: str
    label: str
    type: str
    required: bool
    readOnly: bool
    writeOnly: NotRequired[bool]
    nullable: NotRequired[bool]
    format: NotRequired[str]
    description: NotRequired[str]
    options: NotRequired[list[Any]]
    fields: NotRequired[list[UIField]]
    items: NotRequired[UIField]
    default: NotRequired[Any]
    example: NotRequired[Any]
    minimum: NotRequired[float]
    maximum: NotRequired[float]
    minLength: NotRequired[int]
    maxLength: NotRequired[int]
    pattern: NotRequired[str]


class UIColumn(TypedDict):
    field: str
    label: str
    type: str


class UIFilter(TypedDict):
    field: str
    label: str
    type: str
    options: NotRequired[list[Any]]


class UIOperation(TypedDict):
    method: str
    path: str


class UISpec(TypedDict):
    entity: str
    title: str
    resource: str
    idField: str
    fields: list[UIField]
    table: dict[str, list[UIColumn]]
    form: dict[str, list[str]]
    filters: list[UIFilter]
    operations: dict[str, UIOperation]
