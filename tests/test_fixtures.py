"""Every fixture: the input repairs to the expected output, and the repair is
idempotent (the expected output repairs to itself)."""

import pytest

from repair import repair

from .fixtures import all_fixtures

FIXTURES = all_fixtures()


def _param(f):
    marks = [pytest.mark.xfail(reason=f.xfail, strict=True)] if f.xfail else []
    return pytest.param(f, id=f.id, marks=marks)


@pytest.mark.parametrize("fixture", [_param(f) for f in FIXTURES])
def test_fixture(fixture):
    result = repair(fixture.input, fixture.options)
    assert result.output == fixture.expected
    assert repair(result.output, fixture.options).output == result.output


@pytest.mark.parametrize("fixture", [pytest.param(f, id=f.id) for f in FIXTURES
                                     if f.expected != f.input])
def test_expected_output_is_a_fixed_point(fixture):
    """A fixed text must not be changed again, even where the rules cannot
    yet produce it."""
    result = repair(fixture.expected, fixture.options)
    assert [(f.code, f.message) for f in result.applied] == []
