"""`python main.py ARGS` does what the `carejournal` command does."""

import sys

from journal.app import main

if __name__ == "__main__":
    sys.exit(main())
