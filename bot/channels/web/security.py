"""The browser-facing headers every HTML page of the app carries: the demo page and the officer cards."""

from __future__ import annotations

from flask import Response

# Pages load only their own files; an SVG diagram is inlined from the same origin (its presentation
# attributes are not inline styles, so style-src 'self' holds).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def security_headers(response: Response) -> Response:
    """The strict CSP on HTML; no sniffing, framing or referrers on anything."""
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
