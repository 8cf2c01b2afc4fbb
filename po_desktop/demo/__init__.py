"""Demo workspace: a reproducible French SME backlog for trials, screenshots and load tests.

Everything derives from ``random.Random(seed)`` and ``today``: the same pair always gives
the same rows, ids included, so a screenshot, a bug report or a benchmark can be replayed.
Work happens during Paris office hours (09:00–18:00 on French working days); need, event,
sprint and assessment times are stored in naive UTC like every other timestamp, while
ceremonies keep local wall-clock time (see ``Ceremony.starts_at``).

Rows are written with bulk inserts and precomputed ids: 10,000 needs and their history
take a second or two, where one ORM object per row would take much longer.

Only the command line, the tests and the benchmarks import this package (an import-linter
contract says so): the application itself never generates data.
"""

from po_desktop.demo.generate import MAX_DEMO_NEEDS, DemoSummary, seed_demo

__all__ = ["MAX_DEMO_NEEDS", "DemoSummary", "seed_demo"]
