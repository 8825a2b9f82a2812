"""The HTML part of an issue in a real headless Chromium: at 320 px, in dark mode, offline."""

import io
from urllib.parse import urlsplit

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from newsletter import rendering
from partnerships.models import AgreementType, PartnerCity

from .issues import issue

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

SITE = "https://international.example.org"
LONG_LINK = "https://www.example.org/" + "a-very-long-path-segment-without-spaces-" * 4

# Each visible text element, its colour and the first opaque background behind it, as Chromium computes them.
COLOURS_SCRIPT = """() => {
  const opaque = (element) => {
    for (let node = element; node; node = node.parentElement) {
      const colour = getComputedStyle(node).backgroundColor;
      if (colour && colour !== "rgba(0, 0, 0, 0)" && colour !== "transparent") return colour;
    }
    return "rgb(255, 255, 255)";
  };
  return [...document.querySelectorAll("p, h1, h2, a, li")]
    .filter((element) => element.offsetParent !== null && element.innerText.trim())
    .map((element) => ({
      text: element.innerText.trim().slice(0, 40),
      colour: getComputedStyle(element).color,
      background: opaque(element),
    }));
}"""


def channels(css_colour):
    return [int(float(value)) for value in css_colour[css_colour.index("(") + 1 : -1].split(",")[:3]]


def luminance(rgb):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(channels(first)), luminance(channels(second))), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


@pytest.fixture
def issue_html(settings, tmp_path, site_profile):
    settings.SITE_BASE_URL = SITE
    settings.MEDIA_ROOT = tmp_path / "media"
    png = io.BytesIO()
    Image.new("RGB", (1200, 800), (30, 90, 160)).save(png, "PNG")
    city = PartnerCity(
        slug="haarlem",
        name_fr="Haarlem",
        country="NL",
        agreement_type=AgreementType.TWINNING,
        year_started=1964,
        summary_fr="Une ville jumelle.",
        summary_en="A twin town.",
        image_alt_fr="La Grote Markt",
        image_alt_en="The Grote Markt",
        published=True,
    )
    city.image.save("haarlem.png", ContentFile(png.getvalue()), save=False)
    city.save()
    newsletter_issue = issue(
        body_en=f"## Hello\n\nA link that does not fit on a phone: [{LONG_LINK}]({LONG_LINK})."
    )
    newsletter_issue.partner_cities.add(city)
    html = rendering.with_sample_unsubscribe_link(rendering.render_issue(newsletter_issue, "en")).html
    return html, png.getvalue()


def open_message(chromium, html, image, **context_options):
    """The message as a mail program shows it: set as the page's content, its images answered from the
    site's address; every request is recorded (and anything but our images refused)."""
    context = chromium.new_context(viewport={"width": 320, "height": 640}, **context_options)
    page = context.new_page()
    requests = []

    def answer(route):
        request = route.request
        requests.append((request.resource_type, request.url))
        if request.resource_type == "image" and request.url.startswith(f"{SITE}/media/"):
            route.fulfill(status=200, content_type="image/png", body=image)
        else:
            route.abort()

    page.route("**/*", answer)
    page.set_content(html, wait_until="load")
    return context, page, requests


def test_the_html_part_reads_at_320_px_and_in_dark_mode_without_remote_resources(chromium, issue_html):
    html, image = issue_html
    light_context, light, _light_requests = open_message(chromium, html, image, color_scheme="light")
    dark_context, dark, requests = open_message(chromium, html, image, color_scheme="dark")
    try:
        for page in (light, dark):
            # No horizontal scroll on a 320 px phone, even with a long link and a wide image.
            assert page.evaluate("document.documentElement.scrollWidth") <= 320
            widths = page.evaluate("[...document.images].map((img) => img.getBoundingClientRect().right)")
            assert widths
            assert max(widths) <= 320

        # The Markdown arrives as HTML (a heading, a link), not as tags shown in the text.
        assert dark.locator("h2").first.inner_text() == "Hello"
        assert dark.locator(f'a[href="{LONG_LINK}"]').count() == 1

        # Every image says what it shows.
        alts = dark.evaluate("[...document.images].map((img) => img.getAttribute('alt'))")
        assert alts == ["The Grote Markt"]

        # Dark mode really changes the colours, and every text stays readable (WCAG AA, 4.5:1).
        light_colours = light.evaluate(COLOURS_SCRIPT)
        dark_colours = dark.evaluate(COLOURS_SCRIPT)
        assert len(dark_colours) >= 5
        assert {row["background"] for row in light_colours}.isdisjoint(
            {row["background"] for row in dark_colours}
        )
        assert {row["colour"] for row in light_colours}.isdisjoint({row["colour"] for row in dark_colours})
        for row in light_colours + dark_colours:
            assert row["colour"] != row["background"], row
            assert contrast(row["colour"], row["background"]) >= 4.5, row

        # Nothing but our own card image was asked for: no remote font, script or stylesheet.
        assert requests, "the card image should have been loaded"
        assert {resource for resource, _url in requests} == {"image"}
        assert {urlsplit(url).netloc for _resource, url in requests} == {urlsplit(SITE).netloc}
    finally:
        light_context.close()
        dark_context.close()
