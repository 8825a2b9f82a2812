"""With REDIS_URL the cache is Redis, shared by every process: what one app instance counts (rate limits,
image existence) another one reads. Run with REDIS_URL set (`.ci/run` does, with a Redis it starts);
skipped otherwise, and a failure in CI (REQUIRE_REDIS=1) if Redis is missing."""

import os
import subprocess
import sys
import uuid

import pytest
from django.conf import settings
from django.core.cache import cache

REQUIRE_REDIS = os.environ.get("REQUIRE_REDIS") == "1"


@pytest.fixture
def redis_cache():
    if not settings.REDIS_URL:
        if REQUIRE_REDIS:
            pytest.fail(
                "REDIS_URL is not set (REQUIRE_REDIS=1: CI must run these tests on Redis)", pytrace=False
            )
        pytest.skip("REDIS_URL is not set: the cache is per-process memory here")
    return cache


def test_the_cache_is_redis_when_redis_url_is_set(redis_cache):
    assert settings.CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    redis_cache.set("probe", 1, 30)
    assert redis_cache.get("probe") == 1


def test_another_process_reads_what_this_one_counted(redis_cache):
    key = f"shared-{uuid.uuid4().hex}"
    redis_cache.set(key, 0, 60)
    redis_cache.incr(key, 3)
    read_it = f"from django.core.cache import cache; print(cache.incr({key!r}))"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", read_it],
        cwd=settings.BASE_DIR,
        env=os.environ,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "4"
    assert redis_cache.get(key) == 4
