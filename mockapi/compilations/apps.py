from django.apps import AppConfig


class CompilationsConfig(AppConfig):
    name = "mockapi.compilations"
    verbose_name = "Compilations"
