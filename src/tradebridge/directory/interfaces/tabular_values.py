"""Turning spreadsheet cells into field values: choices, yes/no, lists, regions and sectors.

Each parser returns the value or raises ``CellError`` with a message for the user. Regions,
sectors and organisations are looked up in indexes built once per import, so a 10,000-row file
costs a handful of queries rather than one per cell.
"""

import re

from django.utils import translation
from django.utils.translation import gettext as _

from tradebridge.directory.enums import LANGUAGE_CHOICES, OrganisationKind, Visibility
from tradebridge.directory.models import Organisation, Region, Sector


class CellError(Exception):
    """A cell's value cannot be used; ``field`` names the column."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field
        self.message = message


TRUE_WORDS = frozenset({"yes", "y", "true", "1", "是", "对"})
FALSE_WORDS = frozenset({"no", "n", "false", "0", "否", "不是", ""})
_CHINESE_KINDS = {
    "政府": OrganisationKind.GOVERNMENT,
    "政府机构": OrganisationKind.GOVERNMENT,
    "贸易促进机构": OrganisationKind.AGENCY,
    "机构": OrganisationKind.AGENCY,
    "商会": OrganisationKind.CHAMBER,
    "协会": OrganisationKind.CHAMBER,
    "企业": OrganisationKind.COMPANY,
    "公司": OrganisationKind.COMPANY,
    "港口": OrganisationKind.PORT_AUTHORITY,
    "大学": OrganisationKind.UNIVERSITY,
    "其他": OrganisationKind.OTHER,
}
_CHINESE_VISIBILITY = {
    "公开": Visibility.PUBLIC,
    "私有": Visibility.PRIVATE,
    "不公开": Visibility.PRIVATE,
}
_LIST_SEPARATORS = re.compile(r"[;；]")
_ITEM_SEPARATORS = re.compile(r"[,，、]")


def folded(text: str) -> str:
    return " ".join(text.casefold().split())


def _choice(field: str, value: str, choices, extra: dict[str, str]) -> str:
    key = folded(value)
    with translation.override("en"):
        for code, label in choices:
            if key in (code, folded(str(label)), folded(str(label).split(":")[0])):
                return code
    if key in extra:
        return extra[key]
    raise CellError(field, _("Unknown value %(value)s.") % {"value": value})


def parse_kind(value: str) -> str:
    if not value:
        raise CellError("kind", _("Give the kind of organisation, e.g. company or agency."))
    return _choice("kind", value, OrganisationKind.choices, _CHINESE_KINDS)


def parse_visibility(value: str) -> str:
    return _choice("visibility", value, Visibility.choices, _CHINESE_VISIBILITY)


def parse_yes_no(field: str, value: str) -> bool:
    key = folded(value)
    if key in TRUE_WORDS:
        return True
    if key in FALSE_WORDS:
        return False
    raise CellError(field, _("Write yes or no, not %(value)s.") % {"value": value})


def parse_languages(value: str) -> str:
    """Language codes or English names separated by , or ; → the stored form "en,zh"."""
    with translation.override("en"):
        by_name = {folded(str(label)): code for code, label in LANGUAGE_CHOICES}
    codes = []
    for item in split_list(value):
        code = by_name.get(folded(item), item.lower())
        if code not in codes:
            codes.append(code)
    return ",".join(codes)


def split_list(value: str) -> list[str]:
    parts = [
        part for piece in _LIST_SEPARATORS.split(value) for part in _ITEM_SEPARATORS.split(piece)
    ]
    return [part.strip() for part in parts if part.strip()]


class RegionIndex:
    """Regions by ISO code, then by English or Chinese name, then by other name."""

    def __init__(self):
        self.by_code: dict[str, Region] = {}
        self.by_name: dict[str, set[Region]] = {}
        self.by_alias: dict[str, set[Region]] = {}
        for region in Region.objects.all():
            self.by_code[region.code.upper()] = region
            for name in (region.name_en, region.name_zh):
                if name:
                    self.by_name.setdefault(folded(name), set()).add(region)
            for alias in region.alias_list():
                self.by_alias.setdefault(folded(alias), set()).add(region)

    def find(self, field: str, value: str) -> Region:
        if value.upper() in self.by_code:
            return self.by_code[value.upper()]
        for index in (self.by_name, self.by_alias):
            found = index.get(folded(value), set())
            if len(found) == 1:
                return next(iter(found))
            if len(found) > 1:
                codes = ", ".join(sorted(region.code for region in found))
                raise CellError(
                    field,
                    _("%(value)s could be %(codes)s: give the code.")
                    % {"value": value, "codes": codes},
                )
        raise CellError(field, _("Unknown region %(value)s.") % {"value": value})


class SectorIndex:
    """Sectors by code, English or Chinese name."""

    def __init__(self):
        self.sectors: dict[str, Sector] = {}
        for sector in Sector.objects.all():
            for key in (sector.code, sector.name_en, sector.name_zh):
                self.sectors.setdefault(folded(key), sector)

    def find_all(self, value: str) -> list[Sector]:
        """Sectors separated by ; or , — a ;-separated piece is first tried whole, because
        some sector names contain a comma ("Fruit, vegetables and nuts")."""
        found: list[Sector] = []
        unknown: list[str] = []
        for piece in _LIST_SEPARATORS.split(value):
            if not piece.strip():
                continue
            whole = self.sectors.get(folded(piece))
            items = [whole] if whole else None
            if items is None:
                names = [name.strip() for name in _ITEM_SEPARATORS.split(piece) if name.strip()]
                items = [self.sectors.get(folded(name)) for name in names]
                unknown += [name for name, sector in zip(names, items, strict=True) if not sector]
            found += [sector for sector in items if sector and sector not in found]
        if unknown:
            raise CellError(
                "sectors", _("Unknown sector: %(names)s.") % {"names": ", ".join(unknown)}
            )
        return found


class OrganisationIndex:
    """The organisations a user may see, by English or Chinese name, and by id."""

    def __init__(self, queryset):
        self.by_name: dict[str, set[int]] = {}
        self.ids: set[int] = set()
        for pk, name_en, name_zh in queryset.values_list("pk", "name_en", "name_zh"):
            self.ids.add(pk)
            for name in {folded(name_en), folded(name_zh)} - {""}:
                self.by_name.setdefault(name, set()).add(pk)

    def matching_ids(self, *names: str) -> set[int]:
        return {pk for name in names if name for pk in self.by_name.get(folded(name), set())}

    def find(self, field: str, value: str) -> Organisation:
        """The one visible organisation named (or numbered) ``value``."""
        ids = {int(value)} & self.ids if value.isdigit() else self.matching_ids(value)
        if not ids:
            raise CellError(field, _("Unknown organisation %(value)s.") % {"value": value})
        if len(ids) > 1:
            raise CellError(
                field,
                _("More than one organisation is called %(value)s: give its id.")
                % {"value": value},
            )
        return Organisation.objects.get(pk=ids.pop())
