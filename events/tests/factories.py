from datetime import timedelta

import factory
from django.utils import timezone

from events.models import Event
from programs.models import Status


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"event-{n}")
    status = Status.PUBLISHED
    title_ko = factory.Sequence(lambda n: f"국제 교류 행사 {n}")
    title_en = factory.Sequence(lambda n: f"International exchange event {n}")
    title_zh_hans = factory.Sequence(lambda n: f"国际交流活动 {n}")
    summary_ko = "시민과 함께하는 교류 행사입니다."
    summary_en = "An exchange event with citizens."
    summary_zh_hans = "与市民一起的交流活动。"
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=30))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=3))

    @factory.post_generation
    def cities(self, create, extracted, **kwargs):
        if create and extracted:
            self.cities.set(extracted)
