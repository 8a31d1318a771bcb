<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountClosedScreen</name>
    <message>
        <source>«Личный кабинет» closed</source>
        <translation>Personal account closed</translation>
    </message>
    <message>
        <source>Your «Личный кабинет» is closed: you have been logged out and can no longer log in. Your email and phone number have been erased from it. Your insurance contracts stay with the company as insurance law requires. An SMS and an email confirm the closure.</source>
        <translation>Your personal account is closed: you have been logged out and can no longer log in. Your email and phone number have been erased from it. Your insurance contracts stay with the company as insurance law requires. An SMS and an email confirm the closure.</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>To the start</translation>
    </message>
</context>
<context>
    <name>AccountClosureScreen</name>
    <message>
        <source>Wrong password: the «Личный кабинет» has not been closed. Please check and try again.</source>
        <translation>Wrong password: your personal account has not been closed. Please check and try again.</translation>
    </message>
    <message>
        <source>No connection to the server: the «Личный кабинет» has not been closed. Please try again later.</source>
        <translation>No connection to the server: your personal account has not been closed. Please try again later.</translation>
    </message>
    <message>
        <source>Close «Личный кабинет»</source>
        <translation>Close the personal account</translation>
    </message>
    <message>
        <source>What happens when you close it:</source>
        <translation>What happens when you close it:</translation>
    </message>
    <message>
        <source>You are logged out everywhere, and you can no longer log in.</source>
        <translation>You are logged out everywhere, and you can no longer log in.</translation>
    </message>
    <message>
        <source>Your email and mobile phone number are erased from the account.</source>
        <translation>Your email and mobile phone number are erased from the account.</translation>
    </message>
    <message>
        <source>Your insurance contracts and claims stay with the company, as insurance law requires: they remain valid, and you can ask about them at a branch.</source>
        <translation>Your insurance contracts and claims stay with the company, as insurance law requires: they remain valid, and you can ask about them at a branch.</translation>
    </message>
    <message>
        <source>An SMS and an email confirm the closure.</source>
        <translation>An SMS and an email confirm the closure.</translation>
    </message>
    <message>
        <source>This also withdraws your consent to the processing of your personal data.</source>
        <translation>This also withdraws your consent to the processing of your personal data.</translation>
    </message>
    <message>
        <source>Your password, to confirm</source>
        <translation>Your password, to confirm</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Close the account</source>
        <translation>Close the account</translation>
    </message>
    <message>
        <source>Enter your password to close the account.</source>
        <translation>Enter your password to close the account.</translation>
    </message>
</context>
<context>
    <name>AdminMenu</name>
    <message>
        <source>Employee menu</source>
        <translation>Employee menu</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Exit the application</source>
        <translation>Exit the application</translation>
    </message>
    <message>
        <source>Back to the kiosk</source>
        <translation>Back to the kiosk</translation>
    </message>
</context>
<context>
    <name>AdminPinDialog</name>
    <message>
        <source>Employee access</source>
        <translation>Employee access</translation>
    </message>
    <message>
        <source>Employee access: enter the admin PIN</source>
        <translation>Employee access: enter the admin PIN</translation>
    </message>
    <message>
        <source>Admin PIN</source>
        <translation>Admin PIN</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>Wrong PIN.</translation>
    </message>
    <message>
        <source>Too many wrong PINs. Try again in %1 min %2 s.</source>
        <translation>Too many wrong PINs. Try again in %1 min %2 s.</translation>
    </message>
    <message>
        <source>The PIN cannot be checked: the keyring is not available.</source>
        <translation>The PIN cannot be checked: the keyring is not available.</translation>
    </message>
</context>
<context>
    <name>AlreadyRegisteredScreen</name>
    <message>
        <source>You already have a personal account</source>
        <translation>You already have a personal account</translation>
    </message>
    <message>
        <source>An account with this phone number or email already exists: for example, it was created automatically when you bought a policy online. Log in with the mobile phone number and the email given in your contract.

Forgot the password? We can send a code by SMS to set a new one.</source>
        <translation>An account with this phone number or email already exists: for example, it was created automatically when you bought a policy online. Log in with the mobile phone number and the email given in your contract.

Forgot the password? We can send a code by SMS to set a new one.</translation>
    </message>
    <message>
        <source>Set a new password by SMS code</source>
        <translation>Set a new password by SMS code</translation>
    </message>
    <message>
        <source>No activation email? Correct the email by SMS code</source>
        <translation>No activation email? Correct the email by SMS code</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
</context>
<context>
    <name>BusyButton</name>
    <message>
        <source>Please wait…</source>
        <translation>Please wait…</translation>
    </message>
