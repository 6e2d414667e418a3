"""Method dispatch for API views: one handler per HTTP method, 405 with ``Allow`` otherwise."""
from __future__ import annotations

from typing import Callable

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from mockapi.errors import MethodNotAllowed

Handler = Callable[..., HttpResponse]


def dispatch(**handlers: Handler) -> Handler:
    """A CSRF-exempt view calling ``handlers[<method in lower case>]``.

    The JSON API authenticates by account id, not by cookie, so CSRF does not apply.
    """
    allowed = sorted(method.upper() for method in handlers)

    @csrf_exempt
    def view(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        handler = handlers.get(request.method.lower())
        if handler is None:
            raise MethodNotAllowed(f"{request.method} is not allowed here.", allowed=allowed)
        return handler(request, *args, **kwargs)

    return view
