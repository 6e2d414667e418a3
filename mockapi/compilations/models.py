"""The stored result of compiling one OpenAPI document (table ``compilations``)."""
from __future__ import annotations

from django.db import models


class Compilation(models.Model):
    """One compiled spec. Columns and types follow the storage design in SPEC.md.

    Code outside ``store.py`` never queries this model directly.
    """

    id = models.CharField(primary_key=True, max_length=12)
    account_id = models.CharField(max_length=36)
    name = models.CharField(max_length=255)
    status = models.CharField(max_length=20)
    specs = models.JSONField(default=dict)
    api_ir = models.JSONField(null=True, blank=True)
    diff_from_previous = models.JSONField(null=True, blank=True)
    errors = models.JSONField(default=list)
    resource_names = models.JSONField(default=list)
    resource_slugs = models.JSONField(default=list)
    openapi_canonical_hash = models.CharField(max_length=64, null=True, blank=True)
    created_at = models.DateTimeField()
    updated_at = models.DateTimeField()

    class Meta:
        db_table = "compilations"
        indexes = [
            models.Index(fields=["account_id"], name="compilations_account_id_idx"),
            models.Index(fields=["-updated_at"], name="compilations_updated_at_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.id})"