</context>
<context>
    <name>CheckDetailsScreen</name>
    <message>
        <source>Check your details</source>
        <translation>Check your details</translation>
    </message>
    <message>
        <source>The code and the account details will be sent to this phone and this email. A mistake makes registration impossible.</source>
        <translation>The code and the account details will be sent to this phone and this email. A mistake makes registration impossible.</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>All correct</source>
        <translation>All correct</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Check the email: did you mean %1?</source>
        <translation>Check the email: did you mean %1?</translation>
    </message>
    <message>
        <source>Use %1</source>
        <translation>Use %1</translation>
    </message>
    <message>
        <source>No connection to the server, and this terminal cannot keep your request just now. Please ask an employee for help.</source>
        <translation>No connection to the server, and this terminal cannot keep your request just now. Please ask an employee for help.</translation>
    </message>
</context>
<context>
    <name>ClaimFormScreen</name>
    <message>
        <source>Report an insured event</source>
        <translation>Report an insured event</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Date of the event</source>
        <translation>Date of the event</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>City, street, road</source>
        <translation>City, street, road</translation>
    </message>
    <message>
        <source>Describe what happened</source>
        <translation>Describe what happened</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>Contact phone</translation>
    </message>
    <message>
        <source>Leave it empty to be called on your account&apos;s phone.</source>
        <translation>Leave it empty to be called on your account&apos;s phone.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Send the claim</source>
        <translation>Send the claim</translation>
    </message>
    <message>
        <source>%1 of %2 characters</source>
        <translation>%1 of %2 characters</translation>
    </message>
    <message>
        <source>A claim needs a connection to the insurer, and there is none right now. What you typed is kept: press «Send the claim» again once the connection is back.</source>
        <translation>A claim needs a connection to the insurer, and there is none right now. What you typed is kept: press &quot;Send the claim&quot; again once the connection is back.</translation>
    </message>
    <message>
        <source>Please check the fields marked above.</source>
        <translation>Please check the fields marked above.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
</context>
<context>
    <name>ClaimListScreen</name>
    <message>
        <source>My claims</source>
        <translation>My claims</translation>
    </message>
    <message>
        <source>Filed</source>
        <translation>Filed</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>Contract</translation>
    </message>
    <message>
        <source>You have no claims.</source>
        <translation>You have no claims.</translation>
    </message>
    <message>
        <source>If something has happened to what you insured, report it: choose the contract and describe what happened. It takes a few minutes.</source>
        <translation>If something has happened to what you insured, report it: choose the contract and describe what happened. It takes a few minutes.</translation>
    </message>
    <message>
        <source>Report an insured event</source>
        <translation>Report an insured event</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>My contracts</translation>
    </message>
    <message>
        <source>Open the claim</source>
        <translation>Open the claim</translation>
    </message>
    <message>
        <source>Loading your claims…</source>
        <translation>Loading your claims…</translation>
    </message>
</context>
<context>
    <name>ClaimTexts</name>
    <message>
        <source>Please fill in this field.</source>
        <translation>Please fill in this field.</translation>
    </message>
    <message>
        <source>The date cannot be in the future.</source>
        <translation>The date cannot be in the future.</translation>
    </message>
    <message>
        <source>The contract was not in force on that date.</source>
        <translation>The contract was not in force on that date.</translation>
    </message>
    <message>
        <source>This contract was not found. Please ask an employee.</source>
        <translation>This contract was not found. Please ask an employee.</translation>
    </message>
    <message>
        <source>Choose what happened from the list.</source>
        <translation>Choose what happened from the list.</translation>
    </message>
    <message>
        <source>Please describe what happened in at least 10 characters.</source>
        <translation>Please describe what happened in at least 10 characters.</translation>
    </message>
    <message>
        <source>This text is too long.</source>
        <translation>This text is too long.</translation>
    </message>
    <message>
        <source>This text holds characters that cannot be sent.</source>
        <translation>This text holds characters that cannot be sent.</translation>
    </message>
    <message>
        <source>Enter a mobile number, e.g. +7 701 123 45 67.</source>
        <translation>Enter a mobile number, e.g. +7 701 123 45 67.</translation>
    </message>
    <message>
        <source>This is not a mobile number.</source>
        <translation>This is not a mobile number.</translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator.</source>
        <translation>Enter a mobile number of a Kazakhstan operator.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Please check this field.</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>Under review</translation>
    </message>
    <message>
        <source>Documents requested</source>
        <translation>Documents requested</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Approved</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Contract %1, %2, in force %3</source>
        <translation>Contract %1, %2, in force %3</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 MB</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>«%1» is larger than 10 MB and was not added.</source>
        <translation>&quot;%1&quot; is larger than 10 MB and was not added.</translation>
    </message>
    <message>
        <source>«%1» was not added: only photos (JPEG, PNG) and PDF files are accepted.</source>
        <translation>&quot;%1&quot; was not added: only photos (JPEG, PNG) and PDF files are accepted.</translation>
    </message>
    <message>
        <source>«%1» was not added: a claim holds at most 20 documents.</source>
        <translation>&quot;%1&quot; was not added: a claim holds at most 20 documents.</translation>
    </message>
    <message>
        <source>«%1» was not added: a decision on this claim has been made already.</source>
        <translation>&quot;%1&quot; was not added: a decision on this claim has been made already.</translation>
    </message>
    <message>
        <source>«%1» was not added: no connection to the insurer. Please try again.</source>
        <translation>&quot;%1&quot; was not added: no connection to the insurer. Please try again.</translation>
    </message>
    <message>
        <source>«%1» could not be read. Please choose it again.</source>
        <translation>&quot;%1&quot; could not be read. Please choose it again.</translation>
    </message>
    <message>
        <source>The link has been sent by SMS to %1.</source>
        <translation>The link has been sent by SMS to %1.</translation>
    </message>
    <message>
        <source>The link for this claim has been sent by SMS several times this hour. You can send it again in %1 min; until then, scan the QR code.</source>
        <translation>The link for this claim has been sent by SMS several times this hour. You can send it again in %1 min; until then, scan the QR code.</translation>
    </message>
    <message>
        <source>No connection to the insurer: the SMS was not sent. Please try again.</source>
        <translation>No connection to the insurer: the SMS was not sent. Please try again.</translation>
    </message>
    <message>
        <source>A decision on this claim has been made already: no link is needed.</source>
        <translation>A decision on this claim has been made already: no link is needed.</translation>
    </message>
    <message>
        <source>The claim already has 20 documents: no link is needed.</source>
        <translation>The claim already has 20 documents: no link is needed.</translation>
    </message>
