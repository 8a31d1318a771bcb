"""Texts of every SMS and email the central sends, in ru, kk (Cyrillic) and en.

A kind fixes its channel, its required parameters and its wording. SMS texts are
short: a Cyrillic SMS holds 70 characters (67 per part when split), and these
stay within about three parts even with a link. Rendering never logs anything:
the bodies hold codes and passwords.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

Channel = Literal["sms", "email"]
Locale = Literal["ru", "kk", "en"]
LOCALES: tuple[Locale, ...] = ("ru", "kk", "en")
FALLBACK_LOCALE: Locale = "ru"


class UnknownMessageKind(KeyError):
    """A kind with no texts: a programming error, never a user's input."""


class MissingMessageParam(KeyError):
    """A kind's required parameter was not given: a programming error."""


@dataclass(frozen=True)
class RenderedText:
    subject: str
    body: str


@dataclass(frozen=True)
class MessageText:
    channel: Channel
    body: Mapping[str, str]
    subject: Mapping[str, str] = field(default_factory=dict)
    # param name -> per-locale line appended only when the param is not None
    optional_lines: Mapping[str, Mapping[str, str]] = field(default_factory=dict)


_SIGN = {
    "ru": "\n\nС уважением,\nАО «СК «Виктория», https://vic.kz",
    "kk": "\n\nҚұрметпен,\n«Виктория» СК» АҚ, https://vic.kz",
    "en": "\n\nKind regards,\nJSC Insurance Company Victoria, https://vic.kz",
}


def _email(ru: str, kk: str, en: str) -> dict[str, str]:
    return {"ru": ru + _SIGN["ru"], "kk": kk + _SIGN["kk"], "en": en + _SIGN["en"]}


