"""Tests for the reports and the audio replay (a package, so its conftest is its own)."""
