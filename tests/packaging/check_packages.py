#!/usr/bin/env python3
"""tst_packages (label package, run by ./ow package): the Debian packages cpack built.

    check_packages.py --dir BUILD_DIR --version V

Checks with dpkg-deb: the control fields (no libumockdev in onewindow or onewindow-backoffice,
the back office recommends libqt6sql6-psql and postgresql-client), the contents (programs, man
pages, unit, udev rules, defaults file, copyright, changelog.gz; the client's files not in the
server's package and the other way round), stripped programs with their symbols in the -dbgsym
packages, the DEP-5 copyright, and that `man -l` renders each page without a warning.
"""

import argparse
import gzip
import os
import subprocess
import sys
import tempfile

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def dpkg_deb(*args):
    return subprocess.run(["dpkg-deb"] + list(args), stdout=subprocess.PIPE, check=True).stdout.decode("utf-8")


def field(deb, name):
    return dpkg_deb("-f", deb, name).strip()


def contents(deb):
    paths = set()
    for line in dpkg_deb("-c", deb).splitlines():
        path = line.split(None, 5)[5].split(" -> ")[0]
        paths.add(path[1:].rstrip("/") if path.startswith(".") else path)
    return paths


def deps(text):
    return [d.strip().split(" ")[0] for d in text.replace("|", ",").split(",") if d.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--version", required=True)
    a = ap.parse_args()
    v = a.version
    client = os.path.join(a.dir, "onewindow_%s_amd64.deb" % v)
    server = os.path.join(a.dir, "onewindow-backoffice_%s_amd64.deb" % v)
    demo = os.path.join(a.dir, "onewindow-demo_%s_amd64.deb" % v)
    for deb in (client, server, demo):
        check(os.path.exists(deb), "built " + os.path.basename(deb))
    if failures:
        sys.exit(1)

    # Control fields.
    for deb in (client, server):
        d = deps(field(deb, "Depends") + "," + field(deb, "Pre-Depends"))
        check(not [x for x in d if x.startswith("libumockdev") or x == "umockdev"],
              "%s: no umockdev in Depends (%s)" % (os.path.basename(deb), ", ".join(d)))
        check(not [x for x in d if x.startswith("libusb") and deb == server],
              "%s: no libusb in Depends" % os.path.basename(deb))
    server_deps = deps(field(server, "Depends"))
    check(not [x for x in server_deps if x.startswith("libqt6gui") or x.startswith("libqt6widgets")],
          "onewindow-backoffice: no Qt Gui or Widgets in Depends (%s)" % ", ".join(server_deps))
    rec = deps(field(server, "Recommends"))
    check("libqt6sql6-psql" in rec and "postgresql-client" in rec,
          "onewindow-backoffice Recommends libqt6sql6-psql, postgresql-client (%s)" % ", ".join(rec))
    check("onewindow" in deps(field(demo, "Depends")), "onewindow-demo depends on onewindow")
    for deb in (client, server, demo):
        desc = field(deb, "Description").splitlines()
        check(all(len(line) <= 80 for line in desc), "%s: description lines of 80 columns at most"
              % os.path.basename(deb))

    # Contents.
    cc, sc, dc = contents(client), contents(server), contents(demo)
    for p in ("/usr/bin/onewindow", "/usr/bin/onewindow-tool", "/usr/share/man/man1/onewindow.1.gz",
              "/usr/share/man/man1/onewindow-tool.1.gz", "/usr/lib/udev/rules.d/70-onewindow.rules",
              "/usr/share/applications/onewindow.desktop",
              "/usr/share/metainfo/org.onewindow.OneWindow.metainfo.xml",
              "/usr/share/doc/onewindow/copyright", "/usr/share/doc/onewindow/changelog.gz"):
        check(p in cc, "onewindow has " + p)
    for p in ("/usr/bin/onewindow-backoffice", "/usr/share/man/man1/onewindow-backoffice.1.gz",
              "/usr/lib/systemd/system/onewindow-backoffice.service", "/etc/default/onewindow-backoffice",
              "/usr/share/doc/onewindow-backoffice/copyright", "/usr/share/doc/onewindow-backoffice/changelog.gz"):
        check(p in sc, "onewindow-backoffice has " + p)
    check(not [p for p in sc if p.startswith("/usr/lib/udev") or p.endswith(".desktop") or p == "/usr/bin/onewindow"],
          "onewindow-backoffice has none of the client's files")
    check(not [p for p in cc if "backoffice" in p], "onewindow has none of the back office's files")
    check([p for p in dc if p.endswith("/onewindow/onewindow-demo-devices.so")] != [],
          "onewindow-demo has the demo devices plugin")
    check(not [p for p in cc | sc if "demo-devices" in p], "the demo devices only in onewindow-demo")
    check([p for p in cc if p.endswith("/onewindow/onewindow-supervisor-charts.so")] != [],
          "onewindow has the 督办 charts plugin (Qt Charts, loaded on demand)")
    check([p for p in cc if p.endswith("/onewindow/onewindow-pdf.so")] != [],
          "onewindow has the PDF plugin (QtPdf, loaded after the first paint)")
    conffiles = subprocess.run(["dpkg-deb", "--info", server, "conffiles"], stdout=subprocess.PIPE).stdout
    check(b"/etc/default/onewindow-backoffice" in conffiles, "the defaults file is a conffile")

    with tempfile.TemporaryDirectory() as tmp:
        for deb in (client, server, demo):
            subprocess.run(["dpkg-deb", "-x", deb, tmp], check=True)
        unit = open(os.path.join(tmp, "usr/lib/systemd/system/onewindow-backoffice.service")).read()
        check("\nLimitNOFILE=65536\n" in unit, "the unit raises LimitNOFILE")
        # Stripped programs; their symbols in the -dbgsym packages (by build id).
        build_ids = []
        for prog in ("usr/bin/onewindow", "usr/bin/onewindow-tool", "usr/bin/onewindow-backoffice"):
            sections = subprocess.run(["readelf", "-S", "-n", os.path.join(tmp, prog)], stdout=subprocess.PIPE,
                                      check=True).stdout.decode()
            check(".symtab" not in sections and ".debug_info" not in sections, prog + " is stripped")
            for line in sections.splitlines():
                if "Build ID:" in line:
                    build_ids.append(line.split("Build ID:")[1].strip())
        check(len(build_ids) == 3, "each program has a build id")
        dbg = {}
        for name in ("onewindow", "onewindow-backoffice", "onewindow-demo"):
            path = None
            for ext in ("ddeb", "deb"):
                p = os.path.join(a.dir, "%s-dbgsym_%s_amd64.%s" % (name, v, ext))
                if os.path.exists(p):
                    path = p
            check(path is not None, "built %s-dbgsym" % name)
            if path:
                dbg[name] = contents(path)
        every = set().union(*dbg.values()) if dbg else set()
        for bid in build_ids:
            want = "/usr/lib/debug/.build-id/%s/%s.debug" % (bid[:2], bid[2:])
            check(want in every, "debug symbols " + want)
        # The copyright (DEP-5) and the changelog.
        for name in ("onewindow", "onewindow-backoffice", "onewindow-demo"):
            doc = os.path.join(tmp, "usr/share/doc", name)
            text = open(os.path.join(doc, "copyright")).read()
            check(text.startswith("Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/")
                  and "\nFiles: *\n" in text and "\nLicense: " in text, name + ": DEP-5 copyright")
            log = gzip.open(os.path.join(doc, "changelog.gz")).read().decode()
            check(log.startswith("onewindow (%s) " % v), name + ": changelog.gz names version " + v)
        # Each manual page renders without a warning.
        for page in ("onewindow", "onewindow-tool", "onewindow-backoffice"):
            path = os.path.join(tmp, "usr/share/man/man1/%s.1.gz" % page)
            env = dict(os.environ, MANWIDTH="80", LC_ALL="C.UTF-8")
            r = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, env=env)
            out = r.stdout.decode("utf-8", "replace")
            check(r.returncode == 0 and not r.stderr.strip() and "SYNOPSIS" in out and page in out,
                  "man -l renders %s(1) %s" % (page, r.stderr.decode("utf-8", "replace").strip()))
    if failures:
        sys.exit("%d failed" % len(failures))


if __name__ == "__main__":
    main()
