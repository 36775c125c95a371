import factory
from allauth.account.models import EmailAddress

from accounts.models import User

PASSWORD = "Haeundae-2026-beach!"


class UserFactory(factory.django.DjangoModelFactory):
    """A member whose email address is verified, so they can log in."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    name = factory.Sequence(lambda n: f"Member {n}")
    language = "en"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
