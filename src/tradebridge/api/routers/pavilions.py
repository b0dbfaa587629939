"""/api/v1/pavilions/: virtual pavilions with their exhibitors, catalogues and consultation
hours; visitors contact exhibitors and book consultations, organisers build the pavilions and
the exhibitor's side follows up leads and bookings, all through the same domain functions as the
pages.

Objects the caller may not see answer 404; visible ones they may not change answer 403, before
their input is looked at.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Router, Status, UploadedFile
from ninja.pagination import paginate

from tradebridge.api.auth import READ, WRITE
from tradebridge.api.pagination import DirectoryPagination
from tradebridge.api.references import organisation_visible_to, region_by_code, sectors_by_codes
from tradebridge.api.schemas.pavilions import (
    BookingFollowUpOut,
    BookingIn,
    BookingOut,
    DailyWindowsIn,
    ExhibitorIn,
    ExhibitorOut,
    ExhibitorPatch,
    LeadFollowUpOut,
    LeadIn,
    LeadOut,
    PavilionIn,
    PavilionOut,
    PavilionPatch,
    ProductIn,
    ProductOut,
    ProductPatch,
    WindowOut,
)
from tradebridge.directory.domain.visibility import visible_people
from tradebridge.events.domain.catalogues import add_product, delete_product, update_product
from tradebridge.events.domain.consultations import (
    add_daily_windows,
    book_consultation,
    cancel_booking,
    delete_window,
)
from tradebridge.events.domain.follow_up import followed_bookings, followed_leads
from tradebridge.events.domain.pavilions import (
    add_exhibitor,
    add_pavilion,
    delete_exhibitor,
    delete_pavilion,
    update_exhibitor,
    update_pavilion,
)
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import (
    ConsultationBooking,
    ConsultationWindow,
    Exhibitor,
    Pavilion,
    Product,
)
from tradebridge.events.validators import normalise_hs_codes
from tradebridge.meetings.domain.exhibitor_contact import contact_exhibitor_for_a_meeting

router = Router(tags=["pavilions"])


def _exhibitors_with_catalogues():
    return Exhibitor.objects.select_related("organisation").prefetch_related(
        Prefetch("products", queryset=Product.objects.prefetch_related("sectors")),
        Prefetch(
            "consultation_windows",
            queryset=ConsultationWindow.objects.prefetch_related("bookings"),
        ),
    )


def _pavilions_for(user):
    return (
        Pavilion.objects.filter(event__in=visible_events(user))
        .select_related("host_region")
        .prefetch_related(Prefetch("exhibitors", queryset=_exhibitors_with_catalogues()))
    )


def _visible_exhibitor(user, exhibitor_id: int) -> Exhibitor:
    return get_object_or_404(
        Exhibitor.objects.select_related("pavilion__event", "organisation").filter(
            pavilion__event__in=visible_events(user)
        ),
        pk=exhibitor_id,
    )


def _visible_window(user, window_id: int) -> ConsultationWindow:
    return get_object_or_404(
        ConsultationWindow.objects.select_related("exhibitor__pavilion__event").filter(
            exhibitor__pavilion__event__in=visible_events(user)
        ),
        pk=window_id,
    )


def _require(user, permission: str, obj) -> None:
    # Checked before the input is used, so that someone who may not change an object learns
    # nothing from the errors.
    if not user.has_perm(permission, obj):
        raise PermissionDenied


def _reference(resolve, value, field: str):
    try:
        return resolve(value)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from None


def _hosts(user, fields: dict) -> dict:
    """The host ids and codes of a pavilion's input replaced by their records."""
    if fields.get("host_organisation") is not None:
        fields["host_organisation"] = _reference(
            organisation_visible_to(user), fields["host_organisation"], "host_organisation"
        )
    if fields.get("host_region"):
        fields["host_region"] = _reference(region_by_code, fields["host_region"], "host_region")
    elif "host_region" in fields:
        fields["host_region"] = None
    return fields


