"""Tests that need ../shared skip on a developer's machine without it, and fail on CI."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import need_shared


def test_absent_shared_folder_skips_off_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not present"):
        need_shared(tmp_path / "absent")


def test_absent_shared_folder_fails_on_ci(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI needs the shared folder"):
        need_shared(tmp_path / "absent")


def test_present_path_is_returned(tmp_path: Path) -> None:
    assert need_shared(tmp_path) == tmp_path
