"""URL map: pages at the root, the JSON API under /api/, the admin under /admin/."""
from django.contrib import admin
from django.urls import include, path

from mockapi import error_views, health

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/health", health.health, name="health"),
    path("api/", include("mockapi.api.urls")),
    path("", include("mockapi.pages.urls")),
]

handler400 = error_views.bad_request
handler404 = error_views.not_found
handler500 = error_views.server_error
