from tradebridge.directory.models.organisation import Organisation
from tradebridge.directory.models.person import Affiliation, Person
from tradebridge.directory.models.region import Region
from tradebridge.directory.models.sector import Sector

__all__ = ["Affiliation", "Organisation", "Person", "Region", "Sector"]
