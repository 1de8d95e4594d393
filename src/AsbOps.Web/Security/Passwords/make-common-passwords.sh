#!/usr/bin/env bash
# Rebuilds common-passwords.txt from the npm package @zxcvbn-ts/language-common (MIT licence): its list of common
# passwords, most common first, one a line, lower case, each once. Run from this folder; needs npm and node.
set -euo pipefail
version="${1:-4.1.3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "@zxcvbn-ts/language-common@$version" >/dev/null && tar xzf ./*.tgz)
node -e '
const list = require(process.argv[1]);
const seen = new Set();
const out = [];
for (const p of list) {
  const lower = String(p).trim().toLowerCase();
  if (lower.length > 0 && !seen.has(lower)) { seen.add(lower); out.push(lower); }
}
process.stdout.write(out.join("\n") + "\n");
' "$work/package/src/passwords.json" > common-passwords.txt
echo "common-passwords.txt: $(wc -l < common-passwords.txt) passwords from @zxcvbn-ts/language-common@$version"
