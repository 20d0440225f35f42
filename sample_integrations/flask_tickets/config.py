"""Настройки службы поддержки из переменных окружения."""

import os

DATABASE_URL = os.environ["TICKETS_DATABASE_URL"]  # Адрес базы заявок
SMTP_PASSWORD = os.getenv("TICKETS_SMTP_PASSWORD")  # Пароль почтового ящика для уведомлений
# Сколько заявок отдавать на странице по умолчанию
PAGE_SIZE = int(os.getenv("TICKETS_PAGE_SIZE", "20"))
