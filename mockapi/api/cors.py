"""CORS for the mock API, so a front end on another origin can use it.

Only ``/api/mock/`` is opened; preflight requests are answered here, before
routing. Credentials are not allowed: the mock is addressed by its id.
"""
from __future__ import annotations

from django.http import HttpRequest, HttpResponse

MOCK_PREFIX = "/api/mock/"
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, POST, PUT, PATCH, DELETE, OPTIONS",
    "Access-Control-Allow-Headers": "Content-Type, X-Account-Id, Authorization, Accept",
    "Access-Control-Expose-Headers": "X-Total-Count, Location, Link",
    "Access-Control-Max-Age": "600",
}


class MockCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(MOCK_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "HTTP_ACCESS_CONTROL_REQUEST_METHOD" in request.META:
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        for header, value in CORS_HEADERS.items():
            response[header] = value
        return response
