"""The application."""

from fastapi import FastAPI
from fullstack_backend.api.main import api_router
from fullstack_backend.core.config import settings
from pydantic import BaseModel

app = FastAPI(title=settings.PROJECT_NAME, openapi_url=f"{settings.API_V1_STR}/openapi.json")
app.include_router(api_router, prefix=settings.API_V1_STR)


class Subscription(BaseModel):
    username: str
    plan: str


@app.webhooks.post("new-subscription")
def new_subscription(body: Subscription) -> None:
    """When a user subscribes, we send this request to your callback URL."""
