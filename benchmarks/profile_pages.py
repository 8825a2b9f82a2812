"""Where a cache miss spends its time: cProfile over a few hundred renders of a public page, through
Django's test client (no network), on the database that DATABASE_URL names (load the content first).

    DATABASE_URL=sqlite:///… .venv/bin/python benchmarks/profile_pages.py [PATH …]

Prints the median time per request and the 25 functions with the most cumulative time.
"""

import cProfile
import os
import pstats
import statistics
import sys
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "angers_intl.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

import django  # noqa: E402

django.setup()

from django.test import Client  # noqa: E402

from partnerships.models import PartnerCity  # noqa: E402

REPEAT = 200


def say(line=""):
    sys.stdout.write(f"{line}\n")


def profile(client, path):
    client.get(path)  # templates compiled, renditions found
    timings = []
    profiler = cProfile.Profile()
    for index in range(REPEAT):
        start = time.perf_counter()
        profiler.enable()
        # A distinct query string per request, as a visitor with a filter or a cache miss would send.
        response = client.get(path, {"q": index})
        profiler.disable()
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code}")
    say(f"\n{path}: median {statistics.median(timings):.2f} ms per request, {len(response.content)} bytes")
    pstats.Stats(profiler, stream=sys.stdout).sort_stats(
        os.environ.get("PROFILE_SORT", "cumulative")
    ).print_stats(int(os.environ.get("PROFILE_LINES", "25")))


def main():
    city = PartnerCity.objects.published().order_by("pk").first()
    paths = sys.argv[1:] or ["/fr/", "/en/partner-cities/", city.get_absolute_url()]
    client = Client()
    for path in paths:
        profile(client, path)


if __name__ == "__main__":
    main()
