"""Who may log in with which address."""

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.models import EmailAddress


class VerifiedEmailBackend(AuthenticationBackend):
    """allauth's login by email, for verified addresses only.

    A member may add an address to their account and confirm it later; until it is confirmed it proves
    nothing about who typed it, so it opens neither the site nor the admin. (The account's own address,
    ``User.email``, is checked by Django's ``ModelBackend``; allauth keeps a member whose sign-up is not
    confirmed yet at its "confirm your address" step.)
    """

    def _authenticate_by_email(self, email, password):
        addresses = EmailAddress.objects.filter(email__iexact=email, verified=True).select_related("user")
        for address in addresses:
            if self._check_password(address.user, password):
                return address.user
        return None
