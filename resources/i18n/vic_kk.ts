<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>AccountClosedScreen</name>
    <message>
        <source>«Личный кабинет» closed</source>
        <translation>«Жеке кабинет» жабылды</translation>
    </message>
    <message>
        <source>Your «Личный кабинет» is closed: you have been logged out and can no longer log in. Your email and phone number have been erased from it. Your insurance contracts stay with the company as insurance law requires. An SMS and an email confirm the closure.</source>
        <translation>«Жеке кабинетіңіз» жабылды: сіз одан шықтыңыз және оған енді кіре алмайсыз. Email мен телефон нөміріңіз одан жойылды. Сақтандыру шарттары сақтандыру туралы заң талап еткендей компанияда қалады. Жабылғанын SMS және email хат растайды.</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>Басты бетке</translation>
    </message>
</context>
<context>
    <name>AccountClosureScreen</name>
    <message>
        <source>Wrong password: the «Личный кабинет» has not been closed. Please check and try again.</source>
        <translation>Құпиясөз қате: «Жеке кабинет» жабылған жоқ. Тексеріп, қайта көріңіз.</translation>
    </message>
    <message>
        <source>No connection to the server: the «Личный кабинет» has not been closed. Please try again later.</source>
        <translation>Сервермен байланыс жоқ: «Жеке кабинет» жабылған жоқ. Кейінірек қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Close «Личный кабинет»</source>
        <translation>«Жеке кабинетті» жабу</translation>
    </message>
    <message>
        <source>What happens when you close it:</source>
        <translation>Жапқанда не болады:</translation>
    </message>
    <message>
        <source>You are logged out everywhere, and you can no longer log in.</source>
        <translation>Сіз кабинеттен барлық жерде шығасыз және оған енді кіре алмайсыз.</translation>
    </message>
    <message>
        <source>Your email and mobile phone number are erased from the account.</source>
        <translation>Email мен ұялы телефон нөміріңіз кабинеттен жойылады.</translation>
    </message>
    <message>
        <source>Your insurance contracts and claims stay with the company, as insurance law requires: they remain valid, and you can ask about them at a branch.</source>
        <translation>Сақтандыру шарттарыңыз бен өтініштеріңіз сақтандыру туралы заң талап еткендей компанияда қалады: олар күшінде қалады, ал олар туралы кез келген филиалдан білуге болады.</translation>
    </message>
    <message>
        <source>An SMS and an email confirm the closure.</source>
        <translation>Жабылғанын SMS және email хат растайды.</translation>
    </message>
    <message>
        <source>This also withdraws your consent to the processing of your personal data.</source>
        <translation>Бұл сондай-ақ дербес деректеріңізді өңдеуге берген келісіміңізді кері қайтарып алу болып табылады.</translation>
    </message>
    <message>
        <source>Your password, to confirm</source>
        <translation>Растау үшін құпиясөзіңіз</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Close the account</source>
        <translation>Кабинетті жабу</translation>
    </message>
    <message>
        <source>Enter your password to close the account.</source>
        <translation>Кабинетті жабу үшін құпиясөзді енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>Employee menu</source>
        <translation>Қызметкер мәзірі</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Жіберу кезегі</translation>
    </message>
    <message>
        <source>Exit the application</source>
        <translation>Қосымшадан шығу</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Киоскіге оралу</translation>
    </message>
</context>
<context>
    <name>AdminPinDialog</name>
    <message>
        <source>Employee access</source>
        <translation>Қызметкер кіруі</translation>
    </message>
    <message>
        <source>Employee access: enter the admin PIN</source>
        <translation>Қызметкер кіруі: әкімші PIN-кодын енгізіңіз</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Әкімші PIN-коды</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Құлпын ашу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN қате.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 min %2 s.</source>
        <translation>Қате PIN тым көп. %1 мин %2 секундтан кейін қайталаңыз.</translation>
    </message>
    <message>
        <source>The PIN cannot be checked: the keyring is not available.</source>
        <translation>PIN тексерілмейді: кілттер қоймасы қолжетімсіз.</translation>
    </message>
</context>
<context>
    <name>AlreadyRegisteredScreen</name>
    <message>
        <source>You already have a personal account</source>
        <translation>Сізде «Жеке кабинет» бұрыннан бар</translation>
    </message>
    <message>
        <source>An account with this phone number or email already exists: for example, it was created automatically when you bought a policy online. Log in with the mobile phone number and the email given in your contract.

Forgot the password? We can send a code by SMS to set a new one.</source>
        <translation>Осы телефон нөмірі немесе пошта мекенжайы бойынша тіркелгі бұрыннан бар: мысалы, ол полисті онлайн сатып алғанда автоматты түрде ашылған. Шартыңызда көрсетілген ұялы телефон нөмірі мен электрондық пошта арқылы кіріңіз.

Құпиясөзді ұмыттыңыз ба? Жаңасын орнату үшін SMS арқылы код жібере аламыз.</translation>
    </message>
    <message>
        <source>Set a new password by SMS code</source>
        <translation>SMS-кодпен жаңа құпиясөз орнату</translation>
    </message>
    <message>
        <source>No activation email? Correct the email by SMS code</source>
        <translation>Белсендіру хаты келмеді ме? Email-ді SMS-кодпен түзету</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
</context>
<context>
    <name>BusyButton</name>
    <message>
        <source>Please wait…</source>
        <translation>Күте тұрыңыз…</translation>
    </message>
