"""A network's former address answers 301 to its page, in both languages (angers_intl/slug_redirects.py)."""

from angers_intl.models import SlugRedirect
from networks.models import Network

PAGES = {"fr": "/fr/reseaux/{}/", "en": "/en/networks/{}/"}


def test_a_networks_former_slugs_redirect_to_its_page(client, make_network):
    network = make_network("eurocites")
    network.slug = "eurocities"
    network.save()
    network = Network.objects.get(pk=network.pk)
    network.slug = "eurocities-network"
    network.save()

    for page in PAGES.values():
        for old in ("eurocites", "eurocities"):
            response = client.get(page.format(old))
            assert response.status_code == 301
            assert response["Location"] == page.format("eurocities-network")
        assert client.get(page.format("eurocities-network")).status_code == 200


def test_deleting_a_network_deletes_its_former_addresses(client, make_network):
    network = make_network("eurocites")
    network.slug = "eurocities"
    network.save()
    network.delete()

    assert not SlugRedirect.objects.exists()
    assert client.get("/en/networks/eurocites/").status_code == 404
