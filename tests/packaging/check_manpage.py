#!/usr/bin/env python3
"""tst_manpage_*: the built manual page covers every option its program's help prints.

    check_manpage.py PAGE.1.gz PROGRAM [ARGS…] [-- ARGS…]…

Runs `PROGRAM --help` and `PROGRAM ARGS…` for each further group (e.g. `admin --help`), takes
every --option and every command word they print, renders PAGE with `man --warnings -l`
(groff warnings fail the test, as they fail lintian) and fails when one is missing.
"""

import os
import re
import subprocess
import sys


def output(program, args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LC_ALL="C.UTF-8")
    r = subprocess.run([program] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, timeout=60)
    if r.returncode != 0:
        sys.exit("%s %s exited with %d" % (program, " ".join(args), r.returncode))
    return r.stdout.decode("utf-8")


def main():
    page, program = sys.argv[1], sys.argv[2]
    groups = [["--help"]]
    for arg in sys.argv[3:]:
        if arg == "--":
            groups.append([])
        else:
            groups[-1].append(arg)
    env = dict(os.environ, MANWIDTH="400", LC_ALL="C.UTF-8")
    env.pop("MAN_KEEP_FORMATTING", None)
    r = subprocess.run(["man", "--warnings", "-E", "UTF-8", "-l", page], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, env=env, timeout=60)
    rendered = r.stdout.decode("utf-8")
    if r.returncode != 0 or r.stderr.strip():
        sys.exit("man -l %s: exit %d, %s" % (page, r.returncode, r.stderr.decode("utf-8", "replace")))
    text = " ".join(rendered.split())
    missing = []
    wanted = set()
    for args in groups:
        help_text = output(program, args)
        wanted.update(re.findall(r"(?<![\w-])--[a-z][a-z0-9-]*", help_text))
        # Command lines (onewindow-tool "Commands:", the admin usage): their first words.
        for line in help_text.splitlines():
            m = re.match(r"^  ([a-z][a-z0-9-]+(?: [a-z][a-z0-9-]+)?)(?:\s|$)", line)
            if m:
                wanted.add(m.group(1))
    for word in sorted(wanted):
        if not re.search(r"(?<![\w-])" + re.escape(word) + r"(?![\w-])", text):
            missing.append(word)
    print("%s: %d options and commands checked" % (os.path.basename(page), len(wanted)))
    if missing:
        sys.exit("%s lacks: %s" % (page, ", ".join(missing)))


if __name__ == "__main__":
    main()
