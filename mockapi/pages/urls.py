"""Routes of the server-rendered pages (mounted at /)."""
urlpatterns: list = []
