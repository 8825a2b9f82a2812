"""Pagination of the public lists: Django's Paginator, with the page links of `includes/pagination.html`."""


def with_page_range(context):
    """The context of a paginated ListView, plus `page_range`: the page numbers to link to, with
    ellipses (Paginator.ELLIPSIS) instead of long runs, so that 200 pages make a short list of links."""
    page = context.get("page_obj")
    if page is not None:
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    return context
