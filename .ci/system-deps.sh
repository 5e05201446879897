#!/usr/bin/env bash
# System packages that `make run` and `make test` need beyond PyPI, installed with apt-get only
# when something is missing. Silent and quick (a few tens of ms) when nothing is.
#
#   .ci/system-deps.sh run [PYTHON]  the app's window: the libraries Qt's xcb (X11) platform plugin
#                                    loads, and a font with Cyrillic glyphs. PYTHON is the venv's
#                                    interpreter (default .venv/bin/python), used to find PySide6.
#   .ci/system-deps.sh test          the test suite: poppler-utils (pdftotext/pdftoppm), DejaVu,
#                                    the libraries Qt's offscreen platform plugin loads, and the
#                                    validators of the .desktop file (desktop-file-utils) and the
#                                    AppStream metainfo (appstream).
#
# `run` does not guess the library list: it runs ldd on the installed plugin (PySide6's
# plugins/platforms/libqxcb.so), on libQt6XcbQpa.so.6 (where most of the xcb libraries come from)
# and on the Qt libraries the app imports, collects every "not found" soname and maps it to its
# Debian package. libxcb-cursor0 is checked explicitly: Qt >= 6.5 refuses to start the xcb plugin
# without it ("xcb-cursor0 or libxcb-cursor0 is needed") even where ldd does not list it.
#
# As root it runs apt-get; otherwise sudo when there is one; otherwise it prints the exact
# command for an administrator and stops (run: only when a library is missing; a missing font
# is a warning). SKIP_SYSTEM_DEPS=1 skips all of this (e.g. on a distribution without apt-get
# where the libraries come from elsewhere).
set -euo pipefail
mode=${1:-test}
python=${2:-.venv/bin/python}
cd "$(dirname "$0")/.."
PATH=$PATH:/usr/sbin:/sbin # ldconfig lives in /sbin, which is not on a Debian user's PATH

[ -z "${SKIP_SYSTEM_DEPS:-}" ] || exit 0
[ "$(uname -s)" = Linux ] || exit 0

need=()     # Debian packages to install
missing=()  # sonames nobody provides yet (for the messages)
unmapped=() # missing sonames we have no package name for (yet)
required=0  # 1: the command cannot work without them; 0: it can, worse (a font)
what=""     # what the packages are for, for the messages
why=""      # why they cannot be installed here

ld_cache=$(ldconfig -p 2>/dev/null || true)
has_lib() { grep -qF $'\t'"$1 (" <<<"$ld_cache"; }

# soname -> Debian package (bookworm names; later releases keep them or provide them).
pkg_for() {
  case $1 in
    libxcb.so.1) echo libxcb1 ;;
    libxcb-cursor.so.0) echo libxcb-cursor0 ;;
    libxcb-glx.so.0) echo libxcb-glx0 ;;
    libxcb-icccm.so.4) echo libxcb-icccm4 ;;
    libxcb-image.so.0) echo libxcb-image0 ;;
    libxcb-keysyms.so.1) echo libxcb-keysyms1 ;;
    libxcb-randr.so.0) echo libxcb-randr0 ;;
    libxcb-render.so.0) echo libxcb-render0 ;;
    libxcb-render-util.so.0) echo libxcb-render-util0 ;;
    libxcb-shape.so.0) echo libxcb-shape0 ;;
    libxcb-shm.so.0) echo libxcb-shm0 ;;
    libxcb-sync.so.1) echo libxcb-sync1 ;;
    libxcb-util.so.1) echo libxcb-util1 ;;
    libxcb-xfixes.so.0) echo libxcb-xfixes0 ;;
    libxcb-xinerama.so.0) echo libxcb-xinerama0 ;;
    libxcb-xinput.so.0) echo libxcb-xinput0 ;;
    libxcb-xkb.so.1) echo libxcb-xkb1 ;;
    libX11.so.6) echo libx11-6 ;;
    libX11-xcb.so.1) echo libx11-xcb1 ;;
    libXau.so.6) echo libxau6 ;;
    libXdmcp.so.6) echo libxdmcp6 ;;
    libXext.so.6) echo libxext6 ;;
    libXi.so.6) echo libxi6 ;;
    libXrender.so.1) echo libxrender1 ;;
    libSM.so.6) echo libsm6 ;;
    libICE.so.6) echo libice6 ;;
    libxkbcommon.so.0) echo libxkbcommon0 ;;
    libxkbcommon-x11.so.0) echo libxkbcommon-x11-0 ;;
    libEGL.so.1) echo libegl1 ;;
    libGL.so.1) echo libgl1 ;;
    libGLX.so.0) echo libglx0 ;;
    libGLdispatch.so.0) echo libglvnd0 ;;
    libOpenGL.so.0) echo libopengl0 ;;
    libfontconfig.so.1) echo libfontconfig1 ;;
    libfreetype.so.6) echo libfreetype6 ;;
    libharfbuzz.so.0) echo libharfbuzz0b ;;
    libdbus-1.so.3) echo libdbus-1-3 ;;
    libglib-2.0.so.0 | libgthread-2.0.so.0 | libgobject-2.0.so.0 | libgio-2.0.so.0) echo libglib2.0-0 ;;
    libpcre2-8.so.0) echo libpcre2-8-0 ;;
    libpng16.so.16) echo libpng16-16 ;;
    libz.so.1) echo zlib1g ;;
    libzstd.so.1) echo libzstd1 ;;
    libexpat.so.1) echo libexpat1 ;;
    libbrotlidec.so.1 | libbrotlicommon.so.1) echo libbrotli1 ;;
    libcups.so.2) echo libcups2 ;;
    libgssapi_krb5.so.2) echo libgssapi-krb5-2 ;;
    *) return 1 ;;
  esac
}

