"""The dialogue engine: pure (session, inbound message) -> (new session, replies). No I/O, no clock of its own."""

from __future__ import annotations

from bot.core import family, person
from bot.core.kit import DEFAULT_IDLE, Kit, Turn
from bot.core.session import Inbound, Result, Session
from bot.core.turns import run_turn

__all__ = ["DEFAULT_IDLE", "Engine"]


class Engine(Kit):
    """The content and its indexes (built once, see Kit); `step` is a pure function of its arguments."""

    def step(self, session: Session | None, msg: Inbound) -> Result:
        """Handle one inbound message; never raises for anything a user can send."""
        turn = Turn(session.copy() if session else Session(at=self.menu), msg, fresh=session is None)
        erase = run_turn(self, turn)
        person.finish(self, turn, session)
        family.finish(self, turn, session)
        turn.s.seen = msg.now
        return Result(None if erase else turn.s, tuple(turn.replies), tuple(turn.events))
