<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>AccountClosedScreen</name>
    <message>
        <source>«Личный кабинет» closed</source>
        <translation>«Личный кабинет» закрыт</translation>
    </message>
    <message>
        <source>Your «Личный кабинет» is closed: you have been logged out and can no longer log in. Your email and phone number have been erased from it. Your insurance contracts stay with the company as insurance law requires. An SMS and an email confirm the closure.</source>
        <translation>Ваш «Личный кабинет» закрыт: вы вышли из него, и войти в него больше нельзя. Ваши email и номер телефона удалены из него. Договоры страхования остаются в компании, как требует закон о страховании. Закрытие подтвердят СМС и письмо на email.</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>На главную</translation>
    </message>
</context>
<context>
    <name>AccountClosureScreen</name>
    <message>
        <source>Wrong password: the «Личный кабинет» has not been closed. Please check and try again.</source>
        <translation>Неверный пароль: «Личный кабинет» не закрыт. Проверьте и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>No connection to the server: the «Личный кабинет» has not been closed. Please try again later.</source>
        <translation>Нет связи с сервером: «Личный кабинет» не закрыт. Попробуйте позже.</translation>
    </message>
    <message>
        <source>Close «Личный кабинет»</source>
        <translation>Закрыть «Личный кабинет»</translation>
    </message>
    <message>
        <source>What happens when you close it:</source>
        <translation>Что произойдёт при закрытии:</translation>
    </message>
    <message>
        <source>You are logged out everywhere, and you can no longer log in.</source>
        <translation>Вы выйдете из кабинета везде, и войти в него больше будет нельзя.</translation>
    </message>
    <message>
        <source>Your email and mobile phone number are erased from the account.</source>
        <translation>Ваши email и номер мобильного телефона будут удалены из кабинета.</translation>
    </message>
    <message>
        <source>Your insurance contracts and claims stay with the company, as insurance law requires: they remain valid, and you can ask about them at a branch.</source>
        <translation>Ваши договоры страхования и заявления остаются в компании, как требует закон о страховании: они продолжают действовать, а узнать о них можно в любом филиале.</translation>
    </message>
    <message>
        <source>An SMS and an email confirm the closure.</source>
        <translation>Закрытие подтвердят СМС и письмо на email.</translation>
    </message>
    <message>
        <source>This also withdraws your consent to the processing of your personal data.</source>
        <translation>Это также отзыв вашего согласия на обработку персональных данных.</translation>
    </message>
    <message>
        <source>Your password, to confirm</source>
        <translation>Ваш пароль для подтверждения</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close the account</source>
        <translation>Закрыть кабинет</translation>
    </message>
    <message>
        <source>Enter your password to close the account.</source>
        <translation>Введите пароль, чтобы закрыть кабинет.</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>Employee menu</source>
        <translation>Меню сотрудника</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Очередь отправки</translation>
    </message>
    <message>
        <source>Exit the application</source>
        <translation>Выйти из приложения</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Вернуться к киоску</translation>
    </message>
</context>
<context>
    <name>AdminPinDialog</name>
    <message>
        <source>Employee access</source>
        <translation>Доступ сотрудника</translation>
    </message>
    <message>
        <source>Employee access: enter the admin PIN</source>
        <translation>Доступ сотрудника: введите PIN администратора</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>PIN администратора</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Неверный PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 min %2 s.</source>
        <translation>Слишком много неверных PIN. Повторите через %1 мин %2 с.</translation>
    </message>
    <message>
        <source>The PIN cannot be checked: the keyring is not available.</source>
        <translation>PIN нельзя проверить: хранилище ключей недоступно.</translation>
    </message>
</context>
<context>
    <name>AlreadyRegisteredScreen</name>
    <message>
        <source>You already have a personal account</source>
        <translation>У вас уже есть «Личный кабинет»</translation>
    </message>
    <message>
        <source>An account with this phone number or email already exists: for example, it was created automatically when you bought a policy online. Log in with the mobile phone number and the email given in your contract.

Forgot the password? We can send a code by SMS to set a new one.</source>
        <translation>Учётная запись с этим номером телефона или адресом почты уже существует: например, она была создана автоматически при покупке полиса онлайн. Войдите, используя номер мобильного телефона и адрес электронной почты, указанные в вашем договоре.

Забыли пароль? Мы можем отправить код по СМС, чтобы задать новый.</translation>
    </message>
    <message>
        <source>Set a new password by SMS code</source>
        <translation>Задать новый пароль по коду из СМС</translation>
    </message>
    <message>
        <source>No activation email? Correct the email by SMS code</source>
        <translation>Не пришло письмо для активации? Исправить email по коду из СМС</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
</context>
<context>
    <name>BusyButton</name>
    <message>
        <source>Please wait…</source>
        <translation>Подождите…</translation>
    </message>
