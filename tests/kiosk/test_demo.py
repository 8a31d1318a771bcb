"""Demo mode: the terminal starts its own central, enrolls once, and works."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from kiosk.config import KioskConfig, load_config
from kiosk.flows.registration import RegistrationFlow, Step
from vic_demo import start_demo


def demo_config(tmp_path: Path) -> KioskConfig:
    config = load_config(env={"XDG_CONFIG_HOME": str(tmp_path / "no-config")}, demo=True)
    assert config.demo
    return replace(config, data_dir=tmp_path / "data", log_dir=tmp_path / "logs")


def test_demo_registers_a_client_and_keeps_its_enrollment_across_restarts(
    tmp_path: Path,
) -> None:
    config = demo_config(tmp_path)
    demo = start_demo(config)
    try:
        assert demo.terminal.enrolled
        token = demo.terminal.client.terminal_token
        flow = RegistrationFlow(demo.terminal.client, demo.terminal.outbox)
        assert flow.submit_details("new.client@mail.ru", "8 701 555 12 34", True).ok
        assert flow.apply(flow.send()) is Step.CODE_ENTRY
        sms = demo.terminal.client.dev_messages(to="+77015551234")
        assert len(sms) == 1 and sms[0]["channel"] == "sms"
    finally:
        demo.close()

    again = start_demo(config)
    try:
        assert again.terminal.client.terminal_token == token
        assert again.client_logins, "demo clients with contracts are seeded"
    finally:
        again.close()
