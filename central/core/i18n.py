"""Texts the central shows people: error messages and its few HTML pages.

Every error code has a text in ru, kk (Kazakh, Cyrillic) and en; a test checks
that no code is missing one. ``negotiate`` picks the language of a request.
"""

from __future__ import annotations

from typing import Literal, cast

Locale = Literal["ru", "kk", "en"]
LOCALES: tuple[Locale, ...] = ("ru", "kk", "en")
DEFAULT_LOCALE: Locale = "ru"

ERRORS: dict[str, dict[Locale, str]] = {
    "bad_request": {
        "ru": "Некорректный запрос.",
        "kk": "Сұрау дұрыс емес.",
        "en": "Bad request.",
    },
    "malformed_request": {
        "ru": "Тело запроса не является корректным JSON в UTF-8.",
        "kk": "Сұрау денесі UTF-8 форматындағы дұрыс JSON емес.",
        "en": "The request body is not valid UTF-8 JSON.",
    },
    "validation_failed": {
        "ru": "Проверьте введённые данные.",
        "kk": "Енгізілген деректерді тексеріңіз.",
        "en": "Please check the data entered.",
    },
    "unauthorized": {
        "ru": "Требуется авторизация.",
        "kk": "Авторизация қажет.",
        "en": "Authorisation is required.",
    },
    "password_change_required": {
        "ru": "Сначала смените временный пароль.",
        "kk": "Алдымен уақытша құпиясөзді өзгертіңіз.",
        "en": "Please change the temporary password first.",
    },
    "not_found": {
        "ru": "Не найдено.",
        "kk": "Табылмады.",
        "en": "Not found.",
    },
    "method_not_allowed": {
        "ru": "Метод не поддерживается.",
        "kk": "Әдіс қолданылмайды.",
        "en": "Method not allowed.",
    },
    "account_exists": {
        "ru": "Личный кабинет с этим телефоном или email уже существует.",
        "kk": "Бұл телефонмен немесе email-мен жеке кабинет бұрыннан бар.",
        "en": "An account with this phone or email already exists.",
    },
    "already_confirmed": {
        "ru": "Регистрация уже подтверждена.",
        "kk": "Тіркеу бұрын расталған.",
        "en": "The registration is already confirmed.",
    },
    "idempotency_conflict": {
        "ru": "Ключ идемпотентности уже использован для другого запроса.",
        "kk": "Идемпотенттілік кілті басқа сұрауға қолданылған.",
        "en": "The idempotency key was already used for a different request.",
    },
    "idempotency_key_required": {
        "ru": "Запрос терминала должен содержать заголовок Idempotency-Key.",
        "kk": "Терминал сұрауында Idempotency-Key тақырыбы болуы керек.",
        "en": "A terminal request must carry an Idempotency-Key header.",
    },
    "invalid_code": {
        "ru": "Неверный код подтверждения.",
        "kk": "Растау коды қате.",
        "en": "The confirmation code is wrong.",
    },
    "code_expired": {
        "ru": "Срок действия кода истёк. Запросите новый код.",
        "kk": "Кодтың мерзімі өтті. Жаңа код сұраңыз.",
        "en": "The code has expired. Please request a new one.",
    },
    "payload_too_large": {
        "ru": "Слишком большой запрос.",
        "kk": "Сұрау тым үлкен.",
        "en": "The request is too large.",
    },
    "unsupported_media_type": {
        "ru": "Ожидается тело в формате application/json.",
        "kk": "application/json форматындағы дене күтіледі.",
        "en": "An application/json body is expected.",
    },
    "rate_limited": {
        "ru": "Слишком много запросов. Повторите позже.",
        "kk": "Сұраулар тым көп. Кейінірек қайталаңыз.",
        "en": "Too many requests. Please try again later.",
    },
    "too_many_attempts": {
        "ru": "Слишком много неверных попыток. Запросите новый код.",
        "kk": "Қате әрекеттер тым көп. Жаңа код сұраңыз.",
        "en": "Too many wrong attempts. Please request a new code.",
    },
    "invalid_credentials": {
        "ru": "Неверный логин или пароль.",
        "kk": "Логин немесе құпиясөз қате.",
        "en": "Wrong login or password.",
    },
    "temporary_password_expired": {
        "ru": "Срок действия временного пароля истёк. Восстановите пароль: "
        "новый временный пароль придёт на email.",
        "kk": "Уақытша құпиясөздің мерзімі өтті. Құпиясөзді қалпына келтіріңіз: "
        "жаңа уақытша құпиясөз email-ге келеді.",
        "en": "The temporary password has expired. Request a password reset: "
        "a new temporary password will be emailed.",
    },
    "account_not_activated": {
        "ru": "Личный кабинет не активирован: откройте ссылку из письма.",
        "kk": "Жеке кабинет белсендірілмеген: хаттағы сілтемені ашыңыз.",
        "en": "The account is not activated yet: open the link from the email.",
    },
    "weak_password": {
        "ru": "Пароль не соответствует требованиям.",
        "kk": "Құпиясөз талаптарға сай емес.",
        "en": "The password does not meet the requirements.",
    },
    "not_ready": {
        "ru": "Сервис временно недоступен.",
        "kk": "Қызмет уақытша қолжетімсіз.",
        "en": "The service is temporarily unavailable.",
    },
    "internal_error": {
        "ru": "Внутренняя ошибка. Повторите позже.",
        "kk": "Ішкі қате. Кейінірек қайталаңыз.",
        "en": "Internal error. Please try again later.",
    },
    "malformed_upload": {
        "ru": "Ожидается файл в поле «file» формы multipart/form-data.",
        "kk": "multipart/form-data пішінінің «file» өрісінде файл күтіледі.",
        "en": "A file in the field “file” of a multipart/form-data form is expected.",
    },
    "too_large": {
        "ru": "Файл больше 10 МБ.",
        "kk": "Файл 10 МБ-тан үлкен.",
        "en": "The file is larger than 10 MB.",
    },
    "unsupported_type": {
        "ru": "Принимаются только фотографии JPEG, PNG и документы PDF.",
        "kk": "Тек JPEG, PNG фотосуреттері және PDF құжаттары қабылданады.",
        "en": "Only JPEG or PNG photos and PDF documents are accepted.",
    },
    "too_many_documents": {
        "ru": "К заявлению можно приложить не больше 20 файлов.",
        "kk": "Өтінішке 20 файлдан артық тіркеуге болмайды.",
        "en": "A claim can have at most 20 files.",
    },
    "claim_decided": {
        "ru": "По заявлению уже принято решение: файлы больше не принимаются.",
        "kk": "Өтініш бойынша шешім қабылданған: файлдар енді қабылданбайды.",
        "en": "The claim has been decided: no more files are accepted.",
    },
    "link_sms_limited": {
        "ru": "Ссылку по этому заявлению уже несколько раз отправили по СМС. "
        "Повторите позже или отсканируйте QR-код.",
        "kk": "Бұл өтініш бойынша сілтеме СМС арқылы бірнеше рет жіберілді. "
        "Кейінірек қайталаңыз немесе QR-кодты сканерлеңіз.",
        "en": "The link for this claim has been sent by text message several times already. "
        "Please try again later or scan the QR code.",
    },
    "claim_transition_refused": {
        "ru": "Такая смена статуса заявления невозможна.",
        "kk": "Өтініш мәртебесін бұлай өзгертуге болмайды.",
        "en": "The claim cannot change to this status from its current one.",
    },
    "claim_note_required": {
        "ru": "Укажите примечание: чего не хватает или причину отказа.",
        "kk": "Ескертпе жазыңыз: не жетіспейді немесе бас тарту себебі.",
        "en": "A note is required: what is missing, or the reason for the rejection.",
    },
    "claim_amount_required": {
        "ru": "Укажите сумму выплаты больше нуля.",
        "kk": "Нөлден үлкен төлем сомасын көрсетіңіз.",
        "en": "An amount greater than zero is required.",
    },
    "link_invalid": {
        "ru": "Ссылка недействительна.",
        "kk": "Сілтеме жарамсыз.",
        "en": "This link is not valid.",
    },
    "link_expired": {
        "ru": "Срок действия ссылки истёк или она уже использована. Получите новую в терминале.",
        "kk": "Сілтеменің мерзімі өтті немесе ол қолданылған. Терминалдан жаңасын алыңыз.",
        "en": "This link has expired or was already used. Get a new one at the terminal.",
    },
}