</context>
<context>
    <name>CheckDetailsScreen</name>
    <message>
        <source>Check your details</source>
        <translation>Проверьте ваши данные</translation>
    </message>
    <message>
        <source>The code and the account details will be sent to this phone and this email. A mistake makes registration impossible.</source>
        <translation>Код и данные для входа придут на этот телефон и эту почту. При ошибке регистрация будет невозможна.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>All correct</source>
        <translation>Всё верно</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Check the email: did you mean %1?</source>
        <translation>Проверьте email: вы имели в виду %1?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Исправить на %1</translation>
    </message>
    <message>
        <source>No connection to the server, and this terminal cannot keep your request just now. Please ask an employee for help.</source>
        <translation>Нет связи с сервером, а этот терминал сейчас не может сохранить ваш запрос. Пожалуйста, обратитесь к сотруднику.</translation>
    </message>
</context>
<context>
    <name>ClaimFormScreen</name>
    <message>
        <source>Report an insured event</source>
        <translation>Заявление о страховом случае</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что случилось</translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation>Дата события</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>City, street, road</source>
        <translation>Город, улица, трасса</translation>
    </message>
    <message>
        <source>Describe what happened</source>
        <translation>Опишите, что произошло</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Контактный телефон</translation>
    </message>
    <message>
        <source>Leave it empty to be called on your account&apos;s phone.</source>
        <translation>Оставьте пустым, чтобы с вами связались по телефону кабинета.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Send the claim</source>
        <translation>Отправить заявление</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 из %2 символов</translation>
    </message>
    <message>
        <source>A claim needs a connection to the insurer, and there is none right now. What you typed is kept: press «Send the claim» again once the connection is back.</source>
        <translation>Для заявления нужна связь со страховой компанией, а её сейчас нет. Всё, что вы ввели, сохранено: нажмите «Отправить заявление» ещё раз, когда связь появится.</translation>
    </message>
    <message>
        <source>Please check the fields marked above.</source>
        <translation>Проверьте отмеченные выше поля.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выберите…</translation>
    </message>
</context>
<context>
    <name>ClaimListScreen</name>
    <message>
        <source>My claims</source>
        <translation>Мои заявления</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Договор</translation>
    </message>
    <message>
        <source>You have no claims.</source>
        <translation>Заявлений нет.</translation>
    </message>
    <message>
        <source>If something has happened to what you insured, report it: choose the contract and describe what happened. It takes a few minutes.</source>
        <translation>Если с застрахованным имуществом что-то случилось, сообщите об этом: выберите договор и опишите, что произошло. Это займёт несколько минут.</translation>
    </message>
    <message>
        <source>Report an insured event</source>
        <translation>Заявить о страховом случае</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Мои договоры</translation>
    </message>
    <message>
        <source>Open the claim</source>
        <translation>Открыть заявление</translation>
    </message>
    <message>
        <source>Loading your claims…</source>
        <translation>Загружаем ваши заявления…</translation>
    </message>
</context>
<context>
    <name>ClaimTexts</name>
    <message>
        <source>Please fill in this field.</source>
        <translation>Заполните это поле.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Дата не может быть в будущем.</translation>
    </message>
    <message>
        <source>The contract was not in force on that date.</source>
        <translation>В эту дату договор не действовал.</translation>
    </message>
    <message>
        <source>This contract was not found. Please ask an employee.</source>
        <translation>Договор не найден. Обратитесь к сотруднику.</translation>
    </message>
    <message>
        <source>Choose what happened from the list.</source>
        <translation>Выберите из списка, что случилось.</translation>
    </message>
    <message>
        <source>Please describe what happened in at least 10 characters.</source>
        <translation>Опишите, что произошло, не короче 10 символов.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Текст слишком длинный.</translation>
    </message>
    <message>
        <source>This text holds characters that cannot be sent.</source>
        <translation>В тексте есть символы, которые нельзя отправить.</translation>
    </message>
    <message>
        <source>Enter a mobile number, e.g. +7 701 123 45 67.</source>
        <translation>Введите мобильный номер, например +7 701 123 45 67.</translation>
    </message>
    <message>
        <source>This is not a mobile number.</source>
        <translation>Это не мобильный номер.</translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator.</source>
        <translation>Введите номер казахстанского оператора.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Проверьте это поле.</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Подано</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>На рассмотрении</translation>
    </message>
    <message>
        <source>Documents requested</source>
        <translation>Нужны документы</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Выплачено</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Contract %1, %2, in force %3</source>
        <translation>Договор %1, %2, действует %3</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 МБ</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 КБ</translation>
    </message>
    <message>
        <source>«%1» is larger than 10 MB and was not added.</source>
        <translation>«%1» больше 10 МБ и не добавлен.</translation>
    </message>
    <message>
        <source>«%1» was not added: only photos (JPEG, PNG) and PDF files are accepted.</source>
        <translation>«%1» не добавлен: принимаются только фото (JPEG, PNG) и файлы PDF.</translation>
    </message>
    <message>
        <source>«%1» was not added: a claim holds at most 20 documents.</source>
        <translation>«%1» не добавлен: к заявлению можно приложить не больше 20 документов.</translation>
    </message>
    <message>
        <source>«%1» was not added: a decision on this claim has been made already.</source>
        <translation>«%1» не добавлен: по заявлению уже принято решение.</translation>
    </message>
    <message>
        <source>«%1» was not added: no connection to the insurer. Please try again.</source>
        <translation>«%1» не добавлен: нет связи со страховой компанией. Попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>«%1» could not be read. Please choose it again.</source>
        <translation>Не удалось прочитать «%1». Выберите файл ещё раз.</translation>
    </message>
    <message>
        <source>The link has been sent by SMS to %1.</source>
        <translation>Ссылка отправлена по СМС на %1.</translation>
    </message>
    <message>
        <source>The link for this claim has been sent by SMS several times this hour. You can send it again in %1 min; until then, scan the QR code.</source>
        <translation>Ссылку по этому заявлению уже несколько раз отправили по СМС за этот час. Отправить снова можно через %1 мин, а пока отсканируйте QR-код.</translation>
    </message>
    <message>
        <source>No connection to the insurer: the SMS was not sent. Please try again.</source>
        <translation>Нет связи со страховой компанией: СМС не отправлено. Повторите попытку.</translation>
    </message>
    <message>
        <source>A decision on this claim has been made already: no link is needed.</source>
        <translation>По заявлению уже принято решение: ссылка не нужна.</translation>
    </message>
    <message>
        <source>The claim already has 20 documents: no link is needed.</source>
        <translation>К заявлению уже приложено 20 документов: ссылка не нужна.</translation>
    </message>
