"""A page that reads the store, for testing how an outage renders on a page path."""
from django.http import HttpResponse
from django.urls import include, path

from mockapi.compilations import store


def store_backed_page(request):
    store.compilation_list_for_account(account_id="anyone")
    return HttpResponse("listed")


urlpatterns = [
    path("store-page", store_backed_page),
    path("", include("mockapi.urls")),
]