</context>
<context>
    <name>CheckDetailsScreen</name>
    <message>
        <source>Check your details</source>
        <translation>Деректеріңізді тексеріңіз</translation>
    </message>
    <message>
        <source>The code and the account details will be sent to this phone and this email. A mistake makes registration impossible.</source>
        <translation>Код пен кіру деректері осы телефонға және осы поштаға келеді. Қате болса, тіркелу мүмкін болмайды.</translation>
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
        <translation>Бәрі дұрыс</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Check the email: did you mean %1?</source>
        <translation>Email-ді тексеріңіз: %1 деп жазғыңыз келді ме?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>%1 деп түзету</translation>
    </message>
    <message>
        <source>No connection to the server, and this terminal cannot keep your request just now. Please ask an employee for help.</source>
        <translation>Сервермен байланыс жоқ, ал бұл терминал қазір өтінішіңізді сақтай алмайды. Қызметкерге жүгініңіз.</translation>
    </message>
</context>
<context>
    <name>ClaimFormScreen</name>
    <message>
        <source>Report an insured event</source>
        <translation>Сақтандыру жағдайы туралы өтініш</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Не болды</translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation>Оқиға күні</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>City, street, road</source>
        <translation>Қала, көше, жол</translation>
    </message>
    <message>
        <source>Describe what happened</source>
        <translation>Не болғанын сипаттаңыз</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Байланыс телефоны</translation>
    </message>
    <message>
        <source>Leave it empty to be called on your account&apos;s phone.</source>
        <translation>Кабинет телефоны арқылы хабарласу үшін бос қалдырыңыз.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Send the claim</source>
        <translation>Өтінішті жіберу</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%2 таңбаның %1</translation>
    </message>
    <message>
        <source>A claim needs a connection to the insurer, and there is none right now. What you typed is kept: press «Send the claim» again once the connection is back.</source>
        <translation>Өтініш үшін сақтандыру компаниясымен байланыс керек, ал қазір байланыс жоқ. Енгізгеніңіз сақталды: байланыс қалпына келгенде «Өтінішті жіберу» батырмасын қайта басыңыз.</translation>
    </message>
    <message>
        <source>Please check the fields marked above.</source>
        <translation>Жоғарыда белгіленген өрістерді тексеріңіз.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдаңыз…</translation>
    </message>
</context>
<context>
    <name>ClaimListScreen</name>
    <message>
        <source>My claims</source>
        <translation>Менің өтініштерім</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Берілген күні</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Шарт</translation>
    </message>
    <message>
        <source>You have no claims.</source>
        <translation>Өтініштер жоқ.</translation>
    </message>
    <message>
        <source>If something has happened to what you insured, report it: choose the contract and describe what happened. It takes a few minutes.</source>
        <translation>Сақтандырылған мүлікке бірдеңе болса, хабарлаңыз: шартты таңдап, не болғанын сипаттаңыз. Бұл бірнеше минутты алады.</translation>
    </message>
    <message>
        <source>Report an insured event</source>
        <translation>Сақтандыру жағдайын мәлімдеу</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Менің шарттарым</translation>
    </message>
    <message>
        <source>Open the claim</source>
        <translation>Өтінішті ашу</translation>
    </message>
    <message>
        <source>Loading your claims…</source>
        <translation>Өтініштеріңізді жүктеп жатырмыз…</translation>
    </message>
</context>
<context>
    <name>ClaimTexts</name>
    <message>
        <source>Please fill in this field.</source>
        <translation>Бұл өрісті толтырыңыз.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>Күн болашақта болмайды.</translation>
    </message>
    <message>
        <source>The contract was not in force on that date.</source>
        <translation>Бұл күні шарт күшінде болмады.</translation>
    </message>
    <message>
        <source>This contract was not found. Please ask an employee.</source>
        <translation>Шарт табылмады. Қызметкерге хабарласыңыз.</translation>
    </message>
    <message>
        <source>Choose what happened from the list.</source>
        <translation>Не болғанын тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>Please describe what happened in at least 10 characters.</source>
        <translation>Не болғанын кемінде 10 таңбамен сипаттаңыз.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>Мәтін тым ұзын.</translation>
    </message>
    <message>
        <source>This text holds characters that cannot be sent.</source>
        <translation>Мәтінде жіберуге болмайтын таңбалар бар.</translation>
    </message>
    <message>
        <source>Enter a mobile number, e.g. +7 701 123 45 67.</source>
        <translation>Ұялы нөмірді енгізіңіз, мысалы +7 701 123 45 67.</translation>
    </message>
    <message>
        <source>This is not a mobile number.</source>
        <translation>Бұл ұялы нөмір емес.</translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator.</source>
        <translation>Қазақстан операторының нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Бұл өрісті тексеріңіз.</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Берілді</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>Қаралуда</translation>
    </message>
    <message>
        <source>Documents requested</source>
        <translation>Құжаттар қажет</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Мақұлданды</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Төленді</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Бас тартылды</translation>
    </message>
    <message>
        <source>Contract %1, %2, in force %3</source>
        <translation>%1 шарты, %2, күшінде: %3</translation>
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
        <translation>«%1» 10 МБ-тан үлкен, қосылмады.</translation>
    </message>
    <message>
        <source>«%1» was not added: only photos (JPEG, PNG) and PDF files are accepted.</source>
        <translation>«%1» қосылмады: тек фото (JPEG, PNG) және PDF файлдары қабылданады.</translation>
    </message>
    <message>
        <source>«%1» was not added: a claim holds at most 20 documents.</source>
        <translation>«%1» қосылмады: өтінішке ең көбі 20 құжат тіркеуге болады.</translation>
    </message>
    <message>
        <source>«%1» was not added: a decision on this claim has been made already.</source>
        <translation>«%1» қосылмады: өтініш бойынша шешім қабылданып қойған.</translation>
    </message>
    <message>
        <source>«%1» was not added: no connection to the insurer. Please try again.</source>
        <translation>«%1» қосылмады: сақтандыру компаниясымен байланыс жоқ. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>«%1» could not be read. Please choose it again.</source>
        <translation>«%1» оқылмады. Файлды қайта таңдаңыз.</translation>
    </message>
    <message>
        <source>The link has been sent by SMS to %1.</source>
        <translation>Сілтеме %1 нөміріне СМС арқылы жіберілді.</translation>
    </message>
    <message>
        <source>The link for this claim has been sent by SMS several times this hour. You can send it again in %1 min; until then, scan the QR code.</source>
        <translation>Бұл өтініш бойынша сілтеме осы сағатта СМС арқылы бірнеше рет жіберілді. Қайта жіберу %1 минуттан кейін мүмкін болады, әзірге QR-кодты сканерлеңіз.</translation>
    </message>
    <message>
        <source>No connection to the insurer: the SMS was not sent. Please try again.</source>
        <translation>Сақтандыру компаниясымен байланыс жоқ: СМС жіберілмеді. Қайталап көріңіз.</translation>
    </message>
    <message>
        <source>A decision on this claim has been made already: no link is needed.</source>
        <translation>Өтініш бойынша шешім қабылданып қойған: сілтеме қажет емес.</translation>
    </message>
    <message>
        <source>The claim already has 20 documents: no link is needed.</source>
        <translation>Өтінішке 20 құжат тіркелген: сілтеме қажет емес.</translation>
    </message>