</context>
<context>
    <name>ClaimViewScreen</name>
    <message>
        <source>Documents</source>
        <translation>Документы</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Документов пока нет.</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Добавить файл</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>Add documents from your phone</source>
        <translation>Добавьте документы с телефона</translation>
    </message>
    <message>
        <source>Send the link by SMS</source>
        <translation>Отправить ссылку по СМС</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Мои договоры</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>Мои заявления</translation>
    </message>
    <message>
        <source>Claim %1</source>
        <translation>Заявление %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Статус: %1</translation>
    </message>
    <message>
        <source>We have received your claim and sent its number to you by SMS and email. What happens next: the insurer reviews it and tells you of each step by SMS and email; if documents are missing, you will be told which. Add photos of the damage and any documents now, or later from «My claims».</source>
        <translation>Мы получили ваше заявление и отправили его номер по СМС и на email. Что дальше: страховая компания рассмотрит его и сообщит о каждом шаге по СМС и на email; если не хватит документов, вам скажут каких. Добавьте фото повреждений и документы сейчас или позже в разделе «Мои заявления».</translation>
    </message>
    <message>
        <source>Contract %1 · %2 · event on %3</source>
        <translation>Договор %1 · %2 · дата события %3</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Документы (%1)</translation>
    </message>
    <message>
        <source>A decision has been made on this claim: it takes no more documents.</source>
        <translation>По заявлению принято решение: документы больше не принимаются.</translation>
    </message>
    <message>
        <source>Preparing the link for your phone…</source>
        <translation>Готовим ссылку для телефона…</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code: a page opens where you take or pick photos of the damage and documents. Each one appears here within seconds. The code works for 15 minutes.</source>
        <translation>Наведите камеру телефона на код: откроется страница, где можно сфотографировать или выбрать фото повреждений и документов. Каждое появится здесь через несколько секунд. Код действует 15 минут.</translation>
    </message>
    <message>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Фото и PDF (*.jpg *.jpeg *.png *.pdf);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Files added: %1.</source>
        <translation>Добавлено файлов: %1.</translation>
    </message>
</context>
<context>
    <name>ClerkPanel</name>
    <message>
        <source>sent: the client got the SMS code</source>
        <translation>отправлено: клиенту пришёл код по СМС</translation>
    </message>
    <message>
        <source>already registered: told by SMS and email</source>
        <translation>уже зарегистрирован: сообщили по СМС и email</translation>
    </message>
    <message>
        <source>not sent: see the outbox</source>
        <translation>не отправлено: см. очередь отправки</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Оператор: %1</translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation>Сменить оператора</translation>
    </message>
    <message>
        <source>Correct the email of a pending account</source>
        <translation>Исправить email неактивированного кабинета</translation>
    </message>
    <message>
        <source>Registrations today: %1</source>
        <translation>Регистраций сегодня: %1</translation>
    </message>
    <message>
        <source>Registrations today</source>
        <translation>Регистрации за сегодня</translation>
    </message>
    <message>
        <source>No registrations yet today. Each one appears here with its outcome.</source>
        <translation>Сегодня регистраций ещё не было. Каждая появится здесь со своим результатом.</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>зарегистрирован</translation>
    </message>
    <message>
        <source>already registered</source>
        <translation>уже зарегистрирован</translation>
    </message>
    <message>
        <source>saved, will be sent</source>
        <translation>сохранено, будет отправлено</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <source>Confirmation code</source>
        <translation>Код подтверждения</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>Подтвердить код</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Отменить регистрацию</translation>
    </message>
    <message>
        <source>We have sent an SMS with a 6-digit code to %1. Enter the code below.</source>
        <translation>Мы отправили СМС с 6-значным кодом на номер %1. Введите код ниже.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>Введите все 6 цифр кода из СМС.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>Новый код отправлен по СМС.</translation>
    </message>
