"""Rule families, one module each. Importing this package registers every rule.

To add a family, write ``repair/rules/<family>.py`` with functions decorated by
:func:`repair.registry.rule`, and import it below.
"""

from . import encoding, stray, whitespace  # noqa: F401
