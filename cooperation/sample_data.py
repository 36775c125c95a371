"""Development sample data (``manage.py load_sample_data``, DEBUG only): two partner organisations abroad in
the directory, marked as examples in every language, found again by their English name."""

from datetime import date

from programs.models import City
from programs.sample_data import example, with_note

from .models import CooperationKind, OrganizationType, PartnerOrganization

PARTNERS = [
    {
        "city": "surabaya",
        "place": {"ko": "수라바야", "en": "Surabaya", "zh-hans": "泗水"},
        "country": {"ko": "인도네시아", "en": "Indonesia", "zh-hans": "印度尼西亚"},
        "organization_type": OrganizationType.NGO,
        "field": CooperationKind.YOUTH,
        "website": "https://example.org/surabaya-youth",
        "name": {
            "ko": "수라바야 청소년 창작센터",
            "en": "Surabaya Youth Creative Center",
            "zh-hans": "泗水青少年创意中心",
        },
        "description": {
            "ko": "청소년 문화·예술 교류 프로그램을 운영하는 비영리 단체입니다.",
            "en": "A non-profit that runs cultural and arts exchanges for young people.",
            "zh-hans": "开展青少年文化艺术交流项目的非营利组织。",
        },
    },
    {
        "city": "chongqing",
        "place": {"ko": "충칭", "en": "Chongqing", "zh-hans": "重庆"},
        "country": {"ko": "중국", "en": "China", "zh-hans": "中国"},
        "organization_type": OrganizationType.NGO,
        "field": CooperationKind.ENVIRONMENT,
        "website": "https://example.org/chongqing-green",
        "name": {
            "ko": "충칭 녹색산업협회",
            "en": "Chongqing Green Industry Association",
            "zh-hans": "重庆绿色产业协会",
        },
        "description": {
            "ko": "친환경 기술 기업과 연구기관이 모인 협회입니다.",
            "en": "An association of clean-technology companies and research institutes.",
            "zh-hans": "由环保技术企业和研究机构组成的协会。",
        },
    },
]


def _set(obj, field: str, texts: dict[str, str]) -> None:
    for code, text in texts.items():
        setattr(obj, f"{field}_{code.replace('-', '_')}", text)


def load(*, today: date) -> list[str]:
    lines = []
    for spec in PARTNERS:
        name = example(spec["name"])
        partner = PartnerOrganization.objects.filter(name_en=name["en"]).first() or PartnerOrganization()
        partner.city = City.objects.filter(slug=spec["city"]).first()
        _set(partner, "name", name)
        _set(partner, "description", with_note(spec["description"]))
        _set(partner, "country", spec["country"])
        _set(partner, "place", spec["place"] if partner.city is None else {"ko": "", "en": "", "zh-hans": ""})
        partner.organization_type = spec["organization_type"]
        partner.field = spec["field"]
        partner.website = spec["website"]
        partner.contact_name = "[Example] Contact"
        partner.contact_email = "partner@example.org"
        partner.active = True
        partner.save()
        lines.append(f"partner organisation {name['en']}")
    return lines
