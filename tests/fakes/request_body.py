"""Decode a Bot API request body (form, multipart or JSON) into a dict of parameters."""

from __future__ import annotations

import json
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["JSON_FIELDS", "UploadedFile", "decode_body"]

# Parameters the Bot API documents as "JSON-serialized": clients send them as JSON strings inside a
# form, so the fake decodes exactly these and leaves the rest as the strings that were sent. A
# blanket "looks like JSON" rule would wrongly turn a user text such as "[1]" into a list.
JSON_FIELDS = frozenset(
    {
        "allowed_updates",
        "caption_entities",
        "commands",
        "entities",
        "explanation_entities",
        "input_message_content",
        "link_preview_options",
        "media",
        "menu_button",
        "options",
        "permissions",
        "prices",
        "question_entities",
        "reaction",
        "reply_markup",
        "reply_parameters",
        "results",
        "rights",
        "scope",
    }
)


class UploadedFile(dict):
    """A multipart file part, kept as {"filename": ..., "content_type": ..., "content": bytes}."""


def decode_body(content_type: str, body: bytes, query: str = "") -> dict[str, Any]:
    """Return the request's parameters, query string first, with JSON-serialized fields decoded."""
    params: dict[str, Any] = dict(parse_qsl(query, keep_blank_values=True))
    mime = content_type.split(";", 1)[0].strip().lower()
    if mime == "application/json" and body:
        # A JSON body already carries real types (ints, objects): nothing more to decode.
        params.update(json.loads(body.decode("utf-8")))
        return params
    if mime == "multipart/form-data":
        params.update(_multipart(content_type, body))
    elif body:
        params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    return {key: _decode_field(key, value) for key, value in params.items()}


def _decode_field(key: str, value: Any) -> Any:
    """JSON-decode the documented JSON-serialized fields; keep every other value untouched."""
    if key in JSON_FIELDS and isinstance(value, str):
        return json.loads(value)
    return value


def _multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Split a multipart/form-data body into text fields and UploadedFile parts."""
    head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode("latin-1")
    message = BytesParser(policy=HTTP).parsebytes(head + body)
    return {part.get_param("name", header="content-disposition"): _part_value(part) for part in message.iter_parts()}


def _part_value(part: Message) -> Any:
    """A text field's string, or an UploadedFile for a part that carries a filename."""
    payload = part.get_payload(decode=True) or b""
    filename = part.get_filename()
    if filename is None:
        return payload.decode(part.get_content_charset() or "utf-8")
    return UploadedFile(filename=filename, content_type=part.get_content_type(), content=payload)
