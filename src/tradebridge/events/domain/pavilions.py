"""State changes of pavilions, exhibitors and leads.

A pavilion belongs to its event: the event's organising agency manages it and its exhibitors,
and it is visible wherever the event is. Catalogues are in ``catalogues.py``.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from tradebridge.directory.models import Affiliation
from tradebridge.events.models import (
    ConsultationBooking,
    ConsultationWindow,
    Event,
    Exhibitor,
    Lead,
    Pavilion,
)

MAX_MESSAGE_LENGTH = 2000

PAVILION_FIELDS = (
    "name_en",
    "name_zh",
    "description_en",
    "description_zh",
    "host_organisation",
    "host_region",
    "area_en",
    "area_zh",
)
EXHIBITOR_FIELDS = ("stand",)


def assign_fields(instance, data: dict, allowed: tuple[str, ...]):
    """Set ``data`` on ``instance``, validate and save it; unknown field names are a bug."""
    for field, value in data.items():
        if field not in allowed:
            raise ValueError(f"{field} is not an editable field of {type(instance).__name__}")
        setattr(instance, field, value)
    instance.full_clean()
    instance.save()
    return instance


def _require_organiser(user, event: Event) -> None:
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied


def _refuse_if_booked(windows, field: str) -> None:
    """Visitors hold appointments in these consultation windows: they are cancelled one by one
    (each visitor is told) before the place they are booked at can go. The windows are locked
    so that a booking made meanwhile waits for the deletion and then fails."""
    list(windows.select_for_update().values_list("pk", flat=True))
    count = ConsultationBooking.objects.filter(window__in=windows).count()
    if count:
        raise ValidationError(
            {
                field: ngettext(
                    "%(count)d consultation is booked here; cancel it first.",
                    "%(count)d consultations are booked here; cancel them first.",
                    count,
                )
                % {"count": count}
            }
        )


@transaction.atomic
def add_pavilion(user, event: Event, data: dict) -> Pavilion:
    """Add a pavilion to an expo. Side effects: one Pavilion row."""
    _require_organiser(user, event)
    return assign_fields(Pavilion(event=event), data, PAVILION_FIELDS)


@transaction.atomic
def update_pavilion(user, pavilion: Pavilion, data: dict) -> Pavilion:
    """Change a pavilion's names, description, host and exhibition area.
    Side effects: the Pavilion row."""
    _require_organiser(user, pavilion.event)
    return assign_fields(pavilion, data, PAVILION_FIELDS)


@transaction.atomic
def delete_pavilion(user, pavilion: Pavilion) -> None:
    """Delete a pavilion with its exhibitors, their catalogues, consultation windows and leads.

    Refused (ValidationError) while visitors have consultations booked in it.
    """
    _require_organiser(user, pavilion.event)
    _refuse_if_booked(ConsultationWindow.objects.filter(exhibitor__pavilion=pavilion), "pavilion")
    pavilion.delete()


def _check_staff(organisation, staff) -> list:
    """``staff`` must be people of the exhibiting organisation (affiliated with it)."""
    staff = list(staff)
    affiliated = set(
        Affiliation.objects.filter(
            organisation=organisation, person__in=[person.pk for person in staff]
        ).values_list("person_id", flat=True)
    )
    strangers = [person for person in staff if person.pk not in affiliated]
    if strangers:
        raise ValidationError(
            {
                "staff": _("Not among the people of %(organisation)s: %(names)s.")
                % {
                    "names": ", ".join(str(person) for person in strangers),
                    "organisation": organisation,
                }
            }
        )
    return staff


@transaction.atomic
def add_exhibitor(user, pavilion: Pavilion, organisation, stand: str = "", staff=()) -> Exhibitor:
    """Give an organisation a stand in a pavilion, with people of that organisation on duty.
    Side effects: one Exhibitor and its staff links."""
    _require_organiser(user, pavilion.event)
    if Exhibitor.objects.filter(pavilion=pavilion, organisation=organisation).exists():
        raise ValidationError({"organisation": _("This organisation already has a stand here.")})
    staff = _check_staff(organisation, staff)
    exhibitor = assign_fields(
        Exhibitor(pavilion=pavilion, organisation=organisation), {"stand": stand}, EXHIBITOR_FIELDS
    )
    exhibitor.staff.set(staff)
    return exhibitor


@transaction.atomic
def update_exhibitor(user, exhibitor: Exhibitor, data: dict, staff=None) -> Exhibitor:
    """Change an exhibitor's stand and, if given, its staff on duty. The organisation stays:
    another organisation is another exhibitor. Side effects: the Exhibitor and its staff links."""
    _require_organiser(user, exhibitor.pavilion.event)
    if staff is not None:
        staff = _check_staff(exhibitor.organisation, staff)
    assign_fields(exhibitor, data, EXHIBITOR_FIELDS)
    if staff is not None:
        exhibitor.staff.set(staff)
    return exhibitor


@transaction.atomic
def delete_exhibitor(user, exhibitor: Exhibitor) -> None:
    """Remove an exhibitor from its pavilion, with its catalogue, consultation windows and leads.

    Refused (ValidationError) while visitors have consultations booked with it.
    """
    _require_organiser(user, exhibitor.pavilion.event)
    _refuse_if_booked(ConsultationWindow.objects.filter(exhibitor=exhibitor), "exhibitor")
    exhibitor.delete()


@transaction.atomic
def contact_exhibitor(user, exhibitor: Exhibitor, message: str, product=None) -> Lead:
    """Record that ``user`` wants the exhibitor to get in touch ("Contact this exhibitor").

    Side effects: one Lead row, which the exhibitor's organisers see in the back office.
    """
    if not user.has_perm("events.take_part", exhibitor.pavilion.event):
        raise PermissionDenied
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Write a short message to the exhibitor.")})
    if len(message) > MAX_MESSAGE_LENGTH:
        raise ValidationError(
            {"message": _("Write at most %(max)d characters.") % {"max": MAX_MESSAGE_LENGTH}}
        )
    if product is not None and product.exhibitor_id != exhibitor.pk:
        raise ValidationError({"product": _("This product is not in this exhibitor's catalogue.")})
    return Lead.objects.create(exhibitor=exhibitor, user=user, message=message, product=product)
