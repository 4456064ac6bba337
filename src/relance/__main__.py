"""``python -m relance``: the command line."""

from relance.cli import main

raise SystemExit(main())
