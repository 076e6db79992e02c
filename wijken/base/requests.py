"""Request types for views, so a type checker knows what `request.user` holds."""

from django.http import HttpRequest

from wijken.base.models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
