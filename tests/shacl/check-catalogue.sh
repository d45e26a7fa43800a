#!/usr/bin/env bash
# Builds the dataset's DCAT-AP catalogue with the real build and validates it
# against DCAT-AP 3.0.1 and DCAT-AP-NL 3.0; prints violations and warnings.
# usage: tests/shacl/check-catalogue.sh PATH/werkagenda
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$binary" --root "$repo" build --out "$out" > /dev/null
status=0
for profile in dcat-ap-3.0.1 dcat-ap-nl-3.0; do
  node "$repo/tests/shacl/validate-dcat.mjs" --profile "$profile" --shacl-root "$repo/tests/data/shacl-official" \
    --data "$out/catalogue.ttl" "$repo/tests/data/catalogue/eu-vocabulary-membership.ttl" || status=1
done
exit $status
