"""Seed content for the portal: the exchange programs, partner cities and 2021 events, in all three languages.

Pure data, loaded by ``portal.services.seed_load`` (``manage.py load_seed``). Every translated field is a
dict keyed by language code ("ko", "en", "zh-hans"). Place names and recurring terms follow the
shared place-name glossary; terms this file introduces are used in one form only:

    English                                   Korean                      Chinese (Simplified)
    sister and friendship cities              자매·우호협력도시           姐妹城市和友好城市
    urban diplomacy / public diplomacy        도시외교 / 공공외교         城市外交 / 公共外交
    Korea-China-Japan                         한·중·일                    韩中日
    Busan ASEAN Week                          부산-아세안 주간            釜山—东盟周
    On&Off ASEAN Food Show                    온앤오프 아세안 푸드쇼      On&Off东盟美食秀
    Familiarization Tour (diplomatic missions) 주한외교단 초청 부산 팸투어 驻韩外交使团釜山考察之旅
    advisory council for international exchange 국제교류 자문위원회       国际交流咨询委员会
    performance teams                         공연단                      演出团
    Taiwan (Kaohsiung's country or region)    대만                        中国台湾
    Nagasaki (the partner is the prefecture)  나가사키현                  长崎县
    UN WEEK (Busan's)                         부산유엔위크(UN WEEK)       釜山联合国周（UN WEEK）

Agreement dates are given only where published sources agree on the day; otherwise ``None`` (the year, when
known, is in the description).
"""

# Korean and Chinese characters count double towards the line length; the texts read better unsplit.
# ruff: noqa: E501

import datetime
from zoneinfo import ZoneInfo

SEOUL = ZoneInfo("Asia/Seoul")
PUBLISHED = "published"


