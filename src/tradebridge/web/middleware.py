import zoneinfo

from django.utils import timezone


class UserTimezoneMiddleware:
    """Shows times in the signed-in user's zone; data stay in UTC."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.timezone:
            timezone.activate(zoneinfo.ZoneInfo(user.timezone))
        else:
            timezone.deactivate()
        return self.get_response(request)
