"""State changes of pavilions, exhibitors, their catalogues and leads.

A pavilion belongs to its event: the event's organising agency manages it, and it is visible
wherever the event is.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tradebridge.events.models import Event, Exhibitor, Lead, Pavilion, Product

MAX_MESSAGE_LENGTH = 2000


def _apply(instance, data: dict):
    for field, value in data.items():
        setattr(instance, field, value)
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def add_pavilion(user, event: Event, data: dict) -> Pavilion:
    """Add a pavilion to an expo. Side effects: one Pavilion row."""
    if not user.has_perm("events.change_event", event):
        raise PermissionDenied
    return _apply(Pavilion(event=event), data)


@transaction.atomic
def add_exhibitor(user, pavilion: Pavilion, organisation, stand: str = "", staff=()) -> Exhibitor:
    """Give an organisation a stand in a pavilion. Side effects: one Exhibitor, its staff."""
    if not user.has_perm("events.change_event", pavilion.event):
        raise PermissionDenied
    if Exhibitor.objects.filter(pavilion=pavilion, organisation=organisation).exists():
        raise ValidationError({"organisation": _("This organisation already has a stand here.")})
    exhibitor = _apply(Exhibitor(pavilion=pavilion, organisation=organisation), {"stand": stand})
    exhibitor.staff.set(staff)
    return exhibitor


@transaction.atomic
def add_product(user, exhibitor: Exhibitor, data: dict, sectors=()) -> Product:
    """Add a product or service to an exhibitor's catalogue. Side effects: one Product row.

    The event's organisers may add products, and so may the exhibiting company's own
    representatives.
    """
    if not user.has_perm("events.change_exhibitor", exhibitor):
        raise PermissionDenied
    product = _apply(Product(exhibitor=exhibitor), data)
    product.sectors.set(sectors)
    return product


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
