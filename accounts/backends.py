"""Who may log in with which address."""

from allauth.account.auth_backends import AuthenticationBackend
from allauth.account.models import EmailAddress
from django.contrib.auth import backends, get_user_model

from busan_exchange.queries import Prepared


class _AccountReadOnce:
    """``get_user``, which reads the account of a logged-in visitor on every request they make, with SQL the
    ORM builds once per process (``busan_exchange.queries``); otherwise as Django's."""

    _account = Prepared(lambda pk: get_user_model()._default_manager.filter(pk=pk).order_by()[:1], "pk")

    def get_user(self, user_id):
        found = self._account.objects(pk=user_id)
        user = found[0] if found else None
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(_AccountReadOnce, backends.ModelBackend):
    """Django's ``ModelBackend``: login with the account's own address (``User.email``) and password."""


class VerifiedEmailBackend(_AccountReadOnce, AuthenticationBackend):
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
