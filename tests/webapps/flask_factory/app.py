"""The application factory."""

from flask import Flask
from flask_factory.views import admin, api


def create_app() -> Flask:
    app = Flask(__name__)
    app.register_blueprint(api)
    app.register_blueprint(admin, url_prefix="/admin")
    return app
