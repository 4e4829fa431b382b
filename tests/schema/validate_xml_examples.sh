#!/usr/bin/env bash
# Validates the XML example records against the rco-record/1 XSD with a standard
# validator (xmllint, Debian's libxml2-utils).
#
# Usage: bash tests/schema/validate_xml_examples.sh REPO_ROOT
#
# Checks, each counted as one test:
#   * every examples/*.xml validates against schema/rco-record-1.xsd;
#   * self-tests on small records: one using the fields the examples leave out
#     (board member names, provenance, empty lists, CDATA) is accepted; a bad enum
#     word, a non-ISO date, a missing format attribute, the wrong namespace, an
#     unknown element, a repeated autonomy area and numbers outside their ranges
#     (README "Ranges") are rejected; numbers at the top of their ranges are accepted.
# Prints `ok NAME` per passing test, `FAIL NAME` plus the validator's output per
# failing one, then exactly one summary line `N passed, M failed`. Exits 1 if any failed.
set -uo pipefail

if [ $# -ne 1 ]; then
  echo "usage: validate_xml_examples.sh REPO_ROOT" >&2
  exit 2
fi
root=$1
xsd="$root/schema/rco-record-1.xsd"
if ! command -v xmllint >/dev/null 2>&1; then
  echo "error: xmllint is not installed (Debian package libxml2-utils; see tools/setup-debian.sh)" >&2
  exit 2
fi

passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok $1"; }
fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
  sed 's/^/  /' <<<"$2"
}

# validate NAME FILE EXPECT [WHY]: EXPECT is "valid" or "invalid"; an invalid
# record must be rejected for the reason WHY (a fragment of xmllint's message).
validate() {
  local name=$1 file=$2 expect=$3 why=${4:-} out status
  out=$(xmllint --noout --nonet --schema "$xsd" "$file" 2>&1)
  status=$?
  # xmllint exits 5 when the schema itself does not compile: never a pass.
  if [ "$status" -eq 5 ]; then
    fail "$name" "the schema does not compile: $out"
  elif [ "$expect" = valid ] && [ "$status" -eq 0 ]; then
    ok "$name"
  elif [ "$expect" = valid ]; then
    fail "$name" "$out"
  elif [ "$status" -eq 0 ]; then
    fail "$name" "the record was accepted"
  elif [[ "$out" != *"$why"* ]]; then
    fail "$name" "rejected, but not for \"$why\": $out"
  else
    ok "$name"
  fi
}

shopt -s nullglob
examples=("$root"/examples/*.xml)
if [ ${#examples[@]} -eq 0 ]; then
  fail "examples" "no XML example records found in $root/examples"
fi
for f in "${examples[@]}"; do
  validate "examples/$(basename "$f")" "$f" valid
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# self_test LABEL EXPECT [WHY]: the record is read from standard input.
self_test() {
  local file="$tmp/record.xml"
  cat >"$file"
  validate "self-test: $1" "$file" "$2" "${3:-}"
}

self_test "fields the examples leave out are accepted" valid <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1"
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
            xsi:schemaLocation="urn:rco-audit:rco-record:1 rco-record-1.xsd">
  <organization>
    <name>Test</name>
    <parent><name>Parent</name><type>health_system</type></parent>
    <mission><![CDATA[Peer support & <advocacy>]]></mission>
  </organization>
  <board>
    <members>
      <member><id>b01</id><name>Optional Name</name><voting> true </voting><seat>filled</seat></member>
    </members>
    <meetings/>
  </board>
  <services><service><name>S</name><annual_expense>1234.50</annual_expense><eligibility/></service></services>
  <policies>
    <accessibility_review><adopted>2025-01-01</adopted><date>2025-09-01</date></accessibility_review>
  </policies>
  <documents><document><id>doc-a</id><text>a &amp; b</text></document></documents>
  <provenance>
    <entry><pointer>/organization/name</pointer><source>x_public.xml</source><object_id>201541349349307794</object_id><xpath>/Return/ReturnHeader/Filer/BusinessName/BusinessNameLine1Txt</xpath></entry>
  </provenance>
</rco-record>
EOF

self_test "bad legal_status word is rejected" invalid "The value 'nonprofit' is not an element of the set" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
  <organization><legal_status>nonprofit</legal_status></organization>
</rco-record>
EOF

self_test "non-ISO as_of date is rejected" invalid "'June 2026' is not a valid value" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1"><as_of>June 2026</as_of></rco-record>
EOF

self_test "missing format attribute is rejected" invalid "The attribute 'format' is required" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1"><as_of>2026-06-30</as_of></rco-record>
EOF

self_test "wrong namespace is rejected" invalid "No matching global declaration" <<'EOF'
<rco-record xmlns="urn:example:other" format="rco-record/1"/>
EOF

self_test "unknown element is rejected" invalid "organisation': This element is not expected" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1"><organisation/></rco-record>
EOF

self_test "repeated autonomy area is rejected" invalid "Duplicate key-sequence ['budget']" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
  <organization><autonomy><area>budget</area><area>budget</area></autonomy></organization>
</rco-record>
EOF

self_test "numbers at the top of their ranges are accepted" valid <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
  <filings><filing><tax_year>2200</tax_year><voting_members>10000</voting_members></filing></filings>
  <board><counts><voting>10000</voting><personal>10000</personal></counts></board>
  <services><service><annual_expense>1000000000000.00</annual_expense></service></services>
  <volunteers><count_12m>10000000</count_12m></volunteers>
</rco-record>
EOF

self_test "a board of more than 10000 seats is rejected" invalid "The value '200000000000000000' is greater than the maximum value allowed ('10000')" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
  <board><counts><voting>200000000000000000</voting><personal>0</personal></counts></board>
</rco-record>
EOF

self_test "an amount over 1 trillion dollars is rejected" invalid "The value '1000000000000.01' is greater than the maximum value allowed ('1000000000000')" <<'EOF'
<rco-record xmlns="urn:rco-audit:rco-record:1" format="rco-record/1">
  <services><service><annual_expense>1000000000000.01</annual_expense></service></services>
</rco-record>
EOF

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
