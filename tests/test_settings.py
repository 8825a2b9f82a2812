"""The settings module refuses unsafe production configurations and passes Django's deploy checks."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PROJECT_DIR = settings.BASE_DIR
STRONG_KEY = "a-long-random-production-key-Zq8v3Lr9Tn2Wm6Kp4Xc7Yb1Hd5Gf0Js_"


def run_manage(*args, env_overrides):
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_manage("check", env_overrides={"DJANGO_DEBUG": "0"})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("weak_key", ["x", "short-key-123", "a" * 60, "django-insecure-" + "k3y" * 20])
def test_production_refuses_to_start_with_a_weak_secret_key(weak_key):
    result = run_manage("check", env_overrides={"DJANGO_DEBUG": "0", "DJANGO_SECRET_KEY": weak_key})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is too weak" in result.stderr


def test_debug_is_off_unless_asked():
    result = run_manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.DEBUG)",
        env_overrides={"DJANGO_SECRET_KEY": STRONG_KEY},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False"


def test_production_settings_pass_the_deploy_checks():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-long-random-production-key-Zq8v3Lr9Tn2Wm6Kp4Xc7Yb1Hd5Gf0Js_",
            "DJANGO_ALLOWED_HOSTS": "international.example.org",
            "SITE_BASE_URL": "https://international.example.org",
            "DEFAULT_FROM_EMAIL": "lettre@international.example.org",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deploy_checks_refuse_django_s_default_sender_address():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-long-random-production-key-Zq8v3Lr9Tn2Wm6Kp4Xc7Yb1Hd5Gf0Js_",
            "DJANGO_ALLOWED_HOSTS": "international.example.org",
            "SITE_BASE_URL": "https://international.example.org",
            "DEFAULT_FROM_EMAIL": "webmaster@localhost",
        },
    )
    assert result.returncode != 0
    assert "newsletter.W002" in result.stderr


def test_deploy_checks_catch_e_mail_links_that_would_point_to_localhost():
    result = run_manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env_overrides={
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "a-long-random-production-key-Zq8v3Lr9Tn2Wm6Kp4Xc7Yb1Hd5Gf0Js_",
            "DJANGO_ALLOWED_HOSTS": "international.example.org",
        },
    )
    assert result.returncode != 0
    assert "newsletter.W001" in result.stderr


def test_development_mode_prints_mail_to_the_console():
    result = run_manage(
        "shell",
        "-c",
        'from django.conf import settings; print(settings.MAILERS["default"]["BACKEND"])',
        env_overrides={"DJANGO_DEBUG": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "django.core.mail.backends.console.EmailBackend"


def test_cache_keys_have_a_neutral_prefix_unless_one_is_set():
    show_prefix = "from django.conf import settings; print(settings.CACHES['default']['KEY_PREFIX'])"
    env = {"DJANGO_SECRET_KEY": STRONG_KEY, "REDIS_URL": "redis://127.0.0.1:6379/0"}
    result = run_manage("shell", "-c", show_prefix, env_overrides=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "intl"
    result = run_manage("shell", "-c", show_prefix, env_overrides={**env, "CACHE_KEY_PREFIX": "town_b"})
    assert result.stdout.strip().splitlines()[-1] == "town_b"


def test_the_benchmarks_reference_view_is_not_served_unless_the_benchmark_asks(client, db, settings):
    assert settings.BENCHMARK_VIEWS is False
    assert client.get("/_benchmark/prebuilt/").status_code == 404


def test_the_session_cookie_keeps_the_name_the_nginx_cache_bypass_looks_for(settings):
    assert settings.SESSION_COOKIE_NAME == "sessionid"
    assert "sessionid=" in (settings.BASE_DIR / "deploy/nginx/angers-intl.conf").read_text()