TEXTS: Mapping[str, MessageText] = {
    "registration_code": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: код {code} для «Личного кабинета». "
            "Действует {ttl_min} мин. Никому не сообщайте.",
            "kk": "Виктория: «Жеке кабинет» коды {code}. {ttl_min} мин жарамды. Ешкімге айтпаңыз.",
            "en": "Victoria: your «Личный кабинет» code is {code}. "
            "Valid {ttl_min} min. Do not share it.",
        },
        optional_lines={
            "link": {
                "ru": " Ввести код: {link}",
                "kk": " Кодты енгізу: {link}",
                "en": " Enter it at {link}",
            }
        },
    ),
    "account_created_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: «Личный кабинет» создан. "
            "Ссылка для активации и временный пароль отправлены на email.",
            "kk": "Виктория: «Жеке кабинет» ашылды. "
            "Белсендіру сілтемесі мен уақытша құпиясөз email-ге жіберілді.",
            "en": "Victoria: your «Личный кабинет» account is created. "
            "The activation link and a temporary password are in your email.",
        },
    ),
    "account_exists_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: у вас уже есть «Личный кабинет». Вход на vic.kz или в терминале "
            "филиала по телефону или email. Забыли пароль: «Забыли пароль?», код придёт по СМС.",
            "kk": "Виктория: сізде «Жеке кабинет» бар. vic.kz сайтында не филиал терминалында "
            "телефон не email арқылы кіріңіз. Құпиясөзді ұмытсаңыз: «Құпиясөзді ұмыттыңыз "
            "ба?», код СМС-пен келеді.",
            "en": "Victoria: you already have a «Личный кабинет» account. Log in with your "
            "phone or email at vic.kz or a branch kiosk. Forgot the password: «Forgot "
            "password?», a code comes by text.",
        },
    ),
    "account_exists_email": MessageText(
        channel="email",
        subject={
            "ru": "У вас уже есть «Личный кабинет» АО «СК «Виктория»",
            "kk": "Сізде «Виктория» СК» АҚ «Жеке кабинеті» бар",
            "en": "You already have a Victoria «Личный кабинет» account",
        },
        body=_email(
            "Здравствуйте!\n\nВ филиале вы оставили заявку на «Личный кабинет», но он у "
            "вас уже есть, поэтому новый не создан.\n\nКак войти: на vic.kz или в "
            "терминале филиала, логин — ваш номер телефона или email.\nЕсли вы не "
            "помните пароль, нажмите «Забыли пароль?»: код для нового пароля придёт по СМС.",
            "Сәлеметсіз бе!\n\nФилиалда «Жеке кабинетке» өтінім қалдырдыңыз, бірақ ол "
            "сізде бар, сондықтан жаңасы ашылмады.\n\nҚалай кіруге болады: vic.kz сайтында "
            "немесе филиал терминалында, логин — телефон нөміріңіз немесе email.\n"
            "Құпиясөзді ұмытсаңыз, «Құпиясөзді ұмыттыңыз ба?» түймесін басыңыз: жаңа "
            "құпиясөзге арналған код СМС арқылы келеді.",
            "Hello,\n\nAt a branch you asked for a «Личный кабинет» account, but you "
            "already have one, so no new one was created.\n\nHow to log in: at vic.kz or "
            "a branch kiosk, with your phone number or email as the login.\nIf you do not "
            "remember the password, tap «Forgot password?»: a code for a new one comes by "
            "text message.",
        ),
    ),
    "account_created_email": MessageText(
        channel="email",
        subject={
            "ru": "«Личный кабинет» АО «СК «Виктория» создан",
            "kk": "«Виктория» СК» АҚ «Жеке кабинеті» ашылды",
            "en": "Your Victoria «Личный кабинет» account is created",
        },
        body=_email(
            "Здравствуйте!\n\nВаш «Личный кабинет» создан. Чтобы активировать его, "
            "перейдите по ссылке:\n{activation_link}\n\nВременный пароль: "
            "{temporary_password}\nПри первом входе система попросит сменить пароль.",
            "Сәлеметсіз бе!\n\nСіздің «Жеке кабинетіңіз» ашылды. Оны белсендіру үшін "
            "сілтемеге өтіңіз:\n{activation_link}\n\nУақытша құпиясөз: "
            "{temporary_password}\nАлғаш кіргенде жүйе құпиясөзді ауыстыруды сұрайды.",
            "Hello,\n\nYour «Личный кабинет» account is created. To activate it, open "
            "this link:\n{activation_link}\n\nTemporary password: {temporary_password}\n"
            "You will be asked to change it at your first login.",
        ),
    ),
    "activation_email": MessageText(
        channel="email",
        subject={
            "ru": "Активация «Личного кабинета» АО «СК «Виктория»",
            "kk": "«Виктория» СК» АҚ «Жеке кабинетін» белсендіру",
            "en": "Activate your Victoria «Личный кабинет» account",
        },
        body=_email(
            "Здравствуйте!\n\nВаш «Личный кабинет» ещё не активирован. Перейдите по "
            "ссылке:\n{activation_link}\n\nНовый временный пароль: {temporary_password}\n"
            "При первом входе система попросит сменить пароль.",
            "Сәлеметсіз бе!\n\nСіздің «Жеке кабинетіңіз» әлі белсендірілмеген. "
            "Сілтемеге өтіңіз:\n{activation_link}\n\nЖаңа уақытша құпиясөз: "
            "{temporary_password}\nАлғаш кіргенде жүйе құпиясөзді ауыстыруды сұрайды.",
            "Hello,\n\nYour «Личный кабинет» account is not activated yet. Open this "
            "link:\n{activation_link}\n\nNew temporary password: {temporary_password}\n"
            "You will be asked to change it at your first login.",
        ),
    ),
    "password_reset_code": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: код {code} для смены пароля «Личного кабинета». "
            "Действует {ttl_min} мин. Никому не сообщайте.",
            "kk": "Виктория: «Жеке кабинет» құпиясөзін өзгерту коды {code}. "
            "{ttl_min} мин жарамды. Ешкімге айтпаңыз.",
            "en": "Victoria: code {code} to set a new «Личный кабинет» password. "
            "Valid {ttl_min} min. Do not share it.",
        },
    ),
    "password_changed_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: пароль «Личного кабинета» изменён. "
            "Если это были не вы, обратитесь в филиал.",
            "kk": "Виктория: «Жеке кабинет» құпиясөзі өзгертілді. "
            "Бұл сіз болмасаңыз, филиалға хабарласыңыз.",
            "en": "Victoria: your «Личный кабинет» password was changed. "
            "If it was not you, contact a branch.",
        },
    ),
    "password_changed_email": MessageText(
        channel="email",
        subject={
            "ru": "Пароль «Личного кабинета» изменён",
            "kk": "«Жеке кабинет» құпиясөзі өзгертілді",
            "en": "Your «Личный кабинет» password was changed",
        },
        body=_email(
            "Здравствуйте!\n\nПароль вашего «Личного кабинета» изменён. Если это были "
            "не вы, обратитесь в ближайший филиал или в контакт-центр.",
            "Сәлеметсіз бе!\n\n«Жеке кабинетіңіздің» құпиясөзі өзгертілді. Егер бұл сіз "
            "болмасаңыз, жақын филиалға немесе байланыс орталығына хабарласыңыз.",
            "Hello,\n\nThe password of your «Личный кабинет» account was changed. If "
            "this was not you, please contact the nearest branch or our contact centre.",
        ),
    ),
    "password_reset_email": MessageText(
        channel="email",
        subject={
            "ru": "Временный пароль «Личного кабинета»",
            "kk": "«Жеке кабинеттің» уақытша құпиясөзі",
            "en": "Temporary password for your «Личный кабинет»",
        },
        body=_email(
            "Здравствуйте!\n\nПо вашему запросу пароль сброшен. Временный пароль: "
            "{temporary_password}\nПри входе система попросит сменить его. Если вы не "
            "запрашивали сброс, обратитесь в филиал.",
            "Сәлеметсіз бе!\n\nСұрауыңыз бойынша құпиясөз қалпына келтірілді. Уақытша "
            "құпиясөз: {temporary_password}\nКіргенде жүйе оны ауыстыруды сұрайды. "
            "Сұрамаған болсаңыз, филиалға хабарласыңыз.",
            "Hello,\n\nYour password was reset as requested. Temporary password: "
            "{temporary_password}\nYou will be asked to change it when you log in. If you "
            "did not ask for this, please contact a branch.",
        ),
    ),
    "online_purchase_welcome_email": MessageText(
        channel="email",
        subject={
            "ru": "Ваш «Личный кабинет» АО «СК «Виктория»",
            "kk": "Сіздің «Виктория» СК» АҚ «Жеке кабинетіңіз»",
            "en": "Your Victoria «Личный кабинет» account",
        },
        body=_email(
            "Здравствуйте!\n\nСпасибо за покупку полиса онлайн. Для вас создан «Личный "
            "кабинет», в нём ваши договоры: {contract_numbers}.\n\nЛогин: {login} (или "
            "ваш номер телефона)\nВременный пароль: {temporary_password}\nПри первом "
            "входе система попросит сменить пароль.",
            "Сәлеметсіз бе!\n\nПолисті онлайн сатып алғаныңызға рахмет. Сізге «Жеке "
            "кабинет» ашылды, онда шарттарыңыз бар: {contract_numbers}.\n\nЛогин: "
            "{login} (немесе телефон нөміріңіз)\nУақытша құпиясөз: {temporary_password}"
            "\nАлғаш кіргенде жүйе құпиясөзді ауыстыруды сұрайды.",
            "Hello,\n\nThank you for buying your policy online. A «Личный кабинет» "
            "account holds your contracts: {contract_numbers}.\n\nLogin: {login} (or your "
            "phone number)\nTemporary password: {temporary_password}\nYou will be asked "
            "to change it at your first login.",
        ),
    ),
}


