"""What an organisation offers and seeks, validated and normalised.

A :class:`Profile` has two :class:`Side` objects (``offers`` and ``needs``), each with free
texts in English and/or Chinese, HS codes and sectors; plus deal types, target regions, a home
region, size and languages. :func:`profile_from_dict` builds one from the loose JSON shape used
by the command line and the web app and raises :class:`ProfileError` naming the bad field.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

DEAL_TYPES = (
    "export",
    "import",
    "distribution",
    "investment_in",
    "investment_from",
    "joint_venture",
    "licensing_out",
    "licensing_in",
    "services_offer",
    "services_need",
)

_DEAL_ALIASES = {
    "exporter": "export",
    "sell": "export",
    "seller": "export",
    "出口": "export",
    "importer": "import",
    "buy": "import",
    "buyer": "import",
    "进口": "import",
    "distributor": "distribution",
    "分销": "distribution",
    "investment_in": "investment_in",
    "invest": "investment_in",
    "investor": "investment_in",
    "投资": "investment_in",
    "investment_from": "investment_from",
    "seeking_investment": "investment_from",
    "project": "investment_from",
    "融资": "investment_from",
    "jv": "joint_venture",
    "合资": "joint_venture",
    "licensing": "licensing_out",
    "licence_out": "licensing_out",
    "license_out": "licensing_out",
    "licensing_need": "licensing_in",
    "licence_in": "licensing_in",
    "license_in": "licensing_in",
    "services": "services_offer",
    "service": "services_offer",
    "services_need": "services_need",
    "service_need": "services_need",
}

# Which deal type on one side answers which on the other (symmetric by construction below).
_COMPLEMENTS = {
    "export": ("import", "distribution"),
    "investment_in": ("investment_from",),
    "joint_venture": ("joint_venture",),
    "licensing_out": ("licensing_in",),
    "services_offer": ("services_need",),
}
COMPLEMENTS: dict[str, frozenset[str]] = {d: frozenset() for d in DEAL_TYPES}
for _a, _bs in _COMPLEMENTS.items():
    for _b in _bs:
        COMPLEMENTS[_a] = COMPLEMENTS[_a] | {_b}
        COMPLEMENTS[_b] = COMPLEMENTS[_b] | {_a}

_HS_RE = re.compile(r"^\d+$")
_REGION_RE = re.compile(r"^[A-Z]{2}(-[A-Z0-9]{1,3})?$")
HS_LEVELS = (2, 4, 6, 8)


class ProfileError(ValueError):
    """A profile field is invalid; ``field`` names it (e.g. ``hs_codes``)."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(f"{field_name}: {message}")
        self.field = field_name
        self.message = message


def normalize_hs_code(code: object) -> str:
    """Return an HS code as 2, 4, 6 or 8 digits ("8507.60" -> "850760"); raise ValueError."""
    if isinstance(code, int) and not isinstance(code, bool):
        code = str(code)
    if not isinstance(code, str):
        raise ValueError(f"{code!r} is not an HS code")
    digits = code.replace(".", "").replace(" ", "")
    if not _HS_RE.match(digits) or len(digits) not in HS_LEVELS:
        raise ValueError(f'"{code}" is not an HS code')
    return digits


def normalize_region(code: object) -> str:
    """Return a region code such as "CN", "CN-GD" or "US-CA" in upper case; raise ValueError."""
    if not isinstance(code, str) or not _REGION_RE.match(code.strip().upper()):
        raise ValueError(f'"{code}" is not a region code (like "CN", "CN-GD", "US-CA")')
    return code.strip().upper()


def normalize_deal_type(name: object) -> str:
    """Map a deal type or one of its aliases ("joint venture", "licensing need") to its code."""
    if not isinstance(name, str):
        raise ValueError(f"{name!r} is not a deal type")
    key = re.sub(r"[\s\-]+", "_", name.strip().lower())
    key = _DEAL_ALIASES.get(key, key)
    if key not in DEAL_TYPES:
        raise ValueError(f'"{name}" is not a deal type (one of {", ".join(DEAL_TYPES)})')
    return key


