"""Renderers: terminal text, Markdown, HTML and JSON views of articles and comparisons."""
