"""Object access for views: what a user may not see does not exist for them (404)."""

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404


def visible_object(queryset, **lookup):
    """The object from a visibility-filtered queryset, or 404."""
    return get_object_or_404(queryset, **lookup)


def require_permission(user, permission: str, obj=None) -> None:
    """403 for a visible object the user may not act on; 404 when they may not see it at all."""
    if user.has_perm(permission, obj):
        return
    if obj is not None and not user.has_perm(
        f"{obj._meta.app_label}.view_{obj._meta.model_name}", obj
    ):
        raise Http404
    raise PermissionDenied


class PermissionRequiredMixin:
    """Checks ``permission`` (on ``get_permission_object()``) before any handler runs."""

    permission: str = ""

    def get_permission_object(self):
        return None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated and not request.user.has_perm(
            self.permission, self.get_permission_object()
        ):
            return redirect_to_login(request.get_full_path())
        require_permission(request.user, self.permission, self.get_permission_object())
        return super().dispatch(request, *args, **kwargs)