# kinds whose email carries a temporary password: their HTML part shows it in a
# monospace block, so a client can tell its characters apart when retyping it
TEMPORARY_PASSWORD_KINDS = frozenset(
    {
        "account_created_email",
        "activation_email",
        "password_reset_email",
        "online_purchase_welcome_email",
    }
)
_PASSWORD_LINE = re.compile(r"^(.*(?:пароль|құпиясөз|password)): (\S+)$", re.IGNORECASE)
MONOSPACE_STYLE = (
    "font-family:ui-monospace,Menlo,Consolas,'Courier New',monospace;font-size:22px;"
    "letter-spacing:2px;padding:8px 12px;background:#f2f2f2;display:inline-block"
)


def html_body(kind: str, body: str) -> str | None:
    """An HTML version of an email ``body`` of a ``TEMPORARY_PASSWORD_KINDS`` kind,
    the password line's value in a monospace block (every other line escaped as
    it is); ``None`` for other kinds, which go as plain text only."""
    if kind not in TEMPORARY_PASSWORD_KINDS:
        return None
    lines = []
    for line in body.split("\n"):
        found = _PASSWORD_LINE.match(line)
        if found:
            label, secret = html.escape(found.group(1)), html.escape(found.group(2))
            lines.append(f'{label}:<br><pre style="{MONOSPACE_STYLE}">{secret}</pre>')
        else:
            lines.append(html.escape(line) + "<br>")
    return (
        '<!doctype html><html><head><meta charset="utf-8"></head>'
        f"<body>{''.join(lines)}</body></html>"
    )