</context>
<context>
    <name>ClaimViewScreen</name>
    <message>
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>No documents yet.</source>
        <translation>No documents yet.</translation>
    </message>
    <message>
        <source>Add a file</source>
        <translation>Add a file</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Add documents from your phone</source>
        <translation>Add documents from your phone</translation>
    </message>
    <message>
        <source>Send the link by SMS</source>
        <translation>Send the link by SMS</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>My contracts</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>My claims</translation>
    </message>
    <message>
        <source>Claim %1</source>
        <translation>Claim %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>We have received your claim and sent its number to you by SMS and email. What happens next: the insurer reviews it and tells you of each step by SMS and email; if documents are missing, you will be told which. Add photos of the damage and any documents now, or later from «My claims».</source>
        <translation>We have received your claim and sent its number to you by SMS and email. What happens next: the insurer reviews it and tells you of each step by SMS and email; if documents are missing, you will be told which. Add photos of the damage and any documents now, or later from &quot;My claims&quot;.</translation>
    </message>
    <message>
        <source>Contract %1 · %2 · event on %3</source>
        <translation>Contract %1 · %2 · event on %3</translation>
    </message>
    <message>
        <source>Documents (%1)</source>
        <translation>Documents (%1)</translation>
    </message>
    <message>
        <source>A decision has been made on this claim: it takes no more documents.</source>
        <translation>A decision has been made on this claim: it takes no more documents.</translation>
    </message>
    <message>
        <source>Preparing the link for your phone…</source>
        <translation>Preparing the link for your phone…</translation>
    </message>
    <message>
        <source>Point your phone&apos;s camera at the code: a page opens where you take or pick photos of the damage and documents. Each one appears here within seconds. The code works for 15 minutes.</source>
        <translation>Point your phone&apos;s camera at the code: a page opens where you take or pick photos of the damage and documents. Each one appears here within seconds. The code works for 15 minutes.</translation>
    </message>
    <message>
        <source>Photos and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</source>
        <translation>Photos and PDF (*.jpg *.jpeg *.png *.pdf);;All files (*)</translation>
    </message>
    <message>
        <source>Files added: %1.</source>
        <translation>Files added: %1.</translation>
    </message>
</context>
<context>
    <name>ClerkPanel</name>
    <message>
        <source>sent: the client got the SMS code</source>
        <translation>sent: the client got the code by text message</translation>
    </message>
    <message>
        <source>already registered: told by SMS and email</source>
        <translation>already registered: told by text message and email</translation>
    </message>
    <message>
        <source>not sent: see the outbox</source>
        <translation>not sent: see the outbox</translation>
    </message>
    <message>
        <source>Operator: %1</source>
        <translation>Operator: %1</translation>
    </message>
    <message>
        <source>Change operator</source>
        <translation>Change operator</translation>
    </message>
    <message>
        <source>Correct the email of a pending account</source>
        <translation>Correct the email of a pending account</translation>
    </message>
    <message>
        <source>Registrations today: %1</source>
        <translation>Registrations today: %1</translation>
    </message>
    <message>
        <source>Registrations today</source>
        <translation>Registrations today</translation>
    </message>
    <message>
        <source>No registrations yet today. Each one appears here with its outcome.</source>
        <translation>No registrations yet today. Each one appears here with its outcome.</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>registered</translation>
    </message>
    <message>
        <source>already registered</source>
        <translation>already registered</translation>
    </message>
    <message>
        <source>saved, will be sent</source>
        <translation>saved, will be sent</translation>
    </message>
</context>
<context>
    <name>CodeEntryScreen</name>
    <message>
        <source>Confirmation code</source>
        <translation>Confirmation code</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>Confirm code</translation>
    </message>
    <message>
        <source>Cancel registration</source>
        <translation>Cancel registration</translation>
    </message>
    <message>
        <source>We have sent an SMS with a 6-digit code to %1. Enter the code below.</source>
        <translation>We have sent an SMS with a 6-digit code to %1. Enter the code below.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>Enter all 6 digits of the code from the SMS.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>A new code has been sent by SMS.</translation>
    </message>