# Debian's library package naming (libfoo-bar.so.N -> libfoo-barN, libfoo2.so.N -> libfoo2-N),
# tried for sonames the table does not know, and used only if apt knows such a package.
policy_name() {
  local base=${1%%.so.*} ver=${1##*.so.}
  ver=${ver%%.*}
  base=$(tr 'A-Z_' 'a-z-' <<<"$base")
  case $base in *[0-9]) echo "$base-$ver" ;; *) echo "$base$ver" ;; esac
}

add_soname() {
  local pkg
  missing+=("$1")
  if pkg=$(pkg_for "$1"); then need+=("$pkg"); else unmapped+=("$1"); fi
}

case $mode in
  run)
    case ${QT_QPA_PLATFORM:-xcb} in
      xcb*)
        qt=$("$python" -c 'import importlib.util as u; print(u.find_spec("PySide6").submodule_search_locations[0])' 2>/dev/null) || qt=""
        if [ -n "$qt" ] && [ -e "$qt/Qt/plugins/platforms/libqxcb.so" ] && command -v ldd >/dev/null; then
          files=()
          for f in plugins/platforms/libqxcb.so lib/libQt6XcbQpa.so.6 lib/libQt6Widgets.so.6 \
            lib/libQt6PrintSupport.so.6 lib/libQt6Charts.so.6 lib/libQt6Svg.so.6; do
            [ ! -e "$qt/Qt/$f" ] || files+=("$qt/Qt/$f")
          done
          while read -r soname; do
            [ -z "$soname" ] || add_soname "$soname"
          done < <(ldd "${files[@]}" 2>/dev/null | awk '$2 == "=>" && $3 == "not" { print $1 }' | sort -u)
        else
          # PySide6 is not installed (yet) or has no xcb plugin: check what Qt 6's plugin links.
          for soname in libxcb.so.1 libxcb-icccm.so.4 libxcb-image.so.0 libxcb-keysyms.so.1 \
            libxcb-randr.so.0 libxcb-render.so.0 libxcb-render-util.so.0 libxcb-shape.so.0 \
            libxcb-shm.so.0 libxcb-sync.so.1 libxcb-util.so.1 libxcb-xfixes.so.0 libxcb-xkb.so.1 \
            libX11.so.6 libX11-xcb.so.1 libxkbcommon.so.0 libxkbcommon-x11.so.0 libEGL.so.1 \
            libGL.so.1 libfontconfig.so.1 libdbus-1.so.3 libglib-2.0.so.0; do
            has_lib "$soname" || add_soname "$soname"
          done
        fi
        # dlopen()ed by Qt >= 6.5, so ldd need not list it; the plugin will not start without it.
        if ! has_lib libxcb-cursor.so.0 && [[ " ${missing[*]} " != *" libxcb-cursor.so.0 "* ]]; then
          add_soname libxcb-cursor.so.0
        fi
        ;;
    esac
    if [ ${#missing[@]} -gt 0 ]; then
      required=1
      what="Qt's X11 (xcb) platform plugin"
    fi
    if ! fc-list :lang=ru family 2>/dev/null | grep -q .; then
      need+=(fonts-dejavu-core fontconfig)
      what=${what:+$what and }"Cyrillic text"
    fi
    ;;
  test)
    what="the test suite"
    required=1
    command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
    command -v desktop-file-validate >/dev/null 2>&1 || need+=(desktop-file-utils)
    command -v appstreamcli >/dev/null 2>&1 || need+=(appstream)
    fc-list 2>/dev/null | grep -qi 'DejaVu Sans' || need+=(fonts-dejavu-core fontconfig)
    # Qt's offscreen platform plugin.
    for soname in libEGL.so.1 libxkbcommon.so.0 libfontconfig.so.1 libdbus-1.so.3 libGL.so.1; do
      has_lib "$soname" || add_soname "$soname"
    done
    ;;
  *)
    echo "usage: $0 run [PYTHON] | test" >&2
    exit 2
    ;;