def _staff(user, ids: list[int]) -> list:
    people = visible_people(user).in_bulk(ids)
    missing = [person_id for person_id in ids if person_id not in people]
    if missing:
        raise ValidationError({"staff": _("Unknown person: %(ids)s.")
                               % {"ids": ", ".join(map(str, missing))}})  # fmt: skip
    return list(people.values())


def _product_fields(fields: dict) -> tuple[dict, list | None]:
    """Product input as the domain takes it: HS codes joined, sector codes resolved."""
    sectors = None
    if "sectors" in fields:
        sectors = _reference(sectors_by_codes, fields.pop("sectors") or [], "sectors")
    if "hs_codes" in fields:
        fields["hs_codes"] = normalise_hs_codes(",".join(fields["hs_codes"] or []))
    return fields, sectors


@router.get("/", response=list[PavilionOut], auth=READ, url_name="pavilion-list")
@paginate(DirectoryPagination)
def list_pavilions(request, event: int | None = None):
    """Pavilions of the events you may see; ``?event=<id>`` for one event's."""
    pavilions = _pavilions_for(request.auth)
    return pavilions.filter(event_id=event) if event is not None else pavilions


@router.get("/{int:pavilion_id}/", response=PavilionOut, auth=READ, url_name="pavilion-detail")
def read_pavilion(request, pavilion_id: int):
    return get_object_or_404(_pavilions_for(request.auth), pk=pavilion_id)


@router.post("/", response={201: PavilionOut}, auth=WRITE, url_name="pavilion-list")
def create_pavilion(request, payload: PavilionIn):
    """Add a pavilion to an expo your agency organises."""
    user = request.auth
    event = get_object_or_404(visible_events(user), pk=payload.event)
    _require(user, "events.change_event", event)
    pavilion = add_pavilion(user, event, _hosts(user, payload.model_dump(exclude={"event"})))
    return Status(201, _pavilions_for(user).get(pk=pavilion.pk))


@router.patch("/{int:pavilion_id}/", response=PavilionOut, auth=WRITE, url_name="pavilion-detail")
def change_pavilion(request, pavilion_id: int, payload: PavilionPatch):
    """Change only the fields given; ``null`` for a host removes it."""
    user = request.auth
    pavilion = get_object_or_404(_pavilions_for(user).select_related("event"), pk=pavilion_id)
    _require(user, "events.change_event", pavilion.event)
    update_pavilion(user, pavilion, _hosts(user, payload.model_dump(exclude_unset=True)))
    return _pavilions_for(user).get(pk=pavilion.pk)


@router.delete("/{int:pavilion_id}/", response={204: None}, auth=WRITE, url_name="pavilion-detail")
def remove_pavilion(request, pavilion_id: int):
    """Delete a pavilion with its exhibitors; refused while consultations are booked in it."""
    user = request.auth
    pavilion = get_object_or_404(_pavilions_for(user).select_related("event"), pk=pavilion_id)
    _require(user, "events.change_event", pavilion.event)
    delete_pavilion(user, pavilion)
    return Status(204, None)


@router.post(
    "/{int:pavilion_id}/exhibitors/",
    response={201: ExhibitorOut},
    auth=WRITE,
    url_name="exhibitor-list",
)
def create_exhibitor(request, pavilion_id: int, payload: ExhibitorIn):
    """Give an organisation a stand in the pavilion, with its people on duty."""
    user = request.auth
    pavilion = get_object_or_404(_pavilions_for(user).select_related("event"), pk=pavilion_id)
    _require(user, "events.change_event", pavilion.event)
    organisation = _reference(organisation_visible_to(user), payload.organisation, "organisation")
    exhibitor = add_exhibitor(
        user, pavilion, organisation, payload.stand, _staff(user, payload.staff)
    )
    return Status(201, _exhibitors_with_catalogues().get(pk=exhibitor.pk))