PAGES: dict[str, dict[Locale, str]] = {
    "title": {
        "ru": "Личный кабинет — СК «Виктория»",
        "kk": "Жеке кабинет — «Виктория» СК",
        "en": "Personal account — Victoria Insurance",
    },
    "activated": {
        "ru": "Личный кабинет активирован. Войдите в терминале филиала или на vic.kz "
        "с временным паролем из письма.",
        "kk": "Жеке кабинет белсендірілді. Филиал терминалында немесе vic.kz сайтында "
        "хаттағы уақытша құпиясөзбен кіріңіз.",
        "en": "Your personal account is activated. Log in at a branch kiosk or on vic.kz "
        "with the temporary password from the email.",
    },
    "activate_prompt": {
        "ru": "Чтобы активировать «Личный кабинет», нажмите кнопку.",
        "kk": "«Жеке кабинетті» белсендіру үшін батырманы басыңыз.",
        "en": "Press the button to activate your personal account.",
    },
    "activate_button": {
        "ru": "Активировать «Личный кабинет»",
        "kk": "«Жеке кабинетті» белсендіру",
        "en": "Activate my personal account",
    },
    "already_active": {
        "ru": "«Личный кабинет» уже активирован. Войдите в терминале филиала или на vic.kz.",
        "kk": "«Жеке кабинет» бұрын белсендірілген. Филиал терминалында немесе vic.kz "
        "сайтында кіріңіз.",
        "en": "Your personal account is already active. Log in at a branch kiosk or on vic.kz.",
    },
    "link_used": {
        "ru": "Эта ссылка уже использована.",
        "kk": "Бұл сілтеме бұрын қолданылған.",
        "en": "This link has already been used.",
    },
    "link_expired": {
        "ru": "Срок действия ссылки истёк. Запросите восстановление пароля.",
        "kk": "Сілтеменің мерзімі өтті. Құпиясөзді қалпына келтіруді сұраңыз.",
        "en": "This link has expired. Please request a password reset.",
    },
    "link_invalid": {
        "ru": "Ссылка недействительна.",
        "kk": "Сілтеме жарамсыз.",
        "en": "This link is not valid.",
    },
    "enter_code": {
        "ru": "Введите код из СМС, чтобы завершить регистрацию.",
        "kk": "Тіркеуді аяқтау үшін SMS-тегі кодты енгізіңіз.",
        "en": "Enter the code from the SMS to finish the registration.",
    },
    "code_label": {"ru": "Код", "kk": "Код", "en": "Code"},
    "submit": {"ru": "Подтвердить код", "kk": "Кодты растау", "en": "Confirm code"},
    "confirmed": {
        "ru": "Готово! Письмо со ссылкой активации и временным паролем отправлено на email.",
        "kk": "Дайын! Белсендіру сілтемесі мен уақытша құпиясөзі бар хат email-ге жіберілді.",
        "en": "Done! An email with the activation link and a temporary password is on its way.",
    },
}

