"""An exhibitor's bilingual catalogue of products and services.

The event's organisers keep it, and so may the exhibiting company's own representatives
(``events.change_exhibitor``).
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction

from tradebridge.events.domain.pavilions import assign_fields
from tradebridge.events.models import Exhibitor, Product

PRODUCT_FIELDS = ("title_en", "title_zh", "description_en", "description_zh", "hs_codes", "image")


def _require_catalogue_keeper(user, exhibitor: Exhibitor) -> None:
    if not user.has_perm("events.change_exhibitor", exhibitor):
        raise PermissionDenied


def _forget_file_after_commit(file) -> None:
    """Remove a replaced or deleted image from storage once the change is committed."""
    if file:
        storage, name = file.storage, file.name
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def add_product(user, exhibitor: Exhibitor, data: dict, sectors=()) -> Product:
    """Add a product or service to an exhibitor's catalogue.

    ``data`` holds the titles, descriptions, ``hs_codes`` ("8479,847989") and optionally an
    uploaded ``image``. Side effects: one Product row, its sectors, the image file.
    """
    _require_catalogue_keeper(user, exhibitor)
    product = assign_fields(Product(exhibitor=exhibitor), data, PRODUCT_FIELDS)
    product.sectors.set(sectors)
    return product


@transaction.atomic
def update_product(user, product: Product, data: dict, sectors=None) -> Product:
    """Change a catalogue entry and, if given, its sectors.

    An ``image`` of ``None`` or ``False`` removes the picture. Side effects: the Product row
    and its sectors; a replaced or removed image file is deleted after commit.
    """
    _require_catalogue_keeper(user, product.exhibitor)
    old_image = product.image if "image" in data else None
    if "image" in data and not data["image"]:
        data = {**data, "image": ""}
    assign_fields(product, data, PRODUCT_FIELDS)
    if old_image and old_image.name != product.image.name:
        _forget_file_after_commit(old_image)
    if sectors is not None:
        product.sectors.set(sectors)
    return product


@transaction.atomic
def delete_product(user, product: Product) -> None:
    """Delete a catalogue entry. Leads that named it keep their message (``product`` is
    cleared). Side effects: the Product row; its image file after commit."""
    _require_catalogue_keeper(user, product.exhibitor)
    _forget_file_after_commit(product.image)
    product.delete()
