"""The saidwhat web app: an article page with highlighted statements, corpus pages and a JSON API."""

from .app import create_app

__all__ = ["create_app"]
