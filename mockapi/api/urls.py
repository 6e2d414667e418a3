"""Routes of the JSON API (mounted at /api/)."""
urlpatterns: list = []
