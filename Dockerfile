# kyrbot: the web app under gunicorn (and, with another command, the outbound queue's consumer).
#   docker compose up -d --build        see compose.yaml and docs/handoff.md
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app

COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt

# The code and the content (flows, translations) it loads and checks at start-up.
COPY bot ./bot
COPY flows ./flows
COPY translations ./translations
COPY webhook.py pyproject.toml ./

RUN useradd --system --home-dir /app --shell /usr/sbin/nologin kyrbot \
    && mkdir -p /app/var && chown kyrbot /app/var
USER kyrbot

EXPOSE 8000
CMD ["gunicorn", "-w", "2", "-b", "0.0.0.0:8000", "--access-logfile", "-", "webhook:app"]
