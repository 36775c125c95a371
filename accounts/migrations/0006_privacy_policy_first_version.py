"""The first version of the privacy policy (개인정보처리방침, PIPA art. 30), in Korean, English and Chinese,
published and in force from the day this migration runs, so that every deployment has one.

Staff change it in the admin by starting a new version from it. Consents given on or after that day point at
it; those given earlier stay without a policy, as there was none.
"""

from django.db import migrations
from django.utils import timezone

VERSION = "1.0"
CHANGES = {"ko": "최초 제정", "en": "First version.", "zh_hans": "首次制定。"}

BODY_EN = """Busan Metropolitan City (the “City”) processes personal information through this international exchange portal in accordance with the Personal Information Protection Act (PIPA): that of its members, of the children their guardians apply for, of the contact persons of organisations that ask for cooperation and of partner organisations abroad, and of the guests of delegations visiting Busan. As Article 30 of the Act requires, this policy tells you what the City processes, why and for how long, and how you can exercise your rights.

## 1. Purposes of processing
The City processes personal information only for the purposes below and uses it for no other. Before any change of purpose it asks for your consent again (PIPA Article 18).
- Membership: signing up, identifying members, logging in, keeping accounts secure and answering enquiries.
- Exchange programs and events: recording your interest in programs and your registrations for events, managing places and waiting lists, and writing to you about them.
- Calls for applications: checking that the applicant (you, or a child you are the guardian of) meets the call's conditions, running the selection (by the office, first come first served, or by lottery), offering places, managing the waiting list, and writing to you at each step.
- Homestays, only with the separate consent for hosting: reviewing your offer to host, placing guests of incoming delegations with your household and contacting you about them; for the guests, finding each one a suitable host family.
- Cooperation consulting & matching: consulting with your organisation, looking for partner organisations abroad to propose to you, introducing you to the partners you are matched with (only with your separate consent to give them your contact details, section 5), and telling you how your request is progressing; keeping a directory of partner organisations abroad and their contacts.
- Keeping personal information safe: recording who viewed, exported or changed it (the access record), and slowing down attempts to guess passwords.
- Contact by phone, only with your optional consent: calling you or sending you a text message about your registrations.
- News by email, only with your optional consent: sending you news of programs and events.

## 2. Personal information processed
- Required when you sign up: email address, name, preferred language and password (stored only in irreversibly encrypted form).
- Required when you take part: the interest and registrations you record, and any message you write with them.
- Optional: phone number, with the consent for it.
- Required to apply to a call for applications: the applicant's name, date of birth, school, school level, district of residence and whether the school is in Busan, for you or for a child you are the guardian of; your answers to the call's questions, including the files you upload (PDF, JPEG or PNG); the application's state and its history (each change, when, and whether it was made by you, by the staff or by the system). For a child under 14, the consent you give as the child's legal guardian: which version of the text, in which language, when, and by which member.
- Required to offer to host, under the separate homestay consent: the number of adults and children in your household, district, beds for guests, languages spoken at home, pets, whether someone smokes at home, dietary needs you can meet, the guests you can take in, the dates you are available, your introduction and phone number; the office's review of your offer and the guests placed with you; your homestay consent (version, language, when given and when withdrawn).
- Guests of incoming delegations, who are not members (entered by the City's staff from the delegation's guest list): first name and family name, age, gender, languages, allergies (to animals included), dietary needs, other needs, and the host family and dates of their stay.
- Required to request cooperation consulting & matching: your organisation's name, type, field of activity, size and website; the contact person's name, position, email address and phone number; preferred consultation times and manner (online or in person); the details of the request; its language; the version and time of each of your two consents (to the collection and use of the contact details, and to their provision to the partner organisations abroad you are matched with); the record of consultations and of the partners proposed.
- Partner organisations abroad, in the directory the City's staff keep: the contact person's name, email address and phone number, seen by staff only.
- Created automatically: the dates you signed up and last logged in; the IP address and browser of a change to your account, shown in the notice we email you; the access record (section 8); counts of failed logins per account and per IP address, stored only as one-way hashes, never as the email address or IP address itself; the emails the site sends; the cookies described in section 9.
The City collects this information only through the forms and member pages of this site, except the guests' details, which the City's staff enter from the delegation's guest list, and the contacts of partner organisations abroad, which they enter in the directory.

## 3. How long the information is kept
- Membership information: until you delete your account.
- Phone number: until you withdraw the consent for it or delete your account.
- Registrations: when you delete your account, they are kept without your name, email address or messages, for statistics only.
- Applicants' details: until you delete them (not possible while one of their applications is in progress) or your account.
- Answers to a call's questions, uploaded files included: deleted one year after the call's trip ends, or earlier when you delete the applicant's details or your account. A selection can be challenged for up to a year after the decision (an administrative appeal within 180 days, a lawsuit within a year), and the decision comes before the trip; the office also reports on each exchange after it ends. A year after the trip covers both. The application then stays on your page without answers or files, with its state and history, and says when they were deleted; drafts never submitted are deleted at the same time.
- When you delete an applicant's details or your account: submitted applications are kept without name, answers or files, with only the age, school level, district of residence and school in Busan recorded when they were submitted and their state history, for statistics only; drafts are deleted.
- Offer to host: until you withdraw the homestay consent or delete your account; the offer is then deleted at once. The record of your homestay consents is kept until you delete your account.
- Guests' details: deleted one year after their delegation leaves Busan.
- Cooperation requests: the contact person's name, position, email address and phone number and the preferred consultation times are erased three years after the request is matched or closed, or at once when you delete your account (a request still in progress is then closed). The organisation's part of the request is kept for statistics.
- Contacts of partner organisations abroad: until staff remove them from the directory.
- Access record: two years, then deleted. When a member deletes their account, the IP addresses of their own actions are erased from it.
- Failed-login counts: each count goes down by one every hour (every three minutes for an IP address) and expires when it reaches zero; a successful login or a password reset deletes the account's count at once.
- Emails the site sends: kept in the portal's database until delivered, and deleted 30 days after delivery. An email that could not be delivered, to a member or to anyone else, is deleted 30 days after the last attempt to deliver it; until then staff may send it again. When you delete your account, every email to your addresses is deleted.
- Records that another law requires the City to keep: for the period that law sets.

## 4. Destruction
When the retention period ends or the purpose has been achieved, the City destroys the information without delay, within five days. Electronic files are deleted so that they cannot be recovered; printed records are shredded or incinerated. Jobs that run automatically every day delete what has reached the end of its period in section 3. When you delete your account on the site, your personal information, uploaded files included, is deleted at once; only the records for statistics described in section 3 stay, and the access record keeps what was done under your member number, without your IP addresses, until its two years are over.

## 5. Provision to third parties
The City does not provide personal information to third parties, except as described below and where PIPA allows it (Articles 17 and 18): with the data subject's separate consent, or where a law specifically requires it.
- Host families: so that they can receive a guest placed with them, the City tells them the guest's first name, age, languages and dietary needs, the delegation's city and the dates of the stay. They read these on their member pages; the emails they receive name only the guest's first name, the city and the dates. The guest's family name, gender, allergies and other needs are not shown to them.
- Partner organisations abroad: when a cooperation request is matched with the partners the requester chose among those the consultant proposed (each shown on the request page, with its country and any website, before any introduction), the consultant introduces the organisation and each of those partners to each other by email. The City then gives those partners, in the countries where they are, the organisation's name and the contact person's name, position, email address and phone number, and nothing else from the request, so that they can contact the organisation about the cooperation; they keep these until the cooperation ends or the organisation asks them to delete them. The City does so only with the separate consent the member gives on the request form, after reading these facts and the right to refuse (PIPA Articles 17(2) and 28-8(2)). Without that consent a consulting & matching request is not taken online (consulting alone, without introductions, can be asked for by phone), and a request made before the consent was asked for is never matched. Withdrawing a request in progress stops any introduction.

## 6. Entrusting processing
The City does not entrust the processing of personal information to other organisations. The emails the site sends are delivered through the City's own mail server; if an external mail delivery service is used, it will be named here. If the City entrusts other work in the future, it will likewise name the processor and the work entrusted here, and supervise the processor as PIPA Article 26 requires.

## 7. Your rights and how to exercise them
You may at any time ask to see, correct or delete your personal information, ask the City to stop processing it, and withdraw your consent (PIPA Articles 35 to 37).
- On this site: the Profile page corrects your name, preferred language and phone number; the Consents page withdraws or gives again each optional consent; the Applicants page corrects or deletes your own details and your children's; the Homestay host page changes your offer or withdraws the homestay consent, which deletes the offer; the Cooperation requests page shows the consents you gave for each request and withdraws a request in progress, which stops any introduction to partners abroad.
- “Download my data” gives you a copy of your account, consents, registrations, applicants (you and your children) and applications, offer to host and cooperation requests; “Delete my account” deletes your account.
- In writing, by phone or by email, to the privacy officer (section 10). Your legal representative, or a person you authorise with a power of attorney, may do so for you. Guests of incoming delegations and contacts of partner organisations, who have no account, exercise their rights this way.
The City answers within 10 days. Where a law requires the information to be kept, or a request could harm another person's life, body or property, the City may refuse it in part and tells you why.
The personal information of a child under 14 is processed only with the consent of the child's legal representative, which the site records; the guardian exercises the child's rights.

## 8. Measures to keep personal information safe
- Administrative: an internal management plan, regular training of the staff who process personal information, and access limited to the staff who need it. The applicants of a call for applications and the files they upload are seen only by the member who applied (the guardian, for a child), the staff who manage that call and the portal's system administrators.
- Technical: passwords stored only in irreversibly encrypted form, encrypted connections (HTTPS), access control, and security updates; an access record of who viewed, exported or changed personal data, when and from which IP address, kept for two years; waits that grow after each failed login; uploaded files checked to be real PDF, JPEG or PNG files and stored outside the public web folder, with no web address of their own.
- Physical: servers and records kept in rooms with controlled access.

## 9. Cookies
The site stores these small files (cookies) in your browser:
- to keep you logged in: for two weeks, or until you close the browser if you untick “Stay logged in”;
- to protect its forms against forged requests: one year;
- to remember the language and text size you chose: one year;
- after you log in, a signed login device cookie (login_device): one year from your last login in that browser. It holds a random number and, for each account logged in from that browser, a code that cannot be turned back into the email address. With it, your own browser can still log in when someone else's failed attempts at your account make everyone else wait.
It uses no cookies for advertising or tracking. You can refuse cookies in your browser's settings; you then cannot log in, but you can still read every page.

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

BODY_KO = """부산광역시(이하 “시”라 합니다)는 「개인정보 보호법」에 따라 국제교류 포털을 통하여 회원, 보호자가 신청하는 자녀, 국제협력을 신청하는 기관과 해외 파트너 기관의 담당자, 부산 방문단 방문객의 개인정보를 처리합니다. 같은 법 제30조에 따라 시가 어떤 개인정보를 어떤 목적으로 얼마 동안 처리하는지와 정보주체가 권리를 행사하는 방법을 다음과 같이 알려 드립니다.

