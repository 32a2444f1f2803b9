#!/usr/bin/env bash
# Install everything the tests need on a bare machine, then run them.
# Python packages from requirements-dev.txt; Debian's redis-server and chromium for the tests that use the real thing,
# and espeak-ng for the phone line's machine-voice drafts (tests/test_voice_recordings.py).
# Usage: bash scripts/test.sh [pytest arguments]   (runs ruff and mypy first, then pytest)
set -euo pipefail
cd "$(dirname "$0")/.."

pip_install() { python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt "$@"; }
# Debian's own python3 refuses pip installs outside a virtual environment (PEP 668): then install anyway,
# as a CI machine with only Python wants.
pip_install 2>/dev/null || pip_install --break-system-packages

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v espeak-ng >/dev/null 2>&1 || need+=(espeak-ng)
# Fonts for the officer card and web demo screenshots in Chinese, Arabic and Urdu (Debian's chromium has none).
has_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ":lang=$1")" ]; }
has_font zh || need+=(fonts-noto-cjk)
has_font ur || need+=(fonts-noto-core)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "need root or sudo to install: ${need[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Lint, format and types first: a new finding fails the run as a failing test would.
python3 -m ruff check .
python3 -m ruff format --check bot webhook.py
python3 -m mypy
exec python3 -m pytest -q "$@"
