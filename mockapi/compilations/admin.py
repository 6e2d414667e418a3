"""Operator view of stored compilations: searchable, filterable, read-only JSON."""
from __future__ import annotations

import json

from django.contrib import admin
from django.utils.html import format_html

from mockapi.compilations.models import Compilation

JSON_FIELDS = ("specs", "api_ir", "diff_from_previous", "errors", "resource_names", "resource_slugs")


def _pretty(value) -> str:
    return format_html("<pre class=\"rapidui-json\">{}</pre>", json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True))


@admin.register(Compilation)
class CompilationAdmin(admin.ModelAdmin):
    list_display = ("id", "name", "account_id", "status", "resource_count", "created_at", "updated_at")
    list_filter = ("status",)
    search_fields = ("id", "name", "account_id")
    ordering = ("-updated_at",)
    fields = ("id", "name", "account_id", "status", "openapi_canonical_hash", "created_at", "updated_at",
              *(f"{name}_pretty" for name in JSON_FIELDS))
    readonly_fields = fields

    @admin.display(description="Resources")
    def resource_count(self, obj: Compilation) -> int:
        return len(obj.resource_slugs or [])

    def has_add_permission(self, request) -> bool:
        return False

    # Inspection only: rows are written by the compiler and removed through the
    # product, which also clears the compilation's mock data.
    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def _json_display(field_name: str):
    @admin.display(description=field_name.replace("_", " ").capitalize())
    def display(self, obj: Compilation) -> str:
        return _pretty(getattr(obj, field_name))

    return display


for _name in JSON_FIELDS:
    setattr(CompilationAdmin, f"{_name}_pretty", _json_display(_name))
