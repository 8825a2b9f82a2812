"""Benchmark: SQL queries and server time of every public page, with the Angers content and at scale;
then the streamed CSV export of 100,000 subscribers (time and peak Python memory); then every admin list
(changelist) with those 100,000 subscribers, signed in as a superuser (goal: under 250 ms each). The admin
figures are written to benchmarks/results.json (section "admin_lists", or "admin_lists_postgresql" on PostgreSQL).

    make bench                     # a throw-away SQLite database
    DATABASE_URL=postgres://… make bench   # a database you can afford to fill (it is migrated and filled)

Figures are the median of several requests through Django's test client (no network, no nginx).
"""

import json
import os
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE_DIR))
_scratch = Path(tempfile.mkdtemp(prefix="intl-bench-"))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_scratch / 'bench.sqlite3'}")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "angers_intl.settings")
os.environ.setdefault("DJANGO_DEBUG", "0")
os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-0123456789abcdefghijklmnopqrstuvwxyz")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_MEDIA_ROOT", str(_scratch / "media"))

import django  # noqa: E402

django.setup()

from django.contrib import admin  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.backends.signals import connection_created  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from networks.models import Network, NetworkFigure  # noqa: E402
from newsletter import services as newsletter_services  # noqa: E402
from newsletter.models import Subscriber  # noqa: E402
from partnerships.models import Milestone, PartnerCity, Programme  # noqa: E402

REPEAT = 15
ADMIN_REPEAT = 5
ADMIN_GOAL_MS = 250
RESULTS = BASE_DIR / "benchmarks" / "results.json"
SCALE_CITIES = 500
SCALE_NETWORKS = 100
SUBSCRIBERS = 100_000


def say(line=""):
    sys.stdout.write(f"{line}\n")


class QueryCounter:
    """Counts SQL statements on every database connection, whichever context the request runs in."""

    def __init__(self):
        self.count = 0
        connection_created.connect(self.watch, weak=False)
        self.watch(sender=None, connection=connection)

    def watch(self, sender, connection, **kwargs):
        if self not in connection.execute_wrappers:
            connection.execute_wrappers.append(self)

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


QUERIES = QueryCounter()


def public_paths():
    city = PartnerCity.objects.published().order_by("pk").first()
    programme = Programme.objects.published().order_by("pk").first()
    network = Network.objects.published().order_by("pk").first()
    paths = ["/fr/", "/en/", "/fr/villes-partenaires/", "/en/partner-cities/?type=twinning"]
    paths += [city.get_absolute_url(), "/fr/villes-partenaires/carte/", "/fr/villes-partenaires/chronologie/"]
    paths += [programme.get_absolute_url(), "/fr/reseaux/", network.get_absolute_url()]
    paths += [
        "/fr/labels-et-distinctions/",
        "/fr/lettre-d-information/",
        "/fr/mentions-legales/",
        "/sitemap.xml",
    ]
    return paths


def measure(client, path):
    client.get(path)  # warm caches (templates, renditions) first
    before = QUERIES.count
    response = client.get(path)
    query_count = QUERIES.count - before
    if response.status_code != 200:
        raise SystemExit(f"{path} answered {response.status_code}")
    timings = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        client.get(path)
        timings.append((time.perf_counter() - start) * 1000)
    return query_count, statistics.median(timings), len(response.content)


def table(title, client):
    say(f"\n{title}")
    say(f"{'page':<52} {'queries':>7} {'median ms':>10} {'KB':>7}")
    for path in public_paths():
        count, median, size = measure(client, path)
        say(f"{path:<52} {count:>7} {median:>10.1f} {size / 1024:>7.1f}")


def scale_up():
    """Copies of the Angers cities (with their themes and key dates) and networks (with their figures)."""
    cities = list(PartnerCity.objects.prefetch_related("themes", "milestones"))
    for index in range(SCALE_CITIES - len(cities)):
        source = cities[index % len(cities)]
        themes, milestones = list(source.themes.all()), list(source.milestones.all())
        source.pk, source.slug = None, f"{source.slug[:80]}-{index}"
        source.save()
        source.themes.set(themes)
        for milestone in milestones:
            milestone.pk, milestone.partner_city = None, source
        Milestone.objects.bulk_create(milestones)
    networks = list(Network.objects.prefetch_related("figures"))
    for index in range(SCALE_NETWORKS - len(networks)):
        source = networks[index % len(networks)]
        figures = list(source.figures.all())
        source.pk, source.slug = None, f"{source.slug[:80]}-{index}"
        source.save()
        for figure in figures:
            figure.pk, figure.network = None, source
        NetworkFigure.objects.bulk_create(figures)


