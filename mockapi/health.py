"""Liveness and database health for operators and load balancers."""
from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from mockapi.compilations.store import storage_ping


@require_GET
def health(request: HttpRequest) -> JsonResponse:
    """``{"status": "ok", "database": "<vendor>"}``; a database outage becomes the usual 500."""
    storage_ping()
    return JsonResponse({"status": "ok", "database": connection.vendor})
