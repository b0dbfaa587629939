from django.urls import path

from tradebridge.web.views import accounts, home, organisations, people, places, search, transfer

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
]
