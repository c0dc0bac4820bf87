"""A voice-driven mock interviewer for the Netflix interview loop."""

__version__ = "0.1.0"
