"""/api/v1/pavilions/: virtual pavilions with their exhibitors, catalogues and consultation
hours; visitors contact exhibitors and book consultations through the same domain functions as
the pages."""

from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.schemas.pavilions import BookingIn, BookingOut, LeadIn, LeadOut, PavilionOut
from tradebridge.events.domain.consultations import book_consultation
from tradebridge.events.domain.pavilions import contact_exhibitor
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import (
    ConsultationWindow,
    Exhibitor,
    Pavilion,
    Product,
)

router = Router(tags=["pavilions"])


def _pavilions_for(user):
    exhibitors = Exhibitor.objects.select_related("organisation").prefetch_related(
        Prefetch("products", queryset=Product.objects.prefetch_related("sectors")),
        Prefetch(
            "consultation_windows",
            queryset=ConsultationWindow.objects.prefetch_related("bookings"),
        ),
    )
    return (
        Pavilion.objects.filter(event__in=visible_events(user))
        .select_related("host_region")
        .prefetch_related(Prefetch("exhibitors", queryset=exhibitors))
    )


@router.get("/", response=list[PavilionOut], auth=READ, url_name="pavilion-list")
@paginate(DirectoryPagination)
def list_pavilions(request, event: int | None = None):
    """Pavilions of the events you may see; ``?event=<id>`` for one event's."""
    pavilions = _pavilions_for(request.auth)
    return pavilions.filter(event_id=event) if event is not None else pavilions


@router.get("/{int:pavilion_id}/", response=PavilionOut, auth=READ, url_name="pavilion-detail")
def read_pavilion(request, pavilion_id: int):
    return get_object_or_404(_pavilions_for(request.auth), pk=pavilion_id)


@router.post(
    "/exhibitors/{int:exhibitor_id}/leads/",
    response={201: LeadOut},
    auth=WRITE,
    url_name="exhibitor-leads",
)
def create_lead(request, exhibitor_id: int, payload: LeadIn):
    """Contact this exhibitor: your message is recorded as a lead for the exhibitor."""
    user = request.auth
    exhibitor = get_object_or_404(
        Exhibitor.objects.select_related("pavilion__event").filter(
            pavilion__event__in=visible_events(user)
        ),
        pk=exhibitor_id,
    )
    product = None
    if payload.product is not None:
        product = exhibitor.products.filter(pk=payload.product).first()
        if product is None:
            raise Http404
    return Status(201, contact_exhibitor(user, exhibitor, payload.message, product))


@router.post(
    "/consultation-windows/{int:window_id}/bookings/",
    response={201: BookingOut},
    auth=WRITE,
    url_name="consultation-bookings",
)
def create_booking(request, window_id: int, payload: BookingIn):
    """Book a free slot of an exhibitor's consultation hours."""
    user = request.auth
    window = get_object_or_404(
        ConsultationWindow.objects.select_related("exhibitor__pavilion__event").filter(
            exhibitor__pavilion__event__in=visible_events(user)
        ),
        pk=window_id,
    )
    return Status(201, book_consultation(user, window, payload.starts_at, payload.topic))
