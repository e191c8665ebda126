#!/bin/sh
# Rebuilds the installed app's class-data archive (AppCDS) with the app's own classes, for a faster first window.
# JDK 17 ties such an archive to the jars' absolute paths, so it is made where the app is installed: the Linux
# packages run this after installing (postinst / %post). Usage: emite-cds.sh [APP_ROOT]  (default: /opt/emite-setup)
# It never fails the install: without it the app starts with the shipped JDK + JavaFX archive, a little slower.
ROOT="${1:-/opt/emite-setup}"
APPDIR="$ROOT/lib/app"
JAVA="$ROOT/lib/runtime/bin/java"
ARCHIVE="$ROOT/lib/runtime/lib/server/classes.jsa"
CFG="$APPDIR/emite-setup.cfg"
[ -x "$JAVA" ] && [ -f "$APPDIR/emite.classlist" ] && [ -f "$CFG" ] || exit 0
# A runtime of Java 25+ ships an AOT cache made at build time (lib/app/emite.aot), valid wherever the app is installed
# and used instead of this archive: nothing to do.
[ -f "$APPDIR/emite.aot" ] && exit 0
# The class path exactly as the launcher passes it: the cfg's app.classpath entries, $APPDIR expanded, in order.
CP="$(sed -n 's/^app\.classpath=//p' "$CFG" | sed "s|\$APPDIR|$APPDIR|g" | paste -sd: -)"
if "$JAVA" -Xshare:dump -XX:SharedClassListFile="$APPDIR/emite.classlist" -XX:SharedArchiveFile="$ARCHIVE.new" \
    -cp "$CP" >/dev/null 2>&1; then
  mv -f "$ARCHIVE.new" "$ARCHIVE"
else
  rm -f "$ARCHIVE.new"
fi
exit 0
