"""A real SMTP server for the tests: aiosmtpd on a free loopback port, keeping what it receives.

`SinkHandler.refuse` makes it answer RCPT TO with a chosen reply (e.g. "550 5.1.1 No such user") for the
addresses it matches, to test refusals.
"""

import email
import email.policy
import socket
import threading

from aiosmtpd.controller import Controller


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SinkHandler:
    def __init__(self):
        self.raw = []
        self.refuse = {}  # address (or "*") → SMTP reply for RCPT TO
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        reply = self.refuse.get(address) or self.refuse.get("*")
        if reply:
            return reply
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # Kept as bytes (parsing is for the assertions, later): the sink keeps up with the benchmark.
        with self.lock:
            self.raw.append((envelope.rcpt_tos[0], envelope.original_content))
        return "250 2.0.0 Ok: queued"

    @property
    def messages(self):
        with self.lock:
            raw = list(self.raw)
        return [(to, email.message_from_bytes(data, policy=email.policy.default)) for to, data in raw]

    def received(self, address=None):
        return [message for to, message in self.messages if address is None or to == address]

    def count(self):
        with self.lock:
            return len(self.raw)

    def counts(self):
        counts = {}
        with self.lock:
            for to, _data in self.raw:
                counts[to] = counts.get(to, 0) + 1
        return counts


class SmtpServer:
    def __init__(self):
        self.handler = SinkHandler()
        self.port = free_port()
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)

    def __enter__(self):
        self.controller.start()
        return self

    def __exit__(self, *exc):
        self.controller.stop()

    def mailers_setting(self):
        return {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": self.port, "use_tls": False, "timeout": 5},
            }
        }
