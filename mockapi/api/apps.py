from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "mockapi.api"
    label = "rapidui_api"
    verbose_name = "JSON API"
