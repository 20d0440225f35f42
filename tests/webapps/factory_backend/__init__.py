"""A FastAPI backend built by an application factory, with header and form models, scopes and streams."""