## 1. 개인정보의 처리 목적
시는 다음 목적으로만 개인정보를 처리하며 다른 목적으로는 이용하지 않습니다. 이용 목적이 바뀌는 경우에는 「개인정보 보호법」 제18조에 따라 별도의 동의를 받습니다.
- 회원 관리: 회원가입, 본인 식별, 로그인, 계정 보안 유지, 문의 응대
- 교류사업·행사 운영: 교류사업 관심 등록과 행사 참가 신청 기록, 정원·대기자 명단 관리, 관련 안내
- 모집 공고 운영: 신청자(회원 본인 또는 회원이 보호자인 자녀)의 신청 자격 확인, 선발(담당 부서 선발·선착순·추첨), 선발 통보, 대기자 명단 관리, 단계별 안내
- 홈스테이 운영(별도의 홈스테이 동의 시에만): 호스트 신청 검토, 부산 방문단 방문객의 호스트 가정 배정과 관련 연락, 방문객마다 알맞은 호스트 가정 찾기
- 국제협력 컨설팅 및 매칭: 기관 상담, 제안할 해외 파트너 기관 탐색, 매칭된 파트너 기관에 신청 기관 소개(담당자 정보 제공에 별도로 동의한 경우에만, 제5조), 신청 진행 상황 안내, 해외 파트너 기관과 그 담당자 목록 관리
- 개인정보 보호: 개인정보를 열람·내려받기·변경한 기록(개인정보 접속기록) 보관, 비밀번호를 추측하려는 로그인 시도 지연
- 전화 연락(선택 동의 시에만): 참가 신청 관련 전화 또는 문자 안내
- 소식 안내(선택 동의 시에만): 교류사업·행사 소식 이메일 발송

