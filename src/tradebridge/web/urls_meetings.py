"""Pages of the meetings area, included by web/urls.py (same "web" namespace)."""

from django.urls import path

from tradebridge.web.views import meeting_request_form, meeting_setup, meetings

urlpatterns: list = [
    path("meetings/", meetings.InboxView.as_view(), name="meetings"),
    path(
        "meetings/request/",
        meeting_request_form.RequestMeetingView.as_view(),
        name="meeting-request-create",
    ),
    path(
        "meetings/request/organisations/",
        meeting_request_form.OrganisationSuggestionsView.as_view(),
        name="meeting-organisation-suggestions",
    ),
    path(
        "meetings/requests/<int:pk>/",
        meetings.RequestDetailView.as_view(),
        name="meeting-request-detail",
    ),
    path(
        "meetings/requests/<int:pk>/accept/",
        meetings.AcceptView.as_view(),
        name="meeting-request-accept",
    ),
    path(
        "meetings/requests/<int:pk>/decline/",
        meetings.DeclineView.as_view(),
        name="meeting-request-decline",
    ),
    path(
        "meetings/requests/<int:pk>/propose/",
        meetings.ProposeView.as_view(),
        name="meeting-request-propose",
    ),
    path(
        "meetings/requests/<int:pk>/cancel/",
        meetings.CancelView.as_view(),
        name="meeting-request-cancel",
    ),
    path("meetings/requests/<int:pk>/book/", meetings.BookView.as_view(), name="meeting-book"),
    path(
        "meetings/availability/",
        meeting_setup.AvailabilityView.as_view(),
        name="meeting-availability",
    ),
    path(
        "events/<int:pk>/meetings/",
        meeting_setup.MeetingSettingsView.as_view(),
        name="meeting-settings",
    ),
]
