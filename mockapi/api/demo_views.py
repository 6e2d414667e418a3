"""The bundled demo specs: their list and their text."""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse

from mockapi.api.methods import dispatch
from mockapi.demos.catalog import DEMO_SPECS, demo_spec
from mockapi.errors import NotFound


def _list(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"items": [{"name": demo.name, "title": demo.title, "url": f"/api/demo-specs/{demo.name}"}
                                   for demo in DEMO_SPECS]})


def _text(request: HttpRequest, name: str) -> HttpResponse:
    demo = demo_spec(name)
    if demo is None:
        raise NotFound(f"There is no demo spec called {name!r}.")
    return HttpResponse(demo.text(), content_type="application/yaml; charset=utf-8")


demo_specs = dispatch(get=_list)
demo_spec_text = dispatch(get=_text)
