"""The application factory."""

from factory_backend.routers import auth, items
from factory_backend.security import verify_client
from factory_backend.settings import settings
from fastapi import Depends, FastAPI


def get_application() -> FastAPI:
    application = FastAPI(title="Factory Backend", version="2.0.0")
    application.include_router(auth.router, prefix=settings.api_prefix)
    application.include_router(items.router, prefix=settings.api_prefix + "/items",
                               dependencies=[Depends(verify_client)])
    return application


app = get_application()
