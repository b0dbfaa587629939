"""Page-number pagination for every list of the API: ``?page=2&page_size=20``."""

from django.conf import settings
from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

MAX_PAGE_SIZE = 100
# Past this the offset would overflow some databases' integers; no list is that long.
MAX_PAGE = 1_000_000


class DirectoryPagination(PageNumberPagination):
    """Answers ``{"count": ..., "page": ..., "page_size": ..., "items": [...]}``."""

    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE)
        page_size: int = Field(settings.NINJA_PAGINATION_PER_PAGE, ge=1, le=MAX_PAGE_SIZE)

    class Output(Schema):
        count: int
        page: int
        page_size: int
        items: list

    def __init__(self, **kwargs):
        super().__init__(
            page_size=settings.NINJA_PAGINATION_PER_PAGE, max_page_size=MAX_PAGE_SIZE, **kwargs
        )

    def paginate_queryset(self, queryset, pagination: Input, **params):
        result = super().paginate_queryset(queryset, pagination, **params)
        return {**result, "page": pagination.page, "page_size": pagination.page_size}
