"""The public API is exactly ``__all__``: all listed names exist, no public name is missing."""

from __future__ import annotations

import uefacup


def test_all_names_exist() -> None:
    missing = [name for name in uefacup.__all__ if not hasattr(uefacup, name)]
    assert missing == []


def test_all_is_complete() -> None:
    public = {
        name
        for name, value in vars(uefacup).items()
        if not name.startswith("_") and getattr(value, "__module__", "").startswith("uefacup")
    }
    assert public <= set(uefacup.__all__), public - set(uefacup.__all__)


def test_every_public_name_is_importable_lazily() -> None:
    """The names are loaded on first access (``uefacup.__getattr__``): the table behind that
    must list exactly ``__all__``, and ``dir()`` must show them before they are loaded."""
    assert set(uefacup._WHERE) == set(uefacup.__all__)
    assert set(uefacup.__all__) <= set(dir(uefacup))
    for name in uefacup.__all__:
        value = getattr(uefacup, name)
        assert getattr(value, "__name__", name) == name


def test_unknown_attribute_is_an_attribute_error() -> None:
    assert not hasattr(uefacup, "no_such_name")


def test_functions_named_like_their_module_stay_functions() -> None:
    """``uefacup.replay`` and ``uefacup.reconcile`` are functions, as documented in the package
    docstring, even after their submodules are imported (which binds a module on the package)."""
    import importlib

    for name in ("replay", "reconcile"):
        module = importlib.import_module(f"uefacup.{name}")
        assert getattr(uefacup, name) is getattr(module, name)
        assert callable(getattr(uefacup, name))
