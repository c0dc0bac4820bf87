"""Reports of a saved session: one self-contained HTML page with charts and audio, and report.md.

Both are rendered from the same view of the session (`view.build_view`) through Jinja2 templates,
so the Markdown report carries the same content as the page, minus the charts and the players.
Jinja2 and matplotlib are imported only when a report is rendered, to keep the CLI quick to start.
"""