</context>
<context>
    <name>ClaimViewScreen</name>
    <message>
        <source>Documents</source>
        <translation>Құжаттар</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>Әзірге құжат жоқ.</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Файл қосу</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Тарихы</translation>
    </message>
    <message>
        <source>Add documents from your phone</source>
        <translation>Құжаттарды телефоннан қосыңыз</translation>
    </message>
    <message>
        <source>Send the link by SMS</source>
        <translation>Сілтемені СМС-пен жіберу</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Менің шарттарым</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>Менің өтініштерім</translation>
    </message>
    <message>
        <source>Claim %1</source>
        <translation>%1 өтініші</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Мәртебесі: %1</translation>
    </message>
    <message>
        <source>We have received your claim and sent its number to you by SMS and email. What happens next: the insurer reviews it and tells you of each step by SMS and email; if documents are missing, you will be told which. Add photos of the damage and any documents now, or later from «My claims».</source>
        <translation>Өтінішіңізді алдық, оның нөмірін SMS және email арқылы жібердік. Әрі қарай: сақтандыру компаниясы оны қарап, әр қадам туралы SMS және email арқылы хабарлайды; құжаттар жетіспесе, қайсысы екенін айтады. Зақымның фотосын және құжаттарды қазір немесе кейін «Менің өтініштерім» бөлімінде қосыңыз.</translation>
    </message>
    <message>
        <source>Contract %1 · %2 · event on %3</source>
        <translation>%1 шарты · %2 · оқиға күні %3</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Құжаттар (%1)</translation>
    </message>
    <message>
        <source>A decision has been made on this claim: it takes no more documents.</source>
        <translation>Өтініш бойынша шешім қабылданды: құжаттар енді қабылданбайды.</translation>
    </message>
    <message>
        <source>Preparing the link for your phone…</source>
        <translation>Телефонға сілтеме дайындап жатырмыз…</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code: a page opens where you take or pick photos of the damage and documents. Each one appears here within seconds. The code works for 15 minutes.</source>
        <translation>Телефон камерасын кодқа бағыттаңыз: зақым мен құжаттарды суретке түсіруге не таңдауға болатын бет ашылады. Әрқайсысы осында бірнеше секундта пайда болады. Код 15 минут жарамды.</translation>
    </message>
    <message>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Фото және PDF (*.jpg *.jpeg *.png *.pdf);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Files added: %1.</source>
        <translation>Қосылған файлдар: %1.</translation>
    </message>
</context>
<context>
    <name>ClerkPanel</name>
    <message>
        <source>sent: the client got the SMS code</source>
        <translation>жіберілді: клиентке СМС арқылы код келді</translation>
    </message>
    <message>
        <source>already registered: told by SMS and email</source>
        <translation>бұрын тіркелген: СМС және email арқылы хабарланды</translation>
    </message>
    <message>
        <source>not sent: see the outbox</source>
        <translation>жіберілмеді: жіберу кезегін қараңыз</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Оператор: %1</translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation>Операторды ауыстыру</translation>
    </message>
    <message>
        <source>Correct the email of a pending account</source>
        <translation>Белсендірілмеген кабинеттің email-ін түзету</translation>
    </message>
    <message>
        <source>Registrations today: %1</source>
        <translation>Бүгінгі тіркеулер: %1</translation>
    </message>
    <message>
        <source>Registrations today</source>
        <translation>Бүгінгі тіркеулер</translation>
    </message>
    <message>
        <source>No registrations yet today. Each one appears here with its outcome.</source>
        <translation>Бүгін әлі тіркеу болған жоқ. Әрқайсысы нәтижесімен осында көрсетіледі.</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>тіркелді</translation>
    </message>
    <message>
        <source>already registered</source>
        <translation>бұрын тіркелген</translation>
    </message>
    <message>
        <source>saved, will be sent</source>
        <translation>сақталды, жіберіледі</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <source>Confirmation code</source>
        <translation>Растау коды</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>Кодты растау</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Тіркелуден бас тарту</translation>
    </message>
    <message>
        <source>We have sent an SMS with a 6-digit code to %1. Enter the code below.</source>
        <translation>%1 нөміріне 6 таңбалы коды бар SMS жібердік. Кодты төменде енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>SMS-тағы кодтың барлық 6 цифрын енгізіңіз.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>Жаңа код SMS арқылы жіберілді.</translation>
    </message>