</context>
<context>
    <name>CodeStatus</name>
    <message>
        <source>Send the code again</source>
        <translation>Send the code again</translation>
    </message>
    <message>
        <source>Attempts left: %1</source>
        <translation>Attempts left: %1</translation>
    </message>
    <message>
        <source>The code is valid for %1</source>
        <translation>The code is valid for %1</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation>The code has expired. Ask for a new code.</translation>
    </message>
    <message>
        <source>A new code can be sent in %1</source>
        <translation>A new code can be sent in %1</translation>
    </message>
</context>
<context>
    <name>ContractsScreen</name>
    <message>
        <source>My contracts</source>
        <translation>My contracts</translation>
    </message>
    <message>
        <source>Active contracts</source>
        <translation>Active contracts</translation>
    </message>
    <message>
        <source>Past contracts</source>
        <translation>Past contracts</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Premium</source>
        <translation>Premium</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Buy a policy on vic.kz or at any Victoria branch: it appears here as soon as the insurer registers it.</source>
        <translation>Buy a policy on vic.kz or at any Victoria branch: it appears here as soon as the insurer registers it.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Expired</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>Terminated</translation>
    </message>
    <message>
        <source>Report an insured event</source>
        <translation>Report an insured event</translation>
    </message>
    <message>
        <source>My claims</source>
        <translation>My claims</translation>
    </message>
    <message>
        <source>Close «Личный кабинет»</source>
        <translation>Close the personal account</translation>
    </message>
    <message>
        <source>Loading your contracts…</source>
        <translation>Loading your contracts…</translation>
    </message>
    <message>
        <source>You have no insurance contracts with us yet.</source>
        <translation>You have no insurance contracts with us yet.</translation>
    </message>
</context>
<context>
    <name>DemoPanel</name>
    <message>
        <source>Demo: the client&apos;s phone and mailbox</source>
        <translation>Demo: the client&apos;s phone and mailbox</translation>
    </message>
    <message>
        <source>Messages sent</source>
        <translation>Messages sent</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>Message text</translation>
    </message>
    <message>
        <source>Copy code</source>
        <translation>Copy code</translation>
    </message>
    <message>
        <source>Copy temporary password</source>
        <translation>Copy temporary password</translation>
    </message>
    <message>
        <source>Open activation link</source>
        <translation>Open activation link</translation>
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
        <translation>Demo: the central does not answer</translation>
    </message>
    <message>
        <source>Copied: %1</source>
        <translation>Copied: %1</translation>
    </message>
    <message>
        <source>The page says: %1</source>
        <translation>The page says: %1</translation>
    </message>
    <message>
        <source>The page refused (%1): %2</source>
        <translation>The page refused (%1): %2</translation>
    </message>
    <message>
        <source>Opening the link…</source>
        <translation>Opening the link…</translation>
    </message>
    <message>
        <source>The link could not be opened: the central does not answer.</source>
        <translation>The link could not be opened: the central does not answer.</translation>
    </message>
</context>
<context>
    <name>DigitKeypad</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Delete last digit</source>
        <translation>Delete last digit</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionCodeScreen</name>
    <message>
        <source>Code from the SMS</source>
        <translation>Code from the SMS</translation>
    </message>
    <message>
        <source>Confirm code</source>
        <translation>Confirm code</translation>
    </message>
    <message>
        <source>Change the details</source>
        <translation>Change the details</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>This correction is already done.</source>
        <translation>This correction is already done.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>A new code has been sent by SMS.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>Enter all 6 digits of the code from the SMS.</translation>
    </message>
    <message>
        <source>We have sent an SMS with a 6-digit code to %1, the phone of the account. Enter the code below.</source>
        <translation>We have sent an SMS with a 6-digit code to %1, the phone of the account. Enter the code below.</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionDoneScreen</name>
    <message>
        <source>Activation email sent to the new address</source>
        <translation>Activation email sent to the new address</translation>
    </message>
    <message>
        <source>The «Личный кабинет» now has the email %1, and the activation email with a new temporary password has gone there. Open the link in it, then log in with that password. Earlier activation links and the old temporary password no longer work, and the old address gets nothing more.</source>
        <translation>Your personal account now has the email %1, and the activation email with a new temporary password has gone there. Open the link in it, then log in with that password. Earlier activation links and the old temporary password no longer work, and the old address gets nothing more.</translation>
    </message>
    <message>
        <source>To the start</source>
        <translation>To the start</translation>
    </message>