# --- online claims: the acknowledgement and each status the insurer sets ----------
# SMS notes are cut by the caller (``claims.SMS_NOTE_MAX_CHARS``); emails carry them whole
# (``note_block``: the note after a blank line, or nothing).
_CLAIM_TRACKING = {
    "ru": "\n\nСтатус заявления — в «Личном кабинете».",
    "kk": "\n\nӨтініш мәртебесі — «Жеке кабинетте».",
    "en": "\n\nYou can follow the claim in your «Личный кабинет» account.",
}


def _claim_email(ru: str, kk: str, en: str) -> dict[str, str]:
    return _email(
        ru + _CLAIM_TRACKING["ru"], kk + _CLAIM_TRACKING["kk"], en + _CLAIM_TRACKING["en"]
    )


CLAIM_TEXTS: dict[str, MessageText] = {
    "claim_submitted_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: заявление {number} принято. Статус — в «Личном кабинете».",
            "kk": "Виктория: {number} өтініші қабылданды. Мәртебесі — «Жеке кабинетте».",
            "en": "Victoria: claim {number} received. Follow it in your «Личный кабинет» account.",
        },
    ),
    "claim_submitted_email": MessageText(
        channel="email",
        subject={
            "ru": "Заявление {number} принято",
            "kk": "{number} өтініші қабылданды",
            "en": "Claim {number} received",
        },
        body=_claim_email(
            "Здравствуйте!\n\nВаше заявление о страховом случае {number} по договору "
            "{contract_number} принято. Мы сообщим по СМС и email о каждом изменении статуса.",
            "Сәлеметсіз бе!\n\n{contract_number} шарты бойынша {number} сақтандыру жағдайы "
            "туралы өтінішіңіз қабылданды. Мәртебенің әр өзгерісі туралы СМС және email "
            "арқылы хабарлаймыз.",
            "Hello,\n\nYour claim {number} on contract {contract_number} has been received. "
            "We will tell you of every change of its status by SMS and email.",
        ),
    ),
    # on the client's request at the terminal: the claim's one-time upload link
    # ("url" is a secret: the message is scrubbed once delivered or given up)
    "claim_upload_link_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: добавьте фото к заявлению {number}: {url} "
            "Ссылка одноразовая, действует {ttl_min} мин.",
            "kk": "Виктория: {number} өтінішіне фото қосыңыз: {url} "
            "Сілтеме бір реттік, {ttl_min} мин жарамды.",
            "en": "Victoria: add photos to claim {number}: {url} "
            "The link works once, for {ttl_min} min.",
        },
    ),
    "claim_in_review_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: заявление {number} на рассмотрении.",
            "kk": "Виктория: {number} өтініші қаралуда.",
            "en": "Victoria: claim {number} is under review.",
        },
    ),
    "claim_in_review_email": MessageText(
        channel="email",
        subject={
            "ru": "Заявление {number} на рассмотрении",
            "kk": "{number} өтініші қаралуда",
            "en": "Claim {number} is under review",
        },
        body=_claim_email(
            "Здравствуйте!\n\nЗаявление {number} на рассмотрении.{note_block}",
            "Сәлеметсіз бе!\n\n{number} өтініші қаралуда.{note_block}",
            "Hello,\n\nClaim {number} is under review.{note_block}",
        ),
    ),
    "claim_documents_requested_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: по заявлению {number} нужны документы: {note}",
            "kk": "Виктория: {number} өтініші бойынша құжаттар қажет: {note}",
            "en": "Victoria: claim {number} needs documents: {note}",
        },
    ),
    "claim_documents_requested_email": MessageText(
        channel="email",
        subject={
            "ru": "Заявление {number}: нужны документы",
            "kk": "{number} өтініші: құжаттар қажет",
            "en": "Claim {number}: documents needed",
        },
        body=_claim_email(
            "Здравствуйте!\n\nДля рассмотрения заявления {number} нужны документы:\n\n{note}"
            "\n\nДобавьте их в терминале отделения или в «Личном кабинете».",
            "Сәлеметсіз бе!\n\n{number} өтінішін қарау үшін құжаттар қажет:\n\n{note}"
            "\n\nОларды бөлімшенің терминалында немесе «Жеке кабинетте» қосыңыз.",
            "Hello,\n\nTo review claim {number} we need these documents:\n\n{note}"
            "\n\nPlease add them at a branch terminal or in your personal account.",
        ),
    ),
    "claim_approved_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: по заявлению {number} одобрена выплата {amount}.",
            "kk": "Виктория: {number} өтініші бойынша {amount} төлем мақұлданды.",
            "en": "Victoria: claim {number} approved, payment {amount}.",
        },
    ),
    "claim_approved_email": MessageText(
        channel="email",
        subject={
            "ru": "Заявление {number} одобрено",
            "kk": "{number} өтініші мақұлданды",
            "en": "Claim {number} approved",
        },
        body=_claim_email(
            "Здравствуйте!\n\nПо заявлению {number} одобрена выплата {amount}.{note_block}",
            "Сәлеметсіз бе!\n\n{number} өтініші бойынша {amount} төлем мақұлданды.{note_block}",
            "Hello,\n\nClaim {number} is approved: a payment of {amount}.{note_block}",
        ),
    ),
    "claim_paid_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: выплата {amount} по заявлению {number} произведена.",
            "kk": "Виктория: {number} өтініші бойынша {amount} төленді.",
            "en": "Victoria: payment of {amount} on claim {number} has been made.",
        },
    ),
    "claim_paid_email": MessageText(
        channel="email",
        subject={
            "ru": "Выплата по заявлению {number}",
            "kk": "{number} өтініші бойынша төлем",
            "en": "Claim {number} paid",
        },
        body=_claim_email(
            "Здравствуйте!\n\nВыплата {amount} по заявлению {number} произведена.{note_block}",
            "Сәлеметсіз бе!\n\n{number} өтініші бойынша {amount} төленді.{note_block}",
            "Hello,\n\nThe payment of {amount} on claim {number} has been made.{note_block}",
        ),
    ),
    "claim_rejected_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: в выплате по заявлению {number} отказано: {note}",
            "kk": "Виктория: {number} өтініші бойынша төлемнен бас тартылды: {note}",
            "en": "Victoria: claim {number} rejected: {note}",
        },
    ),
    "claim_rejected_email": MessageText(
        channel="email",
        subject={
            "ru": "Решение по заявлению {number}",
            "kk": "{number} өтініші бойынша шешім",
            "en": "Decision on claim {number}",
        },
        body=_claim_email(
            "Здравствуйте!\n\nВ выплате по заявлению {number} отказано. Причина:\n\n{note}",
            "Сәлеметсіз бе!\n\n{number} өтініші бойынша төлемнен бас тартылды. Себебі:\n\n{note}",
            "Hello,\n\nClaim {number} has been rejected. The reason:\n\n{note}",
        ),
    ),
}
TEXTS = {**TEXTS, **CLAIM_TEXTS}

