"""Development sample data: one open call of the youth exchange, to try the whole journey after `make run`.

Needs the seed's "youth-exchanges" program and Surabaya (``make run`` loads the seed first).
"""

from datetime import date, timedelta

from django.db import transaction

from programs.models import City, Program, Status
from programs.sample_data import EXAMPLE_SLUG_PREFIX, at, days_from, example, with_note

from .choices import QuestionKind, Residence, SchoolLevel, Selection
from .models import Call, Question

SLUG = f"{EXAMPLE_SLUG_PREFIX}surabaya-youth-exchange"


def _summer(today: date) -> date:
    """The next summer's trip: late July, at least five months away so the selection fits before it."""
    year = today.year if today < date(today.year, 2, 1) else today.year + 1
    return date(year, 7, 20)


QUESTIONS = [
    {
        "kind": QuestionKind.LONG_TEXT,
        "max_length": 1000,
        "text": {
            "ko": "이 교류에 참가하고 싶은 이유는 무엇입니까?",
            "en": "Why would you like to take part in this exchange?",
            "zh-hans": "您为什么希望参加本次交流？",
        },
        "help_text": {
            "ko": "학교생활, 관심사, 교류를 통해 배우고 싶은 점을 적어 주십시오.",
            "en": "Tell us about school, your interests and what you hope to learn.",
            "zh-hans": "请介绍学校生活、兴趣爱好以及希望通过交流学到的内容。",
        },
    },
    {
        "kind": QuestionKind.ONE_CHOICE,
        "text": {"ko": "영어 실력", "en": "English level", "zh-hans": "英语水平"},
        "options": {
            "ko": "기초\n일상 대화 가능\n유창함",
            "en": "Basic\nEveryday conversation\nFluent",
            "zh-hans": "基础\n能进行日常对话\n流利",
        },
    },
    {
        "kind": QuestionKind.SEVERAL_CHOICES,
        "required": False,
        "text": {
            "ko": "수라바야에서 해 보고 싶은 활동(복수 선택 가능)",
            "en": "Activities you would like to try in Surabaya (choose any)",
            "zh-hans": "希望在泗水参加的活动（可多选）",
        },
        "options": {
            "ko": "학교 수업 참관\n전통 공예(바틱) 체험\n홈스테이\n스포츠 교류",
            "en": "Sitting in on school classes\nTraditional batik craft\nHomestay\nSports exchange",
            "zh-hans": "旁听学校课程\n体验传统蜡染工艺\n入住寄宿家庭\n体育交流",
        },
    },
    {
        "kind": QuestionKind.YES_NO,
        "text": {
            "ko": "부산에서 수라바야 학생을 홈스테이로 맞이할 수 있습니까?",
            "en": "Could your family host a Surabaya student in Busan in return?",
            "zh-hans": "您的家庭能否在釜山接待泗水学生入住寄宿家庭？",
        },
    },
    {
        "kind": QuestionKind.SHORT_TEXT,
        "required": False,
        "max_length": 200,
        "text": {
            "ko": "알레르기 또는 식이 제한",
            "en": "Allergies or dietary needs",
            "zh-hans": "过敏或饮食限制",
        },
    },
    {
        "kind": QuestionKind.FILE,
        "text": {
            "ko": "보호자 동의서(서명본)",
            "en": "Signed guardian consent form",
            "zh-hans": "监护人同意书（签字版）",
        },
        "help_text": {
            "ko": "보호자가 서명한 참가 동의서를 스캔하거나 촬영하여 올려 주십시오.",
            "en": "A scan or photo of the participation consent form signed by the guardian.",
            "zh-hans": "请上传监护人签字的参加同意书的扫描件或照片。",
        },
    },
]


def _translated(obj, field: str, values: dict[str, str]) -> None:
    for code, value in values.items():
        setattr(obj, f"{field}_{code.replace('-', '_')}", value)


def load(*, today: date) -> list[str]:
    program = Program.objects.filter(slug="youth-exchanges").first()
    if program is None:
        return ["applications: no youth-exchanges program (run `manage.py load_seed` first); no example call"]
    trip = _summer(today)
    with transaction.atomic():
        call = Call.objects.filter(slug=SLUG).first() or Call(slug=SLUG, program=program)
        _translated(
            call,
            "title",
            example(
                {
                    "ko": f"{trip.year} 수라바야 청소년 교류(여름)",
                    "en": f"{trip.year} Surabaya youth exchange, summer",
                    "zh-hans": f"{trip.year}年泗水青少年交流（夏季）",
                }
            ),
        )
        _translated(
            call,
            "summary",
            {
                "ko": "부산의 중·고등학생 20명이 자매도시 수라바야에서 학교 방문과 홈스테이를 합니다.",
                "en": "Twenty middle and high school students from Busan visit schools and stay with "
                "families in our sister city Surabaya.",
                "zh-hans": "20名釜山初高中学生前往姐妹城市泗水，参加学校访问并入住寄宿家庭。",
            },
        )
        _translated(
            call,
            "description",
            with_note(
                {
                    "ko": "9박 10일 동안 수라바야의 자매학교를 방문하고 "
                    "호스트 가정에서 생활합니다. 항공료와 체재비는 부산시가 지원하며, "
                    "출발 전 두 차례 사전 교육에 참석해야 합니다.",
                    "en": "Ten days in Surabaya: classes at partner schools and life with a host family. "
                    "The city pays the flights and the stay; two preparation sessions before departure "
                    "are compulsory.",
                    "zh-hans": "在泗水度过十天：在友好学校上课并与寄宿家庭共同生活。"
                    "往返机票和在当地的费用由釜山市承担；出发前须参加两次行前培训。",
                }
            ),
        )
        _translated(
            call,
            "eligibility_note",
            {
                "ko": "출국일 기준 여권 유효기간이 6개월 이상 남아 있어야 합니다.",
                "en": "A passport valid for at least six months after departure is needed.",
                "zh-hans": "出发时护照有效期须在六个月以上。",
            },
        )
        call.program = program
        call.destination = City.objects.filter(slug="surabaya").first()
        call.status = Status.PUBLISHED
        call.trip_starts_on = trip
        call.trip_ends_on = trip + timedelta(days=9)
        call.opens_at = at(days_from(today, -3), 9)
        call.closes_at = at(days_from(today, 21), 18)
        call.places = 20
        call.selection = Selection.STAFF
        call.offer_hours = 72
        call.min_age, call.max_age, call.age_on = 13, 17, None
        call.residence = Residence.BUSAN_OR_SCHOOL
        call.school_levels = [SchoolLevel.MIDDLE, SchoolLevel.HIGH]
        call.full_clean(exclude=["program", "destination"])
        call.save()
        if not call.questions.exists():
            for order, item in enumerate(QUESTIONS, start=1):
                question = Question(
                    call=call,
                    order=order,
                    kind=item["kind"],
                    required=item.get("required", True),
                    max_length=item.get("max_length"),
                )
                for field in ("text", "help_text", "options"):
                    if field in item:
                        _translated(question, field, item[field])
                question.save()
    return [f"call {call.slug}: open until {call.closes_at:%Y-%m-%d}, trip from {trip:%Y-%m-%d}"]
