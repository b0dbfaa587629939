"""One exhibitor's back office: its catalogue (organisers and the exhibiting company's own
representatives), its consultation hours with their bookings and video rooms (hours are set by
the organisers), and its leads."""

from django.contrib.auth.mixins import LoginRequiredMixin
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from tradebridge.events.domain import catalogues as catalogue_domain
from tradebridge.events.domain import consultations as consultation_domain
from tradebridge.events.domain.rooms import consultation_room_url
from tradebridge.events.domain.time_display import shown_span, shown_time
from tradebridge.events.domain.visibility import visible_events
from tradebridge.events.models import ConsultationBooking, ConsultationWindow, Product
from tradebridge.web.access import PermissionRequiredMixin, visible_object
from tradebridge.web.forms.pavilions import DailyWindowsForm, ProductForm
from tradebridge.web.views.back_office import BackOfficeDeleteView, BackOfficeFormView
from tradebridge.web.views.events import viewer_zone
from tradebridge.web.views.pavilion_admin import exhibitor_or_404


class ExhibitorManageView(LoginRequiredMixin, PermissionRequiredMixin, TemplateView):
    template_name = "web/pavilions/exhibitor_manage.html"
    permission = "events.change_exhibitor"
    extra_context = {"section": "events"}

    @cached_property
    def exhibitor(self):
        return exhibitor_or_404(self.request.user, self.kwargs["pk"])

    def get_permission_object(self):
        return self.exhibitor

    def get_context_data(self, **kwargs):
        exhibitor, zone = self.exhibitor, viewer_zone(self.request)
        bookings = ConsultationBooking.objects.select_related("user")
        windows = list(
            exhibitor.consultation_windows.prefetch_related(Prefetch("bookings", bookings))
        )
        for window in windows:
            window.span = shown_span(window.starts_at, window.ends_at, window.timezone, zone)
            for booking in window.bookings.all():
                booking.shown = shown_time(booking.starts_at, window.timezone, zone)
                booking.room_url = consultation_room_url(booking)
        return super().get_context_data(
            exhibitor=exhibitor,
            pavilion=exhibitor.pavilion,
            event=exhibitor.pavilion.event,
            can_organise=self.request.user.has_perm(
                "events.change_event", exhibitor.pavilion.event
            ),
            products=exhibitor.products.prefetch_related("sectors"),
            windows=windows,
            leads=exhibitor.leads.select_related("user", "product"),
            viewer_zone=zone,
            **kwargs,
        )


def product_or_404(user, pk: int) -> Product:
    return visible_object(
        Product.objects.select_related(
            "exhibitor__organisation", "exhibitor__pavilion__event"
        ).filter(exhibitor__pavilion__event__in=visible_events(user)),
        pk=pk,
    )


class ProductFormView(BackOfficeFormView):
    """Add a catalogue entry to an exhibitor (``exhibitor_pk``) or edit one (``pk``)."""

    form_class = ProductForm
    permission = "events.change_exhibitor"

    @cached_property
    def product(self):
        if "pk" not in self.kwargs:
            return None
        return product_or_404(self.request.user, self.kwargs["pk"])

    @cached_property
    def exhibitor(self):
        if self.product is not None:
            return self.product.exhibitor
        return exhibitor_or_404(self.request.user, self.kwargs["exhibitor_pk"])

    def get_permission_object(self):
        return self.exhibitor

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "product": self.product}

    def save(self, form) -> str:
        user, data = self.request.user, form.product_data()
        sectors = form.cleaned_data["sectors"]
        if self.product is None:
            catalogue_domain.add_product(user, self.exhibitor, data, sectors)
        else:
            catalogue_domain.update_product(user, self.product, data, sectors)
        return reverse("web:exhibitor-manage", args=[self.exhibitor.pk])

    def get_context_data(self, **kwargs):
        name = self.exhibitor.organisation.name
        if self.product is None:
            title = _("Add to the catalogue of %(name)s") % {"name": name}
        else:
            title = _("Edit %(title)s") % {"title": self.product.title}
        return super().get_context_data(
            title=title,
            intro=_(
                "Give the title in English, Chinese or both; visitors read the one in "
                "their language."
            ),
            cancel_url=reverse("web:exhibitor-manage", args=[self.exhibitor.pk]),
            event=self.exhibitor.pavilion.event,
            **kwargs,
        )


class ProductDeleteView(BackOfficeDeleteView):
    permission = "events.change_exhibitor"

    @cached_property
    def product(self):
        return product_or_404(self.request.user, self.kwargs["pk"])

    def get_permission_object(self):
        return self.product.exhibitor

    def delete(self) -> str:
        exhibitor_id = self.product.exhibitor_id
        catalogue_domain.delete_product(self.request.user, self.product)
        return reverse("web:exhibitor-manage", args=[exhibitor_id])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            name=self.product.title,
            consequences=[_("Leads that named it keep their message.")],
            cancel_url=reverse("web:exhibitor-manage", args=[self.product.exhibitor_id]),
            **kwargs,
        )


class WindowFormView(BackOfficeFormView):
    """Open daily consultation hours for an exhibitor (``exhibitor_pk``); organisers only."""

    form_class = DailyWindowsForm
    permission = "events.change_event"

    @cached_property
    def exhibitor(self):
        return exhibitor_or_404(self.request.user, self.kwargs["exhibitor_pk"])

    def get_permission_object(self):
        return self.exhibitor.pavilion.event

    def get_initial(self):
        # The staff are usually at home (Sacramento), not at the expo (Shanghai).
        region = self.exhibitor.organisation.home_region
        zone = region.timezone if region and region.timezone else ""
        return {"timezone": zone or self.exhibitor.pavilion.event.timezone, "slot_minutes": 20}

    def save(self, form) -> str:
        consultation_domain.add_daily_windows(
            self.request.user, self.exhibitor, **form.window_data()
        )
        return reverse("web:exhibitor-manage", args=[self.exhibitor.pk])

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            title=_("Consultation hours of %(name)s") % {"name": self.exhibitor.organisation.name},
            intro=_(
                "One window a day from the first to the last day, opening and closing at "
                "the same local time in the zone given (at most 31 days). Visitors book "
                "the slots and see them in their own time zone."
            ),
            cancel_url=reverse("web:exhibitor-manage", args=[self.exhibitor.pk]),
            event=self.exhibitor.pavilion.event,
            **kwargs,
        )


class WindowDeleteView(BackOfficeDeleteView):
    permission = "events.change_event"

    @cached_property
    def window(self):
        return visible_object(
            ConsultationWindow.objects.select_related(
                "exhibitor__organisation", "exhibitor__pavilion__event"
            ).filter(exhibitor__pavilion__event__in=visible_events(self.request.user)),
            pk=self.kwargs["pk"],
        )

    def get_permission_object(self):
        return self.window.exhibitor.pavilion.event

    def delete(self) -> str:
        exhibitor_id = self.window.exhibitor_id
        consultation_domain.delete_window(self.request.user, self.window)
        return reverse("web:exhibitor-manage", args=[exhibitor_id])

    def get_context_data(self, **kwargs):
        window = self.window
        span = shown_span(
            window.starts_at, window.ends_at, window.timezone, viewer_zone(self.request)
        )
        return super().get_context_data(
            name=_("the consultation window of %(name)s")
            % {"name": window.exhibitor.organisation.name},
            span=span,
            zone=window.timezone,
            consequences=[_("Only a window nobody has booked can be deleted.")],
            cancel_url=reverse("web:exhibitor-manage", args=[window.exhibitor_id]),
            **kwargs,
        )
