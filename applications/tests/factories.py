import io
from datetime import date, timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from accounts.districts import District
from accounts.tests.factories import UserFactory
from applications.choices import QuestionKind, Residence, SchoolLevel, Selection
from applications.models import Applicant, Application, Call, Question
from programs.models import Status
from programs.tests.factories import ProgramFactory


class CallFactory(factory.django.DjangoModelFactory):
    """An open call (opened yesterday, closes in two weeks) for a trip next summer, 13 to 17 year olds."""

    class Meta:
        model = Call
        skip_postgeneration_save = True

    program = factory.SubFactory(ProgramFactory)
    slug = factory.Sequence(lambda n: f"call-{n}")
    status = Status.PUBLISHED
    title_ko = factory.Sequence(lambda n: f"수라바야 청소년 교류 {n}")
    title_en = factory.Sequence(lambda n: f"Surabaya youth exchange {n}")
    title_zh_hans = factory.Sequence(lambda n: f"泗水青少年交流 {n}")
    trip_starts_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=200))
    trip_ends_on = factory.LazyAttribute(lambda call: call.trip_starts_on + timedelta(days=9))
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    places = 2
    selection = Selection.STAFF
    offer_hours = 72
    min_age = 13
    max_age = 17
    residence = Residence.BUSAN_OR_SCHOOL
    school_levels = factory.LazyFunction(lambda: [SchoolLevel.MIDDLE, SchoolLevel.HIGH])


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    call = factory.SubFactory(CallFactory)
    order = factory.Sequence(int)
    kind = QuestionKind.SHORT_TEXT
    text_ko = factory.Sequence(lambda n: f"질문 {n}")
    text_en = factory.Sequence(lambda n: f"Question {n}")
    text_zh_hans = factory.Sequence(lambda n: f"问题 {n}")
    required = True


def birth_date_for_age(age: int, on: date) -> date:
    """A birth date that makes someone ``age`` years old on ``on`` (their birthday a month before)."""
    day = on - timedelta(days=30)
    return day.replace(year=day.year - age)


class ChildFactory(factory.django.DjangoModelFactory):
    """A 15-year-old (on the default call's trip) high school student living in Haeundae."""

    class Meta:
        model = Applicant

    account = factory.SubFactory(UserFactory)
    relationship = Applicant.Relationship.CHILD
    name = factory.Sequence(lambda n: f"Child {n}")
    birth_date = factory.LazyFunction(
        lambda: birth_date_for_age(15, timezone.localdate() + timedelta(days=200))
    )
    school = "Haeundae High School"
    school_level = SchoolLevel.HIGH
    district = District.HAEUNDAE
    school_in_busan = True


def submitted(call, applicant=None, **fields) -> Application:
    """A submitted application made directly (no service), for desk and filter tests."""
    applicant = applicant or ChildFactory()
    return Application.objects.create(
        call=call,
        applicant=applicant,
        account=applicant.account,
        state=fields.pop("state", Application.State.SUBMITTED),
        age=fields.pop("age", 15),
        school_level=fields.pop("school_level", SchoolLevel.HIGH),
        district=fields.pop("district", District.HAEUNDAE),
        school_in_busan=True,
        is_child=applicant.is_child,
        submitted_at=timezone.now(),
        **fields,
    )


def pdf_upload(name: str = "consent.pdf") -> SimpleUploadedFile:
    content = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def png_upload(name: str = "consent.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "white").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")
