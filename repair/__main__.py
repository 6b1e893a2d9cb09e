"""``python -m repair``: the same as the ``repair`` command."""

import sys

from .cli import main

sys.exit(main())
