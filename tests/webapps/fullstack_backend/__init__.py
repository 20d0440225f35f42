"""A backend in the style of FastAPI's full-stack template: SQLModel models, deps.py aliases, settings prefix."""