## 2. 처리하는 개인정보 항목
- 회원가입 시 필수: 이메일 주소, 이름, 선호 언어, 비밀번호(복호화할 수 없도록 일방향 암호화하여 저장)
- 참여 시 필수: 회원이 등록한 관심 등록·참가 신청 내역과 함께 남긴 메시지
- 선택: 전화번호(해당 동의 시)
- 모집 공고 신청 시 필수: 신청자(회원 본인 또는 회원이 보호자인 자녀)의 이름, 생년월일, 학교, 학교급, 거주 구·군, 부산 소재 학교 재학 여부, 모집 공고 질문에 대한 답변과 올린 파일(PDF·이미지 파일), 신청 상태와 변경 이력(변경 내용, 일시, 신청자·담당 직원·시스템 중 누가 변경했는지). 만 14세 미만 자녀의 경우 법정대리인인 보호자의 동의 기록(동의문 버전, 언어, 동의 일시, 동의한 회원)
- 홈스테이 호스트 신청 시 필수(별도의 홈스테이 동의): 가족 구성(성인·어린이 수), 거주 구·군, 방문객용 침대 수, 가정에서 쓰는 언어, 반려동물, 가족 중 흡연자 여부, 제공할 수 있는 식단, 받을 수 있는 방문객, 가능 기간, 가정 소개, 전화번호, 호스트 신청 검토 결과와 배정된 방문객, 홈스테이 동의 기록(동의문 버전, 언어, 동의·철회 일시)
- 부산 방문단 방문객(회원이 아닌 사람으로, 시 담당 직원이 방문단 명단에서 입력): 이름과 성, 나이, 성별, 사용 언어, 알레르기(동물 알레르기 포함), 식단, 기타 필요 사항, 머무는 호스트 가정과 기간
- 국제협력 컨설팅 및 매칭 신청 시 필수: 기관명, 기관 유형, 활동 분야, 규모, 누리집 주소, 담당자의 이름·직위·이메일 주소·전화번호, 희망 상담 일시와 방식(온라인·대면), 신청 내용, 신청 언어, 두 가지 동의(담당자 정보 수집·이용 동의, 매칭되는 해외 파트너 기관에 대한 제공 동의) 각각의 동의문 버전과 동의 일시, 상담 기록과 제안된 파트너 기관
- 해외 파트너 기관(시 담당 직원이 관리하는 목록): 담당자의 이름·이메일 주소·전화번호(담당 직원만 열람)
- 자동 생성 정보: 가입 일시, 최종 로그인 일시, 계정 변경 안내 메일에 표시하는 IP 주소와 브라우저 정보, 개인정보 접속기록(제8조), 계정별·IP 주소별 로그인 실패 횟수(이메일 주소나 IP 주소 자체가 아닌 일방향 해시값으로만 저장), 누리집이 보내는 이메일, 제9조의 쿠키
시는 이 누리집의 입력 화면과 회원 화면을 통해서만 개인정보를 수집합니다. 다만 방문객의 정보는 시 담당 직원이 방문단 명단에서 입력하고, 해외 파트너 기관 담당자의 정보는 시 담당 직원이 목록에 입력합니다.

