"""Loading the demo organisations and people, idempotently.

A record whose English name already exists is left as it is (so what someone changed while
trying the demo survives a reload), and a new one is created otherwise. Parents and owners are
named by English name, so organisations are created first and linked in a second pass.
"""

from tradebridge.directory.demo import california_ciie_2020, private_examples, seattle_2015
from tradebridge.directory.demo.specs import OrganisationSpec, PersonSpec
from tradebridge.directory.models import Affiliation, Organisation, Person, Region, Sector

SOURCES = (seattle_2015, california_ciie_2020, private_examples)
ORGANISATIONS: list[OrganisationSpec] = [spec for s in SOURCES for spec in s.ORGANISATIONS]
PEOPLE: list[PersonSpec] = [spec for s in SOURCES for spec in s.PEOPLE]


def load_organisations() -> int:
    """Create the demo organisations that are missing, with their parents, owners and
    sectors; returns how many were created."""
    by_name: dict[str, Organisation] = {}
    created: list[tuple[Organisation, OrganisationSpec]] = []
    for spec in ORGANISATIONS:
        organisation = Organisation.objects.filter(name_en=spec.name_en).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name_en=spec.name_en, name_zh=spec.name_zh, kind=spec.kind
            )
            created.append((organisation, spec))
        by_name[spec.name_en] = organisation
    for organisation, spec in created:
        organisation.short_name = spec.short_name
        organisation.description_en = spec.description_en
        organisation.description_zh = spec.description_zh
        organisation.home_region = Region.objects.get(code=spec.region)
        organisation.parent = by_name[spec.parent] if spec.parent else None
        organisation.owner = by_name[spec.owner]
        organisation.website = spec.website
        organisation.is_sme = spec.is_sme
        organisation.visibility = spec.visibility
        organisation.full_clean()
        organisation.save()
        organisation.sectors.set(Sector.objects.filter(code__in=spec.sectors))
    return len(created)


def load_people() -> int:
    """Create the demo people that are missing, with their affiliations; returns how many."""
    created = 0
    for spec in PEOPLE:
        if Person.objects.filter(name_en=spec.name_en).exists():
            continue
        person = Person(
            name_en=spec.name_en,
            name_zh=spec.name_zh,
            title_en=spec.title_en,
            title_zh=spec.title_zh,
            email=spec.email,
            phone=spec.phone,
            languages=spec.languages,
            timezone=spec.timezone,
            visibility=spec.visibility,
            owner=Organisation.objects.get(name_en=spec.owner),
        )
        person.full_clean()
        person.save()
        for position, affiliation in enumerate(spec.affiliations):
            Affiliation.objects.create(
                person=person,
                organisation=Organisation.objects.get(name_en=affiliation.organisation),
                role_en=affiliation.role_en,
                role_zh=affiliation.role_zh,
                is_primary=position == 0,
            )
        created += 1
    return created
