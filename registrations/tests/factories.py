import factory

from accounts.tests.factories import UserFactory
from events.tests.factories import EventFactory
from registrations.models import Registration


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    user = factory.SubFactory(UserFactory)
    event = factory.SubFactory(EventFactory)
    status = Registration.Status.CONFIRMED
