"""Telegram: уведомления в чаты, группы и каналы через Bot API.

Интеграция позволяет:
- отправлять текстовые сообщения с разметкой HTML или MarkdownV2;
- прикреплять к сообщению inline-кнопки со ссылками;
- отправлять документы по публичной ссылке.

Ограничения:
    Telegram принимает не больше 30 сообщений в секунду от одного бота и не больше 20 в
    минуту в одну группу.

Смотрите также:
    - [Telegram Bot API](https://core.telegram.org/bots/api)
"""

import json
import os
import urllib.request
from datetime import datetime
from typing import Any, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from platform_sdk import Context, Credential, Integration, IntegrationError, Secret

# Адрес Bot API; меняется, если используется собственный сервер Bot API
TELEGRAM_API_URL = os.getenv("TELEGRAM_API_URL", "https://api.telegram.org")
TELEGRAM_PROXY = os.environ.get("TELEGRAM_PROXY")  # HTTP-прокси для запросов к Bot API

integration = Integration(
    name="Telegram Notify",
    version="0.3.1",
    credentials=[
        Credential(
            key="TELEGRAM_BOT_TOKEN",
            description="Токен бота",
            where="@BotFather → /newbot или /token",
        ),
    ],
    secrets=[
        Secret(
            "TELEGRAM_WEBHOOK_SECRET",
            "Секрет, который Telegram передаёт в заголовке X-Telegram-Bot-Api-Secret-Token",
            "1–256 символов: A–Z, a–z, 0–9, _ и -",
        ),
    ],
    default_args={"timeout": 3000, "retries": 2},
)


class TelegramApiError(IntegrationError):
    """Bot API вернул ошибку: бот не добавлен в чат, заблокирован пользователем или chat_id неверен."""

    code = "telegram_api_error"
    solution = "Добавьте бота в чат (в канале — администратором) и проверьте chat_id."


class InlineButton(BaseModel):
    """Кнопка под сообщением."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    text: str = Field(min_length=1, max_length=64, description="Надпись на кнопке")
    url: Optional[HttpUrl] = Field(None, description="Ссылка, которую откроет кнопка")
    callback_data: Optional[str] = Field(None, max_length=64)
    """Данные, которые бот получит при нажатии (до 64 байт)."""


class InlineKeyboard(BaseModel):
    """Inline-клавиатура: строки кнопок."""

    rows: list[list[InlineButton]] = Field(description="Строки клавиатуры, в каждой до 8 кнопок")


class SendMessageRequest(BaseModel):
    """Сообщение для отправки."""

    model_config = ConfigDict(use_attribute_docstrings=True)

    chat_id: Union[int, str] = Field(
        description="Числовой id чата или @username канала", examples=[-1001234567890, "@news"]
    )
    text: str = Field(min_length=1, max_length=4096, description="Текст сообщения")
    parse_mode: Optional[Literal["HTML", "MarkdownV2"]] = Field(None, description="Разметка текста")
    disable_notification: bool = False
    """Отправить без звука: получатели увидят уведомление без звукового сигнала."""
    reply_markup: Optional[InlineKeyboard] = None


class SendDocumentRequest(BaseModel):
    """Документ для отправки по ссылке."""

    chat_id: Union[int, str] = Field(description="Числовой id чата или @username канала")
    document_url: HttpUrl = Field(
        description="Публичная ссылка на файл до 20 МБ", examples=["https://example.ru/act-42.pdf"]
    )
    caption: Optional[str] = Field(None, max_length=1024, description="Подпись к документу")


class SentMessage(BaseModel):
    """Отправленное сообщение."""

    message_id: int = Field(description="Идентификатор сообщения в чате")
    chat_id: int = Field(description="Числовой id чата")
    date: datetime = Field(description="Время отправки")


def _call(method: str, payload: dict[str, Any], timeout_ms: int) -> dict[str, Any]:
    token = os.environ["TELEGRAM_BOT_TOKEN"]
    req = urllib.request.Request(
        f"{TELEGRAM_API_URL}/bot{token}/{method}",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(req, timeout=timeout_ms / 1000) as response:
        body = json.loads(response.read().decode())
    if not body.get("ok"):
        raise TelegramApiError(body.get("description", "Bot API error"))
    result: dict[str, Any] = body["result"]
    return result


def _sent(result: dict[str, Any]) -> SentMessage:
    return SentMessage(message_id=result["message_id"], chat_id=result["chat"]["id"],
                       date=datetime.fromtimestamp(result["date"]))


@integration.handler("send-message")
def send_message(request: SendMessageRequest, ctx: Context) -> SentMessage:
    """Отправляет текстовое сообщение в чат, группу или канал."""
    payload = request.model_dump(mode="json", exclude_none=True, exclude={"reply_markup"})
    if request.reply_markup is not None:
        payload["reply_markup"] = {
            "inline_keyboard": request.reply_markup.model_dump(mode="json", exclude_none=True)["rows"]
        }
    return _sent(_call("sendMessage", payload, ctx.args["timeout"]))


@integration.handler("send-document", method="POST", timeout=15000, retries=0)
def send_document(request: SendDocumentRequest, ctx: Context) -> SentMessage:
    """Отправляет документ по ссылке; Telegram сам скачивает файл.

    Не повторяется автоматически: повтор мог бы отправить документ дважды.
    """
    payload = {"chat_id": request.chat_id, "document": str(request.document_url)}
    if request.caption:
        payload["caption"] = request.caption
    return _sent(_call("sendDocument", payload, ctx.args["timeout"]))