## 3. 개인정보의 처리 및 보유 기간
- 회원 정보: 회원 탈퇴(계정 삭제) 시까지
- 전화번호: 해당 동의를 철회하거나 회원 탈퇴 시까지
- 참가 신청 내역: 회원 탈퇴 시 이름·이메일 주소·메시지를 삭제하여 개인을 알아볼 수 없게 한 뒤 통계 목적으로만 보관
- 신청자 정보: 회원이 신청자 정보를 삭제하거나(진행 중인 신청이 있으면 삭제할 수 없음) 회원 탈퇴할 때까지
- 모집 공고 질문에 대한 답변(올린 파일 포함): 교류 일정이 끝난 날(귀국일)부터 1년이 지나면 삭제하며, 그 전에 신청자 정보를 삭제하거나 회원 탈퇴하면 그때 삭제. 선발 결과는 결정이 있은 날부터 1년까지 다툴 수 있고(행정심판은 180일, 행정소송은 1년 이내) 선발은 출발 전에 이루어지며, 담당 부서는 교류가 끝난 뒤 그 결과를 보고하므로 귀국일부터 1년으로 정하였습니다. 그 후 신청 기록은 답변과 파일 없이 상태와 변경 이력과 함께 회원 화면에 남고, 답변을 삭제한 날짜가 표시됩니다. 제출하지 않은 작성 중인 신청서는 이때 함께 삭제
- 신청자 정보를 삭제하거나 회원 탈퇴한 경우: 제출된 신청 기록은 이름·답변·파일 없이 제출 당시의 나이, 학교급, 거주 구·군, 부산 소재 학교 재학 여부와 상태 변경 이력만 남겨 통계 목적으로만 보관하며, 작성 중인 신청서는 삭제
- 홈스테이 호스트 신청: 홈스테이 동의를 철회하거나 회원 탈퇴 시까지(그 즉시 삭제). 홈스테이 동의 기록은 회원 탈퇴 시까지
- 방문객 정보: 방문단이 부산을 떠난 날부터 1년이 지나면 삭제
- 국제협력 신청: 담당자의 이름·직위·이메일 주소·전화번호와 희망 상담 일시는 신청의 매칭 완료 또는 종료 후 3년이 지나면 삭제하고, 회원 탈퇴 시에는 즉시 삭제(진행 중인 신청은 종료). 기관에 관한 신청 내용은 통계 목적으로 보관
- 해외 파트너 기관 담당자 정보: 담당 직원이 목록에서 삭제할 때까지
- 개인정보 접속기록: 2년간 보관한 뒤 삭제. 회원이 탈퇴하면 그 회원 본인의 행위에 기록된 IP 주소를 삭제
- 로그인 실패 횟수: 1시간마다(IP 주소별 횟수는 3분마다) 1회씩 줄어들어 0이 되면 만료. 로그인에 성공하거나 비밀번호를 재설정하면 해당 계정의 횟수는 즉시 삭제
- 누리집이 보내는 이메일: 발송될 때까지 포털 데이터베이스에 보관하고 발송 후 30일이 지나면 삭제. 발송되지 못한 이메일은 받는 사람이 회원인지와 관계없이 마지막 발송 시도 후 30일이 지나면 삭제(그 전까지 담당 직원이 다시 보낼 수 있음). 회원 탈퇴 시 회원의 이메일 주소로 보낸 모든 이메일 삭제
- 다른 법령에서 보존하도록 정한 기록: 해당 법령이 정한 기간

