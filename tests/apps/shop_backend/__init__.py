"""A multi-module FastAPI backend: models, an aggregating `api_router`, routers per resource."""