</context>
<context>
    <name>EmailCorrectionScreen</name>
    <message>
        <source>There is no «Личный кабинет» waiting for activation with this phone number. The email of an activated account cannot be changed here; a forgotten password is reset with «Forgot password?» on the login screen.</source>
        <translation>There is no personal account waiting for activation with this phone number. The email of an activated account cannot be changed here; a forgotten password is reset with &quot;Forgot password?&quot; on the login screen.</translation>
    </message>
    <message>
        <source>Another «Личный кабинет» already uses this email. Enter a different email.</source>
        <translation>Another personal account already uses this email. Enter a different email.</translation>
    </message>
    <message>
        <source>Correct the email of a «Личный кабинет»</source>
        <translation>Correct the email of a personal account</translation>
    </message>
    <message>
        <source>For a «Личный кабинет» that is not activated yet, when the activation email went to a mistyped address. Enter the mobile phone number given at registration and the right email: we will send a code by SMS to that phone, and after it the activation email goes to the new address.</source>
        <translation>For a personal account that is not activated yet, when the activation email went to a mistyped address. Enter the mobile phone number given at registration and the right email: we will send a code by SMS to that phone, and after it the activation email goes to the new address.</translation>
    </message>
    <message>
        <source>Mobile phone given at registration</source>
        <translation>Mobile phone given at registration</translation>
    </message>
    <message>
        <source>Correct email</source>
        <translation>Correct email</translation>
    </message>
    <message>
        <source>The client showed an identity document</source>
        <translation>The client showed an identity document</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Get a code</translation>
    </message>
    <message>
        <source>Check the client&apos;s identity document and tick the box to continue.</source>
        <translation>Check the client&apos;s identity document and tick the box to continue.</translation>
    </message>
</context>
<context>
    <name>EmailKeyboard</name>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Delete last character</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Capital letters</translation>
    </message>
</context>
<context>
    <name>EnterKey</name>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Next</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <source>VICTORIA</source>
        <translation>VICTORIA</translation>
    </message>
    <message>
        <source>victory over chance</source>
        <translation>victory over chance</translation>
    </message>
    <message>
        <source>DEMO</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>Demo mode: no real client data, messages stay here</source>
        <translation>Demo mode: no real client data, messages stay here</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <source>Wrong phone, email or password. Please check and try again.</source>
        <translation>Wrong phone, email or password. Please check and try again.</translation>
    </message>
    <message>
        <source>Your «Личный кабинет» is not activated yet. Open the link in the email we sent you, then log in with the temporary password from that email.</source>
        <translation>Your personal account is not activated yet. Open the link in the email we sent you, then log in with the temporary password from that email.</translation>
    </message>
    <message>
        <source>Log in to «Личный кабинет»</source>
        <translation>Log in to your personal account</translation>
    </message>
    <message>
        <source>Use your mobile phone number or email, and your password.</source>
        <translation>Use your mobile phone number or email, and your password.</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Phone or email</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
    <message>
        <source>Forgot password?</source>
        <translation>Forgot password?</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Enter your phone or email.</source>
        <translation>Enter your phone or email.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Victoria: personal account registration</source>
        <translation>Victoria: personal account registration</translation>
    </message>
    <message>
        <source>End of shift</source>
        <translation>End of shift</translation>
    </message>
    <message>
        <source>End the shift and close the terminal?</source>
        <translation>End the shift and close the terminal?</translation>
    </message>
    <message>
        <source>End shift and close</source>
        <translation>End shift and close</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Keep working</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Please fill in this field.</source>
        <translation>Please fill in this field.</translation>
    </message>
    <message>
        <source>This does not look like an email address, e.g. name@mail.ru.</source>
        <translation>This does not look like an email address, e.g. name@mail.ru.</translation>
    </message>
    <message>
        <source>Enter a mobile number of 10 digits after +7, e.g. +7 701 123 45 67.</source>
        <translation>Enter a mobile number of 10 digits after +7, e.g. +7 701 123 45 67.</translation>
    </message>
    <message>
        <source>This is not a mobile number. Enter a mobile number for SMS.</source>
        <translation>This is not a mobile number. Enter a mobile number for SMS.</translation>
    </message>
    <message>
        <source>Enter a mobile number of a Kazakhstan operator (+7 7xx).</source>
        <translation>Enter a mobile number of a Kazakhstan operator (+7 7xx).</translation>
    </message>
    <message>
        <source>Your consent is needed to register.</source>
        <translation>Your consent is needed to register.</translation>
    </message>
    <message>
        <source>Please check this field.</source>
        <translation>Please check this field.</translation>
    </message>
    <message>
        <source>Wrong code. Check the SMS and try again.</source>
        <translation>Wrong code. Check the SMS and try again.</translation>
    </message>
    <message>
        <source>The code has expired. Ask for a new code.</source>
        <translation>The code has expired. Ask for a new code.</translation>
    </message>
    <message>
        <source>Too many wrong attempts: this code no longer works. Ask for a new code.</source>
        <translation>Too many wrong attempts: this code no longer works. Ask for a new code.</translation>
    </message>
    <message>
        <source>Too many requests. Please try again in %1.</source>
        <translation>Too many requests. Please try again in %1.</translation>
    </message>
    <message>
        <source>No connection to the server. Please try again in a minute.</source>
        <translation>No connection to the server. Please try again in a minute.</translation>
    </message>
    <message>
        <source>An account with this email or phone already exists.</source>
        <translation>An account with this email or phone already exists.</translation>
    </message>
    <message>
        <source>This registration was not found. Please start again.</source>
        <translation>This registration was not found. Please start again.</translation>
    </message>
    <message>
        <source>This terminal is not authorised. Please call an employee.</source>
        <translation>This terminal is not authorised. Please call an employee.</translation>
    </message>
    <message>
        <source>Something went wrong. Please try again or ask an employee.</source>
        <translation>Something went wrong. Please try again or ask an employee.</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <source>New password</source>
        <translation>New password</translation>
    </message>
    <message>
        <source>Repeat the new password</source>
        <translation>Repeat the new password</translation>
    </message>
    <message>
        <source>The server did not accept this password:</source>
        <translation>The server did not accept this password:</translation>
    </message>
    <message>
        <source>This password cannot be used yet:</source>
        <translation>This password cannot be used:</translation>
    </message>