# the phone page of an upload link (online claims)
PAGES.update(
    {
        "upload_intro": {
            "ru": "Добавьте фотографии к заявлению {number}: JPEG, PNG или PDF, до 10 МБ каждый.",
            "kk": "{number} өтінішіне фотосуреттер қосыңыз: JPEG, PNG немесе PDF, "
            "әрқайсысы 10 МБ-қа дейін.",
            "en": "Add photos to claim {number}: JPEG, PNG or PDF, up to 10 MB each.",
        },
        "upload_label": {
            "ru": "Фото или файлы",
            "kk": "Фото немесе файлдар",
            "en": "Photos or files",
        },
        "upload_submit": {"ru": "Отправить", "kk": "Жіберу", "en": "Send"},
        "upload_done": {
            "ru": "Готово: добавлено файлов — {count}. Они уже видны в терминале; "
            "страницу можно закрыть.",
            "kk": "Дайын: қосылған файлдар саны — {count}. Олар терминалда көрінеді; "
            "бетті жабуға болады.",
            "en": "Done: {count} file(s) added. They already show at the terminal; "
            "you may close this page.",
        },
    }
)

# the shell of every page (central/web/page.py): its headings and its frame
PAGES.update(
    {
        "brand": {"ru": "Виктория", "kk": "Виктория", "en": "Victoria"},
        "languages": {"ru": "Язык", "kk": "Тіл", "en": "Language"},
        "help": {
            "ru": "Есть вопросы? Обратитесь в любой филиал «Виктории» или на vic.kz.",
            "kk": "Сұрақтарыңыз бар ма? «Виктория» кез келген филиалына немесе vic.kz "
            "сайтына хабарласыңыз.",
            "en": "Questions? Ask at any Victoria branch or on vic.kz.",
        },
        "h_activate": {
            "ru": "Активация «Личного кабинета»",
            "kk": "«Жеке кабинетті» белсендіру",
            "en": "Activate your personal account",
        },
        "h_activated": {
            "ru": "Кабинет активирован",
            "kk": "Кабинет белсендірілді",
            "en": "Account activated",
        },
        "h_already_active": {
            "ru": "Кабинет уже активирован",
            "kk": "Кабинет бұрын белсендірілген",
            "en": "Already active",
        },
        "h_link_problem": {
            "ru": "Ссылка не работает",
            "kk": "Сілтеме жұмыс істемейді",
            "en": "This link does not work",
        },
        "link_next": {
            "ru": "Откройте ссылку из последнего письма или СМС или обратитесь в филиал.",
            "kk": "Соңғы хаттағы немесе СМС-тегі сілтемені ашыңыз, не филиалға хабарласыңыз.",
            "en": "Open the link from the latest email or SMS, or ask at a branch.",
        },
        "h_code": {
            "ru": "Завершите регистрацию",
            "kk": "Тіркеуді аяқтаңыз",
            "en": "Finish the registration",
        },
        "h_confirmed": {"ru": "Код подтверждён", "kk": "Код расталды", "en": "Code confirmed"},
        "h_refused": {"ru": "Не получилось", "kk": "Орындалмады", "en": "That did not work"},
        "h_too_many": {
            "ru": "Слишком много попыток",
            "kk": "Әрекеттер тым көп",
            "en": "Too many attempts",
        },
        "h_upload": {
            "ru": "Фото к заявлению",
            "kk": "Өтінішке фото",
            "en": "Photos for your claim",
        },
        "h_uploaded": {"ru": "Файлы получены", "kk": "Файлдар қабылданды", "en": "Files received"},
        "upload_already_done": {
            "ru": "Файлы по этой ссылке уже получены и видны в терминале; страницу можно "
            "закрыть. Чтобы добавить ещё, попросите в терминале новую ссылку.",
            "kk": "Осы сілтеме арқылы файлдар қабылданып қойған, олар терминалда көрінеді; "
            "бетті жабуға болады. Тағы қосу үшін терминалдан жаңа сілтеме сұраңыз.",
            "en": "The files sent through this link have already arrived and show at the "
            "terminal; you can close this page. To add more, ask the terminal for a new link.",
        },
    }
)

