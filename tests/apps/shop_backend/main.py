"""The app: the API router under /api/v1, and a health check."""

from fastapi import FastAPI

from .api.main import api_router

app = FastAPI(title="Shop backend", version="0.3.0", description="A backend in the full-stack template's style.")
app.include_router(api_router, prefix="/api/v1")


@app.get("/health", tags=["utils"], operation_id="health-check")
async def health_check() -> bool:
    """Is the service up?"""
    return True
