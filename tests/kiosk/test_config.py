"""Settings from a TOML file and VIC_KIOSK_* variables, and the one-sentence errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.config import ConfigError, KioskConfig, config_path, load_config

GOOD = """
central_url = "https://lk.vic.kz/"
mode = "clerk"
terminal_name = "Almaty-Abay-1"
"""


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "home" / name.lower()))


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _error(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> ConfigError:
    path = _write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_config(path, env=env or {})
    message = str(caught.value)
    assert message.count(". ") == 0 and message.endswith(".")
    return caught.value


def test_a_missing_file_is_not_a_demo_but_one_sentence_naming_where() -> None:
    """A branch terminal whose kiosk.toml went missing must not come up as a demo."""
    with pytest.raises(ConfigError) as caught:
        load_config(env={})
    message = str(caught.value)
    assert str(config_path({})) in message and "--demo" in message
    assert message.count(". ") == 0 and message.endswith(".")


def test_demo_mode_only_when_asked_with_defaults() -> None:
    config = load_config(env={}, demo=True)
    assert config.demo
    assert config.mode == "kiosk"
    assert config.idle_timeout_s == 90 and config.idle_prompt_s == 20
    assert config.allowed_regions == ("KZ",)
    assert config.outbox_capacity == 10_000
    assert config.outbox_retention_s == 7 * 86_400
    assert config.data_dir.name == "demo"
    assert not config_path({}).exists()


def test_file_in_user_config_folder_is_used_and_is_not_demo(tmp_path: Path) -> None:
    path = config_path({})
    path.parent.mkdir(parents=True)
    path.write_text(GOOD, encoding="utf-8")
    config = load_config(env={})
    assert not config.demo
    assert config.central_url == "https://lk.vic.kz"
    assert config.terminal_name == "Almaty-Abay-1"
    assert config.mode == "clerk"
    assert config.data_dir.is_absolute() and config.data_dir.name != "demo"


def test_env_names_the_file_and_overrides_settings(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD + 'data_dir = "data"\n')
    config = load_config(
        env={
            "VIC_KIOSK_CONFIG": str(path),
            "VIC_KIOSK_CENTRAL_URL": "http://127.0.0.1:8000",
            "VIC_KIOSK_MODE": "kiosk",
            "VIC_KIOSK_IDLE_TIMEOUT_S": "120",
            "VIC_KIOSK_ALLOWED_REGIONS": "kz, ru",
            "VIC_KIOSK_READ_TIMEOUT_S": "2.5",
        }
    )
    assert config == KioskConfig(
        central_url="http://127.0.0.1:8000",
        mode="kiosk",
        terminal_name="Almaty-Abay-1",
        idle_timeout_s=120,
        allowed_regions=("KZ", "RU"),
        read_timeout_s=2.5,
        data_dir=tmp_path / "data",
        log_dir=config.log_dir,
    )


def test_a_named_file_that_does_not_exist_is_an_error_not_demo(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match="does not exist"):
        load_config(env={"VIC_KIOSK_CONFIG": str(missing)})
    with pytest.raises(ConfigError, match=str(missing)):
        load_config(missing, env={})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000",
        "http://127.5.6.7",
        "http://[::1]:9000/",
        "http://localhost:8080",
        "https://lk.vic.kz",
        "https://10.0.0.5:8443/api-root",
    ],
)
def test_accepted_central_urls(tmp_path: Path, url: str) -> None:
    path = _write(tmp_path, GOOD.replace("https://lk.vic.kz/", url))
    assert load_config(path, env={}).central_url == url.rstrip("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://lk.vic.kz",
        "http://10.0.0.5",
        "http://128.0.0.1",
        "ftp://lk.vic.kz",
        "lk.vic.kz",
        "https://",
        "https://user:secret@lk.vic.kz",
        "http://localhost.evil.kz",
        "",
    ],
)
def test_plain_http_to_a_non_loopback_host_is_refused(tmp_path: Path, url: str) -> None:
    error = _error(tmp_path, GOOD.replace("https://lk.vic.kz/", url))
    assert error.setting == "central_url"
    assert "central_url" in str(error) and "kiosk.toml" in str(error) and "https" in str(error)


@pytest.mark.parametrize(
    ("extra", "setting", "expected_words"),
    [
        ('default_locale = "de"', "default_locale", '"ru" or "kk" or "en"'),
        ("idle_timeout_s = -5", "idle_timeout_s", "positive whole number of seconds"),
        ("idle_timeout_s = true", "idle_timeout_s", "positive whole number"),
        ('outbox_capacity = "many"', "outbox_capacity", "positive whole number"),
        ("connect_timeout_s = nan", "connect_timeout_s", "positive number"),
        ('allowed_regions = ["KZ", "XX"]', "allowed_regions", "region codes"),
        ("allowed_regions = []", "allowed_regions", "region codes"),
        ("data_dir = 5", "data_dir", "folder path"),
        ("idle_prompt_s = 90", "idle_prompt_s", "shorter than 'idle_timeout_s'"),
        ("colour = 'blue'", "colour", "expected only central_url"),
    ],
)
def test_wrong_settings_name_setting_file_and_expectation(
    tmp_path: Path, extra: str, setting: str, expected_words: str
) -> None:
    error = _error(tmp_path, GOOD + extra + "\n")
    assert error.setting == setting
    assert f"'{setting}'" in str(error)
    assert str(tmp_path / "kiosk.toml") in str(error)
    assert expected_words in str(error)


def test_wrong_mode_and_missing_setting(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD.replace('"clerk"', '"kiosque"'))
    assert str(error) == (
        f"Setting 'mode' from the configuration file {tmp_path / 'kiosk.toml'} "
        'must be "clerk" or "kiosk", not \'kiosque\'.'
    )
    error = _error(tmp_path, GOOD.replace('terminal_name = "Almaty-Abay-1"', ""))
    assert error.setting == "terminal_name"
    assert "missing" in str(error) and "VIC_KIOSK_TERMINAL_NAME" in str(error)


def test_wrong_environment_value_names_the_variable(tmp_path: Path) -> None:
    error = _error(tmp_path, GOOD, env={"VIC_KIOSK_MODE": "self-service"})
    assert "environment variable VIC_KIOSK_MODE" in str(error)
    assert error.setting == "mode"


def test_broken_toml_is_one_sentence_naming_the_file(tmp_path: Path) -> None:
    path = _write(tmp_path, 'central_url = "https://lk.vic.kz\nmode = clerk\n')
    with pytest.raises(ConfigError) as caught:
        load_config(path, env={})
    assert str(path) in str(caught.value) and "not valid TOML" in str(caught.value)
