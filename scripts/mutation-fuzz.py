#!/usr/bin/env python3
"""Mutation fuzzing of `aio-audit check` and `aio-audit diff --patch`.

Feeds mutated fixtures to `check` (deleted lines, braces and brackets, truncations, stray
punctuation and brackets, random bytes, huge lines, deep nesting, functions with very many paths,
swapped and spliced lines) and mutated patches to `diff --patch` (deleted lines, truncations,
broken hunk headers and counts, context that does not match, wrong line prefixes, random bytes,
huge lines, CRLF, repeated messages, and valid patches whose "after" is a mutated file).

Every input must end in findings or a clear error within the time limit: exit status 0, 1 or 2;
status 2 with exactly one line on standard error (`aio-audit: error: ...`; diff: and nothing on
standard output); status 1 of a text `check` with an error printed; JSON and SARIF output that
parses. Failing inputs are kept in the output directory with the command that failed.

Inputs are generated from --seed alone (input I from seed "SEED:I"), so a run is reproducible
and `--only I` re-runs one input.

    scripts/mutation-fuzz.py [--tool .build/debug/aio-audit] [--count 300] [--diff-count 100]
                             [--seed 1] [--jobs 2] [--timeout 60] [--out DIR] [--only I]
"""
import argparse
import concurrent.futures
import difflib
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PUNCTUATION = b"{}();,*&-+!<>=\"'\\#/"


# ---- C sources ---------------------------------------------------------------------------------

def nested(rnd: random.Random) -> bytes:
    """A function nested `depth` levels deep in one of the ways C nests."""
    depth = rnd.choice([rnd.randint(10, 300), rnd.randint(300, 3000), rnd.randint(3000, 60000)])
    kind = rnd.randrange(7)
    if kind == 0:
        body = b"return " + b"(" * depth + b"x" + b")" * depth + b";"
    elif kind == 1:
        body = b"{" * depth + b"x++;" + b"}" * depth + b" return x;"
    elif kind == 2:
        body = b"if (x) " * depth + b"x++; return x;"
    elif kind == 3:
        body = b"while (x) " * depth + b"x--; return x;"
    elif kind == 4:
        body = b"return " + b"x ? " * depth + b"x" + b" : x" * depth + b";"
    elif kind == 5:
        body = b"return " + b"({ " * depth + b"x;" + b" })" * depth + b";"
    else:
        # unbalanced: opened and never closed
        body = b"return " + rnd.choice([b"(", b"{", b"[", b"({"]) * depth + b"x;"
    return b"int fuzz_nested(int x)\n{\n" + body + b"\n}\n"


def many_paths(rnd: random.Random) -> bytes:
    """A function with very many paths (2^n branches), locks and puts on them."""
    n = rnd.randint(20, 400)
    statements = [
        b"\tif (x & %d) spin_lock(&fuzz_lock); else spin_unlock(&fuzz_lock);" % (1 << (i % 30)) for i in range(n)
    ]
    if rnd.random() < 0.5:
        statements.insert(rnd.randrange(n), b"\trcu_read_lock();")
        statements.append(b"\trcu_read_unlock();")
    return b"static DEFINE_SPINLOCK(fuzz_lock);\nint fuzz_paths(int x)\n{\n" + b"\n".join(statements) + b"\n\treturn x;\n}\n"


def random_bytes(rnd: random.Random, n: int) -> bytes:
    return bytes(rnd.randrange(256) for _ in range(n))


