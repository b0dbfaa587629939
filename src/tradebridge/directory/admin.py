from django.contrib import admin

from tradebridge.directory.models import Affiliation, Organisation, Person, Region, Sector


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh", "kind", "parent", "timezone")
    list_filter = ("kind", "country_code")
    search_fields = ("code", "name_en", "name_zh", "aliases")
    autocomplete_fields = ("parent",)


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name_en", "name_zh", "parent", "hs_chapters")
    search_fields = ("code", "name_en", "name_zh")


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_zh", "kind", "home_region", "visibility", "owner")
    list_filter = ("kind", "visibility", "is_sme")
    search_fields = ("name_en", "name_zh", "short_name")
    autocomplete_fields = ("home_region", "parent", "owner")
    filter_horizontal = ("sectors",)


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_zh", "title_en", "visibility", "owner")
    list_filter = ("visibility",)
    search_fields = ("name_en", "name_zh", "email")
    autocomplete_fields = ("data_protection_region", "owner")
    inlines = [AffiliationInline]
