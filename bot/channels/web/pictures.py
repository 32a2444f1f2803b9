"""Flow pictures and printable officer cards over HTTP, for trainers and staff. Read-only: no session is touched.

Routes: GET /diagram/<flow>.svg, GET /diagram/<flow>.mmd, GET /card/<lang>, GET /cards, GET /assets/card.css.
The SVG is drawn by Graphviz's `dot` (config GRAPHVIZ_DOT names another binary); without it, 503 says what to install.
"""

from __future__ import annotations

import logging
from pathlib import Path
from shutil import which

from flask import Blueprint, Flask, Response, current_app, render_template, send_from_directory

from bot.channels.base import kyr
from bot.channels.web.security import security_headers
from bot.pictures.card import CardMaker
from bot.pictures.diagrams import INSTALL_HINT, DiagramError, Diagrams, DotMissing

logger = logging.getLogger(__name__)
TEMPLATES = Path(__file__).resolve().parent / "templates"
EXTENSION = "kyrbot.pictures"
STATIC = Path(__file__).resolve().parent / "static"
bp = Blueprint("pictures", __name__, template_folder=str(TEMPLATES))
bp.after_request(security_headers)  # the cards get the demo page's strict CSP (no inline style, no script)


def _text(body: str, status: int) -> Response:
    """A short plain-text answer."""
    response = Response(body + "\n", status=status, mimetype="text/plain")
    response.headers["X-Content-Type-Options"] = "nosniff"  # never sniffed as HTML, whatever the URL held
    return response


def diagrams() -> Diagrams:
    """The app's drawings, kept for its lifetime (the content never changes while it runs)."""
    return current_app.extensions[EXTENSION]


def _unknown_flow(flow_id: str) -> Response:
    """404 naming the flows that exist."""
    return _text(f"unknown flow '{flow_id}'. Flows: {', '.join(diagrams().flows())}", 404)


@bp.get("/diagram/<flow_id>.svg")
def diagram_svg(flow_id: str) -> Response:
    """A flow drawn as SVG; each node's <g> has id n-<flow>-<node>."""
    if flow_id not in diagrams().content.flows:
        return _unknown_flow(flow_id)
    try:
        svg = diagrams().flow_svg(flow_id)
    except DotMissing:
        logger.warning("cannot draw flows: Graphviz's dot is missing")
        return _text(INSTALL_HINT, 503)
    except DiagramError as exc:
        logger.error("drawing flow %s failed: %s", flow_id, exc)
        return _text(f"could not draw flow '{flow_id}'", 500)
    return Response(svg, mimetype="image/svg+xml")


@bp.get("/diagram/<flow_id>.mmd")
def diagram_mermaid(flow_id: str) -> Response:
    """A flow as Mermaid source."""
    if flow_id not in diagrams().content.flows:
        return _unknown_flow(flow_id)
    return Response(diagrams().mermaid(flow_id), mimetype="text/plain")


@bp.get("/cards")
def cards() -> str:
    """Every language's card, each language named in itself (English first, as the language menu lists them)."""
    return render_template("card.html", card=None, cards=kyr().engine.content.languages.values())


@bp.get("/card/<lang>")
def card(lang: str) -> Response | str:
    """The printable officer card of one language, beside English."""
    content = kyr().engine.content
    if lang not in content.languages:
        return _text(f"unknown language '{lang}'. Languages: {', '.join(content.languages)}", 404)
    return render_template("card.html", card=CardMaker(kyr().engine.view).card(lang), cards=None)


@bp.get("/assets/card.css")
def card_css() -> Response:
    """The cards' stylesheet (a file, not an inline <style>, so the CSP can forbid inline styles)."""
    return send_from_directory(STATIC, "card.css", mimetype="text/css")


def init_app(app: Flask) -> None:
    """Register the routes; say at start-up when flows cannot be drawn."""
    binary = str(app.config.get("GRAPHVIZ_DOT", "dot"))
    app.extensions[EXTENSION] = Diagrams(kyr(app).engine.content, binary)
    app.register_blueprint(bp)
    if which(binary) is None:
        logger.info("flow pictures: off (%s)", INSTALL_HINT)
