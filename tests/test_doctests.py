"""Every ``>>>`` example in the package runs, against the installed package."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import relance

MODULES = sorted(
    name
    for _, name, _ in pkgutil.walk_packages(relance.__path__, prefix="relance.")
    if name != "relance.__main__"
)


@pytest.mark.parametrize("name", ["relance", *MODULES])
def test_the_examples_of_each_module_run(name: str) -> None:
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert failed == 0


def test_the_examples_are_found() -> None:
    """An empty walk would pass the test above vacuously."""
    assert len(MODULES) > 15
    found = sum(
        len(test.examples)
        for name in ["relance", *MODULES]
        for test in doctest.DocTestFinder().find(importlib.import_module(name))
    )
    assert found >= 10
