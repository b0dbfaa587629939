"""Turning the codes and ids of API input into the records they name.

An unknown code, or the id of a record the user may not see, is a ValidationError naming the
field, never a 500 and never a hint that a private record exists.
"""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from tradebridge.directory.domain.visibility import visible_organisations
from tradebridge.directory.models import Organisation, Region, Sector


def region_by_code(code: str) -> Region:
    region = Region.objects.filter(code__iexact=code).first()
    if region is None:
        raise ValidationError(_("Unknown region code: %(code)s."), params={"code": code})
    return region


def sector_by_code(code: str) -> Sector:
    sector = Sector.objects.filter(code=code.lower()).first()
    if sector is None:
        raise ValidationError(_("Unknown sector code: %(code)s."), params={"code": code})
    return sector


def sectors_by_codes(codes: list[str]) -> list[Sector]:
    wanted = {code.lower() for code in codes}
    sectors = list(Sector.objects.filter(code__in=wanted))
    unknown = sorted(wanted - {sector.code for sector in sectors})
    if unknown:
        raise ValidationError(
            _("Unknown sector code: %(code)s."), params={"code": ", ".join(unknown)}
        )
    return sectors


def organisation_visible_to(user) -> Callable[[int], Organisation]:
    """A resolver of organisation ids that knows only the organisations ``user`` may see."""

    def resolve(organisation_id: int) -> Organisation:
        organisation = visible_organisations(user).filter(pk=organisation_id).first()
        if organisation is None:
            raise ValidationError(_("Unknown organisation."))
        return organisation

    return resolve


def resolve_references(fields: dict, resolvers: dict[str, Callable]) -> dict:
    """``fields`` with each named code or id replaced by its record; ``None`` stays ``None``.

    Raises one ValidationError naming every field whose code or id is unknown.
    """
    resolved, errors = dict(fields), {}
    for name, resolve in resolvers.items():
        if fields.get(name) is None:
            continue
        try:
            resolved[name] = resolve(fields[name])
        except ValidationError as exc:
            errors[name] = exc.messages
    if errors:
        raise ValidationError(errors)
    return resolved
