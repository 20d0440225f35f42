"""Каталог товаров: поиск, карточка товара, новые товары и цены."""

from decimal import Decimal
from typing import Annotated, Optional

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, status

from ..deps import Pagination
from ..models import Category, Product, ProductCreate

router = APIRouter(prefix="/products", tags=["Каталог"])

_PRODUCTS: dict[int, Product] = {}


@router.get("", response_model=list[Product], summary="Поиск товаров")
async def list_products(
    page: Annotated[Pagination, Depends()],
    category: Optional[Category] = None,
    q: Annotated[Optional[str], Query(max_length=50, description="Часть названия")] = None,
) -> list[Product]:
    """Ищет товары по разделу и части названия, новые первыми."""
    found = [p for p in _PRODUCTS.values() if category is None or p.category == category]
    if q:
        found = [p for p in found if q.lower() in p.title.lower()]
    return found[page.offset : page.offset + page.limit]


@router.get("/{product_id}")
async def get_product(
    product_id: Annotated[int, Path(ge=1, description="Идентификатор товара")],
) -> Product:
    """Возвращает карточку товара."""
    if product_id not in _PRODUCTS:
        raise HTTPException(status_code=404, detail="Товар не найден")
    return _PRODUCTS[product_id]


@router.post("", status_code=status.HTTP_201_CREATED, operation_id="create-product")
async def create_product(product: ProductCreate) -> Product:
    """Заводит товар в каталоге.

    Идентификатор товару присваивает магазин.
    """
    created = Product(id=len(_PRODUCTS) + 1, **product.model_dump())
    _PRODUCTS[created.id] = created
    return created


@router.patch("/{product_id}/price", response_model=Product)
async def update_price(
    product_id: int,
    price: Annotated[Decimal, Body(embed=True, gt=0, description="Новая цена, руб.")],
) -> Product:
    """Меняет цену товара."""
    product = await get_product(product_id)
    product.price = price
    return product


@router.delete("/{product_id}", status_code=204, deprecated=True)
async def delete_product(product_id: int) -> None:
    """Удаляет товар из каталога. Вместо удаления снимайте товар с продажи."""
    _PRODUCTS.pop(product_id, None)