</context>
<context>
    <name>CodeStatus</name>
    <message>
        <source>Send the code again</source>
        <translation>Отправить код повторно</translation>
    </message>
    <message>
        <source>Attempts left: %1</source>
        <translation>Осталось попыток: %1</translation>
    </message>
    <message>
        <source>The code is valid for %1</source>
        <translation>Код действителен ещё %1</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation>Срок действия кода истёк. Запросите новый код.</translation>
    </message>
    <message>
        <source>A new code can be sent in %1</source>
        <translation>Новый код можно запросить через %1</translation>
    </message>
</context>
<context>
    <name>ContractsScreen</name>
    <message>
        <source>My contracts</source>
        <translation>Мои договоры</translation>
    </message>
    <message>
        <source>Active contracts</source>
        <translation>Действующие договоры</translation>
    </message>
    <message>
        <source>Past contracts</source>
        <translation>Ранее заключенные договоры</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>Страховая премия</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>Buy a policy on vic.kz or at any Victoria branch: it appears here as soon as the insurer registers it.</source>
        <translation>Купите полис на vic.kz или в любом отделении «Виктории»: он появится здесь, как только страховая компания его зарегистрирует.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Истёк</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Расторгнут</translation>
    </message>
    <message>
        <source>Report an insured event</source>
        <translation>Заявить о страховом случае</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>Мои заявления</translation>
    </message>
    <message>
        <source>Close «Личный кабинет»</source>
        <translation>Закрыть «Личный кабинет»</translation>
    </message>
    <message>
        <source>Loading your contracts…</source>
        <translation>Загружаем ваши договоры…</translation>
    </message>
    <message>
        <source>You have no insurance contracts with us yet.</source>
        <translation>У вас пока нет договоров страхования с нами.</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo: the client&apos;s phone and mailbox</source>
        <translation>Демо: телефон и почта клиента</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Отправленные сообщения</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Текст сообщения</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Копировать код</translation>
    </message>
    <message>
        <source>Copy temporary password</source>
        <translation>Копировать временный пароль</translation>
    </message>
    <message>
        <source>Open activation link</source>
        <translation>Открыть ссылку активации</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>СМС</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Demo: the central does not answer</source>
        <translation>Демо: центральный сервер не отвечает</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Скопировано: %1</translation>
    </message>
    <message>
        <source>The page says: %1</source>
        <translation>На странице: %1</translation>
    </message>
    <message>
        <source>The page refused (%1): %2</source>
        <translation>Страница отказала (%1): %2</translation>
    </message>
    <message>
        <source>Opening the link…</source>
        <translation>Открываем ссылку…</translation>
    </message>
    <message>
        <source>The link could not be opened: the central does not answer.</source>
        <translation>Не удалось открыть ссылку: центральный сервер не отвечает.</translation>
    </message>
</context>
<context>
    <name>DigitKeypad</name>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Стереть последнюю цифру</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionCodeScreen</name>
    <message>
        <source>Code from the SMS</source>
        <translation>Код из СМС</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>Подтвердить код</translation>
    </message>
    <message>
        <source>Change the details</source>
        <translation>Изменить данные</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>This correction is already done.</source>
        <translation>Это исправление уже выполнено.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>Новый код отправлен по СМС.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>Введите все 6 цифр кода из СМС.</translation>
    </message>
    <message>
        <source>We have sent an SMS with a 6-digit code to %1, the phone of the account. Enter the code below.</source>
        <translation>Мы отправили СМС с 6-значным кодом на телефон кабинета %1. Введите код ниже.</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionDoneScreen</name>
    <message>
        <source>Activation email sent to the new address</source>
        <translation>Письмо для активации отправлено на новый адрес</translation>
    </message>
    <message>
        <source>The «Личный кабинет» now has the email %1, and the activation email with a new temporary password has gone there. Open the link in it, then log in with that password. Earlier activation links and the old temporary password no longer work, and the old address gets nothing more.</source>
        <translation>Теперь у «Личного кабинета» email %1, и на него отправлено письмо для активации с новым временным паролем. Откройте ссылку из письма, затем войдите с этим паролем. Прежние ссылки для активации и старый временный пароль больше не действуют, а на старый адрес больше ничего не придёт.</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>На главную</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionScreen</name>
    <message>
        <source>There is no «Личный кабинет» waiting for activation with this phone number. The email of an activated account cannot be changed here; a forgotten password is reset with «Forgot password?» on the login screen.</source>
        <translation>С этим номером телефона нет «Личного кабинета», ожидающего активации. Email активированного кабинета здесь изменить нельзя; забытый пароль восстанавливается кнопкой «Забыли пароль?» на экране входа.</translation>
    </message>
    <message>
        <source>Another «Личный кабинет» already uses this email. Enter a different email.</source>
        <translation>Этот email уже использует другой «Личный кабинет». Введите другой email.</translation>
    </message>
    <message>
        <source>Correct the email of a «Личный кабинет»</source>
        <translation>Исправление email «Личного кабинета»</translation>
    </message>
    <message>
        <source>For a «Личный кабинет» that is not activated yet, when the activation email went to a mistyped address. Enter the mobile phone number given at registration and the right email: we will send a code by SMS to that phone, and after it the activation email goes to the new address.</source>
        <translation>Для «Личного кабинета», который ещё не активирован, если письмо для активации ушло на адрес с опечаткой. Введите номер мобильного телефона, указанный при регистрации, и правильный email: мы отправим на этот телефон код в СМС, после чего письмо для активации уйдёт на новый адрес.</translation>
    </message>
    <message>
        <source>Mobile phone given at registration</source>
        <translation>Мобильный телефон, указанный при регистрации</translation>
    </message>
    <message>
        <source>Correct email</source>
        <translation>Правильный email</translation>
    </message>
    <message>
        <source>The client showed an identity document</source>
        <translation>Клиент предъявил удостоверение личности</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Получить код</translation>
    </message>
    <message>
        <source>Check the client&apos;s identity document and tick the box to continue.</source>
        <translation>Проверьте удостоверение личности клиента и отметьте это, чтобы продолжить.</translation>
    </message>
