#!/usr/bin/env python3
"""Writes a synthetic awesome list of about SIZE megabytes to standard output, deterministic for a
given size: a title and badges, a table of contents, then sections of bullet entries (link and
description), with a table of datasets every fourth section and details cards (summary, a table)
every sixth, in the proportions of the corpus's large lists.

    make_list.py SIZE_MB > list.md
"""
import random
import sys

WORDS = ("a an the of for and with to in on fast simple small modern library framework tool "
         "server client parser linter model dataset benchmark evaluation training inference "
         "vision language multimodal video audio image text graph database cache queue stream "
         "http json yaml markdown static site generator command line interface terminal editor "
         "plugin extension testing mocking logging metrics tracing monitoring deployment cloud "
         "native container orchestration security scanner encryption authentication storage "
         "search index crawler scraper notebook visualization dashboard chart math geometry").split()


def sentence(rng, n):
    words = [rng.choice(WORDS) for _ in range(n)]
    return " ".join(words).capitalize() + "."


def name(rng):
    return "".join(rng.choice(WORDS).capitalize() for _ in range(rng.randint(1, 2))) + str(rng.randint(1, 99))


def main():
    size = float(sys.argv[1]) * 1024 * 1024
    rng = random.Random(int(size))
    out = []
    written = 0

    def emit(line):
        nonlocal written
        out.append(line)
        written += len(line) + 1

    emit("# Awesome Synthetic [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)")
    emit("")
    emit("> " + sentence(rng, 14))
    emit("")
    emit("## Contents")
    emit("")
    sections = 0
    titles = []
    body_start = len(out)
    while written < size:
        sections += 1
        title = f"Section {sections} {rng.choice(WORDS).capitalize()}"
        titles.append(title)
        emit(f"## {title}")
        emit("")
        for _ in range(rng.randint(8, 30)):
            n = name(rng)
            owner = rng.choice(WORDS)
            emit(f"- [{n}](https://github.com/{owner}/{n.lower()}) - {sentence(rng, rng.randint(6, 18))}")
        emit("")
        if sections % 4 == 0:
            emit("| Name | Paper | Code | Size | Year |")
            emit("|---|---|---|---|---|")
            for _ in range(rng.randint(5, 20)):
                n = name(rng)
                emit(f"| {n} | [Paper](https://arxiv.org/abs/{rng.randint(1000, 2999)}.{rng.randint(10000, 99999)}) | "
                     f"[Code](https://github.com/{rng.choice(WORDS)}/{n.lower()}) | {rng.randint(1, 999)}K | {rng.randint(2015, 2026)} |")
            emit("")
        if sections % 6 == 0:
            for _ in range(rng.randint(1, 4)):
                n = name(rng)
                emit("<details>")
                emit(f"<summary><b>{n}: {sentence(rng, 6)[:-1]}</b>, arXiv {rng.randint(2018, 2026)} -> {name(rng)}</summary>")
                emit("")
                emit("| Field | Value |")
                emit("|---|---|")
                emit(f"| Paper | [link](https://arxiv.org/abs/{rng.randint(1000, 2999)}.{rng.randint(10000, 99999)}) |")
                emit(f"| Data | {sentence(rng, 8)} |")
                emit("")
                emit("</details>")
                emit("")
    toc = [f"- [{t}](#{t.lower().replace(' ', '-')})" for t in titles[:50]]
    out[body_start:body_start] = toc + [""]
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
