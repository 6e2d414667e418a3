from django.apps import AppConfig


class PagesConfig(AppConfig):
    name = "mockapi.pages"
    verbose_name = "Pages"