</context>
<context>
    <name>EmailKeyboard</name>
    <message>
        <source>Clear</source>
        <translation>Очистить</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Стереть последний символ</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Заглавные буквы</translation>
    </message>
</context>
<context>
    <name>EnterKey</name>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Далее</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>VICTORIA</source>
        <translation>ВИКТОРИЯ</translation>
    </message>
    <message>
        <source>victory over chance</source>
        <translation>победа над случайностью</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo mode: no real client data, messages stay here</source>
        <translation>Демо-режим: данные ненастоящие, сообщения остаются здесь</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Wrong phone, email or password. Please check and try again.</source>
        <translation>Неверный телефон, email или пароль. Проверьте и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>Your «Личный кабинет» is not activated yet. Open the link in the email we sent you, then log in with the temporary password from that email.</source>
        <translation>Ваш «Личный кабинет» ещё не активирован. Перейдите по ссылке в сообщении, полученном по электронной почте, и войдите с временным паролем из этого письма.</translation>
    </message>
    <message>
        <source>Log in to «Личный кабинет»</source>
        <translation>Вход в «Личный кабинет»</translation>
    </message>
    <message>
        <source>Use your mobile phone number or email, and your password.</source>
        <translation>Используйте номер мобильного телефона или адрес электронной почты и пароль.</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Телефон или Email</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Пароль</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Забыли пароль?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Enter your phone or email.</source>
        <translation>Введите телефон или email.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Victoria: personal account registration</source>
        <translation>Виктория: регистрация в «Личном кабинете»</translation>
    </message>
    <message>
        <source>End of shift</source>
        <translation>Конец смены</translation>
    </message>
    <message>
        <source>End the shift and close the terminal?</source>
        <translation>Завершить смену и закрыть терминал?</translation>
    </message>
    <message>
        <source>End shift and close</source>
        <translation>Завершить смену и закрыть</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Продолжить работу</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please fill in this field.</source>
        <translation>Заполните это поле.</translation>
    </message>
    <message>
        <source>This does not look like an email address, e.g. name@mail.ru.</source>
        <translation>Это не похоже на адрес электронной почты. Пример: name@mail.ru.</translation>
    </message>
    <message>
        <source>Enter a mobile number of 10 digits after +7, e.g. +7 701 123 45 67.</source>
        <translation>Введите мобильный номер: 10 цифр после +7, например +7 701 123 45 67.</translation>
    </message>
    <message>
        <source>This is not a mobile number. Enter a mobile number for SMS.</source>
        <translation>Это не мобильный номер. Введите номер мобильного телефона для СМС.</translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator (+7 7xx).</source>
        <translation>Введите номер казахстанского мобильного оператора (+7 7xx).</translation>
    </message>
    <message>
        <source>Your consent is needed to register.</source>
        <translation>Для регистрации нужно ваше согласие.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Проверьте это поле.</translation>
    </message>
    <message>
        <source>Wrong code. Check the SMS and try again.</source>
        <translation>Неверный код. Проверьте СМС и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation>Срок действия кода истёк. Запросите новый код.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: this code no longer works. Ask for a new code.</source>
        <translation>Слишком много неверных попыток: этот код больше не действует. Запросите новый код.</translation>
    </message>
    <message>
        <source>Too many requests. Please try again in %1.</source>
        <translation>Слишком много запросов. Повторите через %1.</translation>
    </message>
    <message>
        <source>No connection to the server. Please try again in a minute.</source>
        <translation>Нет связи с сервером. Повторите через минуту.</translation>
    </message>
    <message>
        <source>An account with this email or phone already exists.</source>
        <translation>Учётная запись с этой почтой или телефоном уже существует.</translation>
    </message>
    <message>
        <source>This registration was not found. Please start again.</source>
        <translation>Регистрация не найдена. Начните заново.</translation>
    </message>
    <message>
        <source>This terminal is not authorised. Please call an employee.</source>
        <translation>Терминал не авторизован. Обратитесь к сотруднику.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again or ask an employee.</source>
        <translation>Что-то пошло не так. Повторите попытку или обратитесь к сотруднику.</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>New password</source>
        <translation>Новый пароль</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Повторите новый пароль</translation>
    </message>
    <message>
        <source>The server did not accept this password:</source>
        <translation>Сервер не принял этот пароль:</translation>
    </message>
    <message>
        <source>This password cannot be used yet:</source>
        <translation>Этот пароль нельзя использовать:</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Start of shift</source>
        <translation>Начало смены</translation>
    </message>
    <message>
        <source>Your operator ID</source>
        <translation>Ваш идентификатор оператора</translation>
    </message>
    <message>
        <source>Start shift</source>
        <translation>Начать смену</translation>
    </message>
    <message>
        <source>Enter your operator ID to start the shift.</source>
        <translation>Введите идентификатор оператора, чтобы начать смену.</translation>
    </message>