</context>
<context>
    <name>CodeStatus</name>
    <message>
        <source>Send the code again</source>
        <translation>Кодты қайта жіберу</translation>
    </message>
    <message>
        <source>Attempts left: %1</source>
        <translation>Қалған әрекеттер: %1</translation>
    </message>
    <message>
        <source>The code is valid for %1</source>
        <translation>Код тағы %1 жарамды</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation>Кодтың мерзімі өтті. Жаңа код сұраңыз.</translation>
    </message>
    <message>
        <source>A new code can be sent in %1</source>
        <translation>Жаңа кодты %1 өткен соң сұрауға болады</translation>
    </message>
</context>
<context>
    <name>ContractsScreen</name>
    <message>
        <source>My contracts</source>
        <translation>Менің шарттарым</translation>
    </message>
    <message>
        <source>Active contracts</source>
        <translation>Қолданыстағы шарттар</translation>
    </message>
    <message>
        <source>Past contracts</source>
        <translation>Бұрын жасалған шарттар</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Қолданылу мерзімі</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>Сақтандыру сыйлықақысы</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>Buy a policy on vic.kz or at any Victoria branch: it appears here as soon as the insurer registers it.</source>
        <translation>Полисті vic.kz сайтынан немесе «Виктория» компаниясының кез келген бөлімшесінен сатып алыңыз: сақтандырушы оны тіркеген бойда ол осында көрінеді.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>Күшінде</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Мерзімі өтті</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Бұзылған</translation>
    </message>
    <message>
        <source>Report an insured event</source>
        <translation>Сақтандыру жағдайын мәлімдеу</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>Менің өтініштерім</translation>
    </message>
    <message>
        <source>Close «Личный кабинет»</source>
        <translation>«Жеке кабинетті» жабу</translation>
    </message>
    <message>
        <source>Loading your contracts…</source>
        <translation>Шарттарыңыз жүктелуде…</translation>
    </message>
    <message>
        <source>You have no insurance contracts with us yet.</source>
        <translation>Сізде әзірге бізбен сақтандыру шарттары жоқ.</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo: the client&apos;s phone and mailbox</source>
        <translation>Демо: клиенттің телефоны мен поштасы</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Жіберілген хабарламалар</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Хабарлама мәтіні</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Кодты көшіру</translation>
    </message>
    <message>
        <source>Copy temporary password</source>
        <translation>Уақытша құпиясөзді көшіру</translation>
    </message>
    <message>
        <source>Open activation link</source>
        <translation>Белсендіру сілтемесін ашу</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Demo: the central does not answer</source>
        <translation>Демо: орталық сервер жауап бермейді</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Көшірілді: %1</translation>
    </message>
    <message>
        <source>The page says: %1</source>
        <translation>Беттегі мәтін: %1</translation>
    </message>
    <message>
        <source>The page refused (%1): %2</source>
        <translation>Бет бас тартты (%1): %2</translation>
    </message>
    <message>
        <source>Opening the link…</source>
        <translation>Сілтеме ашылуда…</translation>
    </message>
    <message>
        <source>The link could not be opened: the central does not answer.</source>
        <translation>Сілтеме ашылмады: орталық сервер жауап бермейді.</translation>
    </message>
</context>
<context>
    <name>DigitKeypad</name>
    <message>
        <source>Clear</source>
        <translation>Тазалау</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Соңғы цифрды өшіру</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionCodeScreen</name>
    <message>
        <source>Code from the SMS</source>
        <translation>SMS-тағы код</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>Кодты растау</translation>
    </message>
    <message>
        <source>Change the details</source>
        <translation>Деректерді өзгерту</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>This correction is already done.</source>
        <translation>Бұл түзету орындалып қойған.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>Жаңа код SMS арқылы жіберілді.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>SMS-тағы кодтың барлық 6 цифрын енгізіңіз.</translation>
    </message>
    <message>
        <source>We have sent an SMS with a 6-digit code to %1, the phone of the account. Enter the code below.</source>
        <translation>Кабинеттің %1 телефонына 6 санды коды бар SMS жібердік. Кодты төменге енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionDoneScreen</name>
    <message>
        <source>Activation email sent to the new address</source>
        <translation>Белсендіру хаты жаңа мекенжайға жіберілді</translation>
    </message>
    <message>
        <source>The «Личный кабинет» now has the email %1, and the activation email with a new temporary password has gone there. Open the link in it, then log in with that password. Earlier activation links and the old temporary password no longer work, and the old address gets nothing more.</source>
        <translation>Енді «Жеке кабинеттің» email-і %1, оған жаңа уақытша құпиясөзі бар белсендіру хаты жіберілді. Хаттағы сілтемені ашып, сол құпиясөзбен кіріңіз. Бұрынғы белсендіру сілтемелері мен ескі уақытша құпиясөз енді жарамайды, ал ескі мекенжайға бұдан былай ештеңе келмейді.</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>Басты бетке</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionScreen</name>
    <message>
        <source>There is no «Личный кабинет» waiting for activation with this phone number. The email of an activated account cannot be changed here; a forgotten password is reset with «Forgot password?» on the login screen.</source>
        <translation>Бұл телефон нөмірімен белсендіруді күтіп тұрған «Жеке кабинет» жоқ. Белсендірілген кабинеттің email-ін мұнда өзгерту мүмкін емес; ұмытылған құпиясөз кіру экранындағы «Құпиясөзді ұмыттыңыз ба?» батырмасымен қалпына келтіріледі.</translation>
    </message>
    <message>
        <source>Another «Личный кабинет» already uses this email. Enter a different email.</source>
        <translation>Бұл email-ді басқа «Жеке кабинет» пайдаланып тұр. Басқа email енгізіңіз.</translation>
    </message>
    <message>
        <source>Correct the email of a «Личный кабинет»</source>
        <translation>«Жеке кабинеттің» email-ін түзету</translation>
    </message>
    <message>
        <source>For a «Личный кабинет» that is not activated yet, when the activation email went to a mistyped address. Enter the mobile phone number given at registration and the right email: we will send a code by SMS to that phone, and after it the activation email goes to the new address.</source>
        <translation>Әлі белсендірілмеген «Жеке кабинет» үшін, егер белсендіру хаты қате жазылған мекенжайға кетсе. Тіркелу кезінде көрсетілген ұялы телефон нөмірін және дұрыс email-ді енгізіңіз: сол телефонға SMS арқылы код жібереміз, содан кейін белсендіру хаты жаңа мекенжайға жіберіледі.</translation>
    </message>
    <message>
        <source>Mobile phone given at registration</source>
        <translation>Тіркелу кезінде көрсетілген ұялы телефон</translation>
    </message>
    <message>
        <source>Correct email</source>
        <translation>Дұрыс email</translation>
    </message>
    <message>
        <source>The client showed an identity document</source>
        <translation>Клиент жеке басын куәландыратын құжатты көрсетті</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Код алу</translation>
    </message>
    <message>
        <source>Check the client&apos;s identity document and tick the box to continue.</source>
        <translation>Жалғастыру үшін клиенттің жеке куәлігін тексеріп, белгі қойыңыз.</translation>
    </message>