</context>
<context>
    <name>OperatorDialog</name>
    <message>
        <source>Start of shift</source>
        <translation>Start of shift</translation>
    </message>
    <message>
        <source>Your operator ID</source>
        <translation>Your operator ID</translation>
    </message>
    <message>
        <source>Start shift</source>
        <translation>Start shift</translation>
    </message>
    <message>
        <source>Enter your operator ID to start the shift.</source>
        <translation>Enter your operator ID to start the shift.</translation>
    </message>
</context>
<context>
    <name>OutboxOverlay</name>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>OutboxPanel</name>
    <message>
        <source>Outbox</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>%1 more are waiting and not listed.</source>
        <translation>%1 more are waiting and not listed.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Confirm drop</source>
        <translation>Confirm drop</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Drop</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>waiting</translation>
    </message>
    <message>
        <source>delivered</source>
        <translation>delivered</translation>
    </message>
    <message>
        <source>needs attention</source>
        <translation>needs attention</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Every registration has been sent.</translation>
    </message>
    <message>
        <source>Dropping deletes this registration for good. Press again to confirm.</source>
        <translation>Dropping deletes this registration for good. Press again to confirm.</translation>
    </message>
</context>
<context>
    <name>PasswordChangeScreen</name>
    <message>
        <source>Choose a new password</source>
        <translation>Choose a new password</translation>
    </message>
    <message>
        <source>You logged in with a temporary password. Choose your own password: you will log in with it from now on.</source>
        <translation>You logged in with a temporary password. Choose your own password: you will log in with it from now on.</translation>
    </message>
    <message>
        <source>Password requirements:</source>
        <translation>Password requirements:</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Your password has been changed successfully. You can now use «Личный кабинет».</source>
        <translation>Your password has been changed successfully. You can now use your personal account.</translation>
    </message>
    <message>
        <source>My contracts</source>
        <translation>My contracts</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
</context>
<context>
    <name>PasswordChecklist</name>
    <message>
        <source>met</source>
        <translation>met</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>not met</translation>
    </message>
</context>
<context>
    <name>PasswordField</name>
    <message>
        <source>Hide</source>
        <translation>Hide</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
</context>
<context>
    <name>PasswordResetScreen</name>
    <message>
        <source>Password reset</source>
        <translation>Password reset</translation>
    </message>
    <message>
        <source>Enter the mobile phone number or the email of your «Личный кабинет». We will send a code by SMS to the account&apos;s phone; your current password keeps working until you set a new one.</source>
        <translation>Enter the mobile phone number or the email of your personal account. We will send a code by SMS to the account&apos;s phone; your current password keeps working until you set a new one.</translation>
    </message>
    <message>
        <source>Phone or email</source>
        <translation>Phone or email</translation>
    </message>
    <message>
        <source>Get a code</source>
        <translation>Get a code</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Enter your phone or email.</source>
        <translation>Enter your phone or email.</translation>
    </message>
</context>
<context>
    <name>PasswordRules</name>
    <message>
        <source>At least 8 characters</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>At most {count} characters</source>
        <translation>At most {count} characters</translation>
    </message>
    <message>
        <source>Upper-case Latin letters (A–Z)</source>
        <translation>Upper-case Latin letters (A–Z)</translation>
    </message>
    <message>
        <source>Lower-case Latin letters (a–z)</source>
        <translation>Lower-case Latin letters (a–z)</translation>
    </message>
    <message>
        <source>Digits (0–9)</source>
        <translation>Digits (0–9)</translation>
    </message>
    <message>
        <source>Special characters: ! @ $ _ -</source>
        <translation>Special characters: ! @ $ _ -</translation>
    </message>
    <message>
        <source>Only Latin letters, digits and ! @ $ _ -</source>
        <translation>Only Latin letters, digits and ! @ $ _ -</translation>
    </message>
    <message>
        <source>Not the example, the company&apos;s name or a known leaked password</source>
        <translation>Not the example, the company&apos;s name or a known leaked password</translation>
    </message>
    <message>
        <source>Different from the current password</source>
        <translation>Different from the current password</translation>
    </message>
    <message>
        <source>Both entries are the same</source>
        <translation>The passwords match</translation>
    </message>
    <message>
        <source>The passwords do not match</source>
        <translation>The passwords do not match</translation>
    </message>
