#!/bin/sh
# eMite Setup's launcher on Linux: build.sh puts it over the native launcher jpackage made (bin/emite-setup), before
# the training runs and the .deb/.rpm. It starts the app's own Java runtime exactly as jpackage's launcher would, from
# the same lib/app/<name>.cfg: -classpath (the app.classpath lines), the [JavaOptions], -Djpackage.app-path, the main
# class, then the arguments (the [ArgOptions] ones when there are none); $APPDIR, $BINDIR and $ROOTDIR expanded.
# Why not jpackage's own: on every start, before Java starts, it asks rpm and then dpkg which package owns it, and
# does so twice (once to find its library, once inside it); "dpkg -S" reads the file list of every installed package:
# 80 ms each time here with 772 packages, more on a desktop with thousands. docs/PACKAGING.md, "The Linux launcher".
set -e

# Where it really is (a menu entry or a link may start it), as jpackage's launcher reads /proc/self/exe.
self=$0
if [ -L "$self" ]; then self=$(readlink -f "$self"); fi
case $self in */*) dir=${self%/*} ;; *) dir=. ;; esac
BINDIR=$(cd -P "$dir" && pwd)
self=$BINDIR/${self##*/}
ROOTDIR=${BINDIR%/*}
APPDIR=$ROOTDIR/lib/app
name=${self##*/}
cfg=$APPDIR/$name.cfg
# The runtime's java launcher under the app's name (build.sh copies it), so that the process is called emite-setup in
# the system monitor, as it was with jpackage's launcher; the runtime's own java if the copy is not there.
java=$ROOTDIR/lib/runtime/bin/$name
[ -x "$java" ] || java=$ROOTDIR/lib/runtime/bin/java
[ -f "$cfg" ] && [ -x "$java" ] || {
  echo "$name: $APPDIR/$name.cfg or the Java runtime in $ROOTDIR/lib/runtime is missing: reinstall eMite Setup." >&2
  exit 1
}

# expand VALUE: sets $expanded to VALUE with $APPDIR, $BINDIR and $ROOTDIR replaced, as jpackage's launcher does.
expand() {
  rest=$1 expanded=
  while :; do
    case $rest in
      *'$APPDIR'* | *'$BINDIR'* | *'$ROOTDIR'*) ;;
      *) expanded=$expanded$rest; return ;;
    esac
    head=${rest%%\$*}
    rest=${rest#"$head"}
    case $rest in
      '$APPDIR'*) expanded=$expanded$head$APPDIR rest=${rest#'$APPDIR'} ;;
      '$BINDIR'*) expanded=$expanded$head$BINDIR rest=${rest#'$BINDIR'} ;;
      '$ROOTDIR'*) expanded=$expanded$head$ROOTDIR rest=${rest#'$ROOTDIR'} ;;
      *) expanded=$expanded$head\$ rest=${rest#\$} ;;
    esac
  done
}

# POSIX sh has one list, "$@", and it holds the admin's arguments: the options are appended behind them, then each
# argument is moved from the front to the back, so that they end up after the main class.
nargs=$#
cp= main= section= ndefaults=0
while IFS= read -r line || [ -n "$line" ]; do
  case $line in
    '['*']') section=$line ;;
    app.classpath=*) expand "${line#app.classpath=}"; cp=${cp:+$cp:}$expanded ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*)
      if [ "$section" = '[JavaOptions]' ]; then expand "${line#java-options=}"; set -- "$@" "$expanded"; fi ;;
    arguments=*)
      if [ "$section" = '[ArgOptions]' ]; then
        expand "${line#arguments=}"; ndefaults=$((ndefaults + 1)); eval "default_$ndefaults=\$expanded"
      fi ;;
  esac
done < "$cfg"
[ -n "$main" ] || { echo "$name: $cfg names no main class: reinstall eMite Setup." >&2; exit 1; }
set -- "$@" "-Djpackage.app-path=$self" "$main"
i=0
while [ "$i" -lt "$nargs" ]; do set -- "$@" "$1"; shift; i=$((i + 1)); done
if [ "$nargs" -eq 0 ]; then
  i=0
  while [ "$i" -lt "$ndefaults" ]; do i=$((i + 1)); eval "set -- \"\$@\" \"\$default_$i\""; done
fi
exec "$java" -classpath "$cp" "$@"