def deal_types_complement(mine: Iterable[str], theirs: Iterable[str]) -> tuple[str, str] | None:
    """The first (my type, their type) pair where their deal type answers mine, else None."""
    theirs = set(theirs)
    for d in sorted(mine):
        for t in sorted(COMPLEMENTS[d] & theirs):
            return d, t
    return None


@dataclass(frozen=True)
class Side:
    """One side of a profile (what it offers, or what it needs)."""

    texts: tuple[str, ...] = ()
    hs_codes: tuple[str, ...] = ()
    sectors: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        """True if the side states nothing."""
        return not (self.texts or self.hs_codes or self.sectors)


@dataclass(frozen=True)
class Profile:
    """An organisation's matchmaking profile."""

    id: str
    name: str = ""
    offers: Side = field(default_factory=Side)
    needs: Side = field(default_factory=Side)
    deal_types: frozenset[str] = frozenset()
    regions: tuple[str, ...] = ()
    home: str | None = None
    size: str | None = None
    languages: tuple[str, ...] = ()


def _string_list(value: object, field_name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(field_name, "must be a string or a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _codes(value: object, field_name: str, normalize) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        value = [value]
    if not isinstance(value, list):
        raise ProfileError(field_name, "must be a list")
    out = []
    for item in value:
        try:
            out.append(normalize(item))
        except ValueError as exc:
            raise ProfileError(field_name, str(exc)) from None
    return tuple(dict.fromkeys(out))


def _side(value: object, field_name: str, shared_hs: tuple, shared_sectors: tuple) -> Side:
    if isinstance(value, Mapping):
        texts = _string_list(value.get("texts", value.get("text")), f"{field_name}.texts")
        hs = _codes(value.get("hs_codes"), f"{field_name}.hs_codes", normalize_hs_code)
        sectors = _string_list(value.get("sectors"), f"{field_name}.sectors")
    else:
        texts, hs, sectors = _string_list(value, field_name), (), ()
    return Side(
        texts=texts,
        hs_codes=tuple(dict.fromkeys(hs + shared_hs)),
        sectors=tuple(dict.fromkeys(sectors + shared_sectors)),
    )


def profile_from_dict(data: object) -> Profile:
    """Build a :class:`Profile` from a JSON object; raise :class:`ProfileError` on bad fields.

    ``offers``/``needs`` may be a string, a list of strings, or an object with ``texts``,
    ``hs_codes`` and ``sectors``. Top-level ``hs_codes`` and ``sectors`` apply to both sides.
    ``regions`` are the target regions; ``home`` is the organisation's own region.
    """
    if not isinstance(data, Mapping):
        raise ProfileError("line", "must be a JSON object")
    pid = data.get("id")
    if isinstance(pid, bool) or not isinstance(pid, (str, int)) or str(pid).strip() == "":
        raise ProfileError("id", "missing or not a string/integer")
    name = data.get("name") or ""
    if not isinstance(name, str):
        raise ProfileError("name", "must be a string")
    shared_hs = _codes(data.get("hs_codes"), "hs_codes", normalize_hs_code)
    shared_sectors = _string_list(data.get("sectors"), "sectors")
    deal_types = _codes(data.get("deal_types"), "deal_types", normalize_deal_type)
    regions = _codes(data.get("regions"), "regions", normalize_region)
    home = data.get("home")
    if home is not None:
        try:
            home = normalize_region(home)
        except ValueError as exc:
            raise ProfileError("home", str(exc)) from None
    size = data.get("size")
    if size is not None and not isinstance(size, (str, int)):
        raise ProfileError("size", "must be a string or an integer")
    return Profile(
        id=str(pid),
        name=name,
        offers=_side(data.get("offers"), "offers", shared_hs, shared_sectors),
        needs=_side(data.get("needs"), "needs", shared_hs, shared_sectors),
        deal_types=frozenset(deal_types),
        regions=regions,
        home=home,
        size=None if size is None else str(size),
        languages=_string_list(data.get("languages"), "languages"),
    )
