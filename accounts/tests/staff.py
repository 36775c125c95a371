"""Staff accounts for admin tests: superusers and members of the staff groups made by the migrations."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

CONTENT_EDITORS = "Content editors"
PROGRAM_MANAGERS = "Program managers"
PASSWORD = "a-long-test-password-1"


def make_user(email: str, *, group: str | None = None, superuser: bool = False, staff: bool = True, **fields):
    user_model = get_user_model()
    if superuser:
        return user_model.objects.create_superuser(email=email, password=PASSWORD, **fields)
    user = user_model.objects.create_user(email=email, password=PASSWORD, is_staff=staff, **fields)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user
