"""The site-wide kinds of a content folder: the site profile and the legal pages (docs/content-format.md).

Both are created whenever they are missing, since the site cannot do without them, and never overwritten.
"""

from angers_intl.content_format import Kind
from angers_intl.models import LegalPage, SiteProfile

KINDS = [
    Kind(SiteProfile, file="site-profile.yaml", key=(), singleton=True, label="site profile"),
    Kind(LegalPage, file="legal-pages.yaml", key=("slug",), label="legal pages"),
]