</context>
<context>
    <name>EmailKeyboard</name>
    <message>
        <source>Clear</source>
        <translation>Тазалау</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Соңғы таңбаны өшіру</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Бас әріптер</translation>
    </message>
</context>
<context>
    <name>EnterKey</name>
    <message>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Келесі</translation>
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
        <translation>кездейсоқтықты жеңу</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>ДЕМО</translation>
    </message>
    <message>
        <source>Demo mode: no real client data, messages stay here</source>
        <translation>Демо режимі: деректер шынайы емес, хабарламалар осында қалады</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Wrong phone, email or password. Please check and try again.</source>
        <translation>Телефон, email немесе құпиясөз қате. Тексеріп, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>Your «Личный кабинет» is not activated yet. Open the link in the email we sent you, then log in with the temporary password from that email.</source>
        <translation>Сіздің «Жеке кабинетіңіз» әлі белсендірілмеген. Электрондық поштаға келген хаттағы сілтемеге өтіп, сол хаттағы уақытша құпиясөзбен кіріңіз.</translation>
    </message>
    <message>
        <source>Log in to «Личный кабинет»</source>
        <translation>«Жеке кабинетке» кіру</translation>
    </message>
    <message>
        <source>Use your mobile phone number or email, and your password.</source>
        <translation>Ұялы телефон нөмірін немесе электрондық пошта мекенжайын және құпиясөзді пайдаланыңыз.</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Телефон немесе Email</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Құпиясөз</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Құпиясөзді ұмыттыңыз ба?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Enter your phone or email.</source>
        <translation>Телефонды немесе email-ді енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Victoria: personal account registration</source>
        <translation>Виктория: «Жеке кабинетте» тіркелу</translation>
    </message>
    <message>
        <source>End of shift</source>
        <translation>Ауысым соңы</translation>
    </message>
    <message>
        <source>End the shift and close the terminal?</source>
        <translation>Ауысымды аяқтап, терминалды жабу керек пе?</translation>
    </message>
    <message>
        <source>End shift and close</source>
        <translation>Ауысымды аяқтап, жабу</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Жұмысты жалғастыру</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please fill in this field.</source>
        <translation>Бұл өрісті толтырыңыз.</translation>
    </message>
    <message>
        <source>This does not look like an email address, e.g. name@mail.ru.</source>
        <translation>Бұл электрондық пошта мекенжайына ұқсамайды. Мысалы: name@mail.ru.</translation>
    </message>
    <message>
        <source>Enter a mobile number of 10 digits after +7, e.g. +7 701 123 45 67.</source>
        <translation>Ұялы нөмірді енгізіңіз: +7-ден кейін 10 цифр, мысалы +7 701 123 45 67.</translation>
    </message>
    <message>
        <source>This is not a mobile number. Enter a mobile number for SMS.</source>
        <translation>Бұл ұялы нөмір емес. SMS үшін ұялы телефон нөмірін енгізіңіз.</translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator (+7 7xx).</source>
        <translation>Қазақстандық ұялы байланыс операторының нөмірін енгізіңіз (+7 7xx).</translation>
    </message>
    <message>
        <source>Your consent is needed to register.</source>
        <translation>Тіркелу үшін келісіміңіз қажет.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Бұл өрісті тексеріңіз.</translation>
    </message>
    <message>
        <source>Wrong code. Check the SMS and try again.</source>
        <translation>Код қате. SMS-ті тексеріп, қайта енгізіңіз.</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation>Кодтың мерзімі өтті. Жаңа код сұраңыз.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: this code no longer works. Ask for a new code.</source>
        <translation>Қате әрекеттер тым көп: бұл код енді жарамсыз. Жаңа код сұраңыз.</translation>
    </message>
    <message>
        <source>Too many requests. Please try again in %1.</source>
        <translation>Сұраулар тым көп. %1 өткен соң қайталаңыз.</translation>
    </message>
    <message>
        <source>No connection to the server. Please try again in a minute.</source>
        <translation>Сервермен байланыс жоқ. Бір минуттан кейін қайталаңыз.</translation>
    </message>
    <message>
        <source>An account with this email or phone already exists.</source>
        <translation>Осы пошта немесе телефон бойынша тіркелгі бұрыннан бар.</translation>
    </message>
    <message>
        <source>This registration was not found. Please start again.</source>
        <translation>Тіркелу табылмады. Қайтадан бастаңыз.</translation>
    </message>
    <message>
        <source>This terminal is not authorised. Please call an employee.</source>
        <translation>Терминал авторланбаған. Қызметкерге жүгініңіз.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again or ask an employee.</source>
        <translation>Бірдеңе дұрыс болмады. Қайталап көріңіз немесе қызметкерге жүгініңіз.</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>New password</source>
        <translation>Жаңа құпиясөз</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Жаңа құпиясөзді қайталаңыз</translation>
    </message>
    <message>
        <source>The server did not accept this password:</source>
        <translation>Сервер бұл құпиясөзді қабылдамады:</translation>
    </message>
    <message>
        <source>This password cannot be used yet:</source>
        <translation>Бұл құпиясөзді пайдалануға болмайды:</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Start of shift</source>
        <translation>Ауысымның басталуы</translation>
    </message>
    <message>
        <source>Your operator ID</source>
        <translation>Сіздің оператор идентификаторыңыз</translation>
    </message>
    <message>
        <source>Start shift</source>
        <translation>Ауысымды бастау</translation>
    </message>
    <message>
        <source>Enter your operator ID to start the shift.</source>
        <translation>Ауысымды бастау үшін оператор идентификаторын енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>OutboxOverlay</name>
    <message>
        <source>Outbox</source>
        <translation>Жіберу кезегі</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation>Жіберу кезегі</translation>
    </message>
    <message>
        <source>%1 more are waiting and not listed.</source>
        <translation>Тағы %1 жіберуді күтіп тұр, тізімде көрсетілмеген.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Қайталау</translation>
    </message>
    <message>
        <source>Confirm drop</source>
        <translation>Жоюды растау</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Жою</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Жаңарту</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>күтуде</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>жеткізілді</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>назар аударуды қажет етеді</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Барлық тіркеулер жіберілді.</translation>
    </message>
    <message>
        <source>Dropping deletes this registration for good. Press again to confirm.</source>
        <translation>Жою бұл тіркеуді біржола өшіреді. Растау үшін қайта басыңыз.</translation>
    </message>
