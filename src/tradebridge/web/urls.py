from django.urls import path

from tradebridge.web import urls_matching, urls_meetings, urls_scheduling
from tradebridge.web.views import (
    accounts,
    catalogue_admin,
    events,
    follow_up,
    home,
    organisations,
    pavilion_admin,
    pavilions,
    people,
    places,
    search,
    transfer,
)

app_name = "web"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("search/", search.SearchView.as_view(), name="search"),
    path("organisations/", organisations.OrganisationListView.as_view(), name="organisation-list"),
    path(
        "organisations/new/",
        organisations.OrganisationFormView.as_view(),
        name="organisation-create",
    ),
    path(
        "organisations/<int:pk>/",
        organisations.OrganisationDetailView.as_view(),
        name="organisation-detail",
    ),
    path(
        "organisations/<int:pk>/edit/",
        organisations.OrganisationFormView.as_view(),
        name="organisation-edit",
    ),
    path(
        "organisations/<int:pk>/delete/",
        organisations.OrganisationDeleteView.as_view(),
        name="organisation-delete",
    ),
    path(
        "organisations/<int:pk>/invite/",
        accounts.InviteRepresentativeView.as_view(),
        name="organisation-invite",
    ),
    path("people/", people.PersonListView.as_view(), name="person-list"),
    path("people/new/", people.PersonFormView.as_view(), name="person-create"),
    path("people/<int:pk>/", people.PersonDetailView.as_view(), name="person-detail"),
    path("people/<int:pk>/edit/", people.PersonFormView.as_view(), name="person-edit"),
    path("people/<int:pk>/delete/", people.PersonDeleteView.as_view(), name="person-delete"),
    path("transfer/", transfer.TransferView.as_view(), name="transfer"),
    path("export/<str:kind>/<str:fmt>/", transfer.ExportView.as_view(), name="export"),
    path("regions/", places.RegionListView.as_view(), name="region-list"),
    path("regions/<str:code>/", places.RegionDetailView.as_view(), name="region-detail"),
    path("sectors/", places.SectorListView.as_view(), name="sector-list"),
    path("sectors/<slug:code>/", places.SectorDetailView.as_view(), name="sector-detail"),
    path("events/", events.EventListView.as_view(), name="event-list"),
    path("events/calendar.ics", events.MyCalendarView.as_view(), name="my-calendar"),
    path(
        "events/calendar/<str:token>.ics",
        events.SubscribedCalendarView.as_view(),
        name="subscribed-calendar",
    ),
    path(
        "events/calendar/new-link/",
        events.ResetCalendarLinkView.as_view(),
        name="reset-calendar-link",
    ),
    path("events/new/", events.EventFormView.as_view(), name="event-create"),
    path("events/<int:pk>/", events.EventDetailView.as_view(), name="event-detail"),
    path("events/<int:pk>/edit/", events.EventFormView.as_view(), name="event-edit"),
    path("events/<int:pk>/publish/", events.PublishEventView.as_view(), name="event-publish"),
    path("events/<int:pk>/sessions/new/", events.SessionFormView.as_view(), name="session-create"),
    path(
        "events/sessions/<int:session_pk>/edit/",
        events.SessionFormView.as_view(),
        name="session-edit",
    ),
    path(
        "events/<int:pk>/calendar.ics",
        events.EventCalendarView.as_view(),
        name="event-calendar",
    ),
    path("events/<int:pk>/register/", events.RegisterView.as_view(), name="event-register"),
    path("events/<int:pk>/manage/", events.EventManageView.as_view(), name="event-manage"),
    path("events/<int:pk>/check-in/", events.CheckInView.as_view(), name="event-check-in"),
    path(
        "events/registrations/<int:pk>/cancel/",
        events.CancelRegistrationView.as_view(),
        name="registration-cancel",
    ),
    path(
        "events/registrations/<int:pk>/decide/",
        events.DecideRegistrationView.as_view(),
        name="registration-decide",
    ),
    path(
        "events/pavilions/<int:pk>/",
        pavilions.PavilionDetailView.as_view(),
        name="pavilion-detail",
    ),
    path(
        "events/exhibitors/<int:pk>/contact/",
        pavilions.ContactExhibitorView.as_view(),
        name="exhibitor-contact",
    ),
    path(
        "events/consultations/<int:pk>/book/",
        pavilions.BookConsultationView.as_view(),
        name="consultation-book",
    ),
    path(
        "events/consultations/bookings/<int:pk>/cancel/",
        pavilions.CancelConsultationView.as_view(),
        name="consultation-cancel",
    ),
    path(
        "events/consultations/bookings/<int:pk>/calendar.ics",
        follow_up.ConsultationCalendarView.as_view(),
        name="consultation-calendar",
    ),
    path("events/leads/", follow_up.LeadListView.as_view(), name="lead-list"),
    # The organiser's back office for pavilions, exhibitors, catalogues and consultation hours.
    path(
        "events/<int:event_pk>/pavilions/new/",
        pavilion_admin.PavilionFormView.as_view(),
        name="pavilion-create",
    ),
    path(
        "events/pavilions/<int:pk>/manage/",
        pavilion_admin.PavilionManageView.as_view(),
        name="pavilion-manage",
    ),
    path(
        "events/pavilions/<int:pk>/edit/",
        pavilion_admin.PavilionFormView.as_view(),
        name="pavilion-edit",
    ),
    path(
        "events/pavilions/<int:pk>/delete/",
        pavilion_admin.PavilionDeleteView.as_view(),
        name="pavilion-delete",
    ),
    path(
        "events/pavilions/<int:pavilion_pk>/exhibitors/new/",
        pavilion_admin.ExhibitorFormView.as_view(),
        name="exhibitor-create",
    ),
    path(
        "events/exhibitors/<int:pk>/edit/",
        pavilion_admin.ExhibitorFormView.as_view(),
        name="exhibitor-edit",
    ),
    path(
        "events/exhibitors/<int:pk>/delete/",
        pavilion_admin.ExhibitorDeleteView.as_view(),
        name="exhibitor-delete",
    ),
    path(
        "events/exhibitors/<int:pk>/manage/",
        catalogue_admin.ExhibitorManageView.as_view(),
        name="exhibitor-manage",
    ),
    path(
        "events/exhibitors/<int:exhibitor_pk>/products/new/",
        catalogue_admin.ProductFormView.as_view(),
        name="product-create",
    ),
    path(
        "events/products/<int:pk>/edit/",
        catalogue_admin.ProductFormView.as_view(),
        name="product-edit",
    ),
    path(
        "events/products/<int:pk>/delete/",
        catalogue_admin.ProductDeleteView.as_view(),
        name="product-delete",
    ),
    path(
        "events/exhibitors/<int:exhibitor_pk>/consultation-windows/new/",
        catalogue_admin.WindowFormView.as_view(),
        name="consultation-window-create",
    ),
    path(
        "events/consultation-windows/<int:pk>/delete/",
        catalogue_admin.WindowDeleteView.as_view(),
        name="consultation-window-delete",
    ),
]

urlpatterns += urls_matching.urlpatterns + urls_meetings.urlpatterns + urls_scheduling.urlpatterns
