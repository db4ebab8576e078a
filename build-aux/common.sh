# shellcheck shell=bash
# build-aux/common.sh: what build-aux/run, build-aux/test and build-aux/bench share.

KAB_BUILD_PACKAGES=(
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libical-dev libjson-glib-dev libsodium-dev
  desktop-file-utils appstream
  fonts-dejavu-core dbus dbus-x11
)

KAB_TEST_PACKAGES=(
  xvfb xauth xdotool poppler-utils locales-all python3 strace
)

# Installs the Debian packages that are missing, as root or through sudo.
kab_install_packages () {
  local missing=()
  local pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  [[ ${#missing[@]} -eq 0 ]] && return 0

  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    if command -v sudo >/dev/null; then
      sudo=(sudo)
    else
      echo "Kabinett needs these Debian packages: ${missing[*]}" >&2
      echo "Install them as root (apt-get install ${missing[*]}) and run this again." >&2
      return 1
    fi
  fi

  echo "Installing: ${missing[*]}" >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >&2
}

# The locales the tests format dates and money in come with Debian's locales-all (in
# KAB_TEST_PACKAGES): nothing to generate, no system file to edit. This only checks.
kab_ensure_locales () {
  local loc
  for loc in ru_RU sv_SE nb_NO en_GB en_US; do
    if ! LC_ALL=$loc.UTF-8 locale charmap 2>/dev/null | grep -qx UTF-8; then
      echo "The locale $loc.UTF-8 is missing: install the package locales-all." >&2
      return 1
    fi
  done
}

# Configures (or reconfigures) a build directory and builds it.
kab_build () {
  local builddir=$1; shift
  if [[ -f $builddir/build.ninja ]]; then
    meson setup --reconfigure "$builddir" "$@" >/dev/null
  else
    meson setup "$builddir" "$@"
  fi
  ninja -C "$builddir"
}
