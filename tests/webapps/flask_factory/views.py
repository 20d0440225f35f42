"""Class-based views and a blueprint of plain views."""

from flask import Blueprint
from flask.views import MethodView, View

api = Blueprint("api", __name__, url_prefix="/api")
admin = Blueprint("admin", __name__)


class NoteList(MethodView):
    """Notes: list them, add one."""

    def get(self) -> list[dict]:
        """List notes."""
        return []

    def post(self) -> tuple[dict, int]:
        """Add a note."""
        return {}, 201


class NoteDetail(MethodView):
    init_every_request = False

    def get(self, note_id: int) -> dict:
        """One note."""
        return {}

    def delete(self, note_id: int) -> tuple[str, int]:
        """Delete a note."""
        return "", 204


class Ping(View):
    methods = ("GET", "HEAD")

    def dispatch_request(self) -> str:
        return "pong"


api.add_url_rule("/notes", view_func=NoteList.as_view("notes"))
api.add_url_rule("/notes/<int:note_id>", view_func=NoteDetail.as_view("note"), methods=["GET", "DELETE"])
api.add_url_rule("/ping", view_func=Ping.as_view("ping"))


@admin.route("/stats", methods=["GET", "POST"])
def stats() -> dict:
    """Statistics."""
    return {}


@admin.get("/health")
def health() -> str:
    return "ok"
