#!/usr/bin/env python3
"""The measuring half of tools/bench/peers.sh (which installs and builds first): times listlint,
the cmark-gfm floor, markdownlint-cli2 and awesome-lint, and writes docs/performance.md."""
import argparse
import glob
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import time

LISTLINT = "build-release/tools/listlint"
FLOOR = "build-release/tools/listlint-floor"


def timed(cmd, timeout):
    """Wall seconds of one run, or None when it did not finish in time."""
    t = time.perf_counter()
    try:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - t


def peak_kb(cmd, timeout):
    try:
        r = subprocess.run(["/usr/bin/time", "-v", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    for line in r.stderr.splitlines():
        if "Maximum resident set size" in line:
            return int(line.split(":")[1])
    return None


def median_of(cmds, rounds, timeout):
    """Medians per name, the commands alternating round by round; a name that timed out once is
    not run again (None)."""
    times = {name: [] for name in cmds}
    dead = set()
    for _ in range(rounds):
        for name, (runs, n) in cmds.items():
            if name in dead or len(times[name]) >= n:
                continue
            total = 0.0
            for cmd in runs:
                t = timed(cmd, timeout)
                if t is None:
                    dead.add(name)
                    break
                total += t
            if name not in dead:
                times[name].append(total)
    return {name: (None if name in dead or not v else statistics.median(v)) for name, v in times.items()}


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=60).stdout.strip().splitlines()[0]
    except Exception:
        return "?"


def fmt_s(v, timeout):
    return f"> {timeout:.0f} s (stopped)" if v is None else (f"{v * 1000:.0f} ms" if v < 1 else f"{v:.2f} s")


def ratio(a, b):
    if a is None or b is None:
        return "-"
    return f"{b / a:.0f}x" if b / a >= 10 else f"{b / a:.1f}x"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=11)
    ap.add_argument("--peer-rounds", type=int, default=3)
    ap.add_argument("--peer-timeout", type=float, default=300)
    ap.add_argument("--out", default="docs/performance.md")
    ap.add_argument("--corpus", required=True, action="append", help="a folder of lists (repeatable)")
    ap.add_argument("--links", default="", help="the output of tools/bench/links.sh --no-peers")
    ap.add_argument("--data", required=True)
    ap.add_argument("--peers", required=True)
    a = ap.parse_args()
    bin_ = os.path.join(a.peers, "node_modules", ".bin")
    mdl = os.path.join(bin_, "markdownlint-cli2")
    awl = os.path.join(bin_, "awesome-lint")
    files = sorted(f for c in a.corpus for f in glob.glob(os.path.join(c, "*__*.md")))
    corpus_bytes = sum(os.path.getsize(f) for f in files)
    seed = "fixtures/seed/README.md"
    # An empty folder to run markdownlint-cli2 from, so that no configuration of ours applies.
    lines = []
    say = lambda s="": (print(s, flush=True), lines.append(s))

    say("# Performance")
    say()
    say("Written by `tools/bench/peers.sh` from one run; rerun it to check (numbers vary with the machine;")
    say("the ratios are what to compare). Times are wall-clock medians; each tool runs as a process, the way")
    say("a pre-commit hook or a CI job runs it; the commands alternate round by round.")
    say()
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    say(f"Machine: {os.cpu_count()} cores ({cpu}), {mem:.0f} GB, {platform.platform()}.")
    def pkg_version(name):
        return version(["node", "-p", 'require("./' + a.peers + '/node_modules/' + name + '/package.json").version'])
    v_listlint = version([LISTLINT, "--version"])
    v_mdl, v_awl = pkg_version("markdownlint-cli2"), pkg_version("awesome-lint")
    v_node, v_cmark = version(["node", "--version"]), version(["pkg-config", "--modversion", "libcmark-gfm"])
    say(f"Versions: {v_listlint} (Release build); markdownlint-cli2 {v_mdl}; awesome-lint {v_awl}; "
        f"node {v_node}; cmark-gfm {v_cmark}.")
    say()

    # 1. The corpora.
    listlint_corpus = [[LISTLINT, "check", "-q", *files]]
    floor_corpus = [[FLOOR, *files]]
    cores = os.cpu_count() or 1
    cmds = {
        "listlint check -j 1 (one thread; all default offline rules, typo included)": (
            [[LISTLINT, "check", "-q", "-j", "1", *files]], a.rounds),
        "cmark-gfm floor (one process parsing and walking the files, GitHub's extensions)": (floor_corpus, a.rounds),
        f"listlint check ({cores} threads, the default)": (listlint_corpus, a.rounds),
        "markdownlint-cli2 (default rules)": ([[mdl, *files]], a.peer_rounds),
        "awesome-lint (one run per list)": ([[awl, f] for f in files], a.peer_rounds),
    }
    res = median_of(cmds, max(a.rounds, a.peer_rounds), a.peer_timeout)
    names = list(cmds)
    one, floor, ll = res[names[0]], res[names[1]], res[names[2]]
    say(f"## The corpora: {len(files)} lists, {corpus_bytes / 2**20:.1f} MB ({', '.join(a.corpus)})")
    say()
    say("| tool | time | / listlint (default threads) |")
    say("|---|---:|---:|")
    for n in names:
        say(f"| {n} | {fmt_s(res[n], a.peer_timeout)} | {'-' if n == names[2] else ratio(ll, res[n])} |")
    say()
    say(f"listlint -j 1 / floor: **{one / floor:.2f}** (target: at most 2.0; with {cores} threads "
        f"{ll / floor:.2f}). markdownlint-cli2 / listlint: **{ratio(ll, res[names[3]])}**. "
        f"awesome-lint / listlint: **{ratio(ll, res[names[4]])}**.")
    say()
    # Instructions, which do not vary with the machine's load as its wall clock does (on a shared
    # machine the floor alone took from 181 to 353 ms in one series of runs).
    def instructions(cmd):
        if not shutil.which("valgrind"):
            return None
        r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd],
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        m = re.search(r"I\s+refs:\s+([0-9,]+)", r.stderr)
        return int(m.group(1).replace(",", "")) if m else None
    i_one, i_floor = instructions([LISTLINT, "check", "-q", "-j", "1", *files]), instructions([FLOOR, *files])
    if i_one and i_floor:
        say(f"Instructions (callgrind, the same files; they do not vary with the machine's load): listlint -j 1 "
            f"{i_one / 1e9:.3f} billion, the floor {i_floor / 1e9:.3f} billion: **{i_one / i_floor:.2f}**.")
        say()

    # 2. Where the time goes: check --timing, medians per stage.
    def profile(cmd, rounds):
        stages, walls = {}, []
        for _ in range(rounds):
            r = subprocess.run(cmd + ["--timing"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for line in r.stderr.splitlines():
                m = re.match(r"listlint: timing .*?: ([0-9.]+) ms wall", line)
                if m:
                    walls.append(float(m.group(1)))
                    continue
                m = re.match(r"  (.+?)\s+([0-9.]+)\s+[0-9.]+%$", line)
                if m:
                    stages.setdefault(m.group(1), []).append(float(m.group(2)))
        med = {k: statistics.median(v) for k, v in stages.items()}
        return statistics.median(walls), sorted(med.items(), key=lambda kv: -kv[1])

    def say_profile(title, cmd, rounds, floor_s):
        wall, stages = profile(cmd, rounds)
        total = sum(v for _, v in stages)
        say(title)
        say()
        say(f"`{' '.join(os.path.basename(c) if c == LISTLINT else c for c in cmd[:5])} ... --timing`, "
            f"medians of {rounds} runs: {wall:.0f} ms inside the program (start-up and output excluded); "
            f"the floor takes {floor_s * 1000:.0f} ms for the same files.")
        say()
        say("| stage | ms | share | / floor |")
        say("|---|---:|---:|---:|")
        shown = 0.0
        for k, v in stages:
            if v / total < 0.005:
                continue
            shown += v
            say(f"| {k} | {v:.1f} | {100 * v / total:.1f}% | {v / 1000 / floor_s:.2f} |")
        say(f"| (the other stages) | {total - shown:.1f} | {100 * (total - shown) / total:.1f}% | "
            f"{(total - shown) / 1000 / floor_s:.2f} |")
        say()

    say_profile("## Where the time goes (the corpora, one thread)", [LISTLINT, "check", "-q", "-j", "1", *files],
                max(3, a.rounds // 2), floor)

    # 3. Generated lists.
    say("## Generated lists (`tools/bench/make_list.py`: sections of entries, tables, details cards)")
    say()
    say(f"| list | listlint -j 1 | floor | -j 1 / floor | listlint, {cores} threads | threads / -j 1 | "
        "peak memory (-j 1) | memory / file size | markdownlint-cli2 | awesome-lint |")
    say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    gen = {}
    for mb in (1, 5, 25):
        f = os.path.join(a.data, f"list-{mb}.md")
        size = os.path.getsize(f)
        rounds = a.rounds if mb < 25 else max(5, a.rounds // 2)
        # (listlint and the floor alternate first; the peers, minutes long on the large lists, after.)
        r = median_of({"l": ([[LISTLINT, "check", "-q", "-j", "1", f]], rounds), "f": ([[FLOOR, f]], rounds),
                       "t": ([[LISTLINT, "check", "-q", f]], rounds)}, rounds, a.peer_timeout)
        r.update(median_of({"m": ([[mdl, f]], 1), "a": ([[awl, f]], 1)}, 1, a.peer_timeout))
        kb = peak_kb([LISTLINT, "check", "-q", "-j", "1", f], 600)
        gen[mb] = (r["l"], r["t"], kb, size)
        say(f"| {size / 2**20:.1f} MB | {fmt_s(r['l'], 0)} | {fmt_s(r['f'], 0)} | {r['l'] / r['f']:.2f} | "
            f"{fmt_s(r['t'], 0)} | {r['t'] / r['l']:.2f} | "
            f"{kb / 1024:.0f} MB | {kb * 1024 / size:.1f}x | {fmt_s(r['m'], a.peer_timeout)} | {fmt_s(r['a'], a.peer_timeout)} |")
    say()
    big, mid = gen[25], gen[5]
    say(f"Growth (-j 1): 25 MB costs **{big[0] / mid[0]:.2f}x** what 5 MB costs (the file is "
        f"{big[3] / mid[3]:.2f}x larger; target: at most 5.2x). Peak memory at 25 MB: **{big[2] * 1024 / big[3]:.1f}x** "
        f"the file (target: under 10x). On {cores} threads the 25 MB list takes **{big[1] / big[0]:.2f}x** its "
        f"one-thread time (target: at most 0.65x): a second thread parses the pieces ahead of the walk, and "
        f"the rules run side by side.")
    say()
    say_profile("### Where the time goes (the 25 MB list, one thread)",
                [LISTLINT, "check", "-q", "-j", "1", os.path.join(a.data, "list-25.md")], 3,
                median_of({"f": ([[FLOOR, os.path.join(a.data, "list-25.md")]], 3)}, 3, 600)["f"])

    # 4. A pre-commit hook on one README.
    r = median_of({"s": ([[LISTLINT, "check", "-q", seed]], a.rounds * 2)}, a.rounds * 2, 60)
    say(f"## One README in a pre-commit hook")
    say()
    say(f"`listlint check {seed}` (the example list, {os.path.getsize(seed) / 1024:.0f} KB, all default rules, "
        f"start-up and the word table included): **{r['s'] * 1000:.1f} ms** (target: under 10 ms).")
    say()

    # 5. Link audits (tools/bench/links.sh, run by peers.sh before this).
    if a.links and os.path.exists(a.links):
        say("## A link audit against its bound (`tools/bench/links.sh --no-peers`)")
        say()
        in_table = False
        for line in open(a.links).read().strip().splitlines():
            if in_table and not line.startswith("|"):
                say()  # (a line after a table would be a row of it)
            in_table = line.startswith("|")
            say(line)
        say()
        say("Target: at most 1.15x the bound, never more requests in flight to one host than the cap. "
            "`tools/bench/links.sh` without `--no-peers` adds linkinator and markdown-link-check.")
        say()
    with open(a.out, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"written: {a.out}")


if __name__ == "__main__":
    main()
