"""Routes of the server-rendered pages (mounted at /)."""
from django.urls import path

from mockapi.pages import views_app, views_home

app_name = "pages"

urlpatterns = [
    path("", views_home.home, name="home"),
    path("compile", views_home.compile_spec, name="compile"),
    path("compilations/<str:compilation_id>/update", views_home.update_compilation, name="update"),
    path("compilations/<str:compilation_id>/diff", views_home.compilation_diff, name="diff"),
    path("compilations/<str:compilation_id>/delete", views_home.delete_compilation, name="delete"),
    path("u/<str:compilation_id>", views_app.app, name="app"),
    path("u/<str:compilation_id>/<str:resource>", views_app.resource_table, name="resource"),
    path("u/<str:compilation_id>/<str:resource>/new", views_app.record_create, name="record_create"),
    path("u/<str:compilation_id>/<str:resource>/<str:record_id>/edit", views_app.record_edit, name="record_edit"),
    path("u/<str:compilation_id>/<str:resource>/<str:record_id>/delete", views_app.record_delete,
         name="record_delete"),
]
