"""Settings that cannot work stop start-up with a message naming the variable and the fix."""
from __future__ import annotations

import pytest

from bot.service.runtime import ConfigError, settings_from


def test_redis_without_a_shared_secret_is_refused() -> None:
    """Each worker would invent its own secret and hash one phone number to different keys."""
    with pytest.raises(ConfigError) as info:
        settings_from({"KYR_STORE": "redis://127.0.0.1:6379/0", "KYR_SECRET": ""})
    assert str(info.value).startswith("set KYR_SECRET: with Redis every worker must share it")


@pytest.mark.parametrize(("name", "value", "message"), [
    ("KYR_RETENTION", "a week", "KYR_RETENTION must be a positive number, got 'a week'"),
    ("KYR_IDLE", "-5", "KYR_IDLE must be a positive number, got '-5'"),
    ("KYR_RATE_LIMIT", "1.5", "KYR_RATE_LIMIT must be a positive whole number, got '1.5'"),
])
def test_bad_numbers_name_the_variable(tmp_path, name: str, value: str, message: str) -> None:
    """A typo in a number is reported as such, not as a Python traceback."""
    with pytest.raises(ConfigError) as info:
        settings_from({"KYR_STORE": f"sqlite:///{tmp_path}/k.db", name: value})
    assert str(info.value) == message


def test_sqlite_keeps_its_secret_beside_the_database(tmp_path) -> None:
    """Without KYR_SECRET the embedded default still hashes a user to the same key after a restart."""
    url = f"sqlite:///{tmp_path}/k.db"
    first, second = settings_from({"KYR_STORE": url}), settings_from({"KYR_STORE": url})
    assert first.secret == second.secret and len(first.secret) == 64
    assert (tmp_path / "k.secret").stat().st_mode & 0o077 == 0
