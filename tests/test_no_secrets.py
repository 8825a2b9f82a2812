"""No secret in the repository: every tracked file is scanned (tests/secret_scan.py), and the scanner
itself is shown to catch a planted secret."""

import subprocess

import pytest
from django.conf import settings

from tests.secret_scan import find_secrets


def tracked_files():
    result = subprocess.run(
        ["git", "ls-files", "-z"], cwd=settings.BASE_DIR, capture_output=True, check=False
    )
    if result.returncode != 0:
        pytest.skip("not a git checkout")
    return [settings.BASE_DIR / name for name in result.stdout.decode().split("\0") if name]


def test_no_tracked_file_holds_a_secret():
    files = tracked_files()
    assert len(files) > 100
    found = {}
    for path in files:
        if not path.is_file():
            continue
        data = path.read_bytes()
        if b"\0" in data[:8000]:
            continue  # binary (images, compiled messages)
        if secrets := find_secrets(data.decode("utf-8", errors="replace")):
            found[str(path.relative_to(settings.BASE_DIR))] = secrets
    assert found == {}


# Assembled here so this file does not hold them whole.
PLANTED = {
    "private key": "-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEow...\n",
    "AWS access key": "aws_key = AKIA" + "Q3EGRIOSFODNN7XK\n",
    "GitHub token": "token: ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8\n",
    "Slack token": "hook = xoxb-" + "123456789012-abcdefABCDEF\n",
    "hard-coded SECRET_KEY": 'SECRET_KEY = "' + 'k9#Qz!2vLp@8wXr$5mNb^7tYc&1hGf*4dSa"\n',
    "hard-coded EMAIL_HOST_PASSWORD": "EMAIL_HOST_PASSWORD = 'Tr0ub" + "4dor&3xq9'\n",
}


@pytest.mark.parametrize("kind", PLANTED)
def test_the_scan_finds_a_planted_secret(tmp_path, kind):
    planted = tmp_path / "settings_local.py"
    planted.write_text("# harmless line\n" + PLANTED[kind])
    assert (2, kind) in find_secrets(planted.read_text())


@pytest.mark.parametrize(
    "line",
    [
        'SECRET_KEY = "test-only-secret-key-not-for-production-0123456789abcdef"',
        "psql -c \"CREATE ROLE angers_intl LOGIN CREATEDB PASSWORD 'angers_intl'\"",
        'password = "example-password-123"',
        'SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")',
    ],
)
def test_obvious_test_values_are_not_secrets(line):
    assert find_secrets(line) == []