@router.patch(
    "/exhibitors/{int:exhibitor_id}/",
    response=ExhibitorOut,
    auth=WRITE,
    url_name="exhibitor-detail",
)
def change_exhibitor(request, exhibitor_id: int, payload: ExhibitorPatch):
    """Change the stand and, if given, the staff on duty (the list replaces the old one)."""
    user = request.auth
    exhibitor = _visible_exhibitor(user, exhibitor_id)
    _require(user, "events.change_event", exhibitor.pavilion.event)
    fields = payload.model_dump(exclude_unset=True)
    staff = fields.pop("staff", None)
    update_exhibitor(user, exhibitor, fields, None if staff is None else _staff(user, staff))
    return _exhibitors_with_catalogues().get(pk=exhibitor.pk)


@router.delete(
    "/exhibitors/{int:exhibitor_id}/",
    response={204: None},
    auth=WRITE,
    url_name="exhibitor-detail",
)
def remove_exhibitor(request, exhibitor_id: int):
    """Remove an exhibitor with its catalogue and leads; refused while consultations are
    booked with it."""
    user = request.auth
    exhibitor = _visible_exhibitor(user, exhibitor_id)
    _require(user, "events.change_event", exhibitor.pavilion.event)
    delete_exhibitor(user, exhibitor)
    return Status(204, None)


@router.post(
    "/exhibitors/{int:exhibitor_id}/products/",
    response={201: ProductOut},
    auth=WRITE,
    url_name="product-list",
)
def create_product(request, exhibitor_id: int, payload: ProductIn):
    """Add a product or service to an exhibitor's catalogue (organisers and the exhibitor)."""
    user = request.auth
    exhibitor = _visible_exhibitor(user, exhibitor_id)
    _require(user, "events.change_exhibitor", exhibitor)
    fields, sectors = _product_fields(payload.model_dump())
    return Status(201, add_product(user, exhibitor, fields, sectors))


def _visible_product(user, product_id: int) -> Product:
    return get_object_or_404(
        Product.objects.select_related("exhibitor__pavilion__event").filter(
            exhibitor__pavilion__event__in=visible_events(user)
        ),
        pk=product_id,
    )


@router.patch(
    "/products/{int:product_id}/", response=ProductOut, auth=WRITE, url_name="product-detail"
)
def change_product(request, product_id: int, payload: ProductPatch):
    """Change only the fields given; lists replace the old ones."""
    user = request.auth
    product = _visible_product(user, product_id)
    _require(user, "events.change_exhibitor", product.exhibitor)
    fields, sectors = _product_fields(payload.model_dump(exclude_unset=True))
    return update_product(user, product, fields, sectors)


@router.delete(
    "/products/{int:product_id}/", response={204: None}, auth=WRITE, url_name="product-detail"
)
def remove_product(request, product_id: int):
    user = request.auth
    product = _visible_product(user, product_id)
    _require(user, "events.change_exhibitor", product.exhibitor)
    delete_product(user, product)
    return Status(204, None)


@router.post(
    "/products/{int:product_id}/image/",
    response=ProductOut,
    auth=WRITE,
    url_name="product-image",
)
def upload_product_image(request, product_id: int, image: File[UploadedFile]):
    """Set the product's picture: a multipart upload, JPEG, PNG, WebP or GIF of at most 2 MB."""
    user = request.auth
    product = _visible_product(user, product_id)
    _require(user, "events.change_exhibitor", product.exhibitor)
    return update_product(user, product, {"image": image})


@router.delete(
    "/products/{int:product_id}/image/",
    response=ProductOut,
    auth=WRITE,
    url_name="product-image",
)
def remove_product_image(request, product_id: int):
    user = request.auth
    product = _visible_product(user, product_id)
    _require(user, "events.change_exhibitor", product.exhibitor)
    return update_product(user, product, {"image": None})


@router.post(
    "/exhibitors/{int:exhibitor_id}/consultation-windows/",
    response={201: list[WindowOut]},
    auth=WRITE,
    url_name="consultation-window-list",
)
def create_windows(request, exhibitor_id: int, payload: DailyWindowsIn):
    """Open daily consultation hours (e.g. every morning Pacific time, 5–10 November)."""
    user = request.auth
    exhibitor = _visible_exhibitor(user, exhibitor_id)
    _require(user, "events.change_event", exhibitor.pavilion.event)
    fields = payload.model_dump()
    fields["zone"] = fields.pop("timezone")
    return Status(201, add_daily_windows(user, exhibitor, **fields))


