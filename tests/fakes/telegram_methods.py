"""Handlers of the fake Bot API's methods (all but getUpdates); each returns the `result` value.

Handlers run with the state's condition held. They check what Telegram checks and a bot could get
wrong (empty chat_id or text, text over 4096 characters) with Telegram's own error descriptions.
"""

from __future__ import annotations

import json
import time
import zlib
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tests.fakes.telegram_state import ApiState

__all__ = ["HANDLERS", "MAX_TEXT_LENGTH", "ApiError"]

JsonDict = dict[str, Any]
MAX_TEXT_LENGTH = 4096
# A chat given as "@channelname" has no numeric id in the request; Telegram would resolve it.
_CHANNEL_BY_USERNAME_ID = -1_001_000_000_001


class ApiError(Exception):
    """An error answer of the Bot API: HTTP status = error_code, plus an optional `parameters` dict."""

    def __init__(self, error_code: int, description: str, parameters: JsonDict | None = None) -> None:
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.parameters = parameters

    def body(self) -> JsonDict:
        """The JSON object Telegram sends with this error."""
        body: JsonDict = {"ok": False, "error_code": self.error_code, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def _require(params: JsonDict, name: str, description: str) -> Any:
    """Return params[name] or answer 400 with Telegram's description when it is missing or empty."""
    value = params.get(name)
    if value in (None, ""):
        raise ApiError(400, f"Bad Request: {description}")
    return value


def _chat(chat_id: Any) -> JsonDict:
    """A Chat object for a chat_id as sent (a string on the wire, maybe "@username")."""
    text = str(chat_id)
    if text.startswith("@"):
        return {"id": _CHANNEL_BY_USERNAME_ID, "title": "Test channel", "username": text[1:], "type": "channel"}
    number = int(text)
    if number > 0:
        return {"id": number, "first_name": "Test", "type": "private"}
    return {"id": number, "title": "Test group", "type": "supergroup"}


def _sender(state: ApiState) -> JsonDict:
    """The bot as a message's `from`: Telegram leaves out the getMe-only capability fields."""
    return {key: state.bot_user[key] for key in ("id", "is_bot", "first_name", "username")}


def _checked_text(params: JsonDict) -> str:
    """The `text` parameter, refused like Telegram does when empty or too long."""
    text = str(_require(params, "text", "message text is empty"))
    if len(text) > MAX_TEXT_LENGTH:
        raise ApiError(400, "Bad Request: message is too long")
    return text


def _apply_markup(message: JsonDict, params: JsonDict) -> None:
    """Attach an inline keyboard; Telegram echoes only inline keyboards back in the Message."""
    markup = params.get("reply_markup")
    if isinstance(markup, dict) and "inline_keyboard" in markup:
        message["reply_markup"] = markup
    else:
        message.pop("reply_markup", None)


def send_message(state: ApiState, params: JsonDict) -> JsonDict:
    """sendMessage: store and return the Message the bot sent."""
    chat = _chat(_require(params, "chat_id", "chat_id is empty"))
    message: JsonDict = {
        "message_id": state.new_message_id(),
        "from": _sender(state),
        "chat": chat,
        "date": int(time.time()),
        "text": _checked_text(params),
    }
    if "entities" in params:
        message["entities"] = params["entities"]
    _apply_markup(message, params)
    state.messages[(chat["id"], message["message_id"])] = message
    return message


def _stored_message(state: ApiState, params: JsonDict) -> JsonDict:
    """The message an edit refers to; one the fake never sent (e.g. from a pushed update) is made up."""
    chat = _chat(_require(params, "chat_id", "chat_id is empty"))
    message_id = int(_require(params, "message_id", "message identifier is not specified"))
    key = (chat["id"], message_id)
    blank = {"message_id": message_id, "from": _sender(state), "chat": chat, "date": int(time.time())}
    return state.messages.setdefault(key, blank)


def edit_message_text(state: ApiState, params: JsonDict) -> JsonDict | bool:
    """editMessageText: replace the text; like Telegram, an edit without reply_markup drops it."""
    if params.get("inline_message_id"):
        return True
    message = _stored_message(state, params)
    message["text"] = _checked_text(params)
    message["edit_date"] = int(time.time())
    _apply_markup(message, params)
    return message


def edit_message_reply_markup(state: ApiState, params: JsonDict) -> JsonDict | bool:
    """editMessageReplyMarkup: replace or remove the inline keyboard."""
    if params.get("inline_message_id"):
        return True
    message = _stored_message(state, params)
    message["edit_date"] = int(time.time())
    _apply_markup(message, params)
    return message


def delete_message(state: ApiState, params: JsonDict) -> bool:
    """deleteMessage: forget a message the bot sent; an unknown one is refused as Telegram does."""
    chat = _chat(_require(params, "chat_id", "chat_id is empty"))
    message_id = int(_require(params, "message_id", "message identifier is not specified"))
    if state.messages.pop((chat["id"], message_id), None) is None:
        raise ApiError(400, "Bad Request: message to delete not found")
    return True


def _commands_key(params: JsonDict) -> str:
    """Commands are stored per (scope, language_code), as Telegram does."""
    scope = params.get("scope") or {"type": "default"}
    return json.dumps([scope, params.get("language_code", "")], sort_keys=True)


def set_my_commands(state: ApiState, params: JsonDict) -> bool:
    """setMyCommands: remember the commands for their scope and language."""
    state.commands[_commands_key(params)] = list(params.get("commands", []))
    return True


def get_my_commands(state: ApiState, params: JsonDict) -> list[JsonDict]:
    """getMyCommands: the commands last set for this scope and language, else []."""
    return state.commands.get(_commands_key(params), [])


def delete_my_commands(state: ApiState, params: JsonDict) -> bool:
    """deleteMyCommands: forget the commands of this scope and language."""
    state.commands.pop(_commands_key(params), None)
    return True


def set_webhook(state: ApiState, params: JsonDict) -> bool:
    """setWebhook: remember url and secret; getUpdates then answers 409 like Telegram."""
    url = str(params.get("url", ""))
    if _flag(params, "drop_pending_updates"):
        state.updates.clear()
    state.webhook = {"url": url, "secret_token": params.get("secret_token")} if url else {}
    return True


def delete_webhook(state: ApiState, params: JsonDict) -> bool:
    """deleteWebhook: forget the webhook, and the queue if drop_pending_updates is true."""
    if _flag(params, "drop_pending_updates"):
        state.updates.clear()
    state.webhook = {}
    return True


def get_webhook_info(state: ApiState, params: JsonDict) -> JsonDict:
    """getWebhookInfo: url ("" when polling) and the number of queued updates."""
    info: JsonDict = {"url": state.webhook.get("url", ""), "has_custom_certificate": False}
    info["pending_update_count"] = len(state.updates)
    return info


def get_file(state: ApiState, params: JsonDict) -> JsonDict:
    """getFile: metadata of a file registered with FakeBotApi.add_file."""
    file_id = str(_require(params, "file_id", "file_id is empty"))
    if file_id not in state.files:
        raise ApiError(400, "Bad Request: invalid file_id")
    path, content = state.files[file_id]
    return {"file_id": file_id, "file_unique_id": f"AgAD{zlib.crc32(file_id.encode()):08x}",
            "file_size": len(content), "file_path": path}


def _flag(params: JsonDict, name: str) -> bool:
    """A boolean parameter: PTB sends JSON `true`/`false` strings in forms, JSON bodies send bools."""
    return params.get(name) in (True, "true", "True", "1")


def _true(state: ApiState, params: JsonDict) -> bool:
    """Methods whose whole answer is `true` (answerCallbackQuery, close, logOut, ...)."""
    return True


HANDLERS: dict[str, Callable[[ApiState, JsonDict], Any]] = {
    "getMe": lambda state, params: state.bot_user,
    "sendMessage": send_message,
    "editMessageText": edit_message_text,
    "editMessageReplyMarkup": edit_message_reply_markup,
    "deleteMessage": delete_message,
    "answerCallbackQuery": _true,
    "sendChatAction": _true,
    "setMyCommands": set_my_commands,
    "getMyCommands": get_my_commands,
    "deleteMyCommands": delete_my_commands,
    "setWebhook": set_webhook,
    "deleteWebhook": delete_webhook,
    "getWebhookInfo": get_webhook_info,
    "getFile": get_file,
    "close": _true,
    "logOut": _true,
}
