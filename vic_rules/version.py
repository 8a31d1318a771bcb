"""The one version number of the terminal, the central and their shared rules.

Every distribution built from this tree (vic-rules, vic-kiosk, vic-central)
carries this number, and ``vic-kiosk --version`` / ``vic-central --version``
print it; a terminal sends it in its User-Agent. Change it here only.
"""

VERSION = "0.2.0"
