"""Finds secrets in text files: private keys, cloud and chat tokens, and hard-coded keys or passwords whose
value is not an obvious test value. Used by tests/test_no_secrets.py on every tracked file."""

import math
import re
from collections import Counter

PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY-----"),
    "AWS access key": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
}
# NAME = "value" / NAME: value / PASSWORD 'value' for names that hold secrets.
ASSIGNED = re.compile(
    r"""(?ix)\b([A-Z0-9_]*(?:SECRET|PASSWORD|PASSWD|TOKEN|API_KEY)[A-Z0-9_]*)\b
    \s*(?:=|:|\s)\s*["']([^"'\s]{8,})["']"""
)
# Values that say they are not real.
# ("correct-horse-battery-staple": the textbook example password, used by the browser tests.)
ALLOWED_WORDS = (
    "test", "example", "not-for-production", "insecure", "dummy", "changeme", "placeholder", "correct-horse",
)  # fmt: skip
# The CI's throwaway PostgreSQL role (.ci/run): its password is its name.
ALLOWED_VALUES = {"angers_intl"}


def entropy(value):
    counts = Counter(value)
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def looks_real(value):
    lowered = value.lower()
    if value in ALLOWED_VALUES or any(word in lowered for word in ALLOWED_WORDS):
        return False
    if value.startswith(("$", "{", "%", "<")) or "os.environ" in value:
        return False  # a variable or template, not a value
    return entropy(value) >= 3.0


def find_secrets(text):
    """[(line number, kind)] of what looks like a secret in `text`."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        found += [(number, kind) for kind, pattern in PATTERNS.items() if pattern.search(line)]
        found += [(number, f"hard-coded {m[1]}") for m in ASSIGNED.finditer(line) if looks_real(m[2])]
    return found
