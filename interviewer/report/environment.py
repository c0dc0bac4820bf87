"""The Jinja2 environment for the report templates (in `templates/` beside this module)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

TEMPLATES = Path(__file__).parent / "templates"


@cache
def environment(autoescape: bool):
    """A Jinja2 environment; HTML templates autoescape, Markdown ones do not."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,  # a typo in a template fails loudly, not silently
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["strong"] = markdown_strong
    env.filters["cell"] = markdown_cell
    return env


def render(name: str, **context) -> str:
    """Render one template; `.html` templates are autoescaped."""
    return environment(name.endswith(".html.j2")).get_template(name).render(**context)


def markdown_strong(text: str) -> str:
    """`text` in bold, keeping its outer spaces outside the asterisks (or it would not render)."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core)
    return f"{text[:start]}**{core}**{text[start + len(core) :]}"


def markdown_cell(text: str) -> str:
    """`text` made safe inside a Markdown table cell: no pipes breaking columns, one line."""
    return " ".join(str(text).split()).replace("|", "\\|")
