#!/usr/bin/env bash
# Builds eMite Setup's installers: jdeps -> jlink (a trimmed Java runtime with JavaFX in it) -> jpackage.
#   Linux: target/packaging/out/ app-image (emite-setup/), .deb and .rpm
#   macOS: target/packaging/out/ app-image (eMite Setup.app) and .dmg
# Usage: packaging/build.sh [--skip-maven] [--types "app-image deb rpm"]
#   --skip-maven  the jar and target/packaging/deps are already built (mvn -Ppackage does that, then calls this)
# Needs JDK 17+ with jlink/jpackage (JAVA_HOME or on PATH). On Linux it installs what is missing with apt-get when it
# can (fakeroot for .deb, rpm for .rpm, xvfb + GTK 3 for the AppCDS training run): CI runners start with nothing.
# See docs/PACKAGING.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=packaging/package.conf
. packaging/package.conf

SKIP_MAVEN=false
TYPES=""
while [ $# -gt 0 ]; do
  case "$1" in
    --skip-maven) SKIP_MAVEN=true ;;
    --types) TYPES="$2"; shift ;;
    *) echo "Unknown option $1 (see the top of $0)" >&2; exit 2 ;;
  esac
  shift
done

case "$(uname -s)" in
  Linux) OS=linux; FX_CLASSIFIER=linux; DEFAULT_TYPES="app-image deb rpm" ;;
  Darwin) OS=mac; DEFAULT_TYPES="app-image dmg"
          if [ "$(uname -m)" = arm64 ]; then FX_CLASSIFIER=mac-aarch64; else FX_CLASSIFIER=mac; fi ;;
  *) echo "On Windows use packaging/build.ps1" >&2; exit 2 ;;
esac
TYPES="${TYPES:-$DEFAULT_TYPES}"
# macOS shows the bundle's name in Finder and the Dock: "eMite Setup.app". Linux keeps a name without spaces for the
# command (/opt/emite-setup/bin/emite-setup); its menu entry says "eMite Setup" (linux/emite-setup.desktop).
if [ "$OS" = mac ]; then NAME="$DISPLAY_NAME"; fi

# The JDK whose jlink/jpackage make the runtime (and so the Java version the installed app runs on; the app itself is
# compiled for Java 17 by Maven). JDK 25+ gives the fastest first window: its AOT cache (linked classes and method
# profiles of a training run) is made here and stays valid wherever the app is installed. So: PACKAGE_JAVA_HOME if set,
# else JAVA_HOME (or the jlink on PATH) if it is 25+, else a JDK 25+ found in the usual folders, else JAVA_HOME's
# JDK 17+ (the runtime then gets the older AppCDS archive: see docs/PACKAGING.md, "Cold start").
jdk_feature() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
has_tools() { [ -x "$1/bin/jlink" ] && [ -x "$1/bin/jpackage" ]; }
if [ -n "${PACKAGE_JAVA_HOME:-}" ]; then
  JDK="$PACKAGE_JAVA_HOME"
else
  if [ -n "${JAVA_HOME:-}" ]; then JDK="$JAVA_HOME"; else JDK="$(dirname "$(dirname "$(readlink -f "$(command -v jlink)")")")"; fi
  if [ "$(jdk_feature "$JDK")" -lt 25 ] 2>/dev/null || [ -z "$(jdk_feature "$JDK")" ]; then
    for cand in /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
      f="$(jdk_feature "$cand")"
      if [ -n "$f" ] && [ "$f" -ge 25 ] && has_tools "$cand"; then JDK="$cand"; break; fi
    done
  fi
fi
JBIN="$JDK/bin"
JDK_FEATURE="$(jdk_feature "$JDK")"
for tool in java jar jdeps jlink jpackage; do
  [ -x "$JBIN/$tool" ] || { echo "$tool not found in $JBIN: install a full JDK 17+ or set PACKAGE_JAVA_HOME" >&2; exit 2; }
