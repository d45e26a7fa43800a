#!/usr/bin/env bash
# Builds the dataset's DCAT-AP catalogue with the real build and validates it, alone, as a
# harvester fetches it (no background file: the catalogue types and places in their schemes the
# code-list values it uses), against DCAT-AP 3.0.1 (its range shapes included) and DCAT-AP-NL
# 3.0; prints violations and warnings. Then the same for a catalogue that also lists an earlier
# release (release 0.9.0, built at test time by tests/support/make-earlier-release, kept with
# `build --releases`). Then checks that the check can fail: the same catalogue without the type of
# one theme concept must give a violation.
# usage: tests/shacl/check-catalogue.sh PATH/werkagenda
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
binary=$1
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$binary" --root "$repo" build --out "$out" > /dev/null
"$repo/tests/support/make-earlier-release" "$binary" "$out/releases"
"$binary" --root "$repo" build --out "$out/with-releases" --releases "$out/releases" > /dev/null
status=0
for catalogue in "$out/catalogue.ttl" "$out/with-releases/catalogue.ttl"; do
  echo "-- ${catalogue#"$out"/}"
  for profile in dcat-ap-3.0.1 dcat-ap-nl-3.0; do
    node "$repo/tests/shacl/validate-dcat.mjs" --profile "$profile" --shacl-root "$repo/tests/data/shacl-official" \
      --data "$catalogue" || status=1
  done
done
if ! grep -q '<https://w3id.org/werkagenda/dataset/release/0.9.0>' "$out/with-releases/catalogue.ttl"; then
  echo "check-catalogue: the catalogue built with --releases does not list release 0.9.0" >&2
  status=1
fi

# The negative check: drop the skos:Concept type of the GOVE theme (range.ttl asks for it).
theme='<http://publications.europa.eu/resource/authority/data-theme/GOVE>'
"$binary" --root "$repo" query --no-agenda --load "$out/catalogue.ttl" --format ntriples \
  -e "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(!(?s = $theme && ?p = <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>)) }" \
  > "$out/broken.nt"
if node "$repo/tests/shacl/validate-dcat.mjs" --profile dcat-ap-3.0.1 --shacl-root "$repo/tests/data/shacl-official" \
    --data "$out/broken.nt" > "$out/broken.report"; then
  echo "check-catalogue: a catalogue whose theme is not typed skos:Concept passed; the check cannot fail" >&2
  status=1
elif ! grep -q "sh:ClassConstraintComponent" "$out/broken.report"; then
  echo "check-catalogue: the broken catalogue failed, but not on the missing class" >&2
  status=1
else
  echo "negative check: the catalogue without the type of $theme fails, as it must"
fi
exit $status
