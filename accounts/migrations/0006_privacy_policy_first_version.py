"""The first version of the privacy policy (개인정보처리방침, PIPA art. 30), in Korean, English and Chinese,
published and in force from the day this migration runs, so that every deployment has one.

Staff change it in the admin by starting a new version from it. Consents given on or after that day point at
it; those given earlier stay without a policy, as there was none.
"""

from django.db import migrations
from django.utils import timezone

VERSION = "1.0"
CHANGES = {"ko": "최초 제정", "en": "First version.", "zh_hans": "首次制定。"}

BODY_EN = """Busan Metropolitan City (the “City”) processes the personal information of the members of this international exchange portal in accordance with the Personal Information Protection Act (PIPA). As Article 30 of the Act requires, this policy tells you what the City processes, why and for how long, and how you can exercise your rights.

## 1. Purposes of processing
The City processes personal information only for the purposes below and uses it for no other. Before any change of purpose it asks for your consent again (PIPA Article 18).
- Membership: signing up, identifying members, logging in, keeping accounts secure and answering enquiries.
- Exchange programs and events: recording your interest in programs and your registrations for events, managing places and waiting lists, and writing to you about them.
- Contact by phone, only with your optional consent: calling you or sending you a text message about your registrations.
- News by email, only with your optional consent: sending you news of programs and events.

## 2. Personal information processed
- Required when you sign up: email address, name, preferred language and password (stored only in irreversibly encrypted form).
- Required when you take part: the interest and registrations you record, and any message you write with them.
- Optional: phone number, with the consent for it.
- Created automatically: the dates you signed up and last logged in; the IP address and browser of a change to your account, shown in the notice we email you; the cookies described in section 9.
The City collects this information only through the sign-up form, the member pages and the registration forms of this site.

## 3. How long the information is kept
- Membership information: until you delete your account.
- Phone number: until you withdraw the consent for it or delete your account.
- Registrations: when you delete your account, they are kept without your name, email address or messages, for statistics only.
- Records that another law requires the City to keep: for the period that law sets.

## 4. Destruction
When the retention period ends or the purpose has been achieved, the City destroys the information without delay, within five days. Electronic files are deleted so that they cannot be recovered; printed records are shredded or incinerated. When you delete your account on the site, your personal information is deleted at once.

## 5. Provision to third parties
The City does not provide members' personal information to third parties, except where PIPA allows it (Articles 17 and 18): with your separate consent, or where a law specifically requires it.

## 6. Entrusting processing
The City does not entrust the processing of members' personal information to other organisations. If it does so in the future, it will name the processor and the work entrusted here, and supervise the processor as PIPA Article 26 requires.

## 7. Your rights and how to exercise them
You may at any time ask to see, correct or delete your personal information, ask the City to stop processing it, and withdraw your consent (PIPA Articles 35 to 37).
- On this site: the Profile page corrects your name, preferred language and phone number; the Consents page withdraws or gives again each optional consent; “Download my data” gives you a copy of everything the portal holds about you; “Delete my account” deletes your account.
- In writing, by phone or by email, to the privacy officer (section 10). Your legal representative, or a person you authorise with a power of attorney, may do so for you.
The City answers within 10 days. Where a law requires the information to be kept, or a request could harm another person's life, body or property, the City may refuse it in part and tells you why.
The personal information of a child under 14 is processed only with the consent of the child's legal representative.

## 8. Measures to keep personal information safe
- Administrative: an internal management plan, regular training of the staff who process personal information, and access limited to the staff who need it.
- Technical: passwords stored only in irreversibly encrypted form, encrypted connections (HTTPS), access control, records of access to personal information, and security updates.
- Physical: servers and records kept in rooms with controlled access.

## 9. Cookies
The site stores small files (cookies) in your browser to keep you logged in, to protect its forms against forged requests, and to remember the language and text size you chose. It uses no cookies for advertising or tracking. You can refuse cookies in your browser's settings; you then cannot log in, but you can still read every page.

## 10. Privacy officer
- Privacy officer: Director of the International Relations Division, Busan Metropolitan City
- Address: 1001 Jungang-daero, Yeonje-gu, Busan 47545, Republic of Korea
- Phone: +82-51-120 (Busan call centre)
The requests described in section 7 can also be made to this division.

## 11. Remedies
If you believe your rights have been infringed, you can ask these bodies for advice or for mediation of a dispute:
- Personal Information Infringement Report Center (Korea Internet & Security Agency): 118, https://privacy.kisa.or.kr
- Personal Information Dispute Mediation Committee: 1833-6972, https://www.kopico.go.kr
- Cyber Investigation Division, Supreme Prosecutors' Office: 1301, https://www.spo.go.kr
- Cyber Bureau, Korean National Police Agency: 182, https://ecrm.police.go.kr

## 12. Changes to this policy
This version is in force from the date shown at the top of the page. The City announces a change on this page at least 7 days before it takes effect, and at least 30 days before when it significantly affects your rights. Every earlier version can be read below."""

