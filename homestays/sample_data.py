"""Development sample data (``manage.py load_sample_data``, DEBUG only): two approved host families, and a
delegation from Surabaya arriving in three weeks, some of its guests already placed, one still to place.

Everything is marked as an example; hosts are example members who cannot log in (unusable passwords).
Found again by email and title, so running it twice changes dates, not the number of rows.
"""

from datetime import date

from django.contrib.auth import get_user_model

from accounts.districts import BusanDistrict as District
from programs.models import City, Program
from programs.sample_data import NOTE, days_from

from .choices import Diet, Gender, GuestPreference, Language, Pet
from .consents import HOMESTAY_CONSENT
from .models import Assignment, Delegation, Guest, HostConsent, HostOffer

DELEGATION_TITLE = "[Example] Surabaya youth delegation"
HOSTS = [
    {
        "email": "example-host-haeundae@example.org",
        "name": "[예시] 김해운 (Example host)",
        "language": "ko",
        "offer": {
            "adults": 2,
            "children": 1,
            "district": District.HAEUNDAE,
            "beds": 2,
            "languages": [Language.KOREAN, Language.ENGLISH],
            "pets": [],
            "smoking": False,
            "diets": [Diet.HALAL, Diet.VEGETARIAN],
            "guest_preference": GuestPreference.MALE,
            "introduction": "[예시] 해운대 바닷가 근처에 사는 세 식구입니다. 고등학생 아들이 있습니다.\n\n"
            + NOTE["ko"],
            "phone": "010-0000-0001",
        },
    },
    {
        "email": "example-host-dongnae@example.org",
        "name": "[Example] Park Suyeong",
        "language": "en",
        "offer": {
            "adults": 2,
            "children": 2,
            "district": District.DONGNAE,
            "beds": 2,
            "languages": [Language.KOREAN, Language.ENGLISH, Language.INDONESIAN],
            "pets": [Pet.CAT],
            "smoking": False,
            "diets": [Diet.NO_PORK],
            "guest_preference": GuestPreference.ANY,
            "introduction": "[Example] A family of four near Oncheonjang; we lived in Jakarta for two "
            "years.\n\n" + NOTE["en"],
            "phone": "010-0000-0002",
        },
    },
]
# first name, family name, age, gender, languages, animal allergies, allergies, diet, host (index) or None
GUESTS = [
    ("Budi", "Santoso [Example]", 16, Gender.MALE, ["id", "en"], [], "", [Diet.HALAL], 0),
    ("Rizky", "Pratama [Example]", 17, Gender.MALE, ["id", "en"], [], "", [Diet.HALAL], 0),
    ("Dewi", "Lestari [Example]", 16, Gender.FEMALE, ["id", "en", "ko"], [], "", [Diet.NO_PORK], 1),
    (
        "Siti",
        "Rahma [Example]",
        15,
        Gender.FEMALE,
        ["id", "en"],
        [Pet.CAT],
        "cats; peanuts",
        [Diet.HALAL],
        None,
    ),
]


def _host(spec: dict, today: date) -> HostOffer:
    user_model = get_user_model()
    user = user_model.objects.filter(email=spec["email"]).first()
    if user is None:
        user = user_model.objects.create_user(email=spec["email"], password=None)
    user.name, user.language = spec["name"], spec["language"]
    user.set_unusable_password()
    user.save()
    if not HostConsent.objects.filter(user=user, withdrawn_at__isnull=True).exists():
        HostConsent.objects.create(user=user, version=HOMESTAY_CONSENT.version, language=spec["language"])
    offer, _created = HostOffer.objects.update_or_create(
        user=user,
        defaults={
            **spec["offer"],
            "available_from": today,
            "available_until": days_from(today, 90),
            "status": HostOffer.Status.APPROVED,
        },
    )
    return offer


def load(*, today: date) -> list[str]:
    hosts = [_host(spec, today) for spec in HOSTS]
    lines = [f"host family {host}" for host in hosts]
    city = City.objects.filter(slug="surabaya").first() or City.objects.first()
    if city is None:
        return [*lines, "no delegation: load the seed first (manage.py load_seed)"]
    delegation, _created = Delegation.objects.update_or_create(
        title=DELEGATION_TITLE,
        defaults={
            "city": city,
            "program": Program.objects.filter(slug="youth-exchanges").first(),
            "arrives_on": days_from(today, 21),
            "departs_on": days_from(today, 28),
            "rule_same_gender": True,
            "notes": NOTE["en"],
        },
    )
    lines.append(f"delegation {delegation} ({delegation.arrives_on} to {delegation.departs_on})")
    for first, family, age, gender, languages, animals, allergies, diet, host_index in GUESTS:
        guest, _created = Guest.objects.update_or_create(
            delegation=delegation,
            first_name=first,
            defaults={
                "family_name": family,
                "age": age,
                "gender": gender,
                "languages": languages,
                "animal_allergies": animals,
                "allergies": allergies,
                "diet": diet,
            },
        )
        if host_index is None:
            Assignment.objects.filter(guest=guest).delete()
            lines.append(f"guest {guest}, still to place")
            continue
        Assignment.objects.update_or_create(
            guest=guest,
            defaults={
                "host": hosts[host_index],
                "starts_on": delegation.arrives_on,
                "ends_on": delegation.departs_on,
            },
        )
        lines.append(f"guest {guest}, placed with {hosts[host_index]}")
    return lines