</context>
<context>
    <name>OutboxOverlay</name>
    <message>
        <source>Outbox</source>
        <translation>Очередь отправки</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation>Очередь отправки</translation>
    </message>
    <message>
        <source>%1 more are waiting and not listed.</source>
        <translation>Ещё %1 ждут отправки и не показаны.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Повторить</translation>
    </message>
    <message>
        <source>Confirm drop</source>
        <translation>Подтвердить удаление</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Обновить</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>ожидает</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>требует внимания</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Все регистрации отправлены.</translation>
    </message>
    <message>
        <source>Dropping deletes this registration for good. Press again to confirm.</source>
        <translation>Удаление безвозвратно удалит эту регистрацию. Нажмите ещё раз для подтверждения.</translation>
    </message>
</context>
<context>
    <name>PasswordChangeScreen</name>
    <message>
        <source>Choose a new password</source>
        <translation>Смена пароля</translation>
    </message>
    <message>
        <source>You logged in with a temporary password. Choose your own password: you will log in with it from now on.</source>
        <translation>Вы вошли с временным паролем. При первом входе система запрашивает смену пароля: придумайте свой пароль, с ним вы будете входить дальше.</translation>
    </message>
    <message>
        <source>Password requirements:</source>
        <translation>Требования для пароля:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Сменить пароль</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Пароль изменён</translation>
    </message>
    <message>
        <source>Your password has been changed successfully. You can now use «Личный кабинет».</source>
        <translation>Пароль успешно изменён. Можно заходить в «Личный кабинет» для дальнейшей работы.</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Мои договоры</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
</context>
<context>
    <name>PasswordChecklist</name>
    <message>
        <source>met</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>не выполнено</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation>Скрыть</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