</context>
<context>
    <name>PasswordChangeScreen</name>
    <message>
        <source>Choose a new password</source>
        <translation>Құпиясөзді ауыстыру</translation>
    </message>
    <message>
        <source>You logged in with a temporary password. Choose your own password: you will log in with it from now on.</source>
        <translation>Сіз уақытша құпиясөзбен кірдіңіз. Өз құпиясөзіңізді ойлап табыңыз: бұдан былай сонымен кіресіз.</translation>
    </message>
    <message>
        <source>Password requirements:</source>
        <translation>Құпиясөзге қойылатын талаптар:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Құпиясөзді ауыстыру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Құпиясөз ауыстырылды</translation>
    </message>
    <message>
        <source>Your password has been changed successfully. You can now use «Личный кабинет».</source>
        <translation>Құпиясөз сәтті ауыстырылды. Енді «Жеке кабинетке» кіріп, жұмысты жалғастыра аласыз.</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>Менің шарттарым</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
</context>
<context>
    <name>PasswordChecklist</name>
    <message>
        <source>met</source>
        <translation>орындалды</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>орындалмады</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation>Жасыру</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
</context>
<context>
    <name>PasswordResetScreen</name>
    <message>
        <source>Password reset</source>
        <translation>Құпиясөзді қалпына келтіру</translation>
    </message>
    <message>
        <source>Enter the mobile phone number or the email of your «Личный кабинет». We will send a code by SMS to the account&apos;s phone; your current password keeps working until you set a new one.</source>
        <translation>«Жеке кабинетіңіздің» ұялы телефон нөмірін немесе email-ін енгізіңіз. Кабинеттің телефонына SMS арқылы код жібереміз; жаңа құпиясөз орнатқанша қазіргі құпиясөзіңіз жұмыс істей береді.</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Телефон немесе Email</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Код алу</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Enter your phone or email.</source>
        <translation>Телефонды немесе email-ді енгізіңіз.</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>At least 8 characters</source>
        <translation>Құпиясөз ұзындығы – кемінде 8 таңба</translation>
    </message>
    <message>
        <source>At most {count} characters</source>
        <translation>Құпиясөз ұзындығы – ең көбі {count} таңба</translation>
    </message>
    <message>
        <source>Upper-case Latin letters (A–Z)</source>
        <translation>Латын әліпбиінің бас әріптері (A–Z)</translation>
    </message>
    <message>
        <source>Lower-case Latin letters (a–z)</source>
        <translation>Латын әліпбиінің кіші әріптері (a–z)</translation>
    </message>
    <message>
        <source>Digits (0–9)</source>
        <translation>Цифрлар (0–9)</translation>
    </message>
    <message>
        <source>Special characters: ! @ $ _ -</source>
        <translation>Арнайы таңбалар: ! @ $ _ -</translation>
    </message>
    <message>
        <source>Only Latin letters, digits and ! @ $ _ -</source>
        <translation>Тек латын әріптері, цифрлар және ! @ $ _ -</translation>
    </message>
    <message>
        <source>Not the example, the company&apos;s name or a known leaked password</source>
        <translation>Мысалдағы құпиясөз, компания атауы немесе белгілі ағып кеткен құпиясөз емес</translation>
    </message>
    <message>
        <source>Different from the current password</source>
        <translation>Қазіргі құпиясөзден өзгеше</translation>
    </message>
    <message>
        <source>Both entries are the same</source>
        <translation>Құпиясөздер сәйкес келеді</translation>
    </message>
    <message>
        <source>The passwords do not match</source>
        <translation>Құпиясөздер сәйкес келмейді</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>Call support; the log file has the details.</source>
        <translation>Қолдау қызметіне хабарласыңыз; толығырақ журнал файлында.</translation>
    </message>
    <message>
        <source>This kiosk has no administrator PIN, so no employee could unlock it. The terminal&apos;s administrator sets one on this computer (the command main.py admin-pin).</source>
        <translation>Бұл киоскте әкімші PIN-коды орнатылмаған, сондықтан қызметкер оны аша алмайды. Терминал әкімшісі оны осы компьютерде орнатады (main.py admin-pin командасы).</translation>
    </message>
    <message>
        <source>This computer has no usable keyring to keep the terminal&apos;s secrets in.</source>
        <translation>Бұл компьютерде терминал құпияларын сақтайтын жұмыс істейтін кілттер қоймасы жоқ.</translation>
    </message>
    <message>
        <source>The terminal&apos;s secrets in the keyring cannot be read.</source>
        <translation>Кілттер қоймасындағы терминал құпияларын оқу мүмкін емес.</translation>
    </message>
    <message>
        <source>The offline outbox cannot be opened.</source>
        <translation>Жіберу кезегін ашу мүмкін емес.</translation>
    </message>
    <message>
        <source>The offline outbox is damaged; a copy of it was kept. Its registrations must be recovered before the terminal saves new ones.</source>
        <translation>Жіберу кезегі зақымданған; оның көшірмесі сақталды. Терминал жаңаларын сақтамас бұрын ондағы тіркелулерді қалпына келтіру керек.</translation>
    </message>
    <message>
        <source>The offline outbox was deleted or emptied. Its registrations must be accounted for before the terminal opens.</source>
        <translation>Жіберу кезегі жойылған немесе тазартылған. Терминал ашылмас бұрын ондағы тіркелулердің не болғанын анықтау керек.</translation>
    </message>
    <message>
        <source>The terminal&apos;s disk is full. The registrations already saved are safe.</source>
        <translation>Терминалдың дискісі толы. Сақталып қойған тіркелулер аман.</translation>
    </message>
    <message>
        <source>The terminal&apos;s data folder cannot be used.</source>
        <translation>Терминалдың деректер қалтасын пайдалану мүмкін емес.</translation>
    </message>
    <message>
        <source>The central cannot be reached. Check the network, then start the terminal again.</source>
        <translation>Орталық сервермен байланыс жоқ. Желіні тексеріп, терминалды қайта іске қосыңыз.</translation>
    </message>
    <message>
        <source>The central did not accept this terminal.</source>
        <translation>Орталық сервер бұл терминалды қабылдамады.</translation>
    </message>
    <message>
        <source>Demo mode is not available: this program was installed without its demo part.</source>
        <translation>Демо режимі қолжетімсіз: бағдарлама демо бөлігінсіз орнатылған.</translation>
    </message>
    <message>
        <source>An unexpected error; the log file has the details.</source>
        <translation>Күтпеген қате; толығырақ журнал файлында.</translation>
    </message>
    <message>
        <source>The terminal could not start</source>
        <translation>Терминалды іске қосу мүмкін болмады</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <source>Registration</source>
        <translation>Тіркелу</translation>
    </message>
    <message>
        <source>Attention! Check that the email address and the mobile phone number are entered correctly. If the email address and/or the mobile phone number contain a mistake, registration in the personal account will be impossible.</source>
        <translation>Назар аударыңыз! Электрондық пошта мекенжайы мен ұялы телефон нөмірінің дұрыс енгізілгенін тексеріңіз. Электрондық пошта мекенжайында және/немесе ұялы телефон нөмірінде қате болса, «Жеке кабинетте» тіркелу мүмкін болмайды.</translation>
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
        <translation>Дербес деректерімді өңдеуге келісім беремін</translation>
    </message>
    <message>
        <source>The client consents to personal data processing</source>
        <translation>Клиент дербес деректерді өңдеуге келісім береді</translation>
    </message>
    <message>
        <source>Read the consent below to the client aloud, or let them read it:</source>
        <translation>Клиентке келісім мәтінін дауыстап оқыңыз немесе өзіне оқуға беріңіз:</translation>
    </message>
    <message>
        <source>JSC «Insurance Company «Victoria» will process your email address and mobile phone number to create and run your personal account and to send you messages about your insurance contracts. The data are kept on servers in Kazakhstan. If the registration is not confirmed with the SMS code, they are deleted within 25 hours after the code expires. Otherwise they are kept while the account exists and erased from it when it is closed; your insurance contracts stay with the company as insurance law requires, and a record of actions on the account, without your full phone and email, is kept for 3 years. The data are not passed to third parties except where the law requires it. You may withdraw your consent at any time with «Close «Личный кабинет»» under «My contracts» at a terminal, or by a written request to the company: the account is then closed. Law of the Republic of Kazakhstan No. 94-V «On personal data and their protection».</source>
        <translation>«Виктория» сақтандыру компаниясы» АҚ «Жеке кабинетіңізді» ашу және жүргізу, сондай-ақ сақтандыру шарттарыңыз туралы хабарламалар жіберу үшін электрондық пошта мекенжайыңыз бен ұялы телефон нөміріңізді өңдейді. Деректер Қазақстандағы серверлерде сақталады. Тіркеу СМС кодымен расталмаса, олар код мерзімі біткеннен кейін 25 сағат ішінде жойылады. Әйтпесе олар «Жеке кабинет» бар кезде сақталады және ол жабылғанда одан жойылады; сақтандыру шарттары сақтандыру туралы заң талап еткендей компанияда қалады, ал кабинетпен жасалған әрекеттер журналы толық телефон нөмірі мен пошта мекенжайынсыз 3 жыл сақталады. Деректер заңда көзделген жағдайлардан басқа кезде үшінші тұлғаларға берілмейді. Келісімді кез келген уақытта терминалдағы «Менің шарттарым» бөліміндегі ««Жеке кабинетті» жабу» батырмасымен немесе компанияға жазбаша өтініш беру арқылы кері қайтарып алуға болады: сонда «Жеке кабинет» жабылады. Қазақстан Республикасының «Дербес деректер және оларды қорғау туралы» № 94-V Заңы.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Тіркелу</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>%1 деп жазғыңыз келді ме?</translation>
    </message>
