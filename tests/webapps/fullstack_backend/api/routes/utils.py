"""Utilities: health check, service-key endpoints, a hidden one."""

from typing import Annotated

from fastapi import APIRouter, Depends, Header
from fastapi.responses import StreamingResponse
from fullstack_backend.api.deps import limiter, service_key
from fullstack_backend.models import Message

router = APIRouter(prefix="/utils", tags=["utils"], dependencies=[Depends(limiter)])


@router.get("/health-check/")
async def health_check() -> bool:
    return True


@router.post("/test-email/", dependencies=[Depends(service_key)], status_code=201)
def test_email(email_to: str, x_request_id: Annotated[str | None, Header()] = None) -> Message:
    """Test emails."""
    return Message(message=email_to)


@router.get("/export")
def export() -> StreamingResponse:
    """Export everything as CSV."""
    return StreamingResponse(iter(["a,b\n"]), media_type="text/csv")


@router.get("/internal", include_in_schema=False)
def internal() -> Message:
    """Internal probe."""
    return Message(message="ok")
