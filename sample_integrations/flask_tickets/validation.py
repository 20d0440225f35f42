"""Проверка запросов моделями pydantic в стиле flask-pydantic: `@validate()`.

Параметр `body` заполняется из JSON тела запроса, `query` — из строки запроса; модель,
которую вернул view, отдаётся как JSON с кодом `on_success_status`.
"""

import functools
import typing
from collections.abc import Callable
from typing import Any

from flask import Response, jsonify, request
from pydantic import BaseModel, ValidationError

View = Callable[..., Any]


def validate(on_success_status: int = 200) -> Callable[[View], View]:
    """Декоратор view: разбирает `body` и `query` по аннотациям, сериализует ответ."""

    def decorator(view: View) -> View:
        hints = typing.get_type_hints(view)

        @functools.wraps(view)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                if "body" in hints:
                    kwargs["body"] = hints["body"].model_validate(request.get_json(force=True))
                if "query" in hints:
                    kwargs["query"] = hints["query"].model_validate(request.args.to_dict())
            except ValidationError as error:
                return jsonify({"detail": error.errors(include_url=False, include_context=False)}), 400
            result = view(*args, **kwargs)
            if isinstance(result, BaseModel):
                return Response(result.model_dump_json(by_alias=True), on_success_status, mimetype="application/json")
            return result

        return wrapper

    return decorator
