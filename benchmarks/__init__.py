"""Quality and speed benchmarks for ``repair``.

The corpora live outside the repository (``../shared/`` next to the repo root, or
``$REPAIR_SHARED``) and are only ever read, never copied in. Run:

* ``python -m benchmarks.quality``: defects injected into clean text, then scored
  per family (recall, precision, content lost, clean text changed), with the
  baselines a user could pick instead;
* ``python -m benchmarks.speed``: throughput against ftfy and scaling with size.

See ``benchmarks/README.md`` for what each number means.
"""
