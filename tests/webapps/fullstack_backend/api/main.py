"""The API router aggregating every router."""

from fastapi import APIRouter
from fullstack_backend.api.routes import items, login, users, utils

api_router = APIRouter()
api_router.include_router(login.router)
api_router.include_router(users.router)
api_router.include_router(utils.router)
api_router.include_router(items.router)
