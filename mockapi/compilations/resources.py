"""A compiled resource's mock records: which collection, which schemas, which methods.

``open_resource`` is how both the JSON API and the pages reach the mock data
service for one resource of one compilation. Demo data is seeded into the
account's collection the first time it is opened.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mockapi.compilations.models import Compilation
from mockapi.compilations.services import data_key
from mockapi.demos.catalog import fixture_records
from mockapi.errors import NotFound
from mockapi.mock import CollectionKey, MockStore, ResourceRecords, ResourceSchema

_COLLECTION_METHODS = {"list": "GET", "create": "POST"}
_ITEM_METHODS = {"detail": "GET", "delete": "DELETE"}


class ResourceNotFound(NotFound):
    default_message = "This compilation has no such resource."


@dataclass(frozen=True)
class OpenResource:
    """One resource of one compilation, ready for record operations."""

    ir: dict[str, Any]
    spec: dict[str, Any]
    records: ResourceRecords

    def allowed_methods(self, *, on_item: bool) -> list[str]:
        """HTTP methods the spec declares for the collection URL or an item URL."""
        methods = set()
        for operation in self.ir["operations"]:
            kind, method = operation["kind"], operation["method"]
            if on_item and (kind in _ITEM_METHODS or kind == "update"):
                methods.add(method)
            if not on_item and kind in _COLLECTION_METHODS:
                methods.add(method)
        return sorted(methods)


def open_resource(compilation: Compilation, slug: str, *, store: MockStore) -> OpenResource:
    """The resource ``slug`` of ``compilation`` with its records; ``ResourceNotFound`` if there is none."""
    resource = next((item for item in (compilation.api_ir or {}).get("resources", []) if item["key"] == slug), None)
    spec = (compilation.specs or {}).get(slug)
    if resource is None or spec is None:
        raise ResourceNotFound()
    key = CollectionKey(account_id=compilation.account_id, data_key=data_key(compilation), resource=slug)
    if key.data_key != compilation.id:
        store.seed_once(key, lambda: fixture_records(key.data_key, slug))
    records = ResourceRecords(store, key, _resource_schema(resource))
    return OpenResource(ir=resource, spec=spec, records=records)


def _resource_schema(resource: dict[str, Any]) -> ResourceSchema:
    """Request schemas of create and update (PUT's when both PUT and PATCH exist)."""
    bodies = {(operation["kind"], operation["method"]): operation.get("requestSchema")
              for operation in resource["operations"]}
    return ResourceSchema(id_field=resource["idField"], item_schema=resource["itemSchema"],
                          create_schema=bodies.get(("create", "POST")),
                          update_schema=bodies.get(("update", "PUT")) or bodies.get(("update", "PATCH")))
