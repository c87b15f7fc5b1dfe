"""``python -m oer_meta`` runs the command-line tool."""

from oer_meta.cli import main

raise SystemExit(main())
