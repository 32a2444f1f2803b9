#!/usr/bin/env bash
# Install everything the tests need on a bare machine, then run them.
# Python packages from requirements-dev.txt; Debian's redis-server and chromium for the tests that use the real thing.
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt

need=()
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
# Fonts for the officer card and web demo screenshots in Chinese, Arabic and Urdu (Debian's chromium has none).
has_font() { command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list ":lang=$1")" ]; }
has_font zh || need+=(fonts-noto-cjk)
has_font ur || need+=(fonts-noto-core)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

exec python3 -m pytest -q "$@"