## 4. 개인정보의 파기 절차 및 방법
시는 보유 기간이 끝나거나 처리 목적을 달성한 개인정보를 지체 없이(5일 이내) 파기합니다. 전자적 파일은 복구할 수 없는 방법으로 삭제하고, 종이 문서는 분쇄하거나 소각합니다. 제3조의 보유 기간이 끝난 정보는 매일 자동으로 실행되는 작업이 삭제합니다. 회원이 누리집에서 계정을 삭제하면 올린 파일을 포함한 개인정보는 즉시 삭제됩니다. 다만 제3조의 통계용 기록은 남고, 개인정보 접속기록에는 회원의 행위가 IP 주소 없이 회원 번호로 남아 있다가 2년이 지나면 삭제됩니다.

## 5. 개인정보의 제3자 제공
시는 개인정보를 제3자에게 제공하지 않습니다. 다만 다음의 경우와, 정보주체가 별도로 동의한 경우, 법률에 특별한 규정이 있는 경우 등 「개인정보 보호법」 제17조와 제18조가 허용하는 경우는 예외로 합니다.
- 호스트 가정: 배정된 방문객을 맞이할 수 있도록 방문객의 이름(성 제외), 나이, 사용 언어, 식단, 방문단의 도시와 머무는 기간을 알립니다. 호스트 가정은 이 정보를 회원 화면에서 보며, 호스트 가정에 보내는 이메일에는 방문객의 이름(성 제외), 도시, 기간만 적습니다. 방문객의 성, 성별, 알레르기, 기타 필요 사항은 호스트 가정에 보여 주지 않습니다.
- 해외 파트너 기관: 담당 컨설턴트가 제안한 파트너 기관(소개 전에 국가와 누리집 주소(있는 경우)를 신청 화면에 표시) 중 신청 기관이 선택한 기관과 국제협력 신청이 매칭되면, 담당 컨설턴트가 이메일로 신청 기관과 각 파트너 기관을 서로 소개합니다. 이때 시는 그 파트너 기관에, 그 기관이 있는 국가로, 신청 기관명과 담당자의 이름·직위·이메일 주소·전화번호를 제공하며 그 밖의 신청 내용은 제공하지 않습니다. 파트너 기관은 이 정보를 협력에 관하여 신청 기관에 연락하는 데 이용하고, 협력이 끝나거나 신청 기관이 삭제를 요청할 때까지 보유합니다. 시는 신청한 회원이 신청서에서 이러한 사항과 동의를 거부할 권리를 확인하고 별도로 동의한 경우에만 제공합니다(「개인정보 보호법」 제17조제2항, 제28조의8제2항). 이 동의가 없으면 컨설팅 및 매칭 신청을 온라인으로 접수하지 않으며(소개 없는 컨설팅은 전화로 신청할 수 있습니다), 이 동의를 받기 전에 접수된 신청은 매칭하지 않습니다. 진행 중인 신청을 철회하면 그 뒤로는 소개하지 않습니다.

## 6. 개인정보 처리의 위탁
시는 개인정보 처리 업무를 외부에 위탁하지 않습니다. 누리집이 보내는 이메일은 시가 운영하는 메일 서버로 발송하며, 외부 이메일 발송 서비스를 이용하는 경우에는 그 수탁자를 이 방침에 공개합니다. 앞으로 다른 업무를 위탁하는 경우에도 수탁자와 위탁 업무의 내용을 이 방침에 공개하고, 「개인정보 보호법」 제26조에 따라 수탁자를 관리·감독하겠습니다.

## 7. 정보주체의 권리·의무 및 행사 방법
정보주체는 언제든지 자신의 개인정보에 대한 열람, 정정·삭제, 처리정지를 요구하고 동의를 철회할 수 있습니다(「개인정보 보호법」 제35조부터 제37조까지).
- 누리집에서: 회원정보 화면에서 이름·선호 언어·전화번호를 고칠 수 있고, 동의 관리 화면에서 선택 동의를 철회하거나 다시 할 수 있습니다. 신청자 화면에서 본인과 자녀의 정보를 고치거나 삭제할 수 있고, 홈스테이 호스트 가정 화면에서 호스트 신청을 고치거나 홈스테이 동의를 철회(호스트 신청 삭제)할 수 있으며, 국제협력 신청 화면에서 신청마다 한 동의를 확인하고 진행 중인 신청을 철회(해외 파트너 기관 소개 중단)할 수 있습니다.
- ‘내 정보 내려받기’로 계정, 동의, 참가 신청, 신청자(본인과 자녀)와 모집 공고 신청, 홈스테이 호스트 신청, 국제협력 신청 정보의 사본을 받고, ‘회원 탈퇴’로 계정을 삭제할 수 있습니다.
- 서면·전화·이메일로: 제10조의 개인정보 보호책임자에게 요구할 수 있습니다. 법정대리인이나 위임을 받은 사람도 위임장을 갖추어 요구할 수 있습니다. 계정이 없는 부산 방문단 방문객과 해외 파트너 기관 담당자도 이 방법으로 권리를 행사할 수 있습니다.
시는 요구를 받은 날부터 10일 이내에 처리 결과를 알려 드립니다. 법령에 따라 보존해야 하거나 다른 사람의 생명·신체·재산을 해칠 우려가 있는 경우에는 요구의 일부를 거절할 수 있으며, 그 사유를 알려 드립니다.
만 14세 미만 아동의 개인정보는 법정대리인의 동의를 받아 처리하며, 누리집은 그 동의를 기록합니다. 자녀의 권리는 보호자가 행사할 수 있습니다.

