"""«Личный кабинет закрыт»: the closure is done and the terminal has forgotten the session.

The main window wiped the login when it applied the closure, so nothing of the
client is left here but this notice; «На главную» wipes the rest and shows the
welcome screen for the next client (a kiosk's idle wipe does the same).
"""

from __future__ import annotations

from ui.screens.notice import HomeNoticeScreen


class AccountClosedScreen(HomeNoticeScreen):
    name = "account_closed"

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("«Личный кабинет» closed"))
        self.set_label(
            self.body,
            self.tr(
                "Your «Личный кабинет» is closed: you have been logged out and can no longer "
                "log in. Your email and phone number have been erased from it. Your insurance "
                "contracts stay with the company as insurance law requires. An SMS and an "
                "email confirm the closure."
            ),
        )
        self.set_label(self.home_button, self.tr("To the start"))