</context>
<context>
    <name>PasswordResetScreen</name>
    <message>
        <source>Password reset</source>
        <translation>Восстановление пароля</translation>
    </message>
    <message>
        <source>Enter the mobile phone number or the email of your «Личный кабинет». We will send a code by SMS to the account&apos;s phone; your current password keeps working until you set a new one.</source>
        <translation>Введите номер мобильного телефона или email вашего «Личного кабинета». Мы отправим код по СМС на телефон кабинета; нынешний пароль действует, пока вы не зададите новый.</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Телефон или Email</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Получить код</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Enter your phone or email.</source>
        <translation>Введите телефон или email.</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>At least 8 characters</source>
        <translation>Длина пароля – не менее 8 символов</translation>
    </message>
    <message>
        <source>At most {count} characters</source>
        <translation>Длина пароля – не более {count} символов</translation>
    </message>
    <message>
        <source>Upper-case Latin letters (A–Z)</source>
        <translation>Заглавные буквы латинского алфавита (A–Z)</translation>
    </message>
    <message>
        <source>Lower-case Latin letters (a–z)</source>
        <translation>Строчные буквы латинского алфавита (a–z)</translation>
    </message>
    <message>
        <source>Digits (0–9)</source>
        <translation>Цифры (0–9)</translation>
    </message>
    <message>
        <source>Special characters: ! @ $ _ -</source>
        <translation>Специальные символы: ! @ $ _ -</translation>
    </message>
    <message>
        <source>Only Latin letters, digits and ! @ $ _ -</source>
        <translation>Только латинские буквы, цифры и ! @ $ _ -</translation>
    </message>
    <message>
        <source>Not the example, the company&apos;s name or a known leaked password</source>
        <translation>Не пароль из примера, не название компании и не известный утёкший пароль</translation>
    </message>
    <message>
        <source>Different from the current password</source>
        <translation>Отличается от текущего пароля</translation>
    </message>
    <message>
        <source>Both entries are the same</source>
        <translation>Пароли совпадают</translation>
    </message>
    <message>
        <source>The passwords do not match</source>
        <translation>Пароли не совпадают</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>Call support; the log file has the details.</source>
        <translation>Обратитесь в поддержку; подробности в файле журнала.</translation>
    </message>
    <message>
        <source>This kiosk has no administrator PIN, so no employee could unlock it. The terminal&apos;s administrator sets one on this computer (the command main.py admin-pin).</source>
        <translation>У этого киоска не задан PIN-код администратора, поэтому сотрудник не сможет его разблокировать. Администратор терминала задаёт его на этом компьютере (команда main.py admin-pin).</translation>
    </message>
    <message>
        <source>This computer has no usable keyring to keep the terminal&apos;s secrets in.</source>
        <translation>На этом компьютере нет рабочего хранилища ключей для секретов терминала.</translation>
    </message>
    <message>
        <source>The terminal&apos;s secrets in the keyring cannot be read.</source>
        <translation>Не удаётся прочитать секреты терминала в хранилище ключей.</translation>
    </message>
    <message>
        <source>The offline outbox cannot be opened.</source>
        <translation>Не удаётся открыть очередь отправки.</translation>
    </message>
    <message>
        <source>The offline outbox is damaged; a copy of it was kept. Its registrations must be recovered before the terminal saves new ones.</source>
        <translation>Очередь отправки повреждена; её копия сохранена. Регистрации из неё нужно восстановить, прежде чем терминал сохранит новые.</translation>
    </message>
    <message>
        <source>The offline outbox was deleted or emptied. Its registrations must be accounted for before the terminal opens.</source>
        <translation>Очередь отправки удалена или очищена. Прежде чем терминал откроется, нужно выяснить, что стало с её регистрациями.</translation>
    </message>
    <message>
        <source>The terminal&apos;s disk is full. The registrations already saved are safe.</source>
        <translation>Диск терминала заполнен. Уже сохранённые регистрации в безопасности.</translation>
    </message>
    <message>
        <source>The terminal&apos;s data folder cannot be used.</source>
        <translation>Папка данных терминала недоступна.</translation>
    </message>
    <message>
        <source>The central cannot be reached. Check the network, then start the terminal again.</source>
        <translation>Нет связи с центральным сервером. Проверьте сеть и запустите терминал ещё раз.</translation>
    </message>
    <message>
        <source>The central did not accept this terminal.</source>
        <translation>Центральный сервер не принял этот терминал.</translation>
    </message>
    <message>
        <source>Demo mode is not available: this program was installed without its demo part.</source>
        <translation>Демо-режим недоступен: программа установлена без демо-части.</translation>
    </message>
    <message>
        <source>An unexpected error; the log file has the details.</source>
        <translation>Непредвиденная ошибка; подробности в файле журнала.</translation>
    </message>
    <message>
        <source>The terminal could not start</source>
        <translation>Терминал не удалось запустить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Attention! Check that the email address and the mobile phone number are entered correctly. If the email address and/or the mobile phone number contain a mistake, registration in the personal account will be impossible.</source>
        <translation>Внимание! Проверьте корректность ввода адреса электронной почты и номера мобильного телефона. В случае ошибки в написании адреса электронной почты и/или номера мобильного телефона регистрация в «Личном кабинете» будет невозможна.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>name@mail.ru</source>
        <translation>name@mail.ru</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>+7 7XX XXX XX XX</source>
        <translation>+7 7XX XXX XX XX</translation>
    </message>
    <message>
        <source>I consent to the processing of my personal data</source>
        <translation>Я даю согласие на обработку моих персональных данных</translation>
    </message>
    <message>
        <source>The client consents to personal data processing</source>
        <translation>Клиент даёт согласие на обработку персональных данных</translation>
    </message>
    <message>
        <source>Read the consent below to the client aloud, or let them read it:</source>
        <translation>Прочитайте клиенту текст согласия вслух или дайте его прочитать:</translation>
    </message>
    <message>
        <source>JSC «Insurance Company «Victoria» will process your email address and mobile phone number to create and run your personal account and to send you messages about your insurance contracts. The data are kept on servers in Kazakhstan. If the registration is not confirmed with the SMS code, they are deleted within 25 hours after the code expires. Otherwise they are kept while the account exists and erased from it when it is closed; your insurance contracts stay with the company as insurance law requires, and a record of actions on the account, without your full phone and email, is kept for 3 years. The data are not passed to third parties except where the law requires it. You may withdraw your consent at any time with «Close «Личный кабинет»» under «My contracts» at a terminal, or by a written request to the company: the account is then closed. Law of the Republic of Kazakhstan No. 94-V «On personal data and their protection».</source>
        <translation>АО «Страховая компания «Виктория» обрабатывает адрес вашей электронной почты и номер мобильного телефона, чтобы создать и вести ваш «Личный кабинет» и присылать сообщения о ваших договорах страхования. Данные хранятся на серверах в Казахстане. Если регистрация не подтверждена кодом из СМС, они удаляются в течение 25 часов после истечения срока кода. Иначе они хранятся, пока существует «Личный кабинет», и удаляются из него при его закрытии; договоры страхования остаются в компании, как требует закон о страховании, а журнал действий с кабинетом, без полного номера телефона и адреса почты, хранится 3 года. Третьим лицам данные не передаются, кроме случаев, предусмотренных законом. Согласие можно отозвать в любое время кнопкой «Закрыть «Личный кабинет»» в разделе «Мои договоры» на терминале или письменным заявлением в компанию: «Личный кабинет» тогда закрывается. Закон Республики Казахстан № 94-V «О персональных данных и их защите».</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Зарегистрировать</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Вы имели в виду %1?</translation>
    </message>
