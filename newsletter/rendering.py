"""An issue as its subscribers receive it: subject, plain text and HTML with inlined styles, in one language.

Rendered once per language with a placeholder for the subscriber's own unsubscribe link, then filled in for
each recipient (newsletter/sending.py): ten thousand messages cost ten thousand string replacements, not ten
thousand template renderings. Every link and image is absolute; there is no remote font, script or
stylesheet, so the message reads the same in a mail program that blocks remote content.
"""

import binascii
import datetime
import email.policy
import email.utils
import re
import uuid
from dataclasses import dataclass, replace

import css_inline
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from angers_intl.markdown import markdown_to_text, render_markdown
from angers_intl.models import SiteProfile
from angers_intl.querysets import visible_q
from networks.models import Recognition

from .emails import absolute_url, sender_address, unsubscribe_url_maker

UNSUBSCRIBE_PLACEHOLDER = "__newsletter_unsubscribe_url__"
# Styles are written in the template's <style> and inlined; only the media queries (narrow screens, dark
# mode) stay in a <style> element, for the mail programs that read it.
INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)
MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*([^)\s]*)(?:\s+\"[^\"]*\")?\s*\)")


@dataclass(frozen=True)
class RenderedIssue:
    """One language of an issue, with UNSUBSCRIBE_PLACEHOLDER where each recipient's link goes."""

    language: str
    subject: str
    text: str
    html: str
    from_email: str = ""
    reply_to: tuple = ()


def absolutise(url):
    """A link as a mail program needs it: a site path gets the site's address in front."""
    if url.startswith("/") and not url.startswith("//"):
        return absolute_url(url)
    return url


def _absolutise_html(html):
    return re.sub(r'(href|src)="(/(?!/)[^"]*)"', lambda m: f'{m[1]}="{absolute_url(m[2])}"', html)


def markdown_as_text(text):
    """Staff Markdown as the plain-text part shows it: as written, links spelled out in full."""

    def spell_out(match):
        label, url = match[1].strip(), absolutise(match[2])
        return f"{label} <{url}>" if label and label != url else f"<{url}>"

    return MARKDOWN_LINK.sub(spell_out, text or "").strip()


def issue_cards(issue, *, absolute=True):
    """The content the issue points to, as cards: title, one-line summary, link, image if any.

    Absolute links and image addresses for e-mails; site paths for the archive pages."""
    make_url = absolutise if absolute else str
    cards = []
    # Only what is public now: a card never links to a page visitors cannot open (an item unpublished,
    # or past its end of publication, since the issue went out).
    for city in issue.partner_cities.published():
        cards.append(
            _card(city.name, city.summary, make_url(city.get_absolute_url()), _card_image(city, make_url))
        )
    for programme in issue.programmes.published():
        cards.append(_card(programme.name, programme.summary, make_url(programme.get_absolute_url())))
    for network in issue.networks.published():
        cards.append(_card(network.name, network.description, make_url(network.get_absolute_url())))
    pages = None  # of the labels and awards list: looked up once, if the issue has distinctions
    for distinction in issue.distinctions.filter(visible_q("recognition__")).select_related(
        "recognition", "level"
    ):
        if pages is None:
            pages = Recognition.objects.list_pages()
        url = distinction.recognition.get_absolute_url(page=pages.get(distinction.recognition_id, 1))
        cards.append(_card(str(distinction), distinction.recognition.description, make_url(url)))
    for item in issue.news_items.published().order_by("-date", "-pk"):
        cards.append(
            _card(item.title, item.summary, make_url(item.get_absolute_url()), _card_image(item, make_url))
        )
    for event in issue.events.published().order_by("starts_at", "pk"):
        when = formats.date_format(event.local_start, "DATETIME_FORMAT")
        title = gettext("%(title)s — %(when)s") % {"title": event.title, "when": when}
        cards.append(
            _card(title, event.summary, make_url(event.get_absolute_url()), _card_image(event, make_url))
        )
    return cards


def _card_image(record, make_url):
    if not record.image:
        return None
    return {
        "url": make_url(record.image.url),
        "alt": record.image_alt,
        "width": record.image_width,
        "height": record.image_height,
    }


def _card(title, markdown_summary, url, image=None):
    return {
        "title": title,
        "text": markdown_to_text(markdown_summary),
        "url": url,
        "image": image,
    }


def email_context(issue, profile):
    """What the issue's templates show, in the active language."""
    # render_markdown's output is sanitised; making its site paths absolute keeps it so (mark_safe again,
    # or the template would show the tags as text).
    body_html = mark_safe(_absolutise_html(str(render_markdown(issue.body))))  # noqa: S308
    return {
        "issue": issue,
        "subject": issue.subject,
        "preheader": issue.preheader,
        "body_html": body_html,
        "body_text": markdown_as_text(issue.body),
        "cards": issue_cards(issue),
        "site_name": profile.site_title or profile.city_name or gettext("International relations"),
        "publisher": profile.publisher,
        "postal_address": profile.postal_address,
        "contact_email": profile.contact_email,
        "site_url": absolute_url(reverse("home")),
        "archive_url": absolute_url(issue.get_absolute_url()) if issue.pk else "",
        "privacy_url": absolute_url(reverse("privacy")),
        "unsubscribe_url": UNSUBSCRIBE_PLACEHOLDER,
        "LANGUAGE_CODE": translation.get_language(),
    }


