#!/usr/bin/env bash
# Proves the live profile end to end without a real org (docs/LIVE.md): starts a standalone sandbox from the built jar
# (java -jar target/emite-setup.jar sandbox), points the EMITE_LIVE_* variables at it as a custom environment (loopback
# http, as the command line allows), runs `mvn -B -o -Plive verify` (only the @Tag("live") tests), and stops the
# sandbox. Extra arguments go to Maven (e.g. -Dtest=LiveCycleTest). The sandbox's admin secret stays in this shell.
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAR=target/emite-setup.jar
if [ ! -f "$JAR" ]; then
  mvn -B -o -q package -DskipTests
fi
OUT=$(mktemp)
java -jar "$JAR" sandbox --agents 60 >"$OUT" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; rm -f "$OUT"' EXIT
for _ in $(seq 1 150); do
  grep -q '^PKCE_CLIENT ' "$OUT" && break
  kill -0 "$PID" 2>/dev/null || { cat "$OUT" >&2; exit 1; }
  sleep 0.2
done
grep -q '^PKCE_CLIENT ' "$OUT" || { echo "the sandbox did not start" >&2; cat "$OUT" >&2; exit 1; }
BASE=$(awk '/^SANDBOX /{print $2}' "$OUT")
read -r _ ID SECRET < <(grep '^ADMIN_CLIENT ' "$OUT")
echo "live profile against the standalone sandbox at $BASE"
EMITE_LIVE_REGION=ap-southeast-2 EMITE_LIVE_API_BASE="$BASE" EMITE_LIVE_LOGIN_BASE="$BASE" \
  EMITE_LIVE_CLIENT_ID="$ID" EMITE_LIVE_CLIENT_SECRET="$SECRET" \
  mvn -B -o -Plive verify "$@"
