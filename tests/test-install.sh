#!/usr/bin/env bash
# test-install.sh SRCDIR: TAP. Configures a second build with --prefix in a temporary
# folder, installs it, and checks the installed Kabinett as a user would meet it: its
# translations, its settings schema, its icon and its desktop and AppStream files.
set -uo pipefail
src=${1:?usage: test-install.sh SRCDIR}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/kabinett-install-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
n=0 failed=0

ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
check () { local what=$1; shift; if "$@" >"$tmp/out" 2>&1; then ok "$what"; else not_ok "$what" "$(tail -n 20 "$tmp/out")"; fi; }

echo "1..9"

# The nested build must not inherit the outer test's settings.
unset GSETTINGS_SCHEMA_DIR GSETTINGS_BACKEND KABINETT_LOCALEDIR LANGUAGE
export LC_ALL=

if meson setup "$tmp/build" "$src" --prefix "$prefix" -Dbuildtype=release >"$tmp/setup.log" 2>&1 &&
   ninja -C "$tmp/build" >"$tmp/build.log" 2>&1 &&
   meson install -C "$tmp/build" --quiet >"$tmp/install.log" 2>&1; then
  ok "meson install into a prefix"
else
  not_ok "meson install into a prefix" "$(tail -n 30 "$tmp"/*.log)"
  echo "Bail out! nothing was installed"
  exit 1
fi

exe=$prefix/bin/kabinett
share=$prefix/share
check "the program is installed" test -x "$exe"

# Kabinett's own --help in Swedish proves that the compiled-in LOCALEDIR and the installed
# .mo file are found (no KABINETT_LOCALEDIR here).
english="Open the practice database at PATH instead of your own"
swedish=$(LANGUAGE=sv LANG=C.UTF-8 TEXTDOMAINDIR=$share/locale gettext -d kabinett "$english")
if [[ -n $swedish && $swedish != "$english" ]] &&
   LANGUAGE=sv LANG=C.UTF-8 "$exe" --help >"$tmp/help" 2>&1 && grep -qF "$swedish" "$tmp/help"; then
  ok "kabinett --help speaks Swedish from the installed translation"
else
  not_ok "kabinett --help speaks Swedish from the installed translation" \
    "expected: $swedish" "$(head -n 20 "$tmp/help" 2>/dev/null)"
fi

check "the settings schema is compiled" \
  gsettings --schemadir "$share/glib-2.0/schemas" list-keys org.kabinett.Kabinett
check "the icon theme has the application icon" \
  test -f "$share/icons/hicolor/scalable/apps/org.kabinett.Kabinett.svg" -a \
       -f "$share/icons/hicolor/symbolic/apps/org.kabinett.Kabinett-symbolic.svg"
check "desktop-file-validate passes on the installed desktop file" \
  desktop-file-validate "$share/applications/org.kabinett.Kabinett.desktop"
check "appstreamcli validate passes on the installed metainfo" \
  appstreamcli validate --no-net "$share/metainfo/org.kabinett.Kabinett.metainfo.xml"
check "the installed desktop file is translated" \
  grep -q '^Name\[sv\]=' "$share/applications/org.kabinett.Kabinett.desktop"

# The installed program starts and paints its window with nothing but the prefix: its
# schema is found through XDG_DATA_DIRS, as a desktop session finds it.
if [[ -n ${DISPLAY:-} ]]; then
  mkdir -p "$tmp/home"
  if HOME=$tmp/home XDG_DATA_HOME=$tmp/home/data XDG_CONFIG_HOME=$tmp/home/config \
     XDG_DATA_DIRS="$share:/usr/local/share:/usr/share" GSETTINGS_BACKEND=memory \
     GSK_RENDERER=cairo NO_AT_BRIDGE=1 LANGUAGE=sv LANG=C.UTF-8 KABINETT_BENCH_FIRST_FRAME=1 \
     timeout 120 "$exe" --demo >"$tmp/run" 2>&1 && grep -q '^first-frame ' "$tmp/run"; then
    ok "the installed Kabinett starts and shows its window"
  else
    not_ok "the installed Kabinett starts and shows its window" "$(tail -n 20 "$tmp/run")"
  fi
else
  n=$((n + 1)); echo "ok $n - the installed Kabinett starts # SKIP no display"
fi

exit $((failed > 0))