</context>
<context>
    <name>ResetCodeScreen</name>
    <message>
        <source>Code from the SMS</source>
        <translation>SMS-тағы код</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Жаңа құпиясөзді орнату</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>This password reset is no longer valid. Please start again.</source>
        <translation>Бұл құпиясөзді қалпына келтіру сұрауы енді жарамсыз. Қайтадан бастаңыз.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>Жаңа код SMS арқылы жіберілді.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>SMS-тағы кодтың барлық 6 цифрын енгізіңіз.</translation>
    </message>
    <message>
        <source>If a «Личный кабинет» is registered to %1, we have sent an SMS with a 6-digit code to its phone. Not activated yet? Then we have emailed the activation link again instead.</source>
        <translation>Егер %1 атына «Жеке кабинет» тіркелген болса, оның телефонына 6 таңбалы коды бар SMS жібердік. Кабинет әлі белсендірілмеген бе? Онда белсендіру сілтемесі бар хатты қайта жібердік.</translation>
    </message>
</context>
<context>
    <name>ResetDoneScreen</name>
    <message>
        <source>Password changed</source>
        <translation>Құпиясөз ауыстырылды</translation>
    </message>
    <message>
        <source>Your new password is set. Every earlier login with the old password has ended, and an SMS and an email tell you about the change. Log in with the new password.</source>
        <translation>Жаңа құпиясөз орнатылды. Ескі құпиясөзбен жасалған барлық кірулер аяқталды, ал өзгеріс туралы SMS пен хат келеді. Жаңа құпиясөзбен кіріңіз.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Шығу</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Кіру</translation>
    </message>
