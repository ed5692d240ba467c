# Node.js for Second Look: the version in .nvmrc (the current LTS line), fetched once from the
# npm registry (the `node` package ships the official binary) into a cache folder outside the
# checkout, so every clone, CI run and `npm start` on this machine shares one copy.
#
#   source tools/node/node-env.sh       put that Node first on PATH in this shell
#   bash tools/node/node-env.sh --bin   print the folder holding its `node` binary
#
# A machine whose own Node is already on that line uses it as it is. Otherwise the cached copy
# is refreshed to the newest patch release once a week (security fixes arrive as patches);
# when the registry cannot be reached the cached copy keeps working.
# Env: SECOND_LOOK_NODE_CACHE (default ${XDG_CACHE_HOME:-$HOME/.cache}/second-look).

_sl_node_env() {
  local root major cache dir stamp bin current
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
  major=$(tr -dc '0-9' <"$root/.nvmrc")
  current=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
  if [ "$current" = "$major" ]; then
    dirname "$(command -v node)"
    return 0
  fi
  cache=${SECOND_LOOK_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/second-look}
  dir="$cache/node-$major"
  bin="$dir/node_modules/node/bin"
  stamp="$dir/.fetched"
  if [ ! -x "$bin/node" ] || [ -n "$(find "$stamp" -mtime +7 2>/dev/null)" ] || [ ! -f "$stamp" ]; then
    mkdir -p "$dir"
    echo "Fetching Node.js $major (LTS) from the npm registry into $dir ..." >&2
    if npm install --prefix "$dir" --no-audit --no-fund --no-save --loglevel=error "node@$major" >&2; then
      touch "$stamp"
    elif [ -x "$bin/node" ]; then
      echo "Could not refresh Node.js $major; using the cached $("$bin/node" --version)." >&2
    else
      echo "Could not fetch Node.js $major: install it (see README) and try again." >&2
      return 1
    fi
  fi
  echo "$bin"
}

if [ "${1:-}" = "--bin" ]; then
  _sl_node_env
  exit $?
fi
if _sl_node_bin=$(_sl_node_env); then
  case ":$PATH:" in *":$_sl_node_bin:"*) ;; *) export PATH="$_sl_node_bin:$PATH" ;; esac
  echo "Node.js $(node --version) ($_sl_node_bin)" >&2
fi
unset _sl_node_bin
unset -f _sl_node_env
