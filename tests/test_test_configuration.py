"""Plain `pytest` works: the test configuration (pyproject.toml) sets what a run needs, not the Makefile."""

import subprocess
import sys

from django.conf import settings

CHECK = "tests/fixtures/plain_pytest/check_environment.py"


def run_pytest_with_only(environment):
    """pytest in a new process whose environment holds only `environment` (and a PATH)."""
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:randomly",
            "-p",
            "no:cacheprovider",
            "--noconftest",
            CHECK,
        ],
        cwd=settings.BASE_DIR,
        env={"PATH": "/usr/bin:/bin", **environment},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_plain_pytest_runs_with_an_empty_environment():
    result = run_pytest_with_only({"EXPECTED_FROM_CALLER": "none"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


def test_hosts_and_database_set_by_the_caller_win(tmp_path):
    database = tmp_path / "callers.sqlite3"
    result = run_pytest_with_only(
        {
            "DJANGO_ALLOWED_HOSTS": "intl.example.org",
            "DATABASE_URL": f"sqlite:///{database}",
            "EXPECTED_FROM_CALLER": f"intl.example.org|{database}",
        }
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout
