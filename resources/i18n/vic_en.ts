<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name></name>
    <message>
        <source>PasswordRules</source>
        <comment>At least 8 characters</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Upper-case Latin letters (A–Z)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Lower-case Latin letters (a–z)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Digits (0–9)</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Special characters: ! @ $ _ -</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Only Latin letters, digits and ! @ $ _ -</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Not the example password or a well-known one</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Different from the current password</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PasswordRules</source>
        <comment>Both entries are the same</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BusyButton</name>
    <message>
        <source>Please wait…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DigitKeypad</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EmailKeyboard</name>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>VICTORIA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>victory over chance</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Victoria: personal account registration</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please fill in this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This does not look like an email address, e.g. name@mail.ru.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a mobile number of 10 digits after +7, e.g. +7 701 123 45 67.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a mobile number. Enter a mobile number for SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator (+7 7xx).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your consent is needed to register.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong code. Attempts left: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many wrong attempts: this code no longer works. Ask for a new code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many requests. Please try again in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to the server. Please try again in a minute.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account with this email or phone already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This registration was not found. Please start again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This terminal is not authorised. Please call an employee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong. Please try again or ask an employee.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordChecklist</name>
    <message>
        <source>met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not met</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Central: checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central: online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central: offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Waiting to send: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your insurance contracts and online claims in one place. Register with your email and mobile phone, or log in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in to the personal account</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