## 8. 개인정보의 안전성 확보 조치
- 관리적 조치: 내부관리계획 수립·시행, 개인정보취급자 정기 교육, 업무상 필요한 직원으로 접근 권한 제한. 모집 공고의 신청자 정보와 올린 파일은 신청한 회원(자녀의 경우 보호자), 해당 모집 공고를 담당하는 직원, 포털 시스템 관리자만 볼 수 있습니다.
- 기술적 조치: 비밀번호 일방향 암호화 저장, 암호화 통신(HTTPS), 접근 통제, 보안 업데이트, 누가 언제 어느 IP 주소에서 개인정보를 열람·내려받기·변경했는지 기록한 개인정보 접속기록 2년 보관, 로그인 실패 시마다 길어지는 대기 시간, 올린 파일이 실제 PDF·이미지 파일인지 확인하고 공개 웹 폴더 밖에 인터넷 주소 없이 보관
- 물리적 조치: 출입이 통제되는 장소에 서버와 자료 보관

## 9. 개인정보 자동 수집 장치(쿠키)의 설치·운영 및 거부
이 누리집은 다음 목적으로 브라우저에 쿠키를 저장합니다.
- 로그인 상태 유지: 2주(‘로그인 상태 유지’를 선택하지 않으면 브라우저를 닫을 때까지)
- 위조 요청으로부터 입력 양식 보호: 1년
- 선택한 언어와 글자 크기 기억: 1년
- 로그인 기기 쿠키: 로그인에 성공하면 저장하는 서명된 쿠키로, 그 브라우저에서 마지막으로 로그인한 때부터 1년간 보관합니다. 무작위 번호와, 그 브라우저에서 로그인한 계정마다 이메일 주소로 되돌릴 수 없는 변환값만 담습니다. 이 쿠키가 있으면 다른 사람의 로그인 실패로 계정에 대기 시간이 생겨도 회원 본인의 브라우저에서는 로그인할 수 있습니다.
광고나 행태 추적을 위한 쿠키는 사용하지 않습니다. 브라우저 설정에서 쿠키 저장을 거부할 수 있으며, 이 경우 로그인은 할 수 없지만 모든 화면은 그대로 보실 수 있습니다.

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

