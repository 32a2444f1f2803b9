"""The browser-facing headers every HTML page of the app carries: the demo page and the officer cards."""

from __future__ import annotations

from flask import Response

# Pages load only their own files; an SVG diagram is inlined from the same origin (its presentation
# attributes are not inline styles, so style-src 'self' holds).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def security_headers(response: Response, csp: str = CSP) -> Response:
    """The strict CSP on HTML (a page with other needs passes its own); no sniffing, framing or referrers."""
    if response.mimetype == "text/html":
        response.headers["Content-Security-Policy"] = csp
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