BODY_KO = """부산광역시(이하 “시”라 합니다)는 「개인정보 보호법」에 따라 국제교류 포털 회원의 개인정보를 처리합니다. 같은 법 제30조에 따라 시가 어떤 개인정보를 어떤 목적으로 얼마 동안 처리하는지와 정보주체가 권리를 행사하는 방법을 다음과 같이 알려 드립니다.

## 1. 개인정보의 처리 목적
시는 다음 목적으로만 개인정보를 처리하며 다른 목적으로는 이용하지 않습니다. 이용 목적이 바뀌는 경우에는 「개인정보 보호법」 제18조에 따라 별도의 동의를 받습니다.
- 회원 관리: 회원가입, 본인 식별, 로그인, 계정 보안 유지, 문의 응대
- 교류사업·행사 운영: 교류사업 관심 등록과 행사 참가 신청 기록, 정원·대기자 명단 관리, 관련 안내
- 전화 연락(선택 동의 시에만): 참가 신청 관련 전화 또는 문자 안내
- 소식 안내(선택 동의 시에만): 교류사업·행사 소식 이메일 발송

## 2. 처리하는 개인정보 항목
- 회원가입 시 필수: 이메일 주소, 이름, 선호 언어, 비밀번호(복호화할 수 없도록 일방향 암호화하여 저장)
- 참여 시 필수: 회원이 등록한 관심 등록·참가 신청 내역과 함께 남긴 메시지
- 선택: 전화번호(해당 동의 시)
- 자동 생성 정보: 가입 일시, 최종 로그인 일시, 계정 변경 안내 메일에 표시하는 IP 주소와 브라우저 정보, 제9조의 쿠키
시는 이 누리집의 회원가입 화면, 회원 화면, 참가 신청 화면을 통해서만 개인정보를 수집합니다.

## 3. 개인정보의 처리 및 보유 기간
- 회원 정보: 회원 탈퇴(계정 삭제) 시까지
- 전화번호: 해당 동의를 철회하거나 회원 탈퇴 시까지
- 참가 신청 내역: 회원 탈퇴 시 이름·이메일 주소·메시지를 삭제하여 개인을 알아볼 수 없게 한 뒤 통계 목적으로만 보관
- 다른 법령에서 보존하도록 정한 기록: 해당 법령이 정한 기간

## 4. 개인정보의 파기 절차 및 방법
시는 보유 기간이 끝나거나 처리 목적을 달성한 개인정보를 지체 없이(5일 이내) 파기합니다. 전자적 파일은 복구할 수 없는 방법으로 삭제하고, 종이 문서는 분쇄하거나 소각합니다. 회원이 누리집에서 계정을 삭제하면 개인정보는 즉시 삭제됩니다.

## 5. 개인정보의 제3자 제공
시는 회원의 개인정보를 제3자에게 제공하지 않습니다. 다만 정보주체가 별도로 동의한 경우, 법률에 특별한 규정이 있는 경우 등 「개인정보 보호법」 제17조와 제18조가 허용하는 경우는 예외로 합니다.

## 6. 개인정보 처리의 위탁
시는 회원의 개인정보 처리 업무를 외부에 위탁하지 않습니다. 앞으로 위탁하는 경우에는 수탁자와 위탁 업무의 내용을 이 방침에 공개하고, 「개인정보 보호법」 제26조에 따라 수탁자를 관리·감독하겠습니다.

## 7. 정보주체의 권리·의무 및 행사 방법
정보주체는 언제든지 자신의 개인정보에 대한 열람, 정정·삭제, 처리정지를 요구하고 동의를 철회할 수 있습니다(「개인정보 보호법」 제35조부터 제37조까지).
- 누리집에서: 회원정보 화면에서 이름·선호 언어·전화번호를 고칠 수 있고, 동의 관리 화면에서 선택 동의를 철회하거나 다시 할 수 있습니다. ‘내 정보 내려받기’로 포털이 보유한 모든 정보의 사본을 받고, ‘회원 탈퇴’로 계정을 삭제할 수 있습니다.
- 서면·전화·이메일로: 제10조의 개인정보 보호책임자에게 요구할 수 있습니다. 법정대리인이나 위임을 받은 사람도 위임장을 갖추어 요구할 수 있습니다.
시는 요구를 받은 날부터 10일 이내에 처리 결과를 알려 드립니다. 법령에 따라 보존해야 하거나 다른 사람의 생명·신체·재산을 해칠 우려가 있는 경우에는 요구의 일부를 거절할 수 있으며, 그 사유를 알려 드립니다.
만 14세 미만 아동의 개인정보는 법정대리인의 동의를 받아 처리합니다.

## 8. 개인정보의 안전성 확보 조치
- 관리적 조치: 내부관리계획 수립·시행, 개인정보취급자 정기 교육, 업무상 필요한 직원으로 접근 권한 제한
- 기술적 조치: 비밀번호 일방향 암호화 저장, 암호화 통신(HTTPS), 접근 통제, 개인정보 접속기록 보관, 보안 업데이트
- 물리적 조치: 출입이 통제되는 장소에 서버와 자료 보관

## 9. 개인정보 자동 수집 장치(쿠키)의 설치·운영 및 거부
이 누리집은 로그인 상태 유지, 위조 요청으로부터 입력 양식 보호, 선택한 언어와 글자 크기 기억을 위해 브라우저에 쿠키를 저장합니다. 광고나 행태 추적을 위한 쿠키는 사용하지 않습니다. 브라우저 설정에서 쿠키 저장을 거부할 수 있으며, 이 경우 로그인은 할 수 없지만 모든 화면은 그대로 보실 수 있습니다.

## 10. 개인정보 보호책임자
- 개인정보 보호책임자: 부산광역시 국제협력과장
- 주소: (47545) 부산광역시 연제구 중앙대로 1001
- 전화: 051-120(부산민원120)
제7조의 요구는 이 부서에 하실 수도 있습니다.

## 11. 권익침해 구제 방법
개인정보 침해에 대한 상담이나 분쟁 해결이 필요하시면 다음 기관에 문의하실 수 있습니다.
- 개인정보침해 신고센터(한국인터넷진흥원): 국번 없이 118, https://privacy.kisa.or.kr
- 개인정보 분쟁조정위원회: 1833-6972, https://www.kopico.go.kr
- 대검찰청 사이버수사과: 국번 없이 1301, https://www.spo.go.kr
- 경찰청 사이버수사국: 국번 없이 182, https://ecrm.police.go.kr

## 12. 개인정보 처리방침의 변경
이 방침은 이 화면 위쪽에 적힌 시행일부터 적용됩니다. 시는 방침을 바꿀 때 시행 7일 전부터(정보주체의 권리에 중요한 변경은 30일 전부터) 이 화면에 알립니다. 이전 방침은 아래에서 모두 보실 수 있습니다."""