</context>
<context>
    <name>ResetCodeScreen</name>
    <message>
        <source>Code from the SMS</source>
        <translation>Код из СМС</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Установить новый пароль</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>This password reset is no longer valid. Please start again.</source>
        <translation>Этот запрос на восстановление пароля больше не действует. Начните заново.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>Новый код отправлен по СМС.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>Введите все 6 цифр кода из СМС.</translation>
    </message>
    <message>
        <source>If a «Личный кабинет» is registered to %1, we have sent an SMS with a 6-digit code to its phone. Not activated yet? Then we have emailed the activation link again instead.</source>
        <translation>Если на %1 зарегистрирован «Личный кабинет», мы отправили СМС с 6-значным кодом на его телефон. Кабинет ещё не активирован? Тогда мы повторно отправили письмо со ссылкой для активации.</translation>
    </message>
</context>
<context>
    <name>ResetDoneScreen</name>
    <message>
        <source>Password changed</source>
        <translation>Пароль изменён</translation>
    </message>
    <message>
        <source>Your new password is set. Every earlier login with the old password has ended, and an SMS and an email tell you about the change. Log in with the new password.</source>
        <translation>Новый пароль установлен. Все прежние входы со старым паролем завершены, а СМС и письмо сообщат вам об изменении. Войдите с новым паролем.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Войти</translation>
    </message>
</context>
<context>
    <name>SavedOfflineScreen</name>
    <message>
        <source>Your request is saved</source>
        <translation>Ваша заявка сохранена</translation>
    </message>
    <message>
        <source>There is no connection to the server right now. Your registration request is saved on this terminal and will be sent as soon as the connection is back. You will then get an SMS with a confirmation code and a link to confirm the registration from your phone, at this number:</source>
        <translation>Сейчас нет связи с сервером. Ваша заявка на регистрацию сохранена на этом терминале и будет отправлена, как только связь восстановится. Тогда на этот номер придёт СМС с кодом подтверждения и ссылкой, чтобы подтвердить регистрацию с телефона:</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Готово</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Opening the terminal…</source>
        <translation>Открываем терминал…</translation>
    </message>
    <message>
        <source>The terminal did not open</source>
        <translation>Терминал не открылся</translation>
    </message>
    <message>
        <source>Central: checking…</source>
        <translation>Центральный сервер: проверка…</translation>
    </message>
    <message>
        <source>Central: online</source>
        <translation>Центральный сервер: на связи</translation>
    </message>
    <message>
        <source>Central: offline</source>
        <translation>Центральный сервер: нет связи</translation>
    </message>
    <message>
        <source>Waiting to send: %1</source>
        <translation>Ожидают отправки: %1</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>Терминал: %1</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Шаг %1 из %2</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Are you still there?</source>
        <translation>Вы ещё здесь?</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>Да, продолжить</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in %1 s.</source>
        <translation>Для защиты ваших данных экран будет очищен через %1 с.</translation>
    </message>
</context>
<context>
    <name>SuccessDialog</name>
    <message>
        <source>Your personal account has been created</source>
        <translation>Ваш «Личный кабинет» создан</translation>
    </message>
    <message>
        <source>An SMS and an email about it are on their way to you.

1. Open the email and follow its link to activate the personal account.
2. Log in with the temporary password from the email.
3. At the first login you will be asked to choose a new password.</source>
        <translation>Вам придут СМС-уведомление и письмо на электронную почту о создании «Личного кабинета».

1. Откройте письмо и перейдите по ссылке, чтобы активировать «Личный кабинет».
2. Войдите с временным паролем из письма.
3. При первом входе система попросит сменить пароль.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Понятно</translation>
    </message>
</context>
<context>
    <name>TextKeyboard</name>
    <message>
        <source>Space</source>
        <translation>Пробел</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Удалить последний символ</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Новая строка</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Заглавные буквы</translation>
    </message>
    <message>
        <source>Other alphabet</source>
        <translation>Другой алфавит</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Personal account</source>
        <translation>Личный кабинет</translation>
    </message>
    <message>
        <source>Your insurance contracts and online claims in one place. Register with your email and mobile phone, or log in.</source>
        <translation>Ваши договоры страхования и онлайн-урегулирование страховых случаев в одном месте. Зарегистрируйтесь по адресу электронной почты и номеру мобильного телефона или войдите.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <source>Log in to the personal account</source>
        <translation>Вход в личный кабинет</translation>
    </message>
</context>
</TS>