def _at(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime.datetime:
    """A moment in Seoul time, timezone-aware."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=SEOUL)


def _blank() -> dict[str, str]:
    return {"ko": "", "en": "", "zh-hans": ""}


# ---------------------------------------------------------------------------------------------------------
# Categories
# ---------------------------------------------------------------------------------------------------------

CATEGORIES = [
    {
        "slug": "civilian-urban-diplomacy",
        "order": 1,
        "status": PUBLISHED,
        "name": {
            "ko": "민간 도시외교 활성화",
            "en": "Promoting urban diplomacy by civilians",
            "zh-hans": "推动民间城市外交",
        },
        "summary": {
            "ko": "부산의 어린이·청소년·시민이 참여하는 교류와 함께, 주한외교단·유엔·아세안과 부산을 잇는 "
            "사업을 추진합니다.",
            "en": "Exchanges in which Busan's children, young people and citizens take part, and initiatives "
            "that connect Busan with diplomatic missions in Korea, the United Nations and ASEAN.",
            "zh-hans": "组织釜山儿童、青少年和市民参与国际交流，推动釜山与驻韩外交使团、联合国及东盟的交流合作。",
        },
    },
    {
        "slug": "overseas-city-networks",
        "order": 2,
        "status": PUBLISHED,
        "name": {
            "ko": "해외 도시 네트워크 강화 및 연계 증진",
            "en": "Enhancing networks with cities abroad and reinforcing connections",
            "zh-hans": "加强海外城市网络，巩固交流纽带",
        },
        "summary": {
            "ko": "자매·우호협력도시와의 협력 및 행사를 지원하고, 국제교류 자문위원회를 통해 새로운 국제교류 "
            "사업을 발굴합니다.",
            "en": "Support for cooperation and events with sister and friendship cities, and an advisory "
            "council that helps develop new international exchange projects.",
            "zh-hans": "支持与姐妹城市和友好城市的合作及活动，并通过国际交流咨询委员会发掘新的国际交流项目。",
        },
    },
]


# ---------------------------------------------------------------------------------------------------------
# Partner cities
# ---------------------------------------------------------------------------------------------------------

SISTER = "sister"
FRIENDSHIP = "friendship"

CITIES = [
    {
        "slug": "surabaya",
        "website": "https://www.surabaya.go.id/",
        "order": 1,
        "status": PUBLISHED,
        "relationship": SISTER,
        # Sister cities since 1994; the exact day is not confirmed.
        "agreement_date": None,
        "name": {"ko": "수라바야", "en": "Surabaya", "zh-hans": "泗水"},
        "country": {"ko": "인도네시아", "en": "Indonesia", "zh-hans": "印度尼西亚"},
        "description": {
            "ko": "수라바야는 인도네시아 동자바주의 주도이자 대표적인 항구도시로, 1994년 부산과 자매결연을 "
            "맺었습니다. 두 도시는 청소년 교류를 비롯해 교육·문화 분야에서 꾸준히 교류하고 있습니다.",
            "en": "Surabaya, the capital of East Java and one of Indonesia's major port cities, became "
            "Busan's sister city in 1994. The two cities keep up regular exchanges in education and culture, "
            "including youth exchanges.",
            "zh-hans": "泗水是印度尼西亚东爪哇省首府，也是印度尼西亚重要的港口城市，1994年与釜山结为姐妹城市。"
            "两市在教育、文化等领域保持经常性交流，其中包括青少年交流。",
        },
    },
    {
        "slug": "chongqing",
        "website": "https://www.cq.gov.cn/",
        "order": 2,
        "status": PUBLISHED,
        "relationship": FRIENDSHIP,
        # Friendship city agreement concluded in writing on 12 October 2010.
        "agreement_date": datetime.date(2010, 10, 12),
        "name": {"ko": "충칭", "en": "Chongqing", "zh-hans": "重庆"},
        "country": {"ko": "중국", "en": "China", "zh-hans": "中国"},
        "description": {
            "ko": "충칭은 중국 서남부의 중심 도시로, 2010년 부산과 우호협력도시 협정을 체결했습니다. "
            "두 도시는 청소년 교류 등을 통해 시민 간 우호를 다지고 있습니다.",
            "en": "Chongqing, a major city in south-western China, signed a friendship city agreement with "
            "Busan in 2010. The two cities build ties between their citizens through exchanges such as "
            "youth exchanges.",
            "zh-hans": "重庆是中国西南地区的中心城市，2010年与釜山签订友好城市协议。两市通过青少年交流等活动，"
            "不断增进市民之间的友谊。",
        },
    },
    {
        "slug": "kaohsiung",
        "website": "https://www.kcg.gov.tw/",
        "order": 3,
        "status": PUBLISHED,
        "relationship": SISTER,
        # Busan's first sister city: agreement signed on 30 June 1966.
        "agreement_date": datetime.date(1966, 6, 30),
        "name": {"ko": "가오슝", "en": "Kaohsiung", "zh-hans": "高雄"},
        "country": {"ko": "대만", "en": "Taiwan", "zh-hans": "中国台湾"},
        "description": {
            "ko": "가오슝은 대만 남부의 대표적인 항구도시로, 1966년 부산이 처음으로 자매결연을 맺은 "
            "도시입니다. 두 도시는 오랜 교류의 역사를 바탕으로 청소년 교류 등 다양한 분야에서 교류를 "
            "이어 가고 있습니다.",
            "en": "Kaohsiung, the leading port city of southern Taiwan, became Busan's first sister city in "
            "1966. Building on this long history, the two cities continue to exchange in many fields, "
            "including youth exchanges.",
            "zh-hans": "高雄是中国台湾南部的重要港口城市，1966年与釜山结为姐妹城市，是釜山的第一个姐妹城市。"
            "多年来，两市在青少年交流等多个领域保持往来。",
        },
    },
    {
        "slug": "vladivostok",
        "website": "https://vlc.ru/",
        "order": 4,
        "status": PUBLISHED,
        "relationship": SISTER,
        # Sister city agreement signed on 30 June 1992.
        "agreement_date": datetime.date(1992, 6, 30),
        "name": {"ko": "블라디보스토크", "en": "Vladivostok", "zh-hans": "符拉迪沃斯托克"},
        "country": {"ko": "러시아", "en": "Russia", "zh-hans": "俄罗斯"},
        "description": {
            "ko": "블라디보스토크는 러시아 극동 지역의 대표적인 항구도시로, 1992년 부산과 자매결연을 "
            "맺었습니다. 두 도시는 문화·관광·경제 등 여러 분야에서 교류하고 있으며, 청소년 교류도 이어 "
            "가고 있습니다.",
            "en": "Vladivostok, the principal port city of the Russian Far East, became Busan's sister city "
            "in 1992. The two cities exchange in culture, tourism, the economy and other fields, and run "
            "youth exchanges.",
            "zh-hans": "符拉迪沃斯托克（海参崴）是俄罗斯远东地区的主要港口城市，1992年与釜山结为姐妹城市。"
            "两市在文化、旅游、经济等多个领域开展交流，并持续推进青少年交流。",
        },
    },
    {
        "slug": "nagasaki",
        "website": "https://www.pref.nagasaki.jp/",
        "order": 5,
        "status": PUBLISHED,
        "relationship": FRIENDSHIP,
        # Friendship agreement with Nagasaki Prefecture signed on 25 March 2014.
        "agreement_date": datetime.date(2014, 3, 25),
        "name": {"ko": "나가사키현", "en": "Nagasaki Prefecture", "zh-hans": "长崎县"},
        "country": {"ko": "일본", "en": "Japan", "zh-hans": "日本"},
        "description": {
            "ko": "나가사키현은 일본 규슈 북서부에 있으며, 부산은 2014년 나가사키현과 우호협력도시 협정을 "
            "체결했습니다. 두 지역은 문화·관광·교육 등 여러 분야에서 교류하고 있으며, 부산-나가사키 "
            "문화교류도 그중 하나입니다.",
            "en": "Nagasaki Prefecture lies in north-western Kyushu, Japan; Busan signed a friendship city "
            "agreement with the prefecture in 2014. The two regions exchange in culture, tourism, education and "
            "other fields, including the Busan-Nagasaki cultural exchange.",
            "zh-hans": "长崎县位于日本九州西北部，釜山于2014年与长崎县签订友好城市协议。双方在文化、旅游、教育等"
            "多个领域开展交流，釜山—长崎文化交流即为其中之一。",
        },
    },
    {
        "slug": "beijing",
        "website": "https://www.beijing.gov.cn/",
        "order": 6,
        "status": PUBLISHED,
        "relationship": FRIENDSHIP,
        # Friendship city agreement signed in Beijing on 14 August 2013.
        "agreement_date": datetime.date(2013, 8, 14),
        "name": {"ko": "베이징", "en": "Beijing", "zh-hans": "北京"},
        "country": {"ko": "중국", "en": "China", "zh-hans": "中国"},
        "description": {
            "ko": "베이징은 중국의 수도로, 2013년 부산과 우호협력도시 관계를 맺었습니다. 두 도시는 문화·관광·"
            "환경 등 여러 분야에서 교류하고 있으며, 부산-베이징 환경교류도 그중 하나입니다.",
            "en": "Beijing, the capital of China, became Busan's friendship city in 2013. The two cities "
            "exchange in culture, tourism, the environment and other fields, including the Busan-Beijing "
            "environment exchange.",
            "zh-hans": "北京是中国首都，2013年与釜山建立友好城市关系。两市在文化、旅游、环境等多个领域开展交流，"
            "釜山—北京环境交流即为其中之一。",
        },
    },
]


# ---------------------------------------------------------------------------------------------------------
# Programs (every program and initiative on the original page)
# ---------------------------------------------------------------------------------------------------------

PROGRAMS = [
    # --- Promoting urban diplomacy by civilians ---------------------------------------------------------
    {
        "slug": "korea-china-japan-childrens-exchanges",
        "category": "civilian-urban-diplomacy",
        "order": 1,
        "status": PUBLISHED,
        "cities": [],
        "title": {
            "ko": "한·중·일 어린이 교류",
            "en": "Korea-China-Japan children's exchanges",
            "zh-hans": "韩中日儿童交流",
        },
        "summary": {
            "ko": "한·중·일 자매도시 어린이들이 그림 전시회를 통해 서로의 문화를 알아 갑니다.",
            "en": "Children from sister cities in Korea, China and Japan get to know one another's cultures "
            "through painting exhibitions.",
            "zh-hans": "韩中日三国姐妹城市的儿童通过绘画展，增进对彼此文化的了解。",
        },
        "detail": {
            "ko": "한·중·일 자매도시 간 문화에 대한 상호 이해 및 우호 증진",
            "en": "Promoting mutual understanding of cultures and friendship among sister cities of Korea, "
            "China and Japan.",
            "zh-hans": "增进韩中日姐妹城市之间的文化理解与友谊。",
        },
        "activities": {
            "ko": "한·중·일 어린이 그림 전시회",
            "en": "Korea-China-Japan Children's Painting Exhibitions",
            "zh-hans": "韩中日儿童绘画展",
        },
        "eligibility": {"ko": "어린이", "en": "Children", "zh-hans": "儿童"},
        "contact": _blank(),
    },
    {
        "slug": "youth-exchanges",
        "category": "civilian-urban-diplomacy",
        "order": 2,
        "status": PUBLISHED,
        "cities": ["surabaya", "chongqing", "kaohsiung", "vladivostok"],
        "title": {"ko": "청소년 교류", "en": "Youth exchanges", "zh-hans": "青少年交流"},
        "summary": {
            "ko": "부산과 해외 자매·우호협력도시의 청소년이 학교 방문, 홈스테이, 문화 체험을 통해 교류합니다.",
            "en": "Young people from Busan and its sister and friendship cities abroad meet through school "
            "visits, homestays and cultural experiences.",
            "zh-hans": "釜山与海外姐妹城市、友好城市的青少年通过学校访问、入住寄宿家庭、文化体验等方式开展交流。",
        },
        "detail": {
            "ko": "자매도시 간 청소년 교류를 통한 글로벌 인재 양성 및 교류",
            "en": "Cultivating global professionals and their exchanges through youth exchanges among "
            "sister cities.",
            "zh-hans": "通过姐妹城市之间的青少年交流，培养国际化人才。",
        },
        "activities": {
            "ko": "수라바야 청소년 교류\n충칭 청소년 교류\n가오슝 청소년 교류\n블라디보스토크 청소년 교류\n"
            "학교 방문\n홈스테이\n문화 체험",
            "en": "Surabaya youth exchange\nChongqing youth exchange\nKaohsiung youth exchange\n"
            "Vladivostok youth exchange\nSchool visits\nHomestays\nCultural experience",
            "zh-hans": "泗水青少年交流\n重庆青少年交流\n高雄青少年交流\n符拉迪沃斯托克青少年交流\n学校访问\n"
            "寄宿家庭体验\n文化体验",
        },
        "eligibility": {"ko": "청소년", "en": "Young people", "zh-hans": "青少年"},
        "contact": _blank(),
    },
    {
        "slug": "citizens-cultural-sports-exchanges",
        "category": "civilian-urban-diplomacy",
        "order": 3,
        "status": PUBLISHED,
        "cities": ["nagasaki", "beijing"],
        "title": {
            "ko": "해외 자매·우호협력도시 시민 문화·체육 교류",
            "en": "Citizens' cultural and sports exchanges with sister and friendship cities abroad",
            "zh-hans": "与海外姐妹城市、友好城市开展市民文化体育交流",
        },
        "summary": {
            "ko": "부산 시민이 해외 자매·우호협력도시와의 문화·체육·환경 교류에 참여합니다.",
            "en": "Busan citizens take part in cultural, sports and environment exchanges with sister and "
            "friendship cities abroad.",
            "zh-hans": "组织釜山市民与海外姐妹城市、友好城市开展文化、体育和环境交流。",
        },
        "detail": {
            "ko": "자매도시 시민 간 생활체육 교류를 통한 국제교류 활성화",
            "en": "Encouraging international exchanges through leisure sports exchanges by citizens of "
            "sister cities.",
            "zh-hans": "以姐妹城市市民之间的群众体育交流带动国际交流。",
        },
        "activities": {
            "ko": "부산-중국 문화교류\n부산-나가사키 문화교류\n부산-베이징 환경교류",
            "en": "Busan-China cultural exchange\nBusan-Nagasaki cultural exchange\n"
            "Busan-Beijing environment exchange",
            "zh-hans": "釜山—中国文化交流\n釜山—长崎文化交流\n釜山—北京环境交流",
        },
        "eligibility": {"ko": "부산 시민", "en": "Busan citizens", "zh-hans": "釜山市民"},
        "contact": _blank(),
    },
    {
        "slug": "diplomatic-missions-familiarization-tour",
        "category": "civilian-urban-diplomacy",
        "order": 4,
        "status": PUBLISHED,
        "cities": [],
        "title": {
            "ko": "주한외교단 초청 부산 팸투어",
            "en": "Busan Familiarization Tour for Diplomatic Missions in Korea",
            "zh-hans": "驻韩外交使团釜山考察活动",
        },
        "summary": {
            "ko": "주한외교단을 부산으로 초청하여 부산의 우수 정책을 직접 소개합니다.",
            "en": "Diplomatic missions in Korea are invited to Busan to see the city's leading initiatives "
            "at first hand.",
            "zh-hans": "邀请驻韩外交使团赴釜山考察，实地了解釜山的优秀政策。",
        },
        "detail": {
            "ko": "부산의 우수 정책 홍보를 통한 국가 간 상호 교류 및 협력 기회 확보",
            "en": "Securing opportunities for mutual exchange and collaboration between countries by "
            "promoting Busan's excellent initiatives.",
            "zh-hans": "宣介釜山优秀政策，为各国之间的交流合作创造机会。",
        },
        "activities": _blank(),
        "eligibility": {
            "ko": "주한외교단(초청)",
            "en": "Diplomatic missions in Korea (by invitation)",
            "zh-hans": "驻韩外交使团（受邀参加）",
        },
        "contact": _blank(),
    },
    {
        "slug": "un-week",
        "category": "civilian-urban-diplomacy",
        "order": 5,
        "status": PUBLISHED,
        "cities": [],
        "title": {
            "ko": "유엔위크(UN WEEK) 행사",
            "en": "UN WEEK events",
            "zh-hans": "联合国周（UN WEEK）活动",
        },
        "summary": {
            "ko": "유엔위크(UN WEEK) 기간에 평화·자유·인권·사랑 등을 주제로 세계평화 관련 행사를 개최합니다.",
            "en": "Events on world peace held during UN WEEK, on themes such as peace, freedom, human rights "
            "and love.",
            "zh-hans": "联合国周（UN WEEK）期间，围绕和平、自由、人权、博爱等主题举办世界和平系列活动。",
        },
        "detail": {
            "ko": "평화, 자유, 인권, 사랑 등을 주제로 한 세계평화 관련 유엔위크(UN WEEK) 행사 개최",
            "en": "Holding UN WEEK events related to world peace under the theme of peace, freedom, human "
            "rights, love and more.",
            "zh-hans": "围绕和平、自由、人权、博爱等主题，举办联合国周（UN WEEK）世界和平系列活动。",
        },
        "activities": {"ko": "세계평화포럼", "en": "World Peace Forum", "zh-hans": "世界和平论坛"},
        "eligibility": _blank(),
        "contact": _blank(),
    },
    {
        "slug": "asean-partnership",
        "category": "civilian-urban-diplomacy",
        "order": 6,
        "status": PUBLISHED,
        "cities": [],
        "title": {
            "ko": "아세안 국가와의 파트너십 구축",
            "en": "Partnership with ASEAN countries",
            "zh-hans": "与东盟国家建立伙伴关系",
        },
        "summary": {
            "ko": "협력 사업과 문화 교류를 통해 아세안 국가와 지속적인 파트너십을 구축합니다.",
            "en": "Busan builds a lasting partnership with ASEAN countries through cooperation projects and "
            "cultural exchange.",
            "zh-hans": "通过合作项目和文化交流，与东盟国家建立长期伙伴关系。",
        },
        "detail": {
            "ko": "아세안 국가와의 지속적인 파트너십 구축, 부산-아세안 협력 사업 발굴 및 문화적 공감대 확산",
            "en": "Building a continuing partnership with ASEAN countries, exploring Busan-ASEAN cooperation "
            "projects and expanding cultural consensus.",
            "zh-hans": "与东盟国家建立长期伙伴关系，发掘釜山—东盟合作项目，增进文化交流与相互理解。",
        },
        "activities": {
            "ko": "부산-아세안 주간\n온앤오프 아세안 푸드쇼",
            "en": "Busan ASEAN Week\nOn&Off ASEAN Food Show",
            "zh-hans": "釜山—东盟周\nOn&Off东盟美食秀",
        },
        "eligibility": _blank(),
        "contact": _blank(),
    },
    # --- Enhancing networks with cities abroad and reinforcing connections -------------------------------
    {
        "slug": "sister-city-cooperation-support",
        "category": "overseas-city-networks",
        "order": 1,
        "status": PUBLISHED,
        "cities": [],
        "title": {
            "ko": "자매·우호협력도시 협력 및 행사 지원",
            "en": "Supporting cooperation and events with sister and friendship cities",
            "zh-hans": "支持与姐妹城市和友好城市的合作及活动",
        },
        "summary": {
            "ko": "시민과 공연단의 자매·우호협력도시 교류를 지원하여 공공외교를 강화하고 부산의 이미지를 "
            "높입니다.",
            "en": "Exchanges by citizens and performance teams with sister and friendship cities, "
            "strengthening public diplomacy and Busan's image.",
            "zh-hans": "支持市民和演出团与姐妹城市、友好城市开展交流，加强公共外交，提升釜山城市形象。",
        },
        "detail": {
            "ko": "시민 및 공연단 교류를 통한 공공외교 강화 및 부산 이미지 제고",
            "en": "Improving public diplomacy and the image of Busan through exchanges by citizens and "
            "performance teams.",
            "zh-hans": "通过市民和演出团的交流，加强公共外交，提升釜山形象。",
        },
        "activities": {
            "ko": "해외 캠프 참가(중국, 아세안 국가 등)",
            "en": "Participating in camps abroad (China, ASEAN countries, etc.)",
            "zh-hans": "参加海外交流营（中国、东盟国家等）",
        },
        "eligibility": _blank(),
        "contact": _blank(),
    },
    {
        "slug": "international-exchange-advisory-council",
        "category": "overseas-city-networks",
        "order": 2,
        "status": PUBLISHED,
        "cities": [],
        "title": {
            "ko": "국제교류 자문위원회 운영",
            "en": "Operation of the advisory council for international exchange",
            "zh-hans": "国际交流咨询委员会",
        },
        "summary": {
            "ko": "국제교류 자문위원회를 운영하여 국제교류 사업을 활성화하고 새로운 사업을 발굴합니다.",
            "en": "An advisory council that helps promote international exchange projects and identify new "
            "ones.",
            "zh-hans": "发挥国际交流咨询委员会的作用，推动国际交流项目，发掘新的合作项目。",
        },
        "detail": {
            "ko": "다양한 국제교류 사업 추진 및 활성화, 신규 사업 발굴",
            "en": "Promoting and activating diverse international exchange projects and discovering new "
            "projects and business opportunities.",
            "zh-hans": "推动各类国际交流项目深入开展，发掘新的合作项目。",
        },
        "activities": _blank(),
        "eligibility": _blank(),
        "contact": _blank(),
    },
]


# ---------------------------------------------------------------------------------------------------------
# Events (2021). Dates and times are in Seoul time. The World Peace Forum (27 Oct) and the Busan ASEAN Week
# (18-24 Nov) dates are as published; the food show is dated to the ASEAN Week it belonged to, and the
# consulting & matching service to an approximate autumn window.
# ---------------------------------------------------------------------------------------------------------

EVENTS = [
    {
        "slug": "world-peace-forum-2021",
        "order": 1,
        "status": PUBLISHED,
        "program": "un-week",
        "cities": [],
        "starts_at": _at(2021, 10, 27, 10, 0),
        "ends_at": _at(2021, 10, 27, 18, 0),
        "title": {
            "ko": "2021 세계평화포럼",
            "en": "The World Peace Forum, 2021",
            "zh-hans": "2021世界和平论坛",
        },
        "summary": {
            "ko": "2021 부산유엔위크(UN WEEK)의 대표 행사로 열린 세계평화포럼입니다.",
            "en": "Busan's World Peace Forum, the flagship event of UN WEEK 2021 in Busan.",
            "zh-hans": "世界和平论坛是2021釜山联合国周（UN WEEK）的代表性活动。",
        },
        "body": {
            "ko": "세계평화포럼은 2021년 10월 22일부터 11월 11일까지 열린 부산유엔위크(UN WEEK)의 대표 "
            "행사로 10월 27일에 개최되었습니다. ‘지속가능한 도시와 기후변화 대응’을 주제로 도시가 지속가능한 "
            "발전과 평화에 어떻게 기여할 수 있는지 논의했습니다. 2021년 포럼은 대한민국 유엔 가입 30주년을 "
            "기념하는 자리이기도 했습니다.",
            "en": "The World Peace Forum was held on 27 October 2021 as the flagship event of Busan's UN WEEK, "
            'which ran from 22 October to 11 November. Under the theme "Sustainable Cities and Response to '
            'Climate Change", participants discussed how cities can contribute to sustainable development '
            "and to peace. The 2021 forum also marked the 30th anniversary of Korea's membership of the "
            "United Nations.",
            "zh-hans": "世界和平论坛作为2021年10月22日至11月11日举行的釜山联合国周（UN WEEK）的代表性活动，"
            "于10月27日举办。论坛以“可持续城市与应对气候变化”为主题，探讨城市如何为可持续发展与和平作出贡献。"
            "2021年论坛同时纪念韩国加入联合国30周年。",
        },
        "venue": {
            "ko": "웨스틴조선 부산(해운대구)",
            "en": "The Westin Josun Busan, Haeundae-gu, Busan",
            "zh-hans": "釜山威斯汀朝鲜酒店（海云台区）",
        },
    },
    {
        "slug": "asean-food-show-2021",
        "order": 2,
        "status": PUBLISHED,
        "program": "asean-partnership",
        "cities": [],
        "starts_at": _at(2021, 11, 18, 10, 0),
        "ends_at": _at(2021, 11, 24, 18, 0),
        "title": {
            "ko": "2021 온앤오프 아세안 푸드쇼",
            "en": "The On&Off ASEAN Food Show, 2021",
            "zh-hans": "2021 On&Off东盟美食秀",
        },
        "summary": {
            "ko": "2021 부산-아세안 주간에 온라인과 현장에서 아세안의 음식 문화를 소개한 행사입니다.",
            "en": "ASEAN food culture presented online and on site, as part of the 2021 Busan ASEAN Week.",
            "zh-hans": "2021釜山—东盟周期间，以线上线下相结合的方式向市民介绍东盟饮食文化。",
        },
        "body": {
            "ko": "온앤오프 아세안 푸드쇼는 2021 부산-아세안 주간 프로그램의 하나로 열렸습니다. 온라인과 "
            "현장에서 아세안 국가의 음식 문화를 시민들에게 소개하여, 음식을 통해 아세안을 더 가까이 알아볼 수 "
            "있도록 했습니다. 부산과 아세안 간 문화적 공감대를 넓히기 위한 노력의 하나입니다.",
            "en": "The On&Off ASEAN Food Show was one of the programs of the 2021 Busan ASEAN Week. It "
            "introduced the food cultures of ASEAN countries to citizens both online and in person, so that "
            "people could get to know ASEAN through its cuisine. It is part of Busan's efforts to expand "
            "cultural consensus between Busan and ASEAN.",
            "zh-hans": "On&Off东盟美食秀是2021釜山—东盟周的活动之一。活动通过线上与线下相结合的方式，向市民介绍"
            "东盟国家的饮食文化，让市民通过美食进一步了解东盟。这也是釜山增进与东盟文化交流和相互理解的举措之一。",
        },
        "venue": {"ko": "온라인 및 부산", "en": "Online and in Busan", "zh-hans": "线上及釜山"},
    },
    {
        "slug": "busan-asean-week-2021",
        "order": 3,
        "status": PUBLISHED,
        "program": "asean-partnership",
        "cities": [],
        "starts_at": _at(2021, 11, 18, 10, 0),
        "ends_at": _at(2021, 11, 24, 18, 0),
        "title": {
            "ko": "2021 부산-아세안 주간",
            "en": "The 2021 Busan ASEAN Week",
            "zh-hans": "2021釜山—东盟周",
        },
        "summary": {
            "ko": "2021년 11월 18일부터 24일까지 부산 일원에서 열린 아세안 문화 축제입니다.",
            "en": "A week-long festival of ASEAN culture held across Busan from 18 to 24 November 2021.",
            "zh-hans": "2021年11月18日至24日，东盟文化节在釜山各地举行。",
        },
        "body": {
            "ko": "2021 부산-아세안 주간은 ‘아세안의 다채로운 향기’를 주제로 11월 18일부터 24일까지 부산 "
            "일원에서 열렸습니다. 2014년과 2019년 부산에서 개최된 한·아세안 특별정상회의를 기념하고 부산과 "
            "아세안의 지속적인 협력을 위해 2020년에 이어 두 번째로 마련된 행사입니다. 영화의전당 개막식을 "
            "시작으로 온앤오프 아세안 푸드쇼, 토크 콘서트, 전시 등 시민이 아세안 문화를 체험할 수 있는 "
            "프로그램이 진행되었습니다.",
            "en": "The 2021 Busan ASEAN Week was held across Busan from 18 to 24 November under the theme "
            '"The Colorful Fragrance of ASEAN". Held for the second time after 2020, it commemorates the '
            "ASEAN-Republic of Korea Commemorative Summits held in Busan in 2014 and 2019 and supports "
            "continuing cooperation between Busan and ASEAN. The week opened at the Busan Cinema Center and "
            "offered citizens programs such as the On&Off ASEAN Food Show, talks and exhibitions on ASEAN "
            "culture.",
            "zh-hans": "2021釜山—东盟周以“东盟的多彩芬芳”为主题，于11月18日至24日在釜山各地举行。该活动继2020年"
            "之后第二次举办，旨在纪念2014年和2019年在釜山举行的韩国—东盟特别峰会，推动釜山与东盟的持续合作。"
            "活动以釜山电影殿堂的开幕式拉开帷幕，并通过On&Off东盟美食秀、主题讲座、展览等项目，让市民体验东盟文化。",
        },
        "venue": {
            "ko": "영화의전당 등 부산 일원",
            "en": "Busan Cinema Center and venues across Busan",
            "zh-hans": "釜山电影殿堂等釜山各地",
        },
    },
    {
        "slug": "international-cooperation-consulting-matching-2021",
        "order": 4,
        "status": PUBLISHED,
        "program": "international-exchange-advisory-council",
        "cities": [],
        "starts_at": _at(2021, 9, 1, 9, 0),
        "ends_at": _at(2021, 11, 30, 18, 0),
        "title": {
            "ko": "2021 디지털 기반 국제협력 컨설팅 및 매칭 서비스",
            "en": "The Digital-based International Cooperation Consulting & Matching Service (2021)",
            "zh-hans": "2021数字化国际合作咨询与对接服务",
        },
        "summary": {
            "ko": "국제협력 사업을 위한 컨설팅과 파트너 매칭을 온라인으로 제공한 서비스입니다.",
            "en": "An online service offering consulting and partner matching for international cooperation "
            "projects.",
            "zh-hans": "该服务以线上方式，为国际合作项目提供咨询及合作伙伴对接。",
        },
        "body": {
            "ko": "해외 방문이 여전히 어려웠던 2021년, 부산은 디지털 방식으로 국제협력 컨설팅과 매칭을 "
            "제공했습니다. 이 서비스는 부산의 기관·단체가 해외 도시의 파트너와 협력 방안을 모색하고 알맞은 "
            "상대와 연결될 수 있도록 지원했습니다. 부산이 새로운 국제교류 사업을 발굴하는 방법 가운데 "
            "하나입니다.",
            "en": "In 2021, with travel abroad still limited, Busan offered consulting and matching for "
            "international cooperation through digital channels. The service helped organizations in Busan "
            "explore cooperation with partners in cities abroad and connected them with suitable "
            "counterparts. It is one of the ways in which Busan identifies new international exchange "
            "projects.",
            "zh-hans": "2021年，在出境往来仍受限制的情况下，釜山通过数字化方式提供国际合作咨询与对接服务。该服务帮助"
            "釜山的机构和团体与海外城市的合作伙伴探讨合作方式，并为其对接合适的合作对象。这也是釜山发掘新的国际交流"
            "项目的途径之一。",
        },
        "venue": {"ko": "온라인", "en": "Online", "zh-hans": "线上"},
    },
]