</context>
<context>
    <name>ProblemPage</name>
    <message>
        <source>Call support; the log file has the details.</source>
        <translation>Call support; the log file has the details.</translation>
    </message>
    <message>
        <source>This kiosk has no administrator PIN, so no employee could unlock it. The terminal&apos;s administrator sets one on this computer (the command main.py admin-pin).</source>
        <translation>This kiosk has no administrator PIN, so no employee could unlock it. The terminal&apos;s administrator sets one on this computer (the command main.py admin-pin).</translation>
    </message>
    <message>
        <source>This computer has no usable keyring to keep the terminal&apos;s secrets in.</source>
        <translation>This computer has no usable keyring to keep the terminal&apos;s secrets in.</translation>
    </message>
    <message>
        <source>The terminal&apos;s secrets in the keyring cannot be read.</source>
        <translation>The terminal&apos;s secrets in the keyring cannot be read.</translation>
    </message>
    <message>
        <source>The offline outbox cannot be opened.</source>
        <translation>The offline outbox cannot be opened.</translation>
    </message>
    <message>
        <source>The offline outbox is damaged; a copy of it was kept. Its registrations must be recovered before the terminal saves new ones.</source>
        <translation>The offline outbox is damaged; a copy of it was kept. Its registrations must be recovered before the terminal saves new ones.</translation>
    </message>
    <message>
        <source>The offline outbox was deleted or emptied. Its registrations must be accounted for before the terminal opens.</source>
        <translation>The offline outbox was deleted or emptied. Its registrations must be accounted for before the terminal opens.</translation>
    </message>
    <message>
        <source>The terminal&apos;s disk is full. The registrations already saved are safe.</source>
        <translation>The terminal&apos;s disk is full. The registrations already saved are safe.</translation>
    </message>
    <message>
        <source>The terminal&apos;s data folder cannot be used.</source>
        <translation>The terminal&apos;s data folder cannot be used.</translation>
    </message>
    <message>
        <source>The central cannot be reached. Check the network, then start the terminal again.</source>
        <translation>The central cannot be reached. Check the network, then start the terminal again.</translation>
    </message>
    <message>
        <source>The central did not accept this terminal.</source>
        <translation>The central did not accept this terminal.</translation>
    </message>
    <message>
        <source>Demo mode is not available: this program was installed without its demo part.</source>
        <translation>Demo mode is not available: this program was installed without its demo part.</translation>
    </message>
    <message>
        <source>An unexpected error; the log file has the details.</source>
        <translation>An unexpected error; the log file has the details.</translation>
    </message>
    <message>
        <source>The terminal could not start</source>
        <translation>The terminal could not start</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>RegistrationScreen</name>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Attention! Check that the email address and the mobile phone number are entered correctly. If the email address and/or the mobile phone number contain a mistake, registration in the personal account will be impossible.</source>
        <translation>Attention! Check that the email address and the mobile phone number are entered correctly. If the email address and/or the mobile phone number contain a mistake, registration in the personal account will be impossible.</translation>
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
        <translation>Phone</translation>
    </message>
    <message>
        <source>+7 7XX XXX XX XX</source>
        <translation>+7 7XX XXX XX XX</translation>
    </message>
    <message>
        <source>I consent to the processing of my personal data</source>
        <translation>I consent to the processing of my personal data</translation>
    </message>
    <message>
        <source>The client consents to personal data processing</source>
        <translation>The client consents to personal data processing</translation>
    </message>
    <message>
        <source>Read the consent below to the client aloud, or let them read it:</source>
        <translation>Read the consent below to the client aloud, or let them read it:</translation>
    </message>
    <message>
        <source>JSC «Insurance Company «Victoria» will process your email address and mobile phone number to create and run your personal account and to send you messages about your insurance contracts. The data are kept on servers in Kazakhstan. If the registration is not confirmed with the SMS code, they are deleted within 25 hours after the code expires. Otherwise they are kept while the account exists and erased from it when it is closed; your insurance contracts stay with the company as insurance law requires, and a record of actions on the account, without your full phone and email, is kept for 3 years. The data are not passed to third parties except where the law requires it. You may withdraw your consent at any time with «Close «Личный кабинет»» under «My contracts» at a terminal, or by a written request to the company: the account is then closed. Law of the Republic of Kazakhstan No. 94-V «On personal data and their protection».</source>
        <translation>JSC Insurance Company Victoria will process your email address and mobile phone number to create and run your personal account and to send you messages about your insurance contracts. The data are kept on servers in Kazakhstan. If the registration is not confirmed with the SMS code, they are deleted within 25 hours after the code expires. Otherwise they are kept while the account exists and erased from it when it is closed; your insurance contracts stay with the company as insurance law requires, and a record of actions on the account, without your full phone and email, is kept for 3 years. The data are not passed to third parties except where the law requires it. You may withdraw your consent at any time with &quot;Close the personal account&quot; under &quot;My contracts&quot; at a terminal, or by a written request to the company: the account is then closed. Law of the Republic of Kazakhstan No. 94-V &quot;On personal data and their protection&quot;.</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Did you mean %1?</source>
        <translation>Did you mean %1?</translation>
    </message>