def export_benchmark():
    now = timezone.now()
    Subscriber.objects.bulk_create(
        (
            Subscriber(
                email=f"reader{index}@example.org",
                language="fr" if index % 3 else "en",
                status=Subscriber.Status.CONFIRMED,
                subscribed_at=now,
                confirmed_at=now,
                form_language="fr",
                consent_version="bench",
            )
            for index in range(SUBSCRIBERS)
        ),
        batch_size=5000,
    )
    if connection.vendor == "postgresql":
        # The steady state autovacuum keeps a live table in: statistics for the planner, and a visibility
        # map that lets counts read the indexes alone.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE newsletter_subscriber")
    tracemalloc.start()
    start = time.perf_counter()
    rows = newsletter_services.confirmed_subscriber_rows(Subscriber.objects.all())
    lines = sum(1 for _line in newsletter_services.subscribers_csv(rows))
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    say(f"\nCSV export of {SUBSCRIBERS:,} confirmed subscribers: {lines - 1:,} rows in {elapsed:.1f} s;")
    say(f"peak Python memory {peak / 1024 / 1024:.1f} MiB (streamed in chunks, never all in memory)")
    tracemalloc.start()
    start = time.perf_counter()
    with tempfile.TemporaryFile() as file:
        newsletter_services.subscribers_xlsx(
            newsletter_services.confirmed_subscriber_rows(Subscriber.objects.all()), file
        )
        size = file.tell()
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    say(
        f"XLSX export: {size / 1024 / 1024:.1f} MiB in {elapsed:.1f} s; peak Python memory {peak / 1024 / 1024:.1f} MiB"
    )


def admin_paths():
    """(label, path) of every registered model's changelist, plus the subscriber list filtered and searched."""
    paths = []
    for model in sorted(admin.site._registry, key=lambda m: (m._meta.app_label, m._meta.model_name)):
        label = f"{model._meta.app_label}.{model._meta.model_name}"
        paths.append((label, reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")))
        if model is Subscriber:
            base = paths[-1][1]
            paths.append((f"{label} filtered", f"{base}?status__exact=confirmed&language__exact=fr"))
            paths.append(
                (
                    f"{label} filtered + whole address",
                    f"{base}?status__exact=confirmed&language__exact=fr&q=Reader12345@example.org",
                )
            )
            paths.append((f"{label} search, part of an address", f"{base}?q=reader12"))
            paths.append((f"{label} page 500", f"{base}?p=500"))
    return paths


def admin_benchmark():
    """Every admin list, signed in as a superuser: queries, median time of `ADMIN_REPEAT` requests, size."""
    user = get_user_model().objects.create_superuser(
        "bench-admin", "bench-admin@example.org", "bench-password"
    )
    client = Client()
    client.force_login(user)
    say(
        f"\nAdmin lists with {Subscriber.objects.count():,} subscribers (superuser; goal < {ADMIN_GOAL_MS} ms)"
    )
    say(f"{'list':<44} {'status':>6} {'queries':>7} {'median ms':>10} {'KB':>7}")
    rows = {}
    for label, path in admin_paths():
        client.get(path)  # warm
        before = QUERIES.count
        response = client.get(path)
        query_count = QUERIES.count - before
        timings = []
        for _ in range(ADMIN_REPEAT):
            start = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - start) * 1000)
        median = statistics.median(timings)
        rows[label] = {
            "path": path,
            "status": response.status_code,
            "queries": query_count,
            "median_ms": round(median, 1),
            "bytes": len(response.content),
        }
        flag = "" if median < ADMIN_GOAL_MS else "  OVER"
        say(
            f"{label:<44} {response.status_code:>6} {query_count:>7} {median:>10.1f}"
            f" {len(response.content) / 1024:>7.1f}{flag}"
        )
    results = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    # One section per database, so that a PostgreSQL run does not erase the SQLite figures.
    section = "admin_lists" if connection.vendor == "sqlite" else f"admin_lists_{connection.vendor}"
    results[section] = {
        "database": connection.vendor,
        "subscribers": Subscriber.objects.count(),
        "repeat": ADMIN_REPEAT,
        "goal_ms": ADMIN_GOAL_MS,
        "lists": rows,
    }
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    say(f"Figures written to {RESULTS.relative_to(BASE_DIR)}")


def main():
    say(f"Database: {connection.vendor}")
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("load_content", stdout=open(os.devnull, "w"))  # noqa: SIM115 - discarded output
    client = Client()
    table(
        f"Angers content ({PartnerCity.objects.count()} partner cities, {Network.objects.count()} networks)",
        client,
    )
    scale_up()
    table(
        f"At scale ({PartnerCity.objects.count()} partner cities, {Network.objects.count()} networks)", client
    )
    export_benchmark()
    admin_benchmark()


if __name__ == "__main__":
    main()
