"""Outbound: messages sent later than the reply to a request, through a task queue (huey).

outbox.py    sealed outbox records, claimed once before sending; pacing per sending number
queue.py     the huey instance (SQLite, Redis or memory), the send and timer tasks, the in-process consumer
senders.py   twilio's REST client and python-telegram-bot's Bot (TWILIO_API_BASE_URL, TELEGRAM_API_BASE_URL)
worker.py    `huey_consumer bot.outbound.worker.huey`: the consumer as its own process
"""
