"""Settings: the API prefix the factory mounts routers under."""

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    api_prefix: str = "/api"
    debug: bool = False


settings = Settings()
