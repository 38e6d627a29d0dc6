#!/bin/sh
# Installs znode from this offline bundle: no compiler, no network. The same files as the
# package, in the same places (/usr/bin/znode, /usr/share/znode, /lib/systemd/system,
# /etc/znode); the node's own files under /etc/znode are written only when absent, so an
# upgrade keeps the node's edits. Then the same setup as the package: the znode user, its
# folders, hash.key, and the timers at a first install. A newer znode is not replaced by an
# older one (--force to do it anyway).
#   sh install.sh [--force]
set -e
here=$(cd "$(dirname "$0")" && pwd)
force=${1:-}
[ "$(id -u)" = 0 ] || { echo "install.sh: run it as root" >&2; exit 1; }
cd "$here"
sha256sum -c --quiet SHA256SUMS || { echo "install.sh: the bundle is damaged (SHA256SUMS)" >&2; exit 1; }
new=$(cat VERSION)
previous=""
if [ -f /usr/share/znode/VERSION ]; then
    previous=$(cat /usr/share/znode/VERSION)
elif [ -x /usr/bin/znode ]; then
    previous=$(/usr/bin/znode --version | awk '{print $2}')
fi
if [ -n "$previous" ] && [ "$force" != --force ] \
    && [ "$(printf '%s\n%s\n' "$previous" "$new" | sort -V | tail -n1)" != "$new" ]; then
    echo "install.sh: refusing to downgrade znode from $previous to $new: the history may have been migrated by $previous (--force if it never was)" >&2
    exit 1
fi
cd "$here/root"
find . -type f | while read -r f; do
    dest=/${f#./}
    case $dest in
        /etc/znode/*) [ -e "$dest" ] && continue ;;
    esac
    install -D -m "$(stat -c %a "$f")" "$f" "$dest"
done
sh "$here/setup" configure "$previous"
echo "znode $new installed${previous:+ (was $previous)}; next: sudo -u znode znode -c /etc/znode/znode.yaml doctor"