def mutate_source(b: bytes, rnd: random.Random, sources: list) -> bytes:
    b = b or b"x"
    lines = b.split(b"\n")
    kind = rnd.randrange(13)
    if kind == 0:  # deleted lines
        for _ in range(rnd.randint(1, 10)):
            if len(lines) > 1:
                del lines[rnd.randrange(len(lines))]
    elif kind == 1:  # truncation
        return b[: rnd.randrange(max(len(b), 1))] or b"x"
    elif kind == 2:  # stray punctuation
        bb = bytearray(b)
        for _ in range(rnd.randint(1, 20)):
            bb[rnd.randrange(len(bb))] = rnd.choice(PUNCTUATION)
        return bytes(bb)
    elif kind == 3:  # a huge line: identifiers, an expression, or a string
        n = rnd.randint(1000, 200000)
        huge = rnd.choice([b"x" * n, b"int fuzz_huge = " + b"1 + " * (n // 4) + b"1;", b'"' + b"a" * n + b'"'])
        lines.insert(rnd.randrange(len(lines)), huge)
    elif kind == 4:  # swapped lines
        for _ in range(rnd.randint(1, 5)):
            i, j = rnd.randrange(len(lines)), rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    elif kind == 5:  # stray brackets
        bb = bytearray(b)
        for _ in range(rnd.randint(1, 5)):
            bb.insert(rnd.randrange(len(bb) + 1), rnd.choice(b"{}()[]"))
        return bytes(bb)
    elif kind == 6:  # deleted braces and brackets
        places = [i for i, c in enumerate(b) if c in b"{}()"]
        drop = set(rnd.sample(places, min(len(places), rnd.randint(1, 5))))
        return bytes(c for i, c in enumerate(b) if i not in drop)
    elif kind == 7:  # random bytes over a span, or inserted (NUL, invalid UTF-8, control bytes)
        bb = bytearray(b)
        at = rnd.randrange(len(bb) + 1)
        junk = random_bytes(rnd, rnd.randint(1, 64))
        if rnd.random() < 0.5:
            bb[at : at + len(junk)] = junk
        else:
            bb[at:at] = junk
        return bytes(bb)
    elif kind == 8:  # nothing but random bytes
        return random_bytes(rnd, rnd.randint(1, 8192))
    elif kind == 9:  # deep nesting
        lines.insert(rnd.randrange(len(lines) + 1), nested(rnd))
    elif kind == 10:  # a function with very many paths
        lines.append(many_paths(rnd))
    elif kind == 11:  # lines spliced from another fixture
        other = rnd.choice(sources).split(b"\n")
        i = rnd.randrange(len(other))
        lines[rnd.randrange(len(lines) + 1) : 0] = other[i : i + rnd.randint(1, 40)]
    else:  # one line repeated many times (a huge function or file)
        i = rnd.randrange(len(lines))
        lines[i : i + 1] = [lines[i]] * rnd.randint(100, 5000)
    return b"\n".join(lines)


# ---- patches -----------------------------------------------------------------------------------

HUNK = re.compile(rb"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


def make_patch(name: str, before: bytes, after: bytes) -> bytes:
    """A unified diff of NAME as git names it (a/NAME, b/NAME), with "\\ No newline" markers."""
    def split(text: bytes) -> list:
        parts = text.decode("latin-1").split("\n")
        return [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])

    out = []
    for line in difflib.unified_diff(split(before), split(after), f"a/{name}", f"b/{name}", n=3):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out).encode("latin-1")


def mutate_patch(b: bytes, rnd: random.Random) -> bytes:
    lines = b.split(b"\n")
    hunks = [i for i, line in enumerate(lines) if HUNK.match(line)]
    body = [i for i, line in enumerate(lines) if line[:1] in (b" ", b"-", b"+") and not line.startswith((b"---", b"+++"))]
    kind = rnd.randrange(11)
    if kind == 0:  # deleted lines
        for _ in range(rnd.randint(1, 5)):
            if len(lines) > 1:
                del lines[rnd.randrange(len(lines))]
    elif kind == 1:  # truncation
        return b[: rnd.randrange(max(len(b), 1))]
    elif kind == 2:  # stray headers
        lines.insert(rnd.randrange(len(lines) + 1), rnd.choice(
            [b"@@ -1,99999 +1,1 @@", b"@@ -0,0 +0,0 @@", b"@@ -x +y @@", b"@@ -1 +1 @@", b"@@ @@",
             b"@@ -99999999999999999999,1 +1,1 @@", b"@@ --1,-1 +-1,-1 @@", b"--- a/", b"+++ b/", b"--- /dev/null",
             b"+++ /dev/null", b"diff --git a/ b/", b"diff --git a/base.c b/base.c", b"\\ No newline at end of file",
             b"GIT binary patch", b"literal 0", b"rename from base.c", b"rename to ../../etc/passwd",
             b"new file mode 100644", b"deleted file mode 100644", b"From 0 Mon Sep 17 00:00:00 2001", b"---", b"-- "]))
    elif kind == 3:  # the whole patch repeated (a series applying twice)
        return b * rnd.randint(2, 3)
    elif kind == 4 and hunks:  # broken hunk counts and starts
        i = rnd.choice(hunks)
        numbers = [rnd.choice([0, 1, 2, rnd.randint(0, 200), 2**31, 2**63, 10**30]) for _ in range(4)]
        lines[i] = b"@@ -%d,%d +%d,%d @@" % tuple(numbers)
    elif kind == 5 and body:  # a context or removed line that does not match
        i = rnd.choice(body)
        line = bytearray(lines[i])
        if len(line) > 1:
            line[rnd.randrange(1, len(line))] = rnd.choice(b"xyz{};")
        else:
            line += b"x"
        lines[i] = bytes(line)
    elif kind == 6 and body:  # wrong or missing line prefixes
        for _ in range(rnd.randint(1, 4)):
            i = rnd.choice(body)
            lines[i] = rnd.choice([b" ", b"+", b"-", b"", b"\t", b"?"]) + lines[i][1:]
    elif kind == 7:  # random bytes
        bb = bytearray(b)
        at = rnd.randrange(len(bb) + 1)
        bb[at:at] = random_bytes(rnd, rnd.randint(1, 64))
        return bytes(bb)
    elif kind == 8:  # a huge added line
        at = rnd.choice(body) if body else len(lines)
        lines.insert(at, b"+" + b"x" * rnd.randint(1000, 200000))
    elif kind == 9:  # CRLF line endings
        return b.replace(b"\n", b"\r\n")
    else:  # an empty or whitespace-only patch
        return rnd.choice([b"", b"\n", b" \n\n", b"\x00"])
    return b"\n".join(lines)


# ---- cases -------------------------------------------------------------------------------------

class Case:
    """One input: the files it writes (relative to its directory) and the command it runs."""

    def __init__(self, index: int, kind: str, files: dict, arguments: list, fmt: str):
        self.index, self.kind, self.files, self.arguments, self.format = index, kind, files, arguments, fmt
        self.seconds = 0.0


def make_case(index: int, kind: str, seed: int, sources: list, patches: list, review_base: bytes) -> Case:
    rnd = random.Random(f"{seed}:{index}")
    fmt = rnd.choice(["text", "text", "json", "sarif"])
    if kind == "check":
        source = mutate_source(rnd.choice(sources), rnd, sources)
        return Case(index, kind, {"case.c": source}, ["check", "--standalone", "case.c", "--format", fmt], fmt)
    # diff: a mutated patch of the review fixtures, or a valid patch from a fixture to a mutated copy
    # of it (the "after" side is broken C).
    how = rnd.randrange(3)
    if how == 0 or not patches:
        base = rnd.choice(sources)
        patch = make_patch("base.c", base, mutate_source(base, rnd, sources))
    elif how == 1:
        base = review_base
        patch = mutate_patch(rnd.choice(patches), rnd)
    else:  # both: a generated patch, then broken
        base = rnd.choice(sources)
        patch = mutate_patch(make_patch("base.c", base, mutate_source(base, rnd, sources)), rnd)
    arguments = ["diff", "--standalone", "--patch", "case.patch", "--format", fmt]
    arguments += ["base.c"] if rnd.random() < 0.3 else ["--tree", "."]
    return Case(index, kind, {"case.patch": patch, "base.c": base}, arguments, fmt)


def judge(case: Case, status, out: bytes, err: bytes) -> str:
    """Why the run failed, or "" when it ended in findings or a clear error."""
    if status == "timeout":
        return "timeout"
    if status not in (0, 1, 2):
        return f"exit status {status}" + (f" (signal {-status})" if isinstance(status, int) and status < 0 else "")
    if status == 2:
        lines = err.decode("utf-8", "replace").rstrip("\n").split("\n")
        if len(lines) != 1 or not lines[0].startswith("aio-audit: error: "):
            return f"status 2 without exactly one error line on standard error: {err[:300]!r}"
        if case.kind == "diff" and out:
            return f"status 2 with output: {out[:300]!r}"
        return ""
    if case.format in ("json", "sarif"):
        try:
            json.loads(out)
        except ValueError as e:
            return f"status {status} with {case.format} output that does not parse: {e}"
    if case.kind == "check" and case.format == "text" and status == 1 and b": error: " not in out:
        return "status 1 without an error printed"
    return ""


def run(case: Case, tool: str, out_dir: str, timeout: int):
    """Runs one case in its own directory; returns (case, status, reason); keeps the directory on failure."""
    directory = os.path.join(out_dir, f"case-{case.index}")
    os.makedirs(directory, exist_ok=True)
    for name, data in case.files.items():
        with open(os.path.join(directory, name), "wb") as f:
            f.write(data)
    began = time.monotonic()
    try:
        r = subprocess.run([tool] + case.arguments, capture_output=True, timeout=timeout, cwd=directory,
                           env=dict(os.environ, NO_COLOR="1"))
        status, out, err = r.returncode, r.stdout, r.stderr
    except subprocess.TimeoutExpired:
        status, out, err = "timeout", b"", b""
    case.seconds = time.monotonic() - began
    reason = judge(case, status, out, err)
    if reason:
        with open(os.path.join(directory, "failure.txt"), "w") as f:
            f.write(f"{reason}\n$ cd {directory} && {tool} {' '.join(case.arguments)}\n"
                    f"status: {status}\n--- stdout\n{out[:4000].decode('utf-8', 'replace')}\n"
                    f"--- stderr\n{err[:4000].decode('utf-8', 'replace')}\n")
    else:
        shutil.rmtree(directory, ignore_errors=True)
    return case, status, reason


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool", default=os.path.join(ROOT, ".build/debug/aio-audit"))
    parser.add_argument("--count", type=int, default=300, help="check inputs")
    parser.add_argument("--diff-count", type=int, default=100, help="diff --patch inputs")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=int, default=60, help="seconds per input")
    parser.add_argument("--out", default=None, help="where failing inputs are kept (default: a new temp dir)")
    parser.add_argument("--only", type=int, action="append", help="run only input I (repeatable)")
    args = parser.parse_args()
    tool = os.path.abspath(args.tool)
    if not os.access(tool, os.X_OK):
        print(f"mutation-fuzz: {args.tool}: no such tool (build it first: swift build)", file=sys.stderr)
        return 2
    out = os.path.abspath(args.out or tempfile.mkdtemp(prefix="aio-audit-fuzz-"))
    os.makedirs(out, exist_ok=True)
    fixtures = sorted(glob.glob(os.path.join(ROOT, "fixtures/**/*.c"), recursive=True))
    sources = [open(f, "rb").read() for f in fixtures]
    sources = [s for s in sources if s] or [b"int f(void) { return 0; }\n"]
    review = os.path.join(ROOT, "fixtures/review")
    patches = [open(f, "rb").read() for f in sorted(glob.glob(os.path.join(review, "*.patch")) +
                                                     glob.glob(os.path.join(review, "*.mbox")))]
    review_base = open(os.path.join(review, "base.c"), "rb").read()
    total = args.count + args.diff_count
    indices = args.only or range(total)
    kinds = {i: ("check" if i < args.count else "diff") for i in indices}
    start = time.monotonic()
    failures = []
    statuses = {}
    done = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(args.jobs, 1)) as pool:
        # Cases are generated lazily (some are megabytes) but each from its own seed.
        futures = [pool.submit(lambda i: run(make_case(i, kinds[i], args.seed, sources, patches, review_base),
                                             tool, out, args.timeout), i) for i in indices]
        for future in futures:
            case, status, reason = future.result()
            statuses[status] = statuses.get(status, 0) + 1
            done.append(case)
            if reason:
                failures.append(case)
                print(f"failure: input {case.index} ({case.kind}): {reason}; kept in {out}/case-{case.index} "
                      f"(again: {sys.argv[0]} --seed {args.seed} --count {args.count} --diff-count {args.diff_count} "
                      f"--only {case.index})", flush=True)
    elapsed = time.monotonic() - start
    done.sort(key=lambda c: -c.seconds)
    print("slowest: " + ", ".join(f"input {c.index} ({c.kind}, {c.seconds:.1f}s)" for c in done[:3]))
    checks = sum(1 for k in kinds.values() if k == "check")
    print(f"mutation-fuzz: seed {args.seed}: {len(kinds)} inputs ({checks} check, {len(kinds) - checks} diff), "
          f"{len(failures)} failed, {elapsed:.0f}s (exit " +
          ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items(), key=str)) + ")" + (f"; failing inputs in {out}" if failures else ""))
    if not failures and not args.out:
        shutil.rmtree(out, ignore_errors=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
