#!/usr/bin/env bash
# Cold start of the installed app against a bare JavaFX window in the same runtime (docs/BENCHMARKS.md, "Packaged app").
# Usage: packaging/bench-coldstart.sh [APP_ROOT] [PAIRS]
#   APP_ROOT  an installed app (default /opt/emite-setup; or a .deb unpacked with dpkg -x and emite-cds.sh run on it)
#   PAIRS     timed pairs after one unmeasured start of each (default 11)
# Each start is a new process, timed from its launch to the line FIRST_WINDOW_SHOWN on its standard output: the app
# through its own launcher (bin/emite-setup, with -Demite.probe=window given in JAVA_TOOL_OPTIONS), the bare window
# (BareFxApp from the test classes: one label, the same size) through the runtime's java with the launcher's heap
# option and the runtime's shipped JDK + JavaFX class-data archive. Alternating order; prints medians and minimums.
# Needs a display: under Linux without one it starts its own Xvfb and stops it at the end.
# APP_EXTRA="-XX:AOTMode=off" (Java 25+ runtime; "-Xshare:off" on Java 17) or another JVM option runs the app with it,
# e.g. to measure what the class data gains;
# BARE_EXTRA="-XX:TieredStopAtLevel=1" gives the bare window the launcher's compiler option too.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
APP="${1:-/opt/emite-setup}"
PAIRS="${2:-11}"
RUNTIME="$APP/lib/runtime"
BARE_CLASSES="$ROOT/target/test-classes/com/emite/setup/bench"
[ -x "$APP/bin/emite-setup" ] || { echo "No app in $APP (see the usage at the top of $0)" >&2; exit 2; }
[ -f "$BARE_CLASSES/BareFxApp.class" ] || { echo "Run mvn -B -o -q test-compile first (for BareFxApp)" >&2; exit 2; }
BASE_ARCHIVE="$ROOT/target/packaging/work/base-classes.jsa"
[ -f "$BASE_ARCHIVE" ] || { echo "$BASE_ARCHIVE is missing: run packaging/build.sh first" >&2; exit 2; }

TMP="$(mktemp -d)"
XVFB_PID=""
cleanup() { [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
(cd "$ROOT/target/test-classes" && jar cf "$TMP/bare.jar" com/emite/setup/bench/BareFxApp*.class)

if [ "$(uname -s)" = Linux ] && [ -z "${DISPLAY:-}" ]; then
  for n in $(seq 90 99); do [ -e "/tmp/.X11-unix/X$n" ] || break; done
  Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  export DISPLAY=":$n"
  for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X$n" ] && break; sleep 0.1; done
fi

HEAP="$(sed -n 's/^java-options=\(-Xmx.*\)$/\1/p' "$APP/lib/app/emite-setup.cfg")"
ms_to_line() {   # ms_to_line <command...>: milliseconds from launch to FIRST_WINDOW_SHOWN
  # Timed when the line is read, not when the process has ended: a pipeline waits for its every command, so timing
  # after it counted the process's exit too (the app's System.exit with its shutdown hooks, 15-20 ms; the bare
  # window halts at once).
  local s
  s=$(date +%s%N)
  "$@" 2>/dev/null | {
    while IFS= read -r line; do
      case "$line" in *FIRST_WINDOW_SHOWN*) echo $(( ($(date +%s%N) - s) / 1000000 )); break ;; esac
    done
    cat >/dev/null
  }
}
app() { HOME="$TMP" JAVA_TOOL_OPTIONS="-Demite.probe=window ${APP_EXTRA:-}" ms_to_line "$APP/bin/emite-setup"; }
bare() { ms_to_line "$RUNTIME/bin/java" $HEAP ${BARE_EXTRA:-} -XX:SharedArchiveFile="$BASE_ARCHIVE" -cp "$TMP/bare.jar" \
  'com.emite.setup.bench.BareFxApp$Main'; }

app >/dev/null; bare >/dev/null   # unmeasured: file cache
A=(); B=()
for i in $(seq "$PAIRS"); do
  if [ $((i % 2)) -eq 1 ]; then A+=("$(app)"); B+=("$(bare)"); else B+=("$(bare)"); A+=("$(app)"); fi
done
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
minimum() { printf '%s\n' "$@" | sort -n | head -1; }
AM=$(median "${A[@]}"); BM=$(median "${B[@]}")
echo "app_ms:  ${A[*]}"
echo "bare_ms: ${B[*]}"
echo "bench packaged-cold-start app_ms=$AM bare_ms=$BM ratio=$(awk "BEGIN{printf \"%.2f\", $AM/$BM}") \
app_min=$(minimum "${A[@]}") bare_min=$(minimum "${B[@]}") min_ratio=$(awk "BEGIN{printf \"%.2f\", \
$(minimum "${A[@]}")/$(minimum "${B[@]}")}") pairs=$PAIRS app_extra=\"${APP_EXTRA:-}\" bare_extra=\"${BARE_EXTRA:-}\" load=\"$(cut -d' ' -f1-3 /proc/loadavg)\""
