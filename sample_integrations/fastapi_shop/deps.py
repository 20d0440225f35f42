"""Зависимости маршрутов: проверка ключа API и постраничный вывод."""

from typing import Annotated

from fastapi import Depends, Header, HTTPException, Query

from .settings import ShopSettings, get_settings


def require_api_key(
    x_api_key: Annotated[str, Header(description="Ключ API магазина")],
    settings: Annotated[ShopSettings, Depends(get_settings)],
) -> str:
    """Пропускает запрос, только если передан верный ключ API."""
    if x_api_key != settings.api_key.get_secret_value():
        raise HTTPException(status_code=401, detail="Неверный ключ API")
    return x_api_key


class Pagination:
    """Страница выдачи: сколько записей пропустить и сколько вернуть."""

    def __init__(
        self,
        offset: Annotated[int, Query(ge=0, description="Сколько записей пропустить")] = 0,
        limit: Annotated[int, Query(ge=1, le=100, description="Сколько записей вернуть")] = 20,
    ) -> None:
        self.offset = offset
        self.limit = limit
