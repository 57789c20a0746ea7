#!/usr/bin/env python3
"""Mutation fuzzing of `aio-audit check` and `aio-audit diff --patch`.

Feeds mutated fixtures (deleted lines, truncations, random punctuation, huge lines, swapped lines,
stray brackets) and mutated patches (deleted lines, truncations, broken hunk headers, repeated
messages) to the built tool. Every input must end in findings or a clear error: exit status 0, 1
or 2 within the time limit. Failing inputs are kept in the output directory.

    scripts/mutation-fuzz.py [--tool .build/debug/aio-audit] [--count 300] [--seed 1] [--out DIR]
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def mutate_source(b: bytes, rnd: random.Random) -> bytes:
    lines = b.split(b"\n")
    kind = rnd.randrange(6)
    if kind == 0:
        for _ in range(rnd.randint(1, 10)):
            if len(lines) > 1:
                del lines[rnd.randrange(len(lines))]
    elif kind == 1:
        return b[: rnd.randrange(max(len(b), 1))] or b"x"
    elif kind == 2:
        bb = bytearray(b)
        for _ in range(rnd.randint(1, 20)):
            bb[rnd.randrange(len(bb))] = rnd.choice(b"{}();,*&-+!<>=\"'\\#/")
        return bytes(bb)
    elif kind == 3:
        lines.insert(rnd.randrange(len(lines)), b"x" * rnd.randint(1000, 100000))
    elif kind == 4:
        i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    else:
        bb = bytearray(b)
        for _ in range(rnd.randint(1, 5)):
            bb.insert(rnd.randrange(len(bb)), rnd.choice(b"{}()"))
        return bytes(bb)
    return b"\n".join(lines)


def mutate_patch(b: bytes, rnd: random.Random) -> bytes:
    lines = b.split(b"\n")
    kind = rnd.randrange(4)
    if kind == 0:
        for _ in range(rnd.randint(1, 5)):
            if len(lines) > 1:
                del lines[rnd.randrange(len(lines))]
    elif kind == 1:
        return b[: rnd.randrange(max(len(b), 1))]
    elif kind == 2:
        lines.insert(rnd.randrange(len(lines)), rnd.choice(
            [b"@@ -1,99999 +1,1 @@", b"@@ -0,0 +0,0 @@", b"@@ -x +y @@", b"--- a/", b"+++ b/",
             b"diff --git a/ b/", b"\\ No newline at end of file"]))
    else:
        return b * rnd.randint(2, 3)
    return b"\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build/debug/aio-audit"))
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=60)
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    out = args.out or tempfile.mkdtemp(prefix="aio-audit-fuzz-")
    sources = [open(f, "rb").read() for f in sorted(glob.glob(os.path.join(ROOT, "fixtures/**/*.c"), recursive=True))]
    patches = [open(f, "rb").read() for f in sorted(glob.glob(os.path.join(ROOT, "fixtures/review/*.patch")))]
    review = os.path.join(ROOT, "fixtures/review")
    failures = 0
    for i in range(args.count):
        if i % 3 == 2 and patches:
            case = os.path.join(out, "case.patch")
            with open(case, "wb") as f:
                f.write(mutate_patch(rnd.choice(patches), rnd))
            command = [args.tool, "diff", "--standalone", "--patch", case, "--tree", review]
        else:
            case = os.path.join(out, "case.c")
            with open(case, "wb") as f:
                f.write(mutate_source(rnd.choice(sources), rnd))
            command = [args.tool, "check", "--standalone", case]
        try:
            status = subprocess.run(command, capture_output=True, timeout=args.timeout, cwd=out).returncode
        except subprocess.TimeoutExpired:
            status = "timeout"
        if status not in (0, 1, 2):
            failures += 1
            kept = os.path.join(out, f"failure-{i}{os.path.splitext(case)[1]}")
            os.rename(case, kept)
            print(f"failure: {status}: {' '.join(command[1:])} (kept as {kept})")
    print(f"{args.count - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
