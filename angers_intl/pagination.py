"""Pagination of the public lists, one way for every list: Django's Paginator, `?page=N`, the page links of
`includes/pagination.html`, and a page number the list does not have answered by the 404 page saying so."""

from django.conf import settings
from django.core.paginator import InvalidPage
from django.http import Http404


class PageNotInList(Http404):
    """`?page=` names no page of the list (not a number, or past the end). The 404 page (`handler404`)
    says how many pages the list has and links to its first page, in the visitor's language."""

    def __init__(self, num_pages, first_page_url):
        super().__init__("No such page in this list.")
        self.num_pages = num_pages
        self.first_page_url = first_page_url


def page_of(request, paginator, base_query=""):
    """The page that `?page=` asks for (the first without it, the last for "last"), or PageNotInList.
    `base_query` (the list's filters, urlencoded) is kept in the link to the first page."""
    number = request.GET.get("page") or 1
    if number == "last":
        number = paginator.num_pages
    try:
        return paginator.page(number)
    except InvalidPage:
        raise PageNotInList(
            paginator.num_pages, f"{request.path}?{base_query}" if base_query else request.path
        ) from None


def with_page_range(context):
    """The context of a paginated list, plus `page_range`: the page numbers to link to, with ellipses
    (Paginator.ELLIPSIS) instead of long runs, so that 200 pages make a short list of links."""
    page = context.get("page_obj")
    if page is not None:
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return context


def pagination_context(page):
    """What `includes/pagination.html` reads, for a list paginated outside a ListView."""
    return with_page_range(
        {"paginator": page.paginator, "page_obj": page, "is_paginated": page.has_other_pages()}
    )


class PublicPagination:
    """For a public ListView: `PUBLIC_LIST_PAGE_SIZE` records a page, `page_range` for the page links,
    and a page number the list does not have answered by the 404 page that says so (never a 500).
    `pagination_query()` gives the filters the page links keep (none by default)."""

    def get_paginate_by(self, queryset):
        return settings.PUBLIC_LIST_PAGE_SIZE

    def pagination_query(self):
        return ""

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(
            queryset, page_size, orphans=self.get_paginate_orphans(), allow_empty_first_page=True
        )
        page = page_of(self.request, paginator, self.pagination_query())
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        return with_page_range(super().get_context_data(**kwargs))