# the kinds of claim (GET /api/v1/claim-kinds), in their order
CLAIM_KINDS: dict[str, dict[Locale, str]] = {
    "road_accident": {"ru": "ДТП", "kk": "Жол-көлік оқиғасы", "en": "Road accident"},
    "property_damage": {
        "ru": "Повреждение имущества",
        "kk": "Мүліктің зақымдануы",
        "en": "Property damage",
    },
    "theft": {"ru": "Кража", "kk": "Ұрлық", "en": "Theft"},
    "injury": {"ru": "Несчастный случай", "kk": "Жазатайым оқиға", "en": "Injury"},
    "medical": {"ru": "Медицинская помощь", "kk": "Медициналық көмек", "en": "Medical care"},
    "other": {"ru": "Другое", "kk": "Басқа", "en": "Other"},
}


def as_locale(value: str) -> Locale:
    """``value`` when it is one of ru/kk/en, else the default (ru)."""
    return cast(Locale, value) if value in LOCALES else DEFAULT_LOCALE


def message(code: str, locale: str) -> str:
    """The text of an error code; the generic one for a code without its own text."""
    texts = ERRORS.get(code, ERRORS["bad_request"])
    return texts[as_locale(locale)]


def page_text(key: str, locale: str) -> str:
    texts = PAGES[key]
    return texts[as_locale(locale)]


def negotiate(accept_language: str | None, default: str = DEFAULT_LOCALE) -> Locale:
    """The best of ru/kk/en for an ``Accept-Language`` header (``kk-KZ``, ``en;q=0.5``)."""
    best: tuple[float, Locale] | None = None
    for index, part in enumerate((accept_language or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        primary = tag.strip().replace("_", "-").split("-")[0].lower()
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if primary in LOCALES and quality > 0:
            rank = quality - index * 1e-6
            if best is None or rank > best[0]:
                best = (rank, as_locale(primary))
    if best is not None:
        return best[1]
    return as_locale(default)