</context>
<context>
    <name>ResetCodeScreen</name>
    <message>
        <source>Code from the SMS</source>
        <translation>Code from the SMS</translation>
    </message>
    <message>
        <source>Set the new password</source>
        <translation>Set the new password</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>This password reset is no longer valid. Please start again.</source>
        <translation>This password reset is no longer valid. Please start again.</translation>
    </message>
    <message>
        <source>A new code has been sent by SMS.</source>
        <translation>A new code has been sent by SMS.</translation>
    </message>
    <message>
        <source>Enter all 6 digits of the code from the SMS.</source>
        <translation>Enter all 6 digits of the code from the SMS.</translation>
    </message>
    <message>
        <source>If a «Личный кабинет» is registered to %1, we have sent an SMS with a 6-digit code to its phone. Not activated yet? Then we have emailed the activation link again instead.</source>
        <translation>If a personal account is registered to %1, we have sent an SMS with a 6-digit code to its phone. Not activated yet? Then we have emailed the activation link again instead.</translation>
    </message>
</context>
<context>
    <name>ResetDoneScreen</name>
    <message>
        <source>Password changed</source>
        <translation>Password changed</translation>
    </message>
    <message>
        <source>Your new password is set. Every earlier login with the old password has ended, and an SMS and an email tell you about the change. Log in with the new password.</source>
        <translation>Your new password is set. Every earlier login with the old password has ended, and an SMS and an email tell you about the change. Log in with the new password.</translation>
    </message>
    <message>
        <source>Log out</source>
        <translation>Log out</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>SavedOfflineScreen</name>
    <message>
        <source>Your request is saved</source>
        <translation>Your request is saved</translation>
    </message>
    <message>
        <source>There is no connection to the server right now. Your registration request is saved on this terminal and will be sent as soon as the connection is back. You will then get an SMS with a confirmation code and a link to confirm the registration from your phone, at this number:</source>
        <translation>There is no connection to the server right now. Your registration request is saved on this terminal and will be sent as soon as the connection is back. You will then get an SMS with a confirmation code and a link to confirm the registration from your phone, at this number:</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Opening the terminal…</source>
        <translation>Opening the terminal…</translation>
    </message>
    <message>
        <source>The terminal did not open</source>
        <translation>The terminal did not open</translation>
    </message>
    <message>
        <source>Central: checking…</source>
        <translation>Central: checking…</translation>
    </message>
    <message>
        <source>Central: online</source>
        <translation>Central: online</translation>
    </message>
    <message>
        <source>Central: offline</source>
        <translation>Central: offline</translation>
    </message>
    <message>
        <source>Waiting to send: %1</source>
        <translation>Waiting to send: %1</translation>
    </message>
    <message>
        <source>Terminal: %1</source>
        <translation>Terminal: %1</translation>
    </message>
</context>
<context>
    <name>StepIndicator</name>
    <message>
        <source>Step %1 of %2</source>
        <translation>Step %1 of %2</translation>
    </message>
</context>
<context>
    <name>StillTherePrompt</name>
    <message>
        <source>Are you still there?</source>
        <translation>Are you still there?</translation>
    </message>
    <message>
        <source>Yes, continue</source>
        <translation>Yes, continue</translation>
    </message>
    <message>
        <source>For your privacy the screen will be cleared in %1 s.</source>
        <translation>For your privacy the screen will be cleared in %1 s.</translation>
    </message>
</context>
<context>
    <name>SuccessDialog</name>
    <message>
        <source>Your personal account has been created</source>
        <translation>Your personal account has been created</translation>
    </message>
    <message>
        <source>An SMS and an email about it are on their way to you.

1. Open the email and follow its link to activate the personal account.
2. Log in with the temporary password from the email.
3. At the first login you will be asked to choose a new password.</source>
        <translation>An SMS and an email about it are on their way to you.

1. Open the email and follow its link to activate the personal account.
2. Log in with the temporary password from the email.
3. At the first login you will be asked to choose a new password.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>TextKeyboard</name>
    <message>
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <source>Delete last character</source>
        <translation>Delete last character</translation>
    </message>
    <message>
        <source>New line</source>
        <translation>New line</translation>
    </message>
    <message>
        <source>Capital letters</source>
        <translation>Capital letters</translation>
    </message>
    <message>
        <source>Other alphabet</source>
        <translation>Other alphabet</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Personal account</source>
        <translation>Personal account</translation>
    </message>
    <message>
        <source>Your insurance contracts and online claims in one place. Register with your email and mobile phone, or log in.</source>
        <translation>Your insurance contracts and online claims in one place. Register with your email and mobile phone, or log in.</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Log in to the personal account</source>
        <translation>Log in to the personal account</translation>
    </message>
</context>
</TS>