@router.delete(
    "/consultation-windows/{int:window_id}/",
    response={204: None},
    auth=WRITE,
    url_name="consultation-window-detail",
)
def remove_window(request, window_id: int):
    """Delete a consultation window; refused while it holds bookings (cancel them first)."""
    user = request.auth
    window = _visible_window(user, window_id)
    _require(user, "events.change_event", window.exhibitor.pavilion.event)
    delete_window(user, window)
    return Status(204, None)


@router.post(
    "/exhibitors/{int:exhibitor_id}/leads/",
    response={201: LeadOut},
    auth=WRITE,
    url_name="exhibitor-leads",
)
def create_lead(request, exhibitor_id: int, payload: LeadIn):
    """Contact this exhibitor: your message is recorded as a lead for the exhibitor and, if
    you act for an organisation, sent as a meeting request to the exhibitor's organisation."""
    user = request.auth
    exhibitor = _visible_exhibitor(user, exhibitor_id)
    product = None
    if payload.product is not None:
        product = exhibitor.products.filter(pk=payload.product).first()
        if product is None:
            raise Http404
    lead, meeting_request = contact_exhibitor_for_a_meeting(
        user, exhibitor, payload.message, product
    )
    lead.meeting_request = meeting_request.pk if meeting_request is not None else None
    return Status(201, lead)


@router.get("/leads/", response=list[LeadFollowUpOut], auth=WRITE, url_name="lead-list")
@paginate(DirectoryPagination)
def list_leads(request, event: int | None = None, exhibitor: int | None = None):
    """Leads of the exhibitors you follow up: as the event's organiser, as the exhibiting
    company's representative, or on duty at the stand. Newest first."""
    leads = followed_leads(request.auth).select_related("user")
    if event is not None:
        leads = leads.filter(exhibitor__pavilion__event_id=event)
    if exhibitor is not None:
        leads = leads.filter(exhibitor_id=exhibitor)
    return leads


def _bookings_of(user):
    """Your own consultations and those booked with the exhibitors you follow up."""
    mine = ConsultationBooking.objects.filter(user=user)
    return (
        ConsultationBooking.objects.filter(pk__in=mine.values("pk"))
        | ConsultationBooking.objects.filter(pk__in=followed_bookings(user).values("pk"))
    ).select_related("user", "window")


@router.post(
    "/consultation-windows/{int:window_id}/bookings/",
    response={201: BookingOut},
    auth=WRITE,
    url_name="consultation-bookings",
)
def create_booking(request, window_id: int, payload: BookingIn):
    """Book a free slot of an exhibitor's consultation hours; the answer holds the
    consultation's own video room."""
    user = request.auth
    window = _visible_window(user, window_id)
    return Status(201, book_consultation(user, window, payload.starts_at, payload.topic))


@router.get(
    "/consultation-bookings/",
    response=list[BookingFollowUpOut],
    auth=WRITE,
    url_name="consultation-booking-list",
)
@paginate(DirectoryPagination)
def list_bookings(request):
    """Your consultations and those booked with the exhibitors you follow up, earliest
    first, each with its video room."""
    return _bookings_of(request.auth).order_by("starts_at", "pk")


@router.delete(
    "/consultation-bookings/{int:booking_id}/",
    response={204: None},
    auth=WRITE,
    url_name="consultation-booking-detail",
)
def remove_booking(request, booking_id: int):
    """Cancel a consultation: your own, or as the event's organiser (the visitor is told)."""
    user = request.auth
    booking = get_object_or_404(
        _bookings_of(user).select_related("window__exhibitor__pavilion__event"), pk=booking_id
    )
    cancel_booking(user, booking)
    return Status(204, None)
