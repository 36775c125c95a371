from datetime import timedelta

import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from homestays.consents import HOMESTAY_CONSENT
from homestays.models import Assignment, Delegation, Guest, HostConsent, HostOffer
from programs.tests.factories import CityFactory


def _today():
    return timezone.localdate()


class HostOfferFactory(factory.django.DjangoModelFactory):
    """An approved household in Haeundae with two beds, speaking Korean and English, no pets, no smoking,
    available for the next three months."""

    class Meta:
        model = HostOffer
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    adults = 2
    children = 1
    district = "haeundae"
    beds = 2
    languages = factory.LazyFunction(lambda: ["ko", "en"])
    pets = factory.LazyFunction(list)
    smoking = False
    diets = factory.LazyFunction(list)
    guest_preference = "any"
    available_from = factory.LazyFunction(_today)
    available_until = factory.LazyFunction(lambda: _today() + timedelta(days=90))
    introduction = "A family of three near the beach."
    phone = "010-1234-5678"
    status = HostOffer.Status.APPROVED

    @factory.post_generation
    def consent(self, create, extracted, **kwargs):
        if create and extracted is not False:
            HostConsent.objects.create(user=self.user, version=HOMESTAY_CONSENT.version, language="en")


class DelegationFactory(factory.django.DjangoModelFactory):
    """Visitors arriving in ten days for a week."""

    class Meta:
        model = Delegation

    title = factory.Sequence(lambda n: f"Youth delegation {n}")
    city = factory.SubFactory(CityFactory)
    arrives_on = factory.LazyFunction(lambda: _today() + timedelta(days=10))
    departs_on = factory.LazyAttribute(lambda o: o.arrives_on + timedelta(days=7))


class GuestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Guest

    delegation = factory.SubFactory(DelegationFactory)
    first_name = factory.Sequence(lambda n: f"Budi{n}")
    family_name = "Santoso"
    age = 16
    gender = "male"
    languages = factory.LazyFunction(lambda: ["id", "en"])
    animal_allergies = factory.LazyFunction(list)
    allergies = ""
    diet = factory.LazyFunction(list)
    needs = ""


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    guest = factory.SubFactory(GuestFactory)
    host = factory.SubFactory(HostOfferFactory)
    starts_on = factory.LazyAttribute(lambda o: o.guest.delegation.arrives_on)
    ends_on = factory.LazyAttribute(lambda o: o.guest.delegation.departs_on)
