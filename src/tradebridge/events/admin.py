from django.contrib import admin

from tradebridge.events.models import (
    ConsultationBooking,
    ConsultationWindow,
    Event,
    EventHost,
    EventSeries,
    Exhibitor,
    Lead,
    Pavilion,
    Product,
    Registration,
    Session,
    SessionSpeaker,
)


@admin.register(EventSeries)
class EventSeriesAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_zh", "owner")
    search_fields = ("name_en", "name_zh")


class EventHostInline(admin.TabularInline):
    model = EventHost
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("title_en", "kind", "starts_at", "timezone", "status", "visibility", "owner")
    list_filter = ("kind", "status", "visibility", "attendance_mode")
    search_fields = ("title_en", "title_zh")
    autocomplete_fields = ("owner", "region", "series")
    inlines = [EventHostInline]


class SessionSpeakerInline(admin.TabularInline):
    model = SessionSpeaker
    extra = 0
    autocomplete_fields = ("person",)


@admin.register(Session)
class SessionAdmin(admin.ModelAdmin):
    list_display = ("title_en", "event", "kind", "starts_at", "is_online", "sequence")
    list_filter = ("kind", "is_online")
    search_fields = ("title_en", "title_zh")
    inlines = [SessionSpeakerInline]


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ("event", "user", "status", "attendance_mode", "checked_in_at")
    list_filter = ("status", "attendance_mode")


class ExhibitorInline(admin.TabularInline):
    model = Exhibitor
    extra = 0
    autocomplete_fields = ("organisation",)


@admin.register(Pavilion)
class PavilionAdmin(admin.ModelAdmin):
    list_display = ("name_en", "name_zh", "event", "host_organisation", "area_en")
    search_fields = ("name_en", "name_zh")
    inlines = [ExhibitorInline]


class ProductInline(admin.StackedInline):
    model = Product
    extra = 0


@admin.register(Exhibitor)
class ExhibitorAdmin(admin.ModelAdmin):
    list_display = ("organisation", "pavilion", "stand")
    autocomplete_fields = ("organisation", "staff")
    inlines = [ProductInline]


@admin.register(ConsultationWindow)
class ConsultationWindowAdmin(admin.ModelAdmin):
    list_display = ("exhibitor", "starts_at", "ends_at", "timezone", "slot_minutes")


@admin.register(ConsultationBooking)
class ConsultationBookingAdmin(admin.ModelAdmin):
    list_display = ("window", "starts_at", "user", "topic")


@admin.register(Lead)
class LeadAdmin(admin.ModelAdmin):
    list_display = ("exhibitor", "user", "created_at")
