"""The API router: every resource router under it."""

from fastapi import APIRouter

from .routes import items, users

api_router = APIRouter()
api_router.include_router(users.router)
api_router.include_router(items.router)
