import factory
from django.utils import timezone

from accounts.tests.factories import UserFactory
from cooperation.consents import PROVISION_CONSENT, REQUEST_CONSENT
from cooperation.models import CooperationRequest, PartnerOrganization, ProposedPartner, StateChange
from programs.tests.factories import CityFactory


class PartnerOrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganization

    name_ko = factory.Sequence(lambda n: f"수라바야 청소년 센터 {n}")
    name_en = factory.Sequence(lambda n: f"Surabaya Youth Center {n}")
    name_zh_hans = factory.Sequence(lambda n: f"泗水青少年中心 {n}")
    description_en = "Runs youth exchanges."
    country_ko = "인도네시아"
    country_en = "Indonesia"
    country_zh_hans = "印度尼西亚"
    city = factory.SubFactory(CityFactory)
    organization_type = "ngo"
    field = "youth"
    contact_name = "Ibu Sari"
    contact_email = "sari@example.org"


class CooperationRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CooperationRequest
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    organization_name = factory.Sequence(lambda n: f"Haeundae Robotics {n}")
    organization_type = "company"
    field = "Robotics"
    size = "10-49"
    contact_name = "Kim Jiwoo"
    contact_email = "jiwoo@example.org"
    city_sought = factory.SubFactory(CityFactory)
    kind = "trade"
    description = "We look for a distributor of educational robots."
    preferred_times = "Weekday mornings"
    language = "en"
    consent_version = REQUEST_CONSENT.version
    consented_at = factory.LazyFunction(timezone.now)
    provision_consent_version = PROVISION_CONSENT.version
    provision_consented_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            StateChange.objects.create(request=self, state=self.state, changed_by=self.user)


class ProposedPartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProposedPartner

    request = factory.SubFactory(CooperationRequestFactory)
    partner = factory.SubFactory(PartnerOrganizationFactory)
    note = "They run a similar program."
