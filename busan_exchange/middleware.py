"""Response headers the whole site shares, beyond what Django's SecurityMiddleware and django-csp set."""

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Turn off browser features the portal never uses (camera, location, payment ...)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED)

    def __call__(self, request):
        response = self.get_response(request)
        if self.policy:
            response.headers.setdefault("Permissions-Policy", self.policy)
        return response
