#!/usr/bin/env python3
"""Garbage in, `listlint lsp` stays up: random bytes, broken frames, JSON of the wrong shape for
every method, positions out of range, edits past the end. After each round the server must either
answer a well-formed request (if the stream is still in sync) or, once its input is closed, exit
with 0 or 1, never with a signal; and every frame it wrote must be valid JSON-RPC.

    garbage.py LISTLINT_EXE [ROUNDS]
"""
import json
import os
import random
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client  # noqa: E402

METHODS = ["initialize", "initialized", "shutdown", "textDocument/didOpen", "textDocument/didChange",
           "textDocument/didClose", "textDocument/didSave", "textDocument/codeAction", "textDocument/hover",
           "textDocument/documentSymbol", "textDocument/definition", "textDocument/completion",
           "workspace/didChangeWatchedFiles", "$/cancelRequest", "no/such"]


def junk_value(rng, depth=0):
    kinds = ["null", "bool", "int", "big", "float", "str", "list", "obj"]
    k = rng.choice(kinds if depth < 3 else kinds[:6])
    if k == "null":
        return None
    if k == "bool":
        return rng.random() < 0.5
    if k == "int":
        return rng.randint(-5, 50)
    if k == "big":
        return rng.choice([2**31, -2**31 - 1, 2**63, 10**30])
    if k == "float":
        return rng.uniform(-1e9, 1e9)
    if k == "str":
        return "".join(rng.choice("ab#](\n😀中\r\t\\\"") for _ in range(rng.randint(0, 12)))
    if k == "list":
        return [junk_value(rng, depth + 1) for _ in range(rng.randint(0, 3))]
    return {rng.choice(["textDocument", "uri", "position", "range", "line", "character", "text", "contentChanges",
                        "start", "end", "version", "context", "only"]): junk_value(rng, depth + 1)
            for _ in range(rng.randint(0, 4))}


def plausible_params(rng, uri):
    """Params of almost the right shape, with wrong values here and there."""
    pos = {"line": rng.choice([0, 1, 3, 10**6, -1]), "character": rng.choice([0, 2, 5, 10**6, -3])}
    rng_ = {"start": pos, "end": {"line": rng.choice([0, 2, 10**6]), "character": rng.choice([0, 1, 10**6])}}
    p = {"textDocument": {"uri": uri, "version": rng.randint(0, 9), "text": junk_value(rng) if rng.random() < 0.2 else
                          "# T\n\n- [a](#t) 😀中\n| a |\n|---|\n| b |\n"},
         "position": pos, "range": rng_,
         "contentChanges": [{"range": rng_, "text": "x](#"}, {"text": "# new\n"}] if rng.random() < 0.5 else
         [{"range": rng_, "text": "😀\r\n"}],
         "context": {"diagnostics": [], "only": rng.choice([["quickfix"], ["source"], [], None])}}
    for k in list(p):
        if rng.random() < 0.15:
            p[k] = junk_value(rng)
        elif rng.random() < 0.1:
            del p[k]
    return p


def frames(rng, uri, structured):
    out = []
    for _ in range(rng.randint(5, 40)):
        r = rng.random() * (0.55 if structured else 1.0)
        if r < 0.55:
            msg = {"jsonrpc": "2.0", "method": rng.choice(METHODS), "params": plausible_params(rng, uri)}
            if rng.random() < 0.6:
                msg["id"] = rng.choice([rng.randint(1, 99), "s", None, 1.5, [1]])
            if rng.random() < 0.05:
                msg = junk_value(rng)
            body = json.dumps(msg).encode()
            out.append(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        elif r < 0.7:
            body = bytes(rng.randrange(256) for _ in range(rng.randint(0, 40)))
            out.append(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        elif r < 0.8:
            out.append(rng.choice([b"Content-Length: abc\r\n\r\n", b"Content-Length: -5\r\n\r\n", b"\r\n\r\n",
                                   b"Content-Length: 99999999999999999999\r\n\r\n", b"garbage\r\n\r\n",
                                   b"content-length:  2 \r\n\r\n{}"]))
        else:
            out.append(bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))))
    return out


def check_output(c, seed, wait_for_final):
    ids = set()
    while True:
        m = c.read_message(10 if wait_for_final and '"final"' not in ids else 0.2)
        if m is None:
            return ids
        if "id" in m and "method" not in m:
            ids.add(json.dumps(m["id"]))
        assert m.get("jsonrpc") == "2.0", "seed %d: not JSON-RPC: %s" % (seed, m)
        assert ("method" in m) != ("id" in m and ("result" in m or "error" in m)), "seed %d: odd message %s" % (seed, m)


def main():
    exe = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, ".git"))
        uri = "file://" + os.path.join(tmp, "README.md")
        answered = 0
        for seed in range(rounds):
            rng = random.Random(seed)
            c = Client(exe, tmp, args=("--debounce", "0"))
            if seed % 2 == 0:
                c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
            stream = frames(rng, uri, structured=seed % 3 == 1)
            for f in stream:
                try:
                    c.send_raw(f)
                except BrokenPipeError:
                    break  # an exit message in the stream ended it: fine
            # Structured rounds (no raw garbage) stay in sync: a request must be answered.
            synced = all(f.startswith(b"Content-Length: ") and f[16:17].isdigit() and not f.startswith(b"Content-Length: 9999")
                         for f in stream)
            asked = False
            if synced and c.proc.poll() is None:
                try:
                    c.send({"jsonrpc": "2.0", "id": "final", "method": "textDocument/documentSymbol",
                            "params": {"textDocument": {"uri": uri}}})
                    asked = True
                except BrokenPipeError:
                    pass
            ids = check_output(c, seed, asked)
            if asked and c.proc.poll() is None:
                answered += 1
                assert '"final"' in ids, "seed %d: the request after the garbage got no answer" % seed
            rc = c.close()
            assert rc in (0, 1), "seed %d: the server ended with %s (a signal is negative)" % (seed, rc)
            err = c.proc.stderr.read().decode(errors="replace")
            assert "internal error" not in err and "Sanitizer" not in err and "runtime error" not in err, \
                "seed %d: %s" % (seed, err)
    print("lsp garbage: %d rounds, the server answered (%d rounds in sync checked) or exited cleanly every time"
          % (rounds, answered))
    return 0


if __name__ == "__main__":
    sys.exit(main())