def render_issue(issue, language):
    """The issue in `language`, ready to be addressed (see `address`)."""
    with translation.override(language):
        profile = SiteProfile.current()
        context = email_context(issue, profile)
        subject = " ".join(issue.subject.split())
        text = render_to_string("newsletter/email/issue.txt", context)
        html = INLINER.inline(render_to_string("newsletter/email/issue.html", context))
        from_email = sender_address(profile)
    return RenderedIssue(
        language=language,
        subject=subject,
        text=text,
        html=html,
        from_email=from_email,
        reply_to=(profile.contact_email,) if profile.contact_email else (),
    )


def with_sample_unsubscribe_link(rendered):
    """For previews and tests: the link leads to the "nothing to unsubscribe" page (no subscriber behind it)."""
    url = unsubscribe_url_maker()(rendered.language, 0, "preview")
    return replace(
        rendered,
        text=rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, url),
        html=rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, url),
    )


def message_domain():
    """The domain of our Message-IDs: the sender's (a receiving server trusts IDs from the sending domain)."""
    return settings.DEFAULT_FROM_EMAIL.rpartition("@")[2] or "localhost"


def address(rendered, *, to, unsubscribe_url, message_id):
    """The message of `rendered` for one recipient: their unsubscribe link, the RFC 8058 headers, our IDs."""
    message = EmailMultiAlternatives(
        subject=rendered.subject,
        body=rendered.text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url),
        from_email=rendered.from_email,
        to=[to],
        reply_to=list(rendered.reply_to) or None,
        headers={
            "Message-ID": f"<{message_id}@{message_domain()}>",
            "List-Id": f"<newsletter.{message_domain()}>",
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
    message.attach_alternative(rendered.html.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url), "text/html")
    return message


# -- Addressing ten thousand messages fast ----------------------------------------------------------------

PREPARED_HEADERS = ("Subject", "From", "Reply-To", "List-Id", "List-Unsubscribe-Post")


@dataclass(frozen=True)
class AddressedMessage:
    """One recipient's message: its bytes for the SMTP path, or Django's EmailMessage for other backends."""

    prepared: "PreparedIssue"
    to: str
    unsubscribe_url: str
    message_id: str

    @property
    def from_email(self):
        return self.prepared.rendered.from_email

    def email_message(self):
        return address(
            self.prepared.rendered,
            to=self.to,
            unsubscribe_url=self.unsubscribe_url,
            message_id=self.message_id,
        )

    def as_bytes(self):
        return self.prepared.as_bytes(self)


class PreparedIssue:
    """One language of an issue as the bytes of its message, with slots for each recipient's To, Date,
    Message-ID and unsubscribe link.

    Django's message building costs about 1.6 ms a message, most of it in the standard library's header
    parsing and folding, the same for every recipient. Here the headers that do not change are folded once
    (by the same email policy, from the message Django builds), and each message only joins bytes and
    quoted-printable-encodes its two parts (binascii, in C). An address that is not plain ASCII goes the
    Django way. A test checks that both ways give the same message.
    """

    def __init__(self, rendered):
        self.rendered = rendered
        sample = address(
            rendered,
            to="recipient@example.invalid",
            unsubscribe_url="https://x.invalid/",
            message_id="sample",
        ).message(policy=email.policy.SMTP)
        self.fixed_headers = b"".join(
            sample.policy.fold_binary(name, sample[name])
            for name in PREPARED_HEADERS
            if sample[name] is not None
        )
        self.boundary = f"=_{uuid.uuid4().hex}"  # "=_" never occurs in quoted-printable text
        # As the standard library's set_content() does: line ends normalised, and a final one.
        self.text = rendered.text.replace("\r\n", "\n").removesuffix("\n") + "\n"
        self.html = rendered.html.replace("\r\n", "\n").removesuffix("\n") + "\n"
        self.domain = message_domain()

    def addressed(self, *, to, unsubscribe_url, message_id):
        return AddressedMessage(self, to, unsubscribe_url, message_id)

    def _part(self, content_type, text, unsubscribe_url):
        body = binascii.b2a_qp(text.replace(UNSUBSCRIBE_PLACEHOLDER, unsubscribe_url).encode(), istext=True)
        return (
            (
                f'--{self.boundary}\r\nContent-Type: {content_type}; charset="utf-8"\r\n'
                "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
            ).encode()
            + body.replace(b"\n", b"\r\n")
            + b"\r\n"
        )

    def as_bytes(self, message):
        if not (message.to.isascii() and message.unsubscribe_url.isascii()) or "\n" in message.to:
            return message.email_message().message(policy=email.policy.SMTP).as_bytes()
        head = (
            f'MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary="{self.boundary}"\r\n'
        ).encode() + self.fixed_headers
        head += (
            f"To: {message.to}\r\n"
            f"Date: {email.utils.format_datetime(datetime.datetime.now(datetime.UTC))}\r\n"
            f"Message-ID: <{message.message_id}@{self.domain}>\r\n"
            f"List-Unsubscribe: <{message.unsubscribe_url}>\r\n\r\n"
        ).encode()
        return b"".join(
            [
                head,
                self._part("text/plain", self.text, message.unsubscribe_url),
                self._part("text/html", self.html, message.unsubscribe_url),
                f"--{self.boundary}--\r\n".encode(),
            ]
        )