# the closure's confirmations: queued before the contacts are erased, so they
# are the last messages to them (``central.services.closure``)
CLOSURE_TEXTS: Mapping[str, MessageText] = {
    "account_closed_sms": MessageText(
        channel="sms",
        body={
            "ru": "Виктория: «Личный кабинет» закрыт, ваши телефон и email удалены. "
            "Если это были не вы, обратитесь в филиал.",
            "kk": "Виктория: «Жеке кабинет» жабылды, телефоныңыз бен email жойылды. "
            "Бұл сіз болмасаңыз, филиалға хабарласыңыз.",
            "en": "Victoria: your «Личный кабинет» is closed; your phone and email "
            "are deleted. If it was not you, contact a branch.",
        },
    ),
    "account_closed_email": MessageText(
        channel="email",
        subject={
            "ru": "«Личный кабинет» закрыт",
            "kk": "«Жеке кабинет» жабылды",
            "en": "Your «Личный кабинет» is closed",
        },
        body=_email(
            "Здравствуйте!\n\nВаш «Личный кабинет» закрыт: вход больше невозможен, "
            "телефон и адрес электронной почты удалены из него. Договоры страхования "
            "остаются у страховщика, как требует закон о страховании; узнать о них можно "
            "в любом филиале. Если вы не закрывали кабинет, обратитесь в филиал.",
            "Сәлеметсіз бе!\n\n«Жеке кабинетіңіз» жабылды: оған енді кіру мүмкін емес, "
            "телефон мен электрондық пошта мекенжайы одан жойылды. Сақтандыру шарттары "
            "сақтандыру туралы заң талап еткендей сақтандырушыда қалады; олар туралы кез "
            "келген филиалдан білуге болады. Кабинетті сіз жаппасаңыз, филиалға хабарласыңыз.",
            "Hello,\n\nYour «Личный кабинет» is closed: it can no longer be logged into, "
            "and your phone and email address are deleted from it. Your insurance contracts "
            "stay with the insurer, as insurance law requires; any branch can tell you about "
            "them. If you did not close it, please contact a branch.",
        ),
    ),
}
TEXTS = {**TEXTS, **CLOSURE_TEXTS}


