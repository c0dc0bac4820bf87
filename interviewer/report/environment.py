"""The Jinja2 environment for the report templates (in `templates/` beside this module)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment(autoescape: bool):
    """A Jinja2 environment; HTML templates autoescape, Markdown ones do not."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,  # a typo in a template fails loudly, not silently
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render(name: str, **context) -> str:
    """Render one template; `.html` templates are autoescaped."""
    return environment(name.endswith(".html.j2")).get_template(name).render(**context)
