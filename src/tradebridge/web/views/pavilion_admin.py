"""The organiser's back office for pavilions and their exhibitors (the event's agency only)."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Count
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from tradebridge.events.domain import pavilions as pavilion_domain
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import Exhibitor
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.pavilions import ExhibitorForm, PavilionForm
from tradebridge.web.views.back_office import BackOfficeDeleteView, BackOfficeFormView
from tradebridge.web.views.pavilions import visible_pavilions


def pavilion_or_404(user, pk: int):
    return visible_object(
        visible_pavilions(user).select_related("event", "host_organisation", "host_region"), pk=pk
    )


def exhibitor_or_404(user, pk: int) -> Exhibitor:
    """The exhibitor of ``pk`` among those at events ``user`` may see (others: 404)."""
    return visible_object(
        Exhibitor.objects.select_related("organisation__home_region", "pavilion__event").filter(
            pavilion__event__in=visible_events(user)
        ),
        pk=pk,
    )


class PavilionObjectMixin:
    permission = "events.change_event"

    @cached_property
    def pavilion(self):
        return pavilion_or_404(self.request.user, self.kwargs["pk"])

    def get_permission_object(self):
        return self.pavilion.event


class PavilionManageView(
    LoginRequiredMixin, PavilionObjectMixin, PermissionRequiredMixin, TemplateView
):
    """One pavilion's exhibitors, with what each has in its catalogue and hours."""

    template_name = "web/pavilions/manage.html"
    extra_context = {"section": "events"}

    def get_context_data(self, **kwargs):
        exhibitors = (
            self.pavilion.exhibitors.select_related("organisation")
            .prefetch_related("staff")
            .annotate(
                product_count=Count("products", distinct=True),
                window_count=Count("consultation_windows", distinct=True),
                booking_count=Count("consultation_windows__bookings", distinct=True),
                lead_count=Count("leads", distinct=True),
            )
        )
        return super().get_context_data(
            pavilion=self.pavilion, event=self.pavilion.event, exhibitors=exhibitors, **kwargs
        )


class PavilionFormView(BackOfficeFormView):
    """Add a pavilion to an event (``event_pk``) or edit one (``pk``)."""

    form_class = PavilionForm
    permission = "events.change_event"

    @cached_property
    def pavilion(self):
        if "pk" not in self.kwargs:
            return None
        return pavilion_or_404(self.request.user, self.kwargs["pk"])

    @cached_property
    def event(self):
        if self.pavilion is not None:
            return self.pavilion.event
        return visible_object(visible_events(self.request.user), pk=self.kwargs["event_pk"])

    def get_permission_object(self):
        return self.event

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user, "pavilion": self.pavilion}

    def save(self, form) -> str:
        user = self.request.user
        if self.pavilion is None:
            pavilion = pavilion_domain.add_pavilion(user, self.event, form.pavilion_data())
        else:
            pavilion = pavilion_domain.update_pavilion(user, self.pavilion, form.pavilion_data())
        return reverse("web:pavilion-manage", args=[pavilion.pk])

    def get_context_data(self, **kwargs):
        if self.pavilion is None:
            title = _("Add a pavilion to %(event)s") % {"event": self.event.title}
            cancel_url = reverse("web:event-manage", args=[self.event.pk])
        else:
            title = _("Edit %(name)s") % {"name": self.pavilion.name}
            cancel_url = reverse("web:pavilion-manage", args=[self.pavilion.pk])
        return super().get_context_data(
            title=title,
            intro=_(
                "Give the name in English, Chinese or both. The host is the region or "
                "organisation the pavilion presents, e.g. California and its Bay Area "
                "Council."
            ),
            cancel_url=cancel_url,
            event=self.event,
            **kwargs,
        )


class PavilionDeleteView(PavilionObjectMixin, BackOfficeDeleteView):
    def delete(self) -> str:
        event_id = self.pavilion.event_id
        pavilion_domain.delete_pavilion(self.request.user, self.pavilion)
        return reverse("web:event-manage", args=[event_id])

    def get_context_data(self, **kwargs):
        counts = self.pavilion.exhibitors.aggregate(
            exhibitors=Count("pk", distinct=True),
            products=Count("products", distinct=True),
            leads=Count("leads", distinct=True),
        )
        return super().get_context_data(
            name=self.pavilion.name,
            consequences=[
                _(
                    "Its exhibitors (%(count)d), with their catalogues (%(products)d entries), "
                    "consultation hours and leads (%(leads)d), are deleted too."
                )
                % {
                    "count": counts["exhibitors"],
                    "products": counts["products"],
                    "leads": counts["leads"],
                },
            ],
            cancel_url=reverse("web:pavilion-manage", args=[self.pavilion.pk]),
            **kwargs,
        )


class ExhibitorObjectMixin:
    permission = "events.change_event"

    @cached_property
    def exhibitor(self):
        return exhibitor_or_404(self.request.user, self.kwargs["pk"])

    def get_permission_object(self):
        return self.exhibitor.pavilion.event


class ExhibitorFormView(BackOfficeFormView):
    """Give an organisation a stand in a pavilion (``pavilion_pk``) or edit one (``pk``)."""

    form_class = ExhibitorForm
    permission = "events.change_event"

    @cached_property
    def exhibitor(self):
        if "pk" not in self.kwargs:
            return None
        return exhibitor_or_404(self.request.user, self.kwargs["pk"])

    @cached_property
    def pavilion(self):
        if self.exhibitor is not None:
            return self.exhibitor.pavilion
        return visible_object(
            visible_pavilions(self.request.user).select_related("event"),
            pk=self.kwargs["pavilion_pk"],
        )

    def get_permission_object(self):
        return self.pavilion.event

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "exhibitor": self.exhibitor,
        }

    def save(self, form) -> str:
        user, data = self.request.user, form.cleaned_data
        if self.exhibitor is None:
            pavilion_domain.add_exhibitor(
                user, self.pavilion, data["organisation"], data["stand"], data["staff"]
            )
        else:
            pavilion_domain.update_exhibitor(
                user, self.exhibitor, {"stand": data["stand"]}, data["staff"]
            )
        return reverse("web:pavilion-manage", args=[self.pavilion.pk])

    def get_context_data(self, **kwargs):
        if self.exhibitor is None:
            title = _("Add an exhibitor to %(pavilion)s") % {"pavilion": self.pavilion.name}
        else:
            title = _("Edit the stand of %(name)s") % {"name": self.exhibitor.organisation.name}
        return super().get_context_data(
            title=title,
            intro=_("Staff on duty are people of the exhibiting organisation in the directory."),
            cancel_url=reverse("web:pavilion-manage", args=[self.pavilion.pk]),
            event=self.pavilion.event,
            **kwargs,
        )


class ExhibitorDeleteView(ExhibitorObjectMixin, BackOfficeDeleteView):
    def delete(self) -> str:
        pavilion_id = self.exhibitor.pavilion_id
        pavilion_domain.delete_exhibitor(self.request.user, self.exhibitor)
        return reverse("web:pavilion-manage", args=[pavilion_id])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            name=self.exhibitor.organisation.name,
            consequences=[
                _(
                    "Its catalogue (%(products)d entries), consultation hours and leads "
                    "(%(leads)d) are deleted too; the organisation stays in the directory."
                )
                % {
                    "products": self.exhibitor.products.count(),
                    "leads": self.exhibitor.leads.count(),
                },
            ],
            cancel_url=reverse("web:pavilion-manage", args=[self.exhibitor.pavilion_id]),
            **kwargs,
        )
