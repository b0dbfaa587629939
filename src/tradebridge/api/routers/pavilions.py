"""/api/v1/pavilions/: virtual pavilions with their exhibitors, catalogues and consultation
hours; visitors contact exhibitors and book consultations through the same domain functions as
the pages."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import organisation_visible_to, region_by_code, sectors_by_codes
from tradebridge.api.schemas.pavilions import (
    BookingIn,
    BookingOut,
    DailyWindowsIn,
    ExhibitorIn,
    ExhibitorOut,
    LeadIn,
    LeadOut,
    PavilionIn,
    PavilionOut,
    ProductIn,
    ProductOut,
    WindowOut,
)
from tradebridge.directory.domain.visibility import visible_people
from tradebridge.events.domain.consultations import add_daily_windows, book_consultation
from tradebridge.events.domain.pavilions import (
    add_exhibitor,
    add_pavilion,
    add_product,
    contact_exhibitor,
)
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


def _reference(resolve, value, field: str):
    try:
        return resolve(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


@router.post("/", response={201: PavilionOut}, auth=WRITE, url_name="pavilion-list")
def create_pavilion(request, payload: PavilionIn):
    """Add a pavilion to an expo your agency organises."""
    user = request.auth
    event = get_object_or_404(visible_events(user), pk=payload.event)
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    fields = payload.model_dump(exclude={"event", "host_organisation", "host_region"})
    if payload.host_organisation is not None:
        fields["host_organisation"] = _reference(
            organisation_visible_to(user), payload.host_organisation, "host_organisation"
        )
    if payload.host_region:
        fields["host_region"] = _reference(region_by_code, payload.host_region, "host_region")
    pavilion = add_pavilion(user, event, fields)
    return Status(201, _pavilions_for(user).get(pk=pavilion.pk))


@router.post(
    "/{int:pavilion_id}/exhibitors/",
    response={201: ExhibitorOut},
    auth=WRITE,
    url_name="exhibitor-list",
)
def create_exhibitor(request, pavilion_id: int, payload: ExhibitorIn):
    """Give an organisation a stand in the pavilion, with its staff on duty."""
    user = request.auth
    pavilion = get_object_or_404(_pavilions_for(user), pk=pavilion_id)
    if not user.has_perm("events.change_event", pavilion.event):
        raise PermissionDenied
    organisation = _reference(organisation_visible_to(user), payload.organisation, "organisation")
    people = visible_people(user).in_bulk(payload.staff)
    if len(people) != len(set(payload.staff)):
        raise ValidationError({"staff": _("Unknown person.")})
    return Status(
        201, add_exhibitor(user, pavilion, organisation, payload.stand, list(people.values()))
    )


@router.post(
    "/exhibitors/{int:exhibitor_id}/products/",
    response={201: ProductOut},
    auth=WRITE,
    url_name="product-list",
)
def create_product(request, exhibitor_id: int, payload: ProductIn):
    """Add a product or service to an exhibitor's catalogue (organisers and the exhibitor)."""
    user = request.auth
    exhibitor = get_object_or_404(
        Exhibitor.objects.select_related("pavilion__event").filter(
            pavilion__event__in=visible_events(user)
        ),
        pk=exhibitor_id,
    )
    if not user.has_perm("events.change_exhibitor", exhibitor):
        raise PermissionDenied
    fields = payload.model_dump(exclude={"sectors"})
    fields["hs_codes"] = ",".join(fields["hs_codes"])
    sectors = _reference(sectors_by_codes, payload.sectors, "sectors")
    return Status(201, add_product(user, exhibitor, fields, sectors))


@router.post(
    "/exhibitors/{int:exhibitor_id}/consultation-windows/",
    response={201: list[WindowOut]},
    auth=WRITE,
    url_name="consultation-window-list",
)
def create_windows(request, exhibitor_id: int, payload: DailyWindowsIn):
    """Open daily consultation hours (e.g. every morning Pacific time, 5–10 November)."""
    user = request.auth
    exhibitor = get_object_or_404(
        Exhibitor.objects.select_related("pavilion__event").filter(
            pavilion__event__in=visible_events(user)
        ),
        pk=exhibitor_id,
    )
    if not user.has_perm("events.change_event", exhibitor.pavilion.event):
        raise PermissionDenied
    fields = payload.model_dump()
    fields["zone"] = fields.pop("timezone")
    return Status(201, add_daily_windows(user, exhibitor, **fields))
