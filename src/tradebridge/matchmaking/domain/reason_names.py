"""Names for the codes in reasons (regions, sectors, HS chapters), from the directory."""

from collections.abc import Iterable, Mapping

from tradebridge.common.bilingual import pick
from tradebridge.directory.models import Region, Sector


class CatalogueNames:
    """The ``names`` lookup of ``render.render_reasons``: (kind, code, language) -> name.

    Built for a set of reasons, with one query per catalogue. An HS code is named after the
    one second-level sector that trades in its chapter (0401 -> Dairy); when several sectors
    share the chapter, the code stands alone.
    """

    def __init__(self, reasons: Iterable[Mapping]) -> None:
        reasons = list(reasons)
        region_codes = {r["region"] for r in reasons if r["kind"] == "region"}
        sector_codes = {r["sector"] for r in reasons if r["kind"] == "sector"}
        self.regions = {
            code.upper(): (en, zh)
            for code, en, zh in Region.objects.filter(code__in=region_codes).values_list(
                "code", "name_en", "name_zh"
            )
        }
        self.sectors = {
            code: (en, zh)
            for code, en, zh in Sector.objects.filter(code__in=sector_codes).values_list(
                "code", "name_en", "name_zh"
            )
        }
        self.chapters: dict[str, tuple[str, str] | None] = {}
        if any(r["kind"] == "hs" for r in reasons):
            rows = Sector.objects.filter(parent__isnull=False).exclude(hs_chapters="")
            for chapters, en, zh in rows.values_list("hs_chapters", "name_en", "name_zh"):
                for chapter in chapters.split(","):
                    # A chapter two sectors share names neither.
                    self.chapters[chapter] = None if chapter in self.chapters else (en, zh)

    def __call__(self, kind: str, code: str, language: str) -> str | None:
        if kind == "region":
            names = self.regions.get(code.upper())
        elif kind == "sector":
            names = self.sectors.get(code)
        elif kind == "hs":
            names = self.chapters.get(code[:2])
        else:
            names = None
        if not names:
            return None
        name = pick(*names, language)
        # Sector names start with a capital as titles; inside a sentence they do not.
        return name if kind == "region" else _lower_first(name)


def _lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]