BODY_ZH_HANS = """釜山广域市（以下简称“本市”）依照韩国《个人信息保护法》处理本国际交流门户网站会员的个人信息。根据该法第三十条，现将本市处理哪些个人信息、处理目的和保存期限，以及您行使权利的方式公布如下。

## 一、个人信息的处理目的
本市仅为以下目的处理个人信息，不用于其他目的。处理目的发生变化的，本市将依照《个人信息保护法》第十八条另行征得您的同意。
- 会员管理：注册、身份识别、登录、保障账户安全、答复咨询。
- 交流项目及活动的运营：记录您登记的项目意向和活动报名，管理名额和候补名单，并就相关事项与您联系。
- 电话联系（仅在您同意相应可选事项时）：就报名事宜致电或发送短信。
- 资讯推送（仅在您同意相应可选事项时）：通过电子邮件发送交流项目及活动资讯。

## 二、处理的个人信息
- 注册时必填：电子邮箱地址、姓名、首选语言、密码（以不可逆方式加密保存）。
- 参与时必填：您登记的意向、报名记录及随附留言。
- 可选：电话号码（同意相应事项时）。
- 自动生成：注册时间、最近登录时间，账户变更通知邮件中显示的IP地址和浏览器信息，以及第九条所述Cookie。
本市仅通过本网站的注册页面、会员页面和报名页面收集个人信息。

## 三、保存期限
- 会员信息：保存至您注销账户为止。
- 电话号码：保存至您撤回相应同意或注销账户为止。
- 报名记录：注销账户时删除姓名、电子邮箱地址和留言，使其无法识别个人后，仅用于统计。
- 其他法律规定须保存的记录：按该法律规定的期限保存。

## 四、销毁程序及方法
保存期限届满或处理目的已经实现的，本市将在五日内销毁相关个人信息。电子文件以无法恢复的方式删除，纸质文件予以粉碎或焚毁。您在网站上注销账户时，个人信息即时删除。

## 五、向第三方提供
本市不向第三方提供会员的个人信息。但经您另行同意，或法律另有规定等《个人信息保护法》第十七条、第十八条允许的情形除外。

## 六、委托处理
本市不委托其他机构处理会员的个人信息。今后如需委托，本市将在本政策中公布受托方及委托事项，并依照《个人信息保护法》第二十六条对受托方进行管理和监督。

## 七、信息主体的权利及行使方式
您可以随时要求查阅、更正、删除您的个人信息，要求停止处理，或撤回同意（《个人信息保护法》第三十五条至第三十七条）。
- 在本网站：在“个人资料”页面更正姓名、首选语言和电话号码；在“同意管理”页面撤回或重新作出各项可选同意；通过“下载我的数据”获取门户网站保存的您的全部信息；通过“注销账户”删除账户。
- 通过书面、电话或电子邮件：向第十条所列个人信息保护负责人提出。法定代理人或受您委托的人凭授权委托书也可代为提出。
本市将在收到要求之日起十日内告知处理结果。依照法律须保存，或可能损害他人生命、身体、财产的，本市可部分拒绝，并告知理由。
未满十四周岁儿童的个人信息，须经其法定代理人同意后方可处理。

## 八、个人信息安全保障措施
- 管理措施：制定并实施内部管理计划，定期培训个人信息处理人员，仅向工作确有需要的人员开放访问权限。
- 技术措施：密码以不可逆方式加密保存，采用加密传输（HTTPS），实施访问控制，保存个人信息访问记录，及时进行安全更新。
- 物理措施：服务器和资料存放于实行出入管理的场所。

## 九、Cookie的设置、使用及拒绝
本网站在您的浏览器中保存Cookie，用于保持登录状态、防止表单被伪造提交，以及记住您选择的语言和字号。本网站不使用广告或行为追踪类Cookie。您可以在浏览器设置中拒绝Cookie，届时将无法登录，但仍可浏览所有页面。

## 十、个人信息保护负责人
- 个人信息保护负责人：釜山广域市国际合作科科长
- 地址：韩国釜山广域市莲堤区中央大路1001号（邮编47545）
- 电话：+82-51-120（釜山民愿热线120）
第七条所述各项要求，也可向该部门提出。

## 十一、权益受损的救济途径
如认为个人信息权益受到侵害，可向以下机构申请咨询或纠纷调解：
- 个人信息侵害举报中心（韩国互联网振兴院）：118，https://privacy.kisa.or.kr
- 个人信息纠纷调解委员会：1833-6972，https://www.kopico.go.kr
- 大检察厅网络犯罪调查科：1301，https://www.spo.go.kr
- 警察厅网络调查局：182，https://ecrm.police.go.kr

## 十二、本政策的变更
本政策自页面上方所示的施行日期起适用。本市变更本政策时，将在施行七日前（对信息主体权利有重大影响的，在三十日前）于本页面公告。历次版本均可在下方查阅。"""


