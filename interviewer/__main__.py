"""`python -m interviewer` runs the same CLI as the `interviewer` script."""

from interviewer.cli import main

if __name__ == "__main__":
    main()
