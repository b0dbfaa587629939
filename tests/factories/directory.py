import factory

from tradebridge.directory.enums import OrganisationKind, Visibility
from tradebridge.directory.models import Affiliation, Organisation, Person, Region


def region(code: str) -> Region:
    """A region loaded by the catalogue (every test database has them)."""
    return Region.objects.get(code=code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.COMPANY
    name_en = factory.Sequence(lambda n: f"Company {n}")
    name_zh = factory.Sequence(lambda n: f"公司{n}")
    visibility = Visibility.PUBLIC


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name_en = factory.Sequence(lambda n: f"Person {n}")
    visibility = Visibility.PUBLIC


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role_en = "Manager"
