#!/bin/sh
# packaging/fix-dbgsym.sh PKG-dbgsym_V_ARCH.ddeb…: makes CPack's debug symbol packages what
# Debian's dh_strip makes (./ow package runs it): CMake 3.25 lists absolute build paths in their
# md5sums and gives them no /usr/share/doc; here md5sums are relative, the .debug files 0644 and
# /usr/share/doc/PKG-dbgsym links to PKG's folder (the package depends on PKG of the same version,
# so that folder's copyright and changelog.gz are its own, as Debian policy 12.5 allows).
set -eu
for ddeb in "$@"; do
    tmp=$(mktemp -d)
    dpkg-deb -R "$ddeb" "$tmp"
    package=$(sed -n 's/^Package: //p' "$tmp/DEBIAN/control")
    main=${package%-dbgsym}
    find "$tmp/usr/lib/debug" -type f -exec chmod 0644 {} +
    mkdir -p "$tmp/usr/share/doc"
    ln -s "$main" "$tmp/usr/share/doc/$package"
    (cd "$tmp" && find usr -type f -printf '%P\n' | sort | sed 's|^|usr/|' | xargs md5sum) >"$tmp/DEBIAN/md5sums"
    chmod 0644 "$tmp/DEBIAN/md5sums"
    dpkg-deb --root-owner-group -Zxz -b "$tmp" "$ddeb" >/dev/null
    rm -rf "$tmp"
done
