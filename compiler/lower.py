"""Pass 7: UI plans → one UISpec per resource, each checked against ``uispec.schema.json``."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import jsonschema_rs

from compiler.errors import CompileError, fail_if_any
from compiler.model import UIColumn, UIField, UIFilter, UIOperation, UISpec
from compiler.plan import FieldPlan, ResourcePlan
from compiler.pointers import pointer

UISPEC_SCHEMA_PATH = Path(__file__).with_name("uispec.schema.json")
_UPDATE_METHOD_PREFERENCE = ("PUT", "PATCH")


def lower_uispecs(plans: list[ResourcePlan]) -> dict[str, UISpec]:
    """UISpecs keyed by resource slug; ``UISPEC_INVALID`` if one breaks the UISpec schema."""
    specs = {plan.resource["key"]: _uispec(plan) for plan in plans}
    fail_if_any(error for slug, spec in specs.items() for error in uispec_errors(spec, slug))
    return specs


def uispec_errors(spec: Any, slug: str) -> Iterator[CompileError]:
    """Every way ``spec`` breaks the UISpec JSON Schema, located under ``/<slug>``."""
    for error in sorted(_validator().iter_errors(spec), key=lambda error: list(map(str, error.instance_path))):
        yield CompileError(pointer([slug, *error.instance_path]), "UISPEC_INVALID", error.message)


@lru_cache(maxsize=1)
def _validator() -> jsonschema_rs.Validator:
    """The UISpec schema, compiled once (jsonschema-rs: a 150-resource spec checks in milliseconds)."""
    return jsonschema_rs.validator_for(json.loads(UISPEC_SCHEMA_PATH.read_text(encoding="utf-8")))


def _uispec(plan: ResourcePlan) -> UISpec:
    by_name = {field.name: field for field in plan.fields}
    return UISpec(
        entity=plan.entity,
        title=plan.title,
        resource=plan.resource["key"],
        idField=plan.resource["idField"],
        fields=[_field(field) for field in plan.fields],
        table={"columns": [UIColumn(field=name, label=by_name[name].label, type=by_name[name].type)
                           for name in plan.columns]},
        form={"fields": list(plan.form_fields)},
        filters=[_filter(by_name[name]) for name in plan.filters],
        operations=_operations(plan),
    )


def _field(plan: FieldPlan) -> UIField:
    field = UIField(name=plan.name, label=plan.label, type=plan.type, required=plan.required, readOnly=plan.read_only)
    if plan.write_only:
        field["writeOnly"] = True
    if plan.nullable:
        field["nullable"] = True
    if plan.format:
        field["format"] = plan.format
    if plan.description:
        field["description"] = plan.description
    if plan.options is not None:
        field["options"] = list(plan.options)
    if plan.fields is not None:
        field["fields"] = [_field(nested) for nested in plan.fields]
    if plan.items is not None:
        field["items"] = _field(plan.items)
    for key, value in plan.extras:
        field[key] = value  # type: ignore[literal-required]
    return field


def _filter(plan: FieldPlan) -> UIFilter:
    ui_filter = UIFilter(field=plan.name, label=plan.label, type=plan.type)
    if plan.options is not None:
        ui_filter["options"] = list(plan.options)
    return ui_filter


def _operations(plan: ResourcePlan) -> dict[str, UIOperation]:
    """Kind → method and path; with both PUT and PATCH, ``update`` names PUT."""
    operations: dict[str, UIOperation] = {}
    ranked = sorted(plan.resource["operations"],
                    key=lambda op: _UPDATE_METHOD_PREFERENCE.index(op["method"]) if op["method"] in _UPDATE_METHOD_PREFERENCE else 0)
    for operation in ranked:
        operations.setdefault(operation["kind"], UIOperation(method=operation["method"], path=operation["path"]))
    return dict(sorted(operations.items()))