def _format(template: str, params: Mapping[str, object], kind: str) -> str:
    try:
        return template.format_map(params)
    except KeyError as exc:
        raise MissingMessageParam(f"{kind}: missing parameter {exc.args[0]!r}") from None


def _param_text(value: object) -> object:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return value


def channel_of(kind: str) -> Channel:
    """The channel a kind goes by; raises ``UnknownMessageKind``."""
    try:
        return TEXTS[kind].channel
    except KeyError:
        raise UnknownMessageKind(kind) from None


def render(kind: str, locale: str, params: Mapping[str, object]) -> RenderedText:
    """Subject (empty for SMS) and body of ``kind`` in ``locale``.

    An unsupported locale falls back to Russian; an unknown kind raises
    ``UnknownMessageKind``, a missing parameter ``MissingMessageParam``.
    """
    try:
        text = TEXTS[kind]
    except KeyError:
        raise UnknownMessageKind(kind) from None
    loc = locale if locale in LOCALES else FALLBACK_LOCALE
    values = {k: _param_text(v) for k, v in params.items()}
    body = _format(text.body[loc], values, kind)
    for name, lines in text.optional_lines.items():
        if values.get(name) is not None:
            body += _format(lines[loc], values, kind)
    subject = _format(text.subject[loc], values, kind) if text.subject else ""
    return RenderedText(subject=subject, body=body)


# Parameters that are only facts about the client's own case. Any other
# parameter (a code, a temporary password, a link) opens an account or proves
# possession of a phone: a message holding one must not outlive its delivery.
NOTICE_PARAMS = frozenset(
    {"ttl_min", "number", "contract_number", "contract_numbers", "note", "note_block", "amount"}
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _params_of(text: MessageText) -> set[str]:
    found = set(text.optional_lines)
    for texts in (text.body, text.subject, *text.optional_lines.values()):
        for template in texts.values():
            found.update(_PLACEHOLDER.findall(template))
    return found


def holds_secret(kind: str) -> bool:
    """Whether a message of ``kind`` can carry a secret: a parameter that is not a
    plain fact of the client's case (``NOTICE_PARAMS``). A new kind with a new
    parameter counts as secret until that parameter is listed there.

    A live central scrubs a secret-holding message the moment it gives up (the
    client asks for a new code or password instead); a notice keeps its text
    until the retention purge, so ``messages retry`` can send it once the
    gateway is fixed. An unknown kind counts as secret."""
    text = TEXTS.get(kind)
    return text is None or not _params_of(text) <= NOTICE_PARAMS
