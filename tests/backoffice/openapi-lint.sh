#!/bin/sh
# redocly's recommended rules on modules/backoffice/openapi.json: no error (warnings are printed).
# The tool is installed by ./ow setup (npm, pinned, into .tools/redocly); without it this fails.
set -eu
root="$1"
redocly="$root/.tools/redocly/node_modules/.bin/redocly"
if [ ! -x "$redocly" ]; then
    echo "redocly is not installed in $root/.tools/redocly: run ./ow setup (it needs npm and the npm registry)" >&2
    exit 1
fi
exec "$redocly" lint --extends=recommended --format=stylish "$root/modules/backoffice/openapi.json"
