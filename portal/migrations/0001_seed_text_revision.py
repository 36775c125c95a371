"""Bring databases loaded from the earlier seed up to the revised seed text, without touching staff edits.

``manage.py load_seed`` never changes existing rows. This migration changes a field only where it still holds
the earlier seed text, exactly: Kaohsiung's country or region is 中国台湾 on Chinese pages, the Nagasaki
partner is the prefecture, Busan's UN WEEK is 부산유엔위크, Chinese texts read as a mainland government site
writes them, and partner cities get their official websites. A text staff have edited is left as it is.
"""

from django.db import migrations

# (model, slug, field, earlier seed text, revised seed text)
CHANGES = [('programs.Category',
  'civilian-urban-diplomacy',
  'summary_zh_hans',
  '开展釜山儿童、青少年和市民参与的交流活动，并推进连接釜山与驻韩外交使团、联合国及东盟的各项工作。',
  '组织釜山儿童、青少年和市民参与国际交流，推动釜山与驻韩外交使团、联合国及东盟的交流合作。'),
 ('programs.City', 'surabaya', 'website', '', 'https://www.surabaya.go.id/'),
 ('programs.City', 'chongqing', 'website', '', 'https://www.cq.gov.cn/'),
 ('programs.City', 'kaohsiung', 'website', '', 'https://www.kcg.gov.tw/'),
 ('programs.City', 'kaohsiung', 'country_zh_hans', '台湾', '中国台湾'),
 ('programs.City',
  'kaohsiung',
  'description_zh_hans',
  '高雄是台湾南部的重要港口城市，1966年成为釜山的第一个姐妹城市。两市以悠久的交流历史为基础，在青少年交流等多个领域持续开展交流。',
  '高雄是中国台湾南部的重要港口城市，1966年与釜山结为姐妹城市，是釜山的第一个姐妹城市。多年来，两市在青少年交流等多个领域保持往来。'),
 ('programs.City', 'vladivostok', 'website', '', 'https://vlc.ru/'),
 ('programs.City', 'nagasaki', 'website', '', 'https://www.pref.nagasaki.jp/'),
 ('programs.City', 'nagasaki', 'name_ko', '나가사키', '나가사키현'),
 ('programs.City', 'nagasaki', 'name_en', 'Nagasaki', 'Nagasaki Prefecture'),
 ('programs.City', 'nagasaki', 'name_zh_hans', '长崎', '长崎县'),
 ('programs.City',
  'nagasaki',
  'description_ko',
  '나가사키는 일본 규슈 북서부에 있으며, 부산은 2014년 나가사키현과 우호협력도시 협정을 체결했습니다. 두 지역은 문화·관광·교육 등 여러 분야에서 교류하고 있으며, 부산-나가사키 '
  '문화교류도 그중 하나입니다.',
  '나가사키현은 일본 규슈 북서부에 있으며, 부산은 2014년 나가사키현과 우호협력도시 협정을 체결했습니다. 두 지역은 문화·관광·교육 등 여러 분야에서 교류하고 있으며, 부산-나가사키 '
  '문화교류도 그중 하나입니다.'),
 ('programs.City',
  'nagasaki',
  'description_en',
  'Nagasaki lies in north-western Kyushu, Japan; Busan signed a friendship city agreement with Nagasaki '
  'Prefecture in 2014. The two regions exchange in culture, tourism, education and other fields, including '
  'the Busan-Nagasaki cultural exchange.',
  'Nagasaki Prefecture lies in north-western Kyushu, Japan; Busan signed a friendship city agreement with '
  'the prefecture in 2014. The two regions exchange in culture, tourism, education and other fields, '
  'including the Busan-Nagasaki cultural exchange.'),
 ('programs.City',
  'nagasaki',
  'description_zh_hans',
  '长崎位于日本九州西北部，釜山于2014年与长崎县签订友好城市协议。双方在文化、旅游、教育等多个领域开展交流，釜山—长崎文化交流即为其中之一。',
  '长崎县位于日本九州西北部，釜山于2014年与长崎县签订友好城市协议。双方在文化、旅游、教育等多个领域开展交流，釜山—长崎文化交流即为其中之一。'),
 ('programs.City', 'beijing', 'website', '', 'https://www.beijing.gov.cn/'),
 ('programs.Program',
  'korea-china-japan-childrens-exchanges',
  'summary_zh_hans',
  '韩中日姐妹城市的儿童通过绘画展相互了解彼此的文化。',
  '韩中日三国姐妹城市的儿童通过绘画展，增进对彼此文化的了解。'),
 ('programs.Program',
  'korea-china-japan-childrens-exchanges',
  'detail_zh_hans',
  '增进韩中日姐妹城市之间对彼此文化的相互理解与友谊。',
  '增进韩中日姐妹城市之间的文化理解与友谊。'),
 ('programs.Program',
  'youth-exchanges',
  'summary_zh_hans',
  '釜山与海外姐妹城市和友好城市的青少年通过学校访问、寄宿家庭和文化体验开展交流。',
  '釜山与海外姐妹城市、友好城市的青少年通过学校访问、入住寄宿家庭、文化体验等方式开展交流。'),
 ('programs.Program',
  'youth-exchanges',
  'detail_zh_hans',
  '通过姐妹城市之间的青少年交流，培养国际化人才并促进其相互交流。',
  '通过姐妹城市之间的青少年交流，培养国际化人才。'),
 ('programs.Program',
  'youth-exchanges',
  'activities_zh_hans',
  '泗水青少年交流\n重庆青少年交流\n高雄青少年交流\n符拉迪沃斯托克青少年交流\n学校访问\n寄宿家庭\n文化体验',
  '泗水青少年交流\n重庆青少年交流\n高雄青少年交流\n符拉迪沃斯托克青少年交流\n学校访问\n寄宿家庭体验\n文化体验'),
 ('programs.Program',
  'citizens-cultural-sports-exchanges',
  'title_zh_hans',
  '与海外姐妹城市和友好城市的市民文化体育交流',
  '与海外姐妹城市、友好城市开展市民文化体育交流'),
 ('programs.Program',
  'citizens-cultural-sports-exchanges',
  'summary_zh_hans',
  '釜山市民参与同海外姐妹城市和友好城市的文化、体育及环境交流。',
  '组织釜山市民与海外姐妹城市、友好城市开展文化、体育和环境交流。'),
 ('programs.Program',
  'citizens-cultural-sports-exchanges',
  'detail_zh_hans',
  '通过姐妹城市市民之间的休闲体育交流，促进国际交流。',
  '以姐妹城市市民之间的群众体育交流带动国际交流。'),
 ('programs.Program',
  'diplomatic-missions-familiarization-tour',
  'title_zh_hans',
  '驻韩外交使团釜山考察之旅',
  '驻韩外交使团釜山考察活动'),
 ('programs.Program',
  'diplomatic-missions-familiarization-tour',
  'summary_zh_hans',
  '邀请驻韩外交使团走访釜山，实地了解釜山的优秀举措。',
  '邀请驻韩外交使团赴釜山考察，实地了解釜山的优秀政策。'),
 ('programs.Program',
  'diplomatic-missions-familiarization-tour',
  'detail_zh_hans',
  '通过宣传釜山的优秀举措，为国家之间的相互交流与合作创造机会。',
  '宣介釜山优秀政策，为各国之间的交流合作创造机会。'),
 ('programs.Program', 'un-week', 'title_ko', '유엔 주간(UN WEEK) 행사', '유엔위크(UN WEEK) 행사'),
 ('programs.Program',
  'un-week',
  'summary_ko',
  '유엔 주간(UN WEEK)에 평화·자유·인권·사랑 등을 주제로 세계평화 관련 행사를 개최합니다.',
  '유엔위크(UN WEEK) 기간에 평화·자유·인권·사랑 등을 주제로 세계평화 관련 행사를 개최합니다.'),
 ('programs.Program',
  'un-week',
  'summary_zh_hans',
  '在联合国周（UN WEEK）期间，以和平、自由、人权、爱等为主题举办与世界和平相关的活动。',
  '联合国周（UN WEEK）期间，围绕和平、自由、人权、博爱等主题举办世界和平系列活动。'),
 ('programs.Program',
  'un-week',
  'detail_ko',
  '평화, 자유, 인권, 사랑 등을 주제로 한 세계평화 관련 유엔 주간(UN WEEK) 행사 개최',
  '평화, 자유, 인권, 사랑 등을 주제로 한 세계평화 관련 유엔위크(UN WEEK) 행사 개최'),
 ('programs.Program',
  'un-week',
  'detail_zh_hans',
  '以和平、自由、人权、爱等为主题，举办与世界和平相关的联合国周（UN WEEK）活动。',
  '围绕和平、自由、人权、博爱等主题，举办联合国周（UN WEEK）世界和平系列活动。'),
 ('programs.Program',
  'asean-partnership',
  'summary_zh_hans',
  '通过合作项目和文化交流，与东盟国家建立持续的伙伴关系。',
  '通过合作项目和文化交流，与东盟国家建立长期伙伴关系。'),
 ('programs.Program',
  'asean-partnership',
  'detail_zh_hans',
  '与东盟国家建立持续的伙伴关系，发掘釜山—东盟合作项目，扩大文化共识。',
  '与东盟国家建立长期伙伴关系，发掘釜山—东盟合作项目，增进文化交流与相互理解。'),
 ('programs.Program',
  'sister-city-cooperation-support',
  'summary_zh_hans',
  '支持市民和演出团与姐妹城市和友好城市开展交流，加强公共外交，提升釜山城市形象。',
  '支持市民和演出团与姐妹城市、友好城市开展交流，加强公共外交，提升釜山城市形象。'),
 ('programs.Program', 'international-exchange-advisory-council', 'title_zh_hans', '国际交流咨询委员会运营', '国际交流咨询委员会'),
 ('programs.Program',
  'international-exchange-advisory-council',
  'summary_zh_hans',
  '运营国际交流咨询委员会，推动国际交流项目并发掘新项目。',
  '发挥国际交流咨询委员会的作用，推动国际交流项目，发掘新的合作项目。'),
 ('programs.Program',
  'international-exchange-advisory-council',
  'detail_zh_hans',
  '推进并活跃各类国际交流项目，发掘新项目。',
  '推动各类国际交流项目深入开展，发掘新的合作项目。'),
 ('events.Event',
  'world-peace-forum-2021',
  'summary_ko',
  '2021 부산 유엔 주간(UN WEEK)의 대표 행사로 열린 세계평화포럼입니다.',
  '2021 부산유엔위크(UN WEEK)의 대표 행사로 열린 세계평화포럼입니다.'),
 ('events.Event',
  'world-peace-forum-2021',
  'summary_zh_hans',
  '作为2021釜山联合国周（UN WEEK）代表性活动举办的世界和平论坛。',
  '世界和平论坛是2021釜山联合国周（UN WEEK）的代表性活动。'),
 ('events.Event',
  'world-peace-forum-2021',
  'body_ko',
  '세계평화포럼은 2021년 10월 22일부터 11월 11일까지 열린 부산 유엔 주간(UN WEEK)의 대표 행사로 10월 27일에 개최되었습니다. ‘지속가능한 도시와 기후변화 대응’을 주제로 '
  '도시가 지속가능한 발전과 평화에 어떻게 기여할 수 있는지 논의했습니다. 2021년 포럼은 대한민국 유엔 가입 30주년을 기념하는 자리이기도 했습니다.',
  '세계평화포럼은 2021년 10월 22일부터 11월 11일까지 열린 부산유엔위크(UN WEEK)의 대표 행사로 10월 27일에 개최되었습니다. ‘지속가능한 도시와 기후변화 대응’을 주제로 '
  '도시가 지속가능한 발전과 평화에 어떻게 기여할 수 있는지 논의했습니다. 2021년 포럼은 대한민국 유엔 가입 30주년을 기념하는 자리이기도 했습니다.'),
 ('events.Event',
  'asean-food-show-2021',
  'summary_zh_hans',
  '在2021釜山—东盟周期间，通过线上线下相结合的方式介绍东盟饮食文化的活动。',
  '2021釜山—东盟周期间，以线上线下相结合的方式向市民介绍东盟饮食文化。'),
 ('events.Event',
  'asean-food-show-2021',
  'body_zh_hans',
  'On&Off东盟美食秀是2021釜山—东盟周的活动之一。活动通过线上与线下相结合的方式，向市民介绍东盟国家的饮食文化，让市民通过美食进一步了解东盟。这也是釜山为扩大与东盟之间文化共识所作的努力之一。',
  'On&Off东盟美食秀是2021釜山—东盟周的活动之一。活动通过线上与线下相结合的方式，向市民介绍东盟国家的饮食文化，让市民通过美食进一步了解东盟。这也是釜山增进与东盟文化交流和相互理解的举措之一。'),
 ('events.Event',
  'busan-asean-week-2021',
  'summary_zh_hans',
  '2021年11月18日至24日在釜山各地举行的东盟文化节。',
  '2021年11月18日至24日，东盟文化节在釜山各地举行。'),
 ('events.Event',
  'international-cooperation-consulting-matching-2021',
  'summary_zh_hans',
  '以线上方式为国际合作项目提供咨询和合作伙伴对接的服务。',
  '该服务以线上方式，为国际合作项目提供咨询及合作伙伴对接。')]


def _apply(apps, changes):
    for label, slug, field, expected, value in changes:
        model = apps.get_model(*label.split("."))
        rows = model.objects.filter(slug=slug, **{field: expected})
        rows.update(**{field: value})
        if field.endswith("_ko"):
            # The untranslated column holds the Korean (default language) text too.
            base = field[: -len("_ko")]
            model.objects.filter(slug=slug, **{base: expected}).update(**{base: value})


def revise(apps, schema_editor):
    _apply(apps, CHANGES)


def restore(apps, schema_editor):
    _apply(apps, [(label, slug, field, value, expected) for label, slug, field, expected, value in CHANGES])


class Migration(migrations.Migration):
    dependencies = [
        ("programs", "0003_city_website_and_country_or_region"),
        ("events", "0002_image_renditions"),
    ]

    operations = [migrations.RunPython(revise, restore)]
