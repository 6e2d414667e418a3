"""JSON API routes (mounted under /api/)."""
from django.urls import path

from mockapi.api import compilation_views, demo_views, mock_views

urlpatterns = [
    path("compile-openapi", compilation_views.compile_openapi, name="api-compile"),
    path("compilations", compilation_views.compilations, name="api-compilations"),
    path("compilations/<str:compilation_id>", compilation_views.compilation, name="api-compilation"),
    path("compilations/<str:compilation_id>/update", compilation_views.update_compilation, name="api-update"),
    path("demo-specs", demo_views.demo_specs, name="api-demo-specs"),
    path("demo-specs/<str:name>", demo_views.demo_spec_text, name="api-demo-spec"),
    path("mock/<str:compilation_id>/<str:resource>", mock_views.collection, name="api-mock-collection"),
    path("mock/<str:compilation_id>/<str:resource>/<str:record_id>", mock_views.item, name="api-mock-item"),
]
