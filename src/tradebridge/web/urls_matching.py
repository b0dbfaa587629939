"""Pages of the matching area, included by web/urls.py (same "web" namespace)."""

from django.urls import path

from tradebridge.web.views import matching_partners, matching_profiles

urlpatterns = [
    path("partners/", matching_profiles.PartnersHomeView.as_view(), name="partners"),
    path(
        "organisations/<int:pk>/profile/",
        matching_profiles.ProfileFormView.as_view(),
        name="match-profile-edit",
    ),
    path(
        "organisations/<int:pk>/partners/",
        matching_partners.PartnerListView.as_view(),
        name="partner-list",
    ),
    path(
        "organisations/<int:pk>/partners/<int:partner_pk>/feedback/",
        matching_partners.PartnerFeedbackView.as_view(),
        name="partner-feedback",
    ),
    path(
        "organisations/<int:pk>/partners/<int:partner_pk>/feedback/clear/",
        matching_partners.ClearFeedbackView.as_view(),
        name="partner-feedback-clear",
    ),
    path(
        "organisations/<int:pk>/partners/<int:partner_pk>/meeting/",
        matching_partners.RequestMeetingView.as_view(),
        name="partner-meeting",
    ),
    path(
        "events/<int:pk>/matches/",
        matching_partners.EventMatchesView.as_view(),
        name="event-matches",
    ),
]