BODY_ZH_HANS = """釜山广域市（以下简称“本市”）依照韩国《个人信息保护法》，通过本国际交流门户网站处理会员、由监护人代为申请的子女、申请国际合作的机构及海外合作伙伴机构的联系人，以及来访代表团客人的个人信息。根据该法第三十条，现将本市处理哪些个人信息、处理目的和保存期限，以及您行使权利的方式公布如下。

## 一、个人信息的处理目的
本市仅为以下目的处理个人信息，不用于其他目的。处理目的发生变化的，本市将依照《个人信息保护法》第十八条另行征得您的同意。
- 会员管理：注册、身份识别、登录、保障账户安全、答复咨询。
- 交流项目及活动的运营：记录您登记的项目意向和活动报名，管理名额和候补名单，并就相关事项与您联系。
- 招募公告的运营：核对申请人（您本人或您作为监护人的子女）是否符合申请条件，开展选拔（由主管部门选拔、先到先得或抽签），发出录取通知，管理候补名单，并在各个环节与您联系。
- 寄宿家庭（仅在您另行作出寄宿家庭同意时）：审核您接待客人的申请，为您的家庭安排来访代表团的客人并就此与您联系；为每位客人寻找合适的寄宿家庭。
- 国际合作咨询与对接：为您的机构提供咨询，寻找可向您推荐的海外合作伙伴机构，向与您对接的合作伙伴机构引荐您的机构（仅在您另行同意向其提供联系人信息时，见第五条），并告知申请进展；维护海外合作伙伴机构及其联系人名录。
- 个人信息安全保护：记录谁查阅、导出或变更了个人信息（个人信息访问记录），并延缓猜测密码的登录尝试。
- 电话联系（仅在您同意相应可选事项时）：就报名事宜致电或发送短信。
- 资讯推送（仅在您同意相应可选事项时）：通过电子邮件发送交流项目及活动资讯。

## 二、处理的个人信息
- 注册时必填：电子邮箱地址、姓名、首选语言、密码（以不可逆方式加密保存）。
- 参与时必填：您登记的意向、报名记录及随附留言。
- 可选：电话号码（同意相应事项时）。
- 申请招募公告时必填：申请人（您本人或您作为监护人的子女）的姓名、出生日期、学校、学段、居住区（郡）、是否在釜山的学校就读；对招募公告所列问题的回答及上传的文件（PDF文件或图片文件）；申请状态及其变更记录（变更内容、时间，以及由申请人、工作人员还是系统变更）。为未满十四周岁的子女申请时，还包括您作为其法定代理人（监护人）作出的同意的记录：同意书版本、语言、同意时间及作出同意的会员。
- 申请成为寄宿家庭时必填（须另行作出寄宿家庭同意）：家庭中的成人和儿童人数、居住区（郡）、客用床位数、家中使用的语言、家中宠物、家中是否有人吸烟、可满足的饮食要求、可接待的客人、可接待日期、家庭介绍、电话号码；本市对申请的审核结果及安排给您的客人；寄宿家庭同意记录（同意书版本、语言、同意及撤回时间）。
- 来访代表团的客人（非会员，由本市工作人员根据代表团的客人名单录入）：名和姓、年龄、性别、语言、过敏情况（包括对动物过敏）、饮食要求、其他需求，以及入住的寄宿家庭和日期。
- 申请国际合作咨询与对接时必填：机构名称、类型、活动领域、规模、网站；联系人的姓名、职务、电子邮箱地址、电话号码；希望的咨询时间及方式（线上或面谈）；申请内容；申请语言；两项同意（收集和使用联系人信息的同意，以及向与您对接的海外合作伙伴机构提供该信息的同意）各自的同意书版本及同意时间；咨询记录及推荐的合作伙伴机构。
- 海外合作伙伴机构（由本市工作人员维护的名录）：联系人的姓名、电子邮箱地址、电话号码，仅工作人员可以查看。
- 自动生成：注册时间、最近登录时间，账户变更通知邮件中显示的IP地址和浏览器信息，个人信息访问记录（第八条），按账户和按IP地址统计的登录失败次数（仅以单向哈希值保存，不保存电子邮箱地址或IP地址本身），本网站发送的电子邮件，以及第九条所述Cookie。
本市仅通过本网站的填写页面和会员页面收集个人信息；但客人的信息由本市工作人员根据代表团的客人名单录入，海外合作伙伴机构联系人的信息由本市工作人员录入名录。

## 三、保存期限
- 会员信息：保存至您注销账户为止。
- 电话号码：保存至您撤回相应同意或注销账户为止。
- 报名记录：注销账户时删除姓名、电子邮箱地址和留言，使其无法识别个人后，仅用于统计。
- 申请人信息：保存至您删除该申请人信息（其申请正在进行时不能删除）或注销账户为止。
- 对招募公告所列问题的回答（含上传的文件）：在交流行程结束（返回日期）满一年后删除；此前您删除该申请人信息或注销账户的，随即删除。对选拔结果可在决定之日起一年内提出异议（行政复议为一百八十日内，行政诉讼为一年内），而选拔在出发前作出；主管部门也在交流结束后报告交流成果，因此定为返回日期起一年。此后，申请记录不含回答和文件，连同其状态及变更记录保留在您的会员页面上，并注明回答的删除日期；未提交的草稿同时删除。
- 您删除申请人信息或注销账户时：已提交的申请不再包含姓名、回答和文件，仅保留提交时记录的年龄、学段、居住区（郡）、是否在釜山的学校就读及状态变更记录，仅用于统计；未提交的草稿予以删除。
- 寄宿家庭申请：保存至您撤回寄宿家庭同意或注销账户为止，届时立即删除。寄宿家庭同意记录保存至您注销账户为止。
- 客人信息：代表团离开釜山满一年后删除。
- 国际合作申请：联系人的姓名、职务、电子邮箱地址、电话号码及希望的咨询时间，在申请对接成功或结束满三年后删除；您注销账户时立即删除（进行中的申请随之结束）。申请中有关机构的内容仅用于统计，予以保留。
- 海外合作伙伴机构联系人信息：保存至工作人员将其从名录中删除为止。
- 个人信息访问记录：保存两年后删除。会员注销账户时，删除该会员本人操作所记录的IP地址。
- 登录失败次数：每小时减少一次（按IP地址统计的每三分钟减少一次），减至零时失效；登录成功或重设密码后，该账户的次数立即删除。
- 本网站发送的电子邮件：保存在门户网站的数据库中直至发送成功，发送成功三十日后删除。未能发送的邮件，无论收件人是否为会员，在最后一次发送尝试满三十日后删除，此前工作人员可重新发送。您注销账户时，发往您电子邮箱地址的全部邮件一并删除。
- 其他法律规定须保存的记录：按该法律规定的期限保存。

## 四、销毁程序及方法
保存期限届满或处理目的已经实现的，本市将在五日内销毁相关个人信息。电子文件以无法恢复的方式删除，纸质文件予以粉碎或焚毁。第三条所列保存期限届满的信息，由每日自动运行的任务删除。您在网站上注销账户时，个人信息（包括上传的文件）即时删除；仅保留第三条所述的统计记录，个人信息访问记录中您的操作则以会员编号保留（不含IP地址），满两年后删除。

## 五、向第三方提供
本市不向第三方提供个人信息。但下列情形，以及经信息主体另行同意、法律另有规定等《个人信息保护法》第十七条、第十八条允许的情形除外。
- 寄宿家庭：为便于接待，本市向寄宿家庭告知安排给其的客人的名、年龄、语言、饮食要求、代表团所属城市及入住日期。寄宿家庭在会员页面查看上述信息；发给寄宿家庭的电子邮件仅写明客人的名、城市和日期。客人的姓、性别、过敏情况和其他需求不向寄宿家庭显示。
- 海外合作伙伴机构：国际合作申请与申请机构从负责顾问推荐的合作伙伴机构（引荐前连同其国家及网站（如有）显示在申请页面上）中选定的机构对接成功后，负责顾问通过电子邮件为申请机构与每个该合作伙伴机构相互引荐。届时，本市向这些合作伙伴机构（转移至其所在国家）提供申请机构的名称以及联系人的姓名、职务、电子邮箱地址和电话号码，申请中的其他内容一概不提供；合作伙伴机构将其用于就合作事宜与申请机构联系，并保存至合作结束或申请机构要求删除为止。仅在提出申请的会员于申请表上阅读上述事项及拒绝同意的权利并另行同意后，本市才会提供（《个人信息保护法》第十七条第二款、第二十八条之八第二款）。未作出该同意的，本市不在线受理咨询与对接申请（仅需咨询、无需引荐的，可致电申请）；在推出该同意之前提交的申请不予对接。撤回进行中的申请，即停止一切引荐。

## 六、委托处理
本市不委托其他机构处理个人信息。本网站发送的电子邮件通过本市运营的邮件服务器发送；如使用外部邮件发送服务，本市将在本政策中公布该受托方。今后如需委托其他事务，本市也将在本政策中公布受托方及委托事项，并依照《个人信息保护法》第二十六条对受托方进行管理和监督。

## 七、信息主体的权利及行使方式
您可以随时要求查阅、更正、删除您的个人信息，要求停止处理，或撤回同意（《个人信息保护法》第三十五条至第三十七条）。
- 在本网站：在“个人资料”页面更正姓名、首选语言和电话号码；在“同意管理”页面撤回或重新作出各项可选同意；在“申请人”页面更正或删除您本人及子女的信息；在“寄宿家庭”页面修改申请或撤回寄宿家庭同意（申请随之删除）；在“国际合作申请”页面查看每项申请所作的同意，并撤回进行中的申请（随之停止向海外合作伙伴机构引荐）。
- 通过“下载我的数据”获取您的账户、同意、报名记录、申请人（您本人及子女）和申请、寄宿家庭申请及国际合作申请的副本；通过“注销账户”删除账户。
- 通过书面、电话或电子邮件：向第十条所列个人信息保护负责人提出。法定代理人或受您委托的人凭授权委托书也可代为提出。没有账户的来访代表团客人和海外合作伙伴机构联系人可通过此方式行使权利。
本市将在收到要求之日起十日内告知处理结果。依照法律须保存，或可能损害他人生命、身体、财产的，本市可部分拒绝，并告知理由。
未满十四周岁儿童的个人信息，须经其法定代理人同意后方可处理，本网站记录该同意；子女的权利可由监护人行使。

## 八、个人信息安全保障措施
- 管理措施：制定并实施内部管理计划，定期培训个人信息处理人员，仅向工作确有需要的人员开放访问权限。招募公告的申请人信息及上传的文件，仅提出申请的会员（为子女申请时为监护人）、负责该招募公告的工作人员及门户网站系统管理员可以查看。
- 技术措施：密码以不可逆方式加密保存，采用加密传输（HTTPS），实施访问控制，及时进行安全更新；个人信息访问记录载明谁于何时从哪个IP地址查阅、导出或变更了个人信息，保存两年；每次登录失败后须等待的时间逐次延长；核验上传的文件确为PDF文件或图片文件，并将其保存在公开网页文件夹之外，不设网址。
- 物理措施：服务器和资料存放于实行出入管理的场所。

## 九、Cookie的设置、使用及拒绝
本网站在您的浏览器中保存以下Cookie：
- 保持登录状态：两周（未勾选“保持登录”时，关闭浏览器即失效）。
- 防止表单被伪造提交：一年。
- 记住您选择的语言和字号：一年。
- 登录设备Cookie：登录成功后设置的带签名的Cookie，自您最近一次在该浏览器登录起保存一年。其中仅含一个随机编号，以及在该浏览器登录过的每个账户的一个无法还原为电子邮箱地址的转换值。这样，即使他人多次登录失败使该账户须等待，您本人的浏览器仍可正常登录。
本网站不使用广告或行为追踪类Cookie。您可以在浏览器设置中拒绝Cookie，届时将无法登录，但仍可浏览所有页面。

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
