"""The request being answered, so that the audit log knows who acted (audit.services.current_actor) even
where the change is made far from the view: a model saved by an import, a record deleted by the admin."""

from contextvars import ContextVar

_current_request = ContextVar("audit_current_request", default=None)


class AuditRequestMiddleware:
    """After AuthenticationMiddleware. Touches neither the session nor the user: they are read only when
    an entry is written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def current_request():
    return _current_request.get()