def publish_first_version(apps, schema_editor):
    PrivacyPolicy = apps.get_model("accounts", "PrivacyPolicy")
    Consent = apps.get_model("accounts", "Consent")
    if PrivacyPolicy.objects.exists():
        return
    now = timezone.now()
    policy = PrivacyPolicy.objects.create(
        version=VERSION,
        effective_on=timezone.localdate(now),
        status="published",
        published_at=now,
        body=BODY_KO,
        body_ko=BODY_KO,
        body_en=BODY_EN,
        body_zh_hans=BODY_ZH_HANS,
        changes=CHANGES["ko"],
        changes_ko=CHANGES["ko"],
        changes_en=CHANGES["en"],
        changes_zh_hans=CHANGES["zh_hans"],
    )
    for consent in Consent.objects.filter(policy__isnull=True):
        if timezone.localdate(consent.given_at) >= policy.effective_on:
            consent.policy = policy
            consent.save(update_fields=["policy"])


def unpublish(apps, schema_editor):
    PrivacyPolicy = apps.get_model("accounts", "PrivacyPolicy")
    Consent = apps.get_model("accounts", "Consent")
    Consent.objects.filter(policy__version=VERSION).update(policy=None)
    PrivacyPolicy.objects.filter(version=VERSION).delete()


class Migration(migrations.Migration):
    dependencies = [("accounts", "0005_separate_optional_consents")]

    operations = [migrations.RunPython(publish_first_version, unpublish)]