done
# The AOT cache (JDK 25+) or the older AppCDS archive (JDK 17-24); both made at step 5.
if [ "${JDK_FEATURE:-0}" -ge 25 ]; then AOT=true; JAVA_OPTIONS="$JAVA_OPTIONS $JAVA_OPTIONS_25"; else AOT=false; fi

log() { echo "[package] $*"; }
log "runtime from $JDK (Java $JDK_FEATURE)"

need_apt() {   # need_apt <command> <apt packages...>: installs them when the command is missing and apt can
  local cmd="$1"; shift
  command -v "$cmd" >/dev/null 2>&1 && return 0
  if command -v apt-get >/dev/null 2>&1; then
    local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    log "installing $* (needed for $cmd)"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
  fi
  command -v "$cmd" >/dev/null 2>&1 || { echo "$cmd is missing: install $*" >&2; exit 2; }
}

# ---- 1. The app's jar and its runtime dependencies -------------------------------------------------------------
if ! $SKIP_MAVEN; then
  log "building the jar (mvn package, tests skipped: run them with mvn -B verify)"
  mvn -B -q -DskipTests package
  mvn -B -q dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=target/packaging/deps
fi
VERSION="$(sed -n 's/^version=//p' target/classes/com/emite/setup/ui/about/about.properties)"
# jpackage wants 1-3 numbers: 0.1.0-SNAPSHOT -> 0.1.0
NUM_VERSION="$(echo "$VERSION" | sed -E 's/^([0-9]+(\.[0-9]+){0,2}).*/\1/')"
# macOS refuses a bundle version whose first number is 0 (jpackage: "The first number in an app-version cannot be
# zero or negative"), so a 0.x build is numbered MAC_PRE1_VERSION there; Help > About still shows the pom's version.
if [ "$OS" = mac ] && [ "${NUM_VERSION%%.*}" = 0 ]; then
  echo "[package] macOS bundle version $MAC_PRE1_VERSION instead of $NUM_VERSION (macOS needs a first number of 1 or more)"
  NUM_VERSION="$MAC_PRE1_VERSION"
fi
APP_JAR="target/$ARTIFACT-$VERSION.jar"
[ -f "$APP_JAR" ] || { echo "$APP_JAR is missing: run mvn -B package first (or drop --skip-maven)" >&2; exit 2; }

W=target/packaging/work
OUT=target/packaging/out
rm -rf "$W" "$OUT"
mkdir -p "$W/input" "$W/fx" "$W/natives" "$OUT"

# The app on the class path (okio and others are automatic modules, which jlink refuses); JavaFX as real modules
# in the runtime, its native libraries moved next to the runtime's own so that JavaFX loads them directly instead
# of unpacking them into ~/.openjfx/cache on first start.
cp "$APP_JAR" "$W/input/$ARTIFACT.jar"
for j in target/packaging/deps/*.jar; do
  case "$(basename "$j")" in
    javafx-*-"$FX_CLASSIFIER".jar)
      mod="$(basename "$j" | sed -E 's/^(javafx-[a-z]+)-.*/\1/')"
      d="$W/fxmod-$mod"; mkdir -p "$d"
      (cd "$d" && "$JBIN/jar" xf "$ROOT/$j")
      find "$d" -maxdepth 1 \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) -exec mv {} "$W/natives/" \;
      find "$d" -maxdepth 1 \( -name '*.sha1' -o -name 'javafx-swt.jar' \) -delete
      rm -f "$d/META-INF/MANIFEST.MF"
      "$JBIN/jar" --create --file "$W/fx/$mod.jar" -C "$d" .
      rm -rf "$d"
      ;;
    javafx-*) ;;   # the empty platform-independent javafx jars
    *) cp "$j" "$W/input/" ;;
  esac
done

# ---- 2. jdeps: the JDK modules the app and its libraries use ---------------------------------------------------
CP="$(find "$W/input" -name '*.jar' ! -name "$ARTIFACT.jar" | sort | tr '\n' ':')"
log "jdeps"
DEPS="$("$JBIN/jdeps" -q --multi-release 17 --ignore-missing-deps --print-module-deps \
  --module-path "$W/fx" --class-path "$CP" "$W/input/$ARTIFACT.jar" | tail -1)"
