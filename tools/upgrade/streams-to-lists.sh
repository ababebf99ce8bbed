#!/usr/bin/env bash
# Upgrading from a version whose outbox and audit log were Redis streams: moves their entries into the lists the
# gateway reads now (docs/operations.md, "Upgrading from the outbox on streams"). Run it once, after the last gateway
# of the old version has stopped; running it again moves nothing. Needs redis-cli.
#
#   tools/upgrade/streams-to-lists.sh [--prefix sb:] [redis-cli options: -h host -p port -a password --tls ...]
#
# --prefix is Redis:KeyPrefix (default sb:). A cluster works too (redis-cli follows the slots: -c is always passed).
set -euo pipefail
prefix="sb:"
if [ "${1:-}" = "--prefix" ]; then prefix=$2; shift 2; fi
dir=$(cd "$(dirname "$0")" && pwd)

run() {
  local out
  out=$(redis-cli -c "$@")
  if ! [[ "$out" =~ ^(\(integer\) )?[0-9]+$ ]]; then
    echo "redis-cli answered: $out" >&2
    exit 1
  fi
  echo "${out#(integer) }"
}

for n in 0 1 2 3; do
  t="${prefix}{outbox:$n}"
  moved=$(run "$@" --eval "$dir/outbox-stream-to-lists.lua" "$t:stream" "$t:attempts" "$t:seq" "$t:messages" "$t:ready" "$t:queued" "$t:deliveries" ,)
  echo "outbox shard $n: $moved undelivered messages moved"
done
moved=$(run "$@" --eval "$dir/audit-stream-to-list.lua" "${prefix}{audit}:stream" "${prefix}{audit}:log" ,)
echo "audit log: $moved entries moved"
