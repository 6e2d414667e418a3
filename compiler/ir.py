"""Pass 5: the resolved document → ApiIR (resources, their operations and record schema)."""
from __future__ import annotations

from typing import Any

from compiler.errors import CompileError, fail_if_any
from compiler.grouping import ResourceGroup, group_operations, slugify
from compiler.model import ApiIR, IROperation, IRResource, JsonSchema
from compiler.operations import Operation, iter_operations, json_schema_of, success_codes
from compiler.pointers import pointer

_ID_NAMES = ("id", "uuid", "key", "slug", "code")


def build_api_ir(document: dict[str, Any]) -> ApiIR:
    """Build the ApiIR of a validated, ``$ref``-resolved document."""
    groups, errors = group_operations(iter_operations(document), _tag_names(document))
    fail_if_any(errors)
    fail_if_any(_resource_errors(groups))
    info = document.get("info") or {}
    return ApiIR(
        api={"title": str(info.get("title", "")), "version": str(info.get("version", ""))},
        resources=[_resource(document, group) for group in groups],
    )


def _tag_names(document: dict[str, Any]) -> list[str]:
    tags = document.get("tags")
    if not isinstance(tags, list):
        return []
    return [tag["name"] for tag in tags if isinstance(tag, dict) and isinstance(tag.get("name"), str)]


def _resource_errors(groups: list[ResourceGroup]) -> list[CompileError]:
    return [
        CompileError(pointer(["paths", group.operations[0].path]), "IR_INVALID",
                     f"Resource {group.name!r} has neither a list nor a detail operation, so it has no records to show.")
        for group in groups
        if not (group.operation("list") or group.operation("detail"))
    ]


def _resource(document: dict[str, Any], group: ResourceGroup) -> IRResource:
    operations = [_operation(document, operation) for operation in group.operations]
    item_schema = _item_schema(operations)
    return IRResource(
        name=group.name,
        key=group.key,
        idField=_id_field(item_schema, operations),
        itemSchema=item_schema,
        operations=operations,
    )


def _operation(document: dict[str, Any], operation: Operation) -> IROperation:
    kind = operation.kind or ""
    result = IROperation(
        id=str(operation.node.get("operationId") or f"{operation.method}-{slugify(operation.path)}"),
        method=operation.method.upper(),
        kind=kind,
        path=operation.path,
    )
    if operation.path_params:
        result["identifierParam"] = operation.path_params[0]
    request = json_schema_of(document, operation.node.get("requestBody"))
    if request and isinstance(request[1], dict):
        result["requestSchema"] = request[1]
    codes = success_codes(operation)
    response = json_schema_of(document, operation.node["responses"][codes[0]]) if codes else None
    if response and isinstance(response[1], dict):
        result["responseSchema"] = response[1]
    return result


def _item_schema(operations: list[IROperation]) -> JsonSchema:
    """The schema of one record: detail response, else list items, else create/update bodies."""
    by_kind = {operation["kind"]: operation for operation in operations}
    candidates = [
        by_kind.get("detail", {}).get("responseSchema"),
        _list_items(by_kind.get("list", {}).get("responseSchema")),
        by_kind.get("create", {}).get("responseSchema"),
        by_kind.get("update", {}).get("responseSchema"),
        by_kind.get("create", {}).get("requestSchema"),
        by_kind.get("update", {}).get("requestSchema"),
    ]
    return next((schema for schema in candidates if is_object_schema(schema)),
                next((schema for schema in candidates if isinstance(schema, dict)), {}))


def _list_items(schema: JsonSchema | None) -> JsonSchema | None:
    """Items of a list response: a bare array, or an envelope object with exactly one array property."""
    if not isinstance(schema, dict):
        return None
    if isinstance(schema.get("items"), dict):
        return schema["items"]
    arrays = [prop for prop in (schema.get("properties") or {}).values()
              if isinstance(prop, dict) and isinstance(prop.get("items"), dict)]
    return arrays[0]["items"] if len(arrays) == 1 else None


def is_object_schema(schema: Any) -> bool:
    return isinstance(schema, dict) and (schema.get("type") == "object" or isinstance(schema.get("properties"), dict)
                                         or (isinstance(schema.get("type"), list) and "object" in schema["type"]))


def _id_field(item_schema: JsonSchema, operations: list[IROperation]) -> str:
    """The property that identifies a record: the path parameter's name if it is one, else id-like names."""
    properties = item_schema.get("properties") if isinstance(item_schema.get("properties"), dict) else {}
    params = sorted({operation["identifierParam"] for operation in operations if "identifierParam" in operation})
    for name in [*params, *_ID_NAMES]:
        if name in properties:
            return name
    for param in params:
        for name in sorted(properties):
            if name.lower() in (param.lower(), param.lower().replace("_", "")):
                return name
    return "id"
