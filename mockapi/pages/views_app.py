"""The compiled app (``/u/<id>/...``): a table per resource and forms for its records."""
from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from mockapi.compilations.models import Compilation
from mockapi.compilations.resources import OpenResource, ResourceNotFound, open_resource
from mockapi.compilations.store import compilation_get_for_account
from mockapi.errors import MethodNotAllowed
from mockapi.mock import RecordInvalid, get_mock_store
from mockapi.pages.accounts import with_account
from mockapi.pages.display import cell_text, record_cells
from mockapi.pages.listing import ListState, page_count
from mockapi.pages.record_forms import build_form_fields, errors_by_pointer, form_spec_fields, parse_record_form


@require_GET
@with_account
def app(request: HttpRequest, compilation_id: str) -> HttpResponse:
    """The app's address lands on its first resource."""
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=request.account_id)
    if not compilation.resource_slugs:
        raise ResourceNotFound("This compilation has no resources.")
    return redirect("pages:resource", compilation_id=compilation.id, resource=compilation.resource_slugs[0])


@require_GET
@with_account
def resource_table(request: HttpRequest, compilation_id: str, resource: str) -> HttpResponse:
    """The records table with search, the spec's filters, sorting and pages."""
    compilation, opened = _open(request, compilation_id, resource)
    spec = opened.spec
    state = ListState.from_params(request.GET, spec)
    pages = 1
    if "list" in spec.get("operations", {}):
        records, total = opened.records.list(state.list_query(spec))
        pages = page_count(total)
        if state.page > pages:
            return redirect(request.path + state.query_string(page=pages))
    else:
        records, total = [], 0
    columns = spec.get("table", {}).get("columns", [])
    id_field = spec.get("idField", "id")
    rows = [{"id": record.get(id_field), "cells": record_cells(record, columns)} for record in records]
    return render(request, "pages/resource_table.html", {
        **_app_context(compilation, spec), "state": state, "rows": rows, "total": total,
        "headers": state.column_headers(columns), "filters": state.filter_controls(spec),
        "pages": pages, "previous_url": state.query_string(page=state.page - 1) if state.page > 1 else "",
        "next_url": state.query_string(page=state.page + 1) if state.page < pages else "",
    })


@require_http_methods(["GET", "POST"])
@with_account
def record_create(request: HttpRequest, compilation_id: str, resource: str) -> HttpResponse:
    compilation, opened = _open(request, compilation_id, resource)
    _require_operation(opened, "create")
    return _record_form(request, compilation, opened, record=None)


@require_http_methods(["GET", "POST"])
@with_account
def record_edit(request: HttpRequest, compilation_id: str, resource: str, record_id: str) -> HttpResponse:
    compilation, opened = _open(request, compilation_id, resource)
    _require_operation(opened, "update")
    return _record_form(request, compilation, opened, record=opened.records.get(record_id))


@require_http_methods(["GET", "POST"])
@with_account
def record_delete(request: HttpRequest, compilation_id: str, resource: str, record_id: str) -> HttpResponse:
    """GET asks for confirmation; POST deletes and returns to the table."""
    compilation, opened = _open(request, compilation_id, resource)
    _require_operation(opened, "delete")
    record = opened.records.get(record_id)
    if request.method == "POST":
        opened.records.delete(record_id)
        messages.success(request, f"Deleted {opened.spec.get('entity', 'record')} {record_id}.")
        return redirect("pages:resource", compilation_id=compilation.id, resource=resource)
    fields = [{"label": item.get("label") or item["name"], "text": cell_text(record.get(item["name"]))}
              for item in opened.spec.get("fields", []) if not item.get("writeOnly")]
    return render(request, "pages/record_delete.html", {
        **_app_context(compilation, opened.spec), "record_id": record_id, "fields": fields,
    })


def _record_form(request: HttpRequest, compilation: Compilation, opened: OpenResource,
                 record: dict[str, Any] | None) -> HttpResponse:
    """Show, and on POST save, the create form (``record`` None) or the edit form."""
    spec = opened.spec
    spec_fields = form_spec_fields(spec)
    creating = record is None
    id_field = spec.get("idField", "id")
    data, errors, status = None, {}, 200
    if request.method == "POST":
        parsed = parse_record_form(spec_fields, request.POST, clear_empty=not creating)
        problems = parsed.errors
        if not problems:
            try:
                if creating:
                    saved = opened.records.create(parsed.body)
                else:
                    saved = opened.records.merge(str(record[id_field]), parsed.body)
            except RecordInvalid as invalid:
                problems = invalid.errors or []
        if not problems:
            verb = "Created" if creating else "Saved"
            messages.success(request, f"{verb} {spec.get('entity', 'record')} {saved.get(id_field)}.")
            return redirect("pages:resource", compilation_id=compilation.id, resource=spec["resource"])
        data, errors, status = request.POST, errors_by_pointer(problems), 422
    fields, unclaimed = build_form_fields(spec_fields, record=record, data=data, errors=errors, creating=creating)
    return render(request, "pages/record_form.html", {
        **_app_context(compilation, spec), "fields": fields, "creating": creating,
        "invalid": bool(errors), "form_errors": unclaimed, "record_id": None if creating else record.get(id_field),
    }, status=status)


def _open(request: HttpRequest, compilation_id: str, resource: str) -> tuple[Compilation, OpenResource]:
    compilation = compilation_get_for_account(compilation_id=compilation_id, account_id=request.account_id)
    return compilation, open_resource(compilation, resource, store=get_mock_store())


def _require_operation(opened: OpenResource, kind: str) -> None:
    if kind not in opened.spec.get("operations", {}):
        raise MethodNotAllowed(f"This API has no {kind} operation for {opened.spec.get('title', 'this resource')}.")


def _app_context(compilation: Compilation, spec: dict[str, Any]) -> dict[str, Any]:
    """What every page of the app shows: the compilation, its navigation and the current resource."""
    navigation = [
        {"slug": slug, "title": (compilation.specs.get(slug) or {}).get("title", name),
         "url": reverse("pages:resource", args=[compilation.id, slug]), "current": slug == spec.get("resource")}
        for slug, name in zip(compilation.resource_slugs, compilation.resource_names)
    ]
    operations = spec.get("operations", {})
    return {
        "compilation": compilation, "spec": spec, "navigation": navigation,
        "table_url": reverse("pages:resource", args=[compilation.id, spec["resource"]]),
        "can_create": "create" in operations, "can_update": "update" in operations,
        "can_delete": "delete" in operations,
    }
