"""Only for `make bench` (benchmarks/stack.py), never in production: the URL exists only when the
benchmark sets DJANGO_BENCHMARK_VIEWS=1.

A response built without any template, query or form, through the same middleware and gunicorn as the
pages: the ceiling against which the benchmark measures a page's cache misses."""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

# About the size of a public page, built once at import.
PREBUILT_PAGE = (
    b"<!DOCTYPE html><html lang=fr><head><meta charset=utf-8><title>Prebuilt</title></head><body><main>"
    + b"<p>Prebuilt bytes, the same for every request.</p>" * 160
    + b"</main></body></html>"
)


@require_safe
def prebuilt_bytes(request):
    return HttpResponse(PREBUILT_PAGE)


urlpatterns = [path("_benchmark/prebuilt/", prebuilt_bytes, name="benchmark_prebuilt")]
