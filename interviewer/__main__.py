"""`python -m interviewer` runs the same CLI as the `interviewer` script."""

import sys

try:
    from interviewer.cli import main
except KeyboardInterrupt:  # Ctrl-C while Python is still loading: stop quietly
    sys.exit(130)

if __name__ == "__main__":
    main()
