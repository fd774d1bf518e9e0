#!/usr/bin/env python3
"""Fails when a product source file is over MAX_FILE_LINES lines or a function in it is over
MAX_FUNCTION_LINES lines (from its first line to its closing brace). Functions are found by
universal-ctags, which also reports lambdas; those count as part of their enclosing function
and are not reported on their own.

    check_sizes.py ROOT [--report]    --report lists every offender and exits 0

The SQL of the cache's schema lives in .sql resources, not here, so it does not count.
"""
import os
import subprocess
import sys

MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 60
PRODUCT_DIRS = ("app", "models", "ui")
# Generated or data-like sources that are allowed to be long: none today.
EXEMPT = set()


def product_files(root):
    for top in PRODUCT_DIRS:
        for dirpath, _, names in os.walk(os.path.join(root, top)):
            for name in sorted(names):
                if name.endswith((".cpp", ".h")):
                    path = os.path.relpath(os.path.join(dirpath, name), root)
                    if path not in EXEMPT:
                        yield path


def long_functions(root, files):
    out = subprocess.run(
        ["ctags", "--c++-kinds=f", "--fields=+ne", "--output-format=u-ctags", "-f", "-"]
        + list(files), cwd=root, capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        fields = line.split("\t")
        if fields[0].startswith("__anon"):
            continue
        attrs = dict(f.split(":", 1) for f in fields[3:] if ":" in f)
        if "line" not in attrs or "end" not in attrs:
            continue
        length = int(attrs["end"]) - int(attrs["line"]) + 1
        if length > MAX_FUNCTION_LINES:
            scope = attrs.get("class", attrs.get("struct", attrs.get("namespace", "")))
            name = f"{scope}::{fields[0]}" if scope else fields[0]
            yield f"{fields[1]}:{attrs['line']}: {name} is {length} lines (max {MAX_FUNCTION_LINES})"


def main():
    root = sys.argv[1]
    report = "--report" in sys.argv
    files = list(product_files(root))
    problems = []
    for path in files:
        with open(os.path.join(root, path), encoding="utf-8") as f:
            n = sum(1 for _ in f)
        if n > MAX_FILE_LINES:
            problems.append(f"{path}: {n} lines (max {MAX_FILE_LINES})")
    problems += long_functions(root, files)
    for p in problems:
        print(p)
    print(f"{len(files)} product files, {len(problems)} over the limits")
    return 0 if report or not problems else 1


if __name__ == "__main__":
    sys.exit(main())
