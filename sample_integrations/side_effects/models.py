"""Модели запроса и ответа остатков; в конце модуль бросает исключение при импорте."""

from typing import Optional

from pydantic import BaseModel, Field


class StockRequest(BaseModel):
    """Какой товар искать."""

    sku: str = Field(min_length=1, max_length=50, description="Артикул товара", examples=["A-1042"])
    warehouse_code: Optional[str] = Field(None, description="Код склада; без него — все склады")


class StockLevel(BaseModel):
    """Остаток товара."""

    sku: str = Field(description="Артикул товара")
    quantity: int = Field(ge=0, description="Свободный остаток, шт.")
    reserved: int = Field(0, ge=0, description="В резерве, шт.")


raise RuntimeError("models.py: импорт этого модуля запрещён — extract-docs не должен его исполнять")