# Plus what jdeps cannot see: TLS with elliptic curves (Genesys Cloud's HTTPS), reflection-based code in the
# libraries (jdk.unsupported), D-Bus sign-in of the keyring on Linux (jdk.security.auth), and the HTTP server
# of browser sign-in and of the demo sandbox (jdk.httpserver, named here too in case the app stops naming it).
MODULES="$DEPS,$EXTRA_MODULES"
log "runtime modules: $MODULES"

# ---- 3. jlink: the trimmed runtime -----------------------------------------------------------------------------
# A JDK without jmods can link from its own run-time image (JDK 24+ built with it, as Temurin 24+ is).
JMODS="$JDK/jmods"
if [ -d "$JMODS" ]; then MODPATH="$W/fx:$JMODS"
elif [ "${JDK_FEATURE:-0}" -ge 24 ]; then MODPATH="$W/fx"
else echo "No jmods in $JMODS: install a full JDK (Debian: openjdk-17-jmods)" >&2; exit 2; fi
if [ "${JDK_FEATURE:-0}" -ge 21 ]; then COMPRESS=zip-6; else COMPRESS=2; fi
log "jlink"
"$JBIN/jlink" --module-path "$MODPATH" --add-modules "$MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=$COMPRESS --generate-cds-archive --output "$W/runtime"
cp "$W"/natives/* "$W/runtime/lib/"

# ---- 4. jpackage: the app-image --------------------------------------------------------------------------------
ICON="$W/icon.png"
if [ "$OS" = mac ]; then
  ICON="$W/$NAME.icns"
  # iconutil wants Apple's names: icon_NxN.png and, for Retina, icon_NxN@2x.png (twice the pixels).
  ICONSET="$W/icon.iconset"; mkdir -p "$ICONSET"
  for s in 16 32 128 256 512; do
    cp "assets/icon-$s.png" "$ICONSET/icon_${s}x${s}.png"
    [ -f "assets/icon-$((s * 2)).png" ] && cp "assets/icon-$((s * 2)).png" "$ICONSET/icon_${s}x${s}@2x.png"
  done
  iconutil -c icns "$ICONSET" -o "$ICON"
else
  cp assets/icon-256.png "$ICON"
fi
# The bundle's identifier and menu-bar name are launcher options: they go into the app-image's Info.plist here (a
# .dmg made later from the image copies that plist; without them the identifier would be the main class's name).
MAC_OPTS=()
if [ "$OS" = mac ]; then
  MAC_OPTS=(--mac-package-identifier "$MAC_BUNDLE_ID" --mac-package-name "$MAC_MENU_NAME" --mac-app-category "$MAC_APP_CATEGORY")
fi
log "jpackage app-image"
"$JBIN/jpackage" --type app-image --dest "$OUT" --name "$NAME" --app-version "$NUM_VERSION" \
  --vendor "$VENDOR" --copyright "$COPYRIGHT" --description "$DESCRIPTION" --icon "$ICON" \
  --runtime-image "$W/runtime" --input "$W/input" --main-jar "$ARTIFACT.jar" --main-class "$MAIN_CLASS" \
  ${MAC_OPTS[@]+"${MAC_OPTS[@]}"} $(for o in $JAVA_OPTIONS; do printf -- '--java-options %s ' "$o"; done)

if [ "$OS" = mac ]; then
  IMAGE="$OUT/$NAME.app"; APPDIR="$IMAGE/Contents/app"; RUNTIME="$IMAGE/Contents/runtime/Contents/Home"
  LAUNCHER="$IMAGE/Contents/MacOS/$NAME"
else
  IMAGE="$OUT/$NAME"; APPDIR="$IMAGE/lib/app"; RUNTIME="$IMAGE/lib/runtime"; LAUNCHER="$IMAGE/bin/$NAME"
  # jpackage's native launcher asks rpm and dpkg which package owns it, twice, on every start (about 170 ms here before
  # Java even starts): a shell launcher that reads the same .cfg and starts the runtime's java takes its place, before
  # the training runs (so they start the app as the admin will) and before the .deb/.rpm (which copy this image).
  log "Linux launcher: packaging/linux/launcher.sh over jpackage's native one"
  install -m 755 packaging/linux/launcher.sh "$LAUNCHER"
  # The runtime's java under the app's name: the process it starts is then "emite-setup", not "java", in a task list.
  cp "$RUNTIME/bin/java" "$RUNTIME/bin/$NAME"
fi

# ---- 5. Class data for a faster first window: the AOT cache (Java 25+) or AppCDS (Java 17-24) -----------------
# A training run of the real launcher (first window, then demo sign-in) lists the classes the app loads.
#  - Java 25+: a second such run writes an AOT cache (-XX:AOTCacheOutput: the JDK, JavaFX and app classes loaded and
#    linked, plus method profiles), shipped as lib/app/emite.aot (macOS: Contents/app) and named in the launcher's
#    options (-XX:AOTCache=$APPDIR/emite.aot). It stays valid where the app is installed (same jars, same layout), so
#    every package (app-image, .deb, .rpm, .dmg) starts with it and no install step is needed.
#  - Java 17-24: JDK 17 ties an archive of the app's own classes to the jars' absolute paths, so the runtime's
#    default archive is rebuilt with the JDK and JavaFX classes from that list (valid anywhere), and the Linux packages
#    rebuild it at install time with the app's classes (postinst runs emite-cds.sh).
# Either way an archive of the JDK and JavaFX classes is made from the list: the benchmark's bare window uses it, and
# without the cache it is the runtime's default archive.
log "training run (first window and demo sign-in)"
if [ "$OS" = linux ] && [ -z "${DISPLAY:-}" ]; then
  need_apt xvfb-run xvfb xauth libgtk-3-0
  XVFB=(xvfb-run -a -s "-screen 0 1280x800x24")
else
  XVFB=()
fi
# Written under target/ first: JAVA_TOOL_OPTIONS splits on spaces, and the macOS bundle's path has one.
TRAIN_LIST="$ROOT/$W/emite.classlist"
TRAIN_AOT="$ROOT/$W/emite.aot"
CLASSLIST="$APPDIR/emite.classlist"
TRAIN_HOME="$W/train-home"
train() {   # train <what it must leave> <JVM options>: the launcher under the probe, with a scratch home (the
            # training run must not touch the builder's own data folder)
  local out="$1"; shift
  rm -rf "$TRAIN_HOME"; mkdir -p "$TRAIN_HOME"
  if ! HOME="$TRAIN_HOME" JAVA_TOOL_OPTIONS="$* -Demite.probe=demo" \
      ${XVFB[@]+"${XVFB[@]}"} "$LAUNCHER" > "$W/train.log" 2>&1 || ! grep -q "EMITE_PROBE demo-signed-in" "$W/train.log" \
      || [ ! -s "$out" ]; then
    cat "$W/train.log" >&2
    echo "The training run did not reach the demo sign-in or did not write $out (log above)." >&2
    exit 1
  fi
}
train "$TRAIN_LIST" "-XX:DumpLoadedClassList=$TRAIN_LIST"
# A second run for the cache: the JVM takes -XX:AOTCacheOutput with no other class-data option.
if $AOT; then train "$TRAIN_AOT" "-XX:AOTCacheOutput=$TRAIN_AOT"; fi
cp "$TRAIN_LIST" "$CLASSLIST"
if [ "$OS" = linux ]; then
  cp packaging/linux/emite-cds.sh "$APPDIR/"
  chmod 755 "$APPDIR/emite-cds.sh"
fi
if $AOT; then
  log "AOT cache $(du -h "$TRAIN_AOT" | cut -f1) into the app, named in the launcher's options"
  cp "$TRAIN_AOT" "$APPDIR/emite.aot"
  # jpackage wrote the launcher's options before the cache existed (the training run must not use one).
  CFG="$(find "$APPDIR" -maxdepth 1 -name '*.cfg' | head -1)"
  sed -i.bak '/^\[JavaOptions\]/a\
java-options=-XX:AOTCache=$APPDIR/emite.aot
' "$CFG" && rm -f "$CFG.bak"
  grep -q 'AOTCache=' "$CFG" || { echo "Could not name the AOT cache in $CFG" >&2; exit 1; }
fi
# The JDK + JavaFX archive from the class list. With the AOT cache the launcher never maps the runtime's default
# archive, so it is made for the benchmark's bare window only (38 MB less to ship) and the runtime keeps jlink's
# archive of JDK classes; without the cache it becomes the runtime's default archive, as before.
log "CDS archive with the JDK and JavaFX classes"
"$RUNTIME/bin/java" -Xshare:dump -XX:SharedClassListFile="$CLASSLIST" \
  -XX:SharedArchiveFile="$W/base-classes.jsa" > "$W/cds-base.log" 2>&1 \
  || { cat "$W/cds-base.log" >&2; exit 1; }
$AOT || cp "$W/base-classes.jsa" "$RUNTIME/lib/server/classes.jsa"
# Only used with heaps over 32 GB (no compressed pointers); the launcher's heap is far below.
rm -f "$RUNTIME/lib/server/classes_nocoops.jsa"
if [ "$OS" = mac ]; then
  # jpackage signed the bundle (ad hoc, without --mac-sign) before the archive and the class list were written into
  # it; a bundle whose files no longer match its seal is "damaged" to Gatekeeper. Seal it again (ad hoc). A release
  # signs it for real at the .dmg step (--mac-sign, docs/PACKAGING.md), which signs the image again.
  log "re-signing the bundle (ad hoc) after the archive was written into it"
  codesign --force --deep --sign - "$IMAGE"
fi

# ---- 6. Installers ---------------------------------------------------------------------------------------------
for type in $TYPES; do
  case "$type" in
    app-image) ;;
    deb)
      need_apt fakeroot fakeroot
      log "jpackage deb"
      "$JBIN/jpackage" --type deb --dest "$OUT" --name "$NAME" --app-version "$NUM_VERSION" --vendor "$VENDOR" \
        --copyright "$COPYRIGHT" --description "$DESCRIPTION" --app-image "$IMAGE" --install-dir /opt \
        --resource-dir packaging/linux --license-file LICENSE --linux-shortcut --linux-menu-group "$LINUX_MENU_GROUP" \
        --linux-app-category "$LINUX_DEB_SECTION" --linux-package-deps "$LINUX_DEB_DEPS" \
        --linux-deb-maintainer "$MAINTAINER"
      ;;
    rpm)
      need_apt rpmbuild rpm
      log "jpackage rpm"
      "$JBIN/jpackage" --type rpm --dest "$OUT" --name "$NAME" --app-version "$NUM_VERSION" --vendor "$VENDOR" \
        --copyright "$COPYRIGHT" --description "$DESCRIPTION" --app-image "$IMAGE" --install-dir /opt \
        --resource-dir packaging/linux --license-file LICENSE --linux-shortcut --linux-menu-group "$LINUX_MENU_GROUP" \
        --linux-package-deps "$LINUX_RPM_DEPS" --linux-rpm-license-type "$LICENSE_TYPE"
      ;;
    dmg)
      log "jpackage dmg"
      "$JBIN/jpackage" --type dmg --dest "$OUT" --name "$NAME" --app-version "$NUM_VERSION" --vendor "$VENDOR" \
        --copyright "$COPYRIGHT" --description "$DESCRIPTION" --app-image "$IMAGE" --license-file LICENSE \
        --mac-package-identifier "$MAC_BUNDLE_ID" --mac-package-name "$MAC_MENU_NAME"
      ;;
    *) echo "Unknown package type $type" >&2; exit 2 ;;
  esac
done
log "done:"
ls -l "$OUT"
