"""Pages of the organiser's meeting scheduler and its outputs, included by web/urls.py."""

from django.urls import path

from tradebridge.web.views import schedule_outputs, scheduling

urlpatterns: list = [
    path(
        "events/<int:pk>/schedule/",
        scheduling.EventScheduleView.as_view(),
        name="event-schedule",
    ),
    path("events/schedule-runs/<int:pk>/", scheduling.RunView.as_view(), name="schedule-run"),
    path(
        "events/schedule-runs/<int:pk>/progress/",
        scheduling.RunProgressView.as_view(),
        name="schedule-run-progress",
    ),
    path(
        "events/schedule-runs/<int:pk>/cancel/",
        scheduling.CancelRunView.as_view(),
        name="schedule-run-cancel",
    ),
    path(
        "events/schedule-runs/<int:pk>/publish/",
        scheduling.PublishRunView.as_view(),
        name="schedule-run-publish",
    ),
    path(
        "events/<int:pk>/schedule/table-plan/",
        schedule_outputs.TablePlanView.as_view(),
        name="schedule-table-plan",
    ),
    path(
        "events/<int:pk>/schedule.xlsx",
        schedule_outputs.ScheduleWorkbookView.as_view(),
        name="schedule-xlsx",
    ),
    path("events/<int:pk>/agenda/", schedule_outputs.AgendaView.as_view(), name="meeting-agenda"),
    path(
        "events/<int:pk>/agenda.ics",
        schedule_outputs.AgendaCalendarView.as_view(),
        name="meeting-agenda-ics",
    ),
]
