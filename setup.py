"""Packaging beyond pyproject.toml: ship the top-level prompts/ folder as `interviewer/prompts`.

The content stays at the top of the repository, where people edit it; the wheel (and an editable
install) carries it as package data, so `interviewer.paths.prompts_dir()` finds it anywhere.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["interviewer", "interviewer.*"]), "interviewer.prompts"],
    package_dir={"interviewer.prompts": "prompts"},
)