esac

[ ${#need[@]} -gt 0 ] || [ ${#unmapped[@]} -gt 0 ] || exit 0
dedupe() { printf '%s\n' ${need[@]+"${need[@]}"} | sort -u; }
mapfile -t need < <(dedupe)
# Only the libraries themselves: their Recommends (a D-Bus daemon, MIME data ...) are not needed.
install=(apt-get install -y --no-install-recommends)

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1; then
  sudo=(sudo)
else
  sudo=(none)
  why="this user is not root and there is no sudo"
fi

if command -v apt-get >/dev/null 2>&1 && [ "${sudo[*]}" != none ]; then
  echo "system-deps: installing${sudo[*]:+ with sudo} for $what: ${need[*]}${unmapped[*]:+ (and a package for ${unmapped[*]})}"
  if "${sudo[@]}" apt-get update -qq; then
    # Sonames the table does not know: Debian's naming rule, if apt knows the package.
    still=()
    for soname in ${unmapped[@]+"${unmapped[@]}"}; do
      pkg=$(policy_name "$soname")
      if apt-cache show "$pkg" >/dev/null 2>&1; then need+=("$pkg"); else still+=("$soname"); fi
    done
    unmapped=(${still[@]+"${still[@]}"})
    mapfile -t need < <(dedupe)
    if [ ${#need[@]} -eq 0 ] ||
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive "${install[@]}" -qq "${need[@]}" >/dev/null; then
      if [ ${#unmapped[@]} -gt 0 ]; then
        echo "system-deps: no Debian package known for ${unmapped[*]}; find it with" \
          "'apt-file search <name>' and install it (Qt may not start without it)" >&2
      fi
      exit 0
    fi
  fi
  why="${sudo[*]:+sudo }apt-get failed"
fi

# Cannot install: say exactly what to run, and stop if the command cannot work without it.
{
  if command -v apt-get >/dev/null 2>&1; then
    echo "system-deps: system packages for $what are missing, and $why."
    if [ ${#need[@]} -gt 0 ]; then
      echo "Run this as root (or ask an administrator to):"
      echo
      echo "    sudo apt-get update && sudo ${install[*]} ${need[*]}"
      echo
    fi
  else
    echo "system-deps: system packages for $what are missing, and there is no apt-get."
    [ ${#need[@]} -eq 0 ] || echo "Install your distribution's equivalents of the Debian packages ${need[*]}"
  fi
  if [ ${#unmapped[@]} -gt 0 ]; then
    echo "and whatever provides ${unmapped[*]} (find it with 'apt-file search <name>')."
  fi
  if [ "$required" -eq 1 ]; then
    echo "then 'make $mode' again (SKIP_SYSTEM_DEPS=1 skips this check)."
  else
    echo "Carrying on without them: Cyrillic text may show as empty boxes."
  fi
} >&2
[ "$required" -eq 0 ]
