"""«Письмо для активации отправлено на новый адрес»: the correction is done.

The account now has the corrected email; the activation email with a new
temporary password has gone there, and the earlier links and password no
longer work. «На главную» wipes the correction for the next client.
"""

from __future__ import annotations

from ui.screens.notice import HomeNoticeScreen


class EmailCorrectionDoneScreen(HomeNoticeScreen):
    name = "email_correction_done"

    def retranslate(self) -> None:
        self.set_label(self.title, self.tr("Activation email sent to the new address"))
        masked = self.ctx.email_correction.email_masked if self.ctx.is_open else ""
        self.set_label(
            self.body,
            self.tr(
                "The «Личный кабинет» now has the email %1, and the activation email with a "
                "new temporary password has gone there. Open the link in it, then log in with "
                "that password. Earlier activation links and the old temporary password no "
                "longer work, and the old address gets nothing more."
            ).replace("%1", masked),
        )
        self.set_label(self.home_button, self.tr("To the start"))

    def on_enter(self) -> None:
        self.retranslate()  # the address is the one just corrected
        super().on_enter()
