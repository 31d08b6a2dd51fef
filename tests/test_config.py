"""Settings: validated once, unknown names rejected, every setting documented."""

from __future__ import annotations

import pytest

from parallax.config import Settings
from parallax.errors import ConfigError


def test_config_defaults_are_valid_and_documented():
    s = Settings()
    assert s.max_article_bytes == 16 * 1024 * 1024
    for name, default, help_text in Settings.describe():
        assert help_text and help_text.endswith("."), name


@pytest.mark.parametrize("field", ["batch_size", "workers", "max_article_bytes"])
def test_config_non_positive_sizes_are_rejected_naming_the_setting(field):
    with pytest.raises(ConfigError, match=field):
        Settings(**{field: 0})


def test_config_replace_rejects_unknown_setting_and_lists_known_ones():
    with pytest.raises(ConfigError, match="unknown setting.*batch_sise.*known: db"):
        Settings().replace(batch_sise=3)
    assert Settings().replace(batch_size=3).batch_size == 3


def test_config_settings_are_keyword_only():
    with pytest.raises(TypeError):
        Settings("x.db")  # type: ignore[misc]
