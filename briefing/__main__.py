import sys

from .cli import main

if __name__ == "__main__":  # a process the app spawns imports this module again: only run once
    sys.exit(main())
