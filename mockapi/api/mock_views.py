"""The mock REST API of a compiled spec: ``/api/mock/<id>/<resource>[/<recordId>]``.

The compilation id names the mock; a caller that also names an account
(``X-Account-Id`` or ``?accountId=``) must be the owner. Methods are the ones
the spec declares for the URL (405 otherwise). List answers are plain JSON
arrays with ``X-Total-Count``, as json-server's are.
"""
from __future__ import annotations

from urllib.parse import quote

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from mockapi.api.request_input import json_body, optional_account_id
from mockapi.compilations.resources import OpenResource, open_resource
from mockapi.compilations.store import CompilationForbidden, CompilationNotFound, compilation_get_current
from mockapi.errors import MethodNotAllowed
from mockapi.mock import ListQuery, get_mock_store


def _resource(request: HttpRequest, compilation_id: str, resource: str, *, on_item: bool) -> OpenResource:
    compilation = compilation_get_current(compilation_id=compilation_id)
    if compilation is None:
        raise CompilationNotFound()
    caller = optional_account_id(request)
    if caller is not None and caller != compilation.account_id:
        raise CompilationForbidden()
    opened = open_resource(compilation, resource, store=get_mock_store())
    allowed = opened.allowed_methods(on_item=on_item)
    if request.method not in allowed:
        raise MethodNotAllowed(f"The spec declares no {request.method} operation for this URL.", allowed=allowed)
    return opened


def _json(data: object, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


@csrf_exempt
def collection(request: HttpRequest, compilation_id: str, resource: str) -> HttpResponse:
    opened = _resource(request, compilation_id, resource, on_item=False)
    if request.method == "POST":
        record = opened.records.create(json_body(request))
        response = _json(record, status=201)
        response["Location"] = f"{request.path.rstrip('/')}/{quote(str(record[opened.ir['idField']]), safe='')}"
        return response
    page, total = opened.records.list(ListQuery.from_params(dict(request.GET.lists())))
    response = _json(page)
    response["X-Total-Count"] = str(total)
    return response


@csrf_exempt
def item(request: HttpRequest, compilation_id: str, resource: str, record_id: str) -> HttpResponse:
    opened = _resource(request, compilation_id, resource, on_item=True)
    if request.method == "DELETE":
        opened.records.delete(record_id)
        return HttpResponse(status=204)
    if request.method == "PUT":
        return _json(opened.records.replace(record_id, json_body(request)))
    if request.method == "PATCH":
        return _json(opened.records.merge(record_id, json_body(request)))
    return _json(opened.records.get(record_id))