</context>
<context>
    <name>SavedOfflineScreen</name>
    <message>
        <source>Your request is saved</source>
        <translation>Өтінішіңіз сақталды</translation>
    </message>
    <message>
        <source>There is no connection to the server right now. Your registration request is saved on this terminal and will be sent as soon as the connection is back. You will then get an SMS with a confirmation code and a link to confirm the registration from your phone, at this number:</source>
        <translation>Қазір сервермен байланыс жоқ. Тіркелу өтінішіңіз осы терминалда сақталды және байланыс қалпына келген бойда жіберіледі. Сонда осы нөмірге растау коды мен тіркелуді телефоннан растауға арналған сілтемесі бар SMS келеді:</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Дайын</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Opening the terminal…</source>
        <translation>Терминал ашылуда…</translation>
    </message>
    <message>
        <source>The terminal did not open</source>
        <translation>Терминал ашылмады</translation>
    </message>
    <message>
        <source>Central: checking…</source>
        <translation>Орталық сервер: тексерілуде…</translation>
    </message>
    <message>
        <source>Central: online</source>
        <translation>Орталық сервер: байланыста</translation>
    </message>
    <message>
        <source>Central: offline</source>
        <translation>Орталық сервер: байланыс жоқ</translation>
    </message>
    <message>
        <source>Waiting to send: %1</source>
        <translation>Жіберуді күтуде: %1</translation>
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
        <translation>%2 қадамның %1-қадамы</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Are you still there?</source>
        <translation>Сіз әлі осындасыз ба?</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>Иә, жалғастыру</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in %1 s.</source>
        <translation>Деректеріңізді қорғау үшін экран %1 секундтан кейін тазаланады.</translation>
    </message>
</context>
<context>
    <name>SuccessDialog</name>
    <message>
        <source>Your personal account has been created</source>
        <translation>Сіздің «Жеке кабинетіңіз» ашылды</translation>
    </message>
    <message>
        <source>An SMS and an email about it are on their way to you.

1. Open the email and follow its link to activate the personal account.
2. Log in with the temporary password from the email.
3. At the first login you will be asked to choose a new password.</source>
        <translation>Сізге «Жеке кабинет» ашылғаны туралы SMS хабарлама және электрондық хат келеді.

1. Хатты ашып, «Жеке кабинетті» белсендіру үшін сілтемеге өтіңіз.
2. Хаттағы уақытша құпиясөзбен кіріңіз.
3. Алғаш кіргенде жүйе құпиясөзді ауыстыруды сұрайды.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Түсінікті</translation>
    </message>
</context>
<context>
    <name>TextKeyboard</name>
    <message>
        <source>Space</source>
        <translation>Бос орын</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Соңғы таңбаны өшіру</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>Жаңа жол</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Бас әріптер</translation>
    </message>
    <message>
        <source>Other alphabet</source>
        <translation>Басқа әліпби</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Personal account</source>
        <translation>Жеке кабинет</translation>
    </message>
    <message>
        <source>Your insurance contracts and online claims in one place. Register with your email and mobile phone, or log in.</source>
        <translation>Сақтандыру шарттарыңыз бен сақтандыру жағдайларын онлайн реттеу бір жерде. Электрондық пошта мен ұялы телефон нөмірі арқылы тіркеліңіз немесе кіріңіз.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Тіркелу</translation>
    </message>
    <message>
        <source>Log in to the personal account</source>
        <translation>Жеке кабинетке кіру</translation>
    </message>
</context>
</TS>
