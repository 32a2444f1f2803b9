"""The phone line (Twilio Voice): the same flows, spoken, answered by keypad or speech. See docs/voice.md."""
