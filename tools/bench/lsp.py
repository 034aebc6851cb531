#!/usr/bin/env python3
"""The language server on a large list: the time from a change (one character typed, incremental
sync) to its diagnostics, with the default rules (a fresh list from make_list.py, no debounce).

    tools/bench/lsp.py LISTLINT_EXE [SIZE_MB] [CHANGES]
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "tests", "lsp"))
from lspclient import Client  # noqa: E402


def main():
    exe = os.path.abspath(sys.argv[1])
    size = sys.argv[2] if len(sys.argv) > 2 else "1"
    changes = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    text = subprocess.run([sys.executable, os.path.join(here, "make_list.py"), size], check=True,
                          capture_output=True, text=True).stdout
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, ".git"))
        path = os.path.join(tmp, "README.md")
        with open(path, "w") as f:
            f.write(text)
        uri = "file://" + path
        c = Client(exe, tmp, args=("--debounce", "0"))
        c.request("initialize", {"processId": None, "rootUri": "file://" + tmp, "capabilities": {}})
        t0 = time.monotonic()
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["version"] == 1, timeout=120)
        first = time.monotonic() - t0
        lines = text.count("\n")
        times = []
        for v in range(2, changes + 2):
            line = (v * 7919) % lines
            t0 = time.monotonic()
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [
                {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}]})
            c.wait_notification("textDocument/publishDiagnostics", lambda p, v=v: p["version"] == v, timeout=120)
            times.append(time.monotonic() - t0)
        c.request("shutdown", None)
        c.notify("exit", None)
        c.close()
    print("%s: %d bytes, %d lines, %d findings; open %.0f ms; per change: median %.0f ms, max %.0f ms (%d changes)" % (
        os.path.basename(exe), len(text.encode()), lines, len(d["diagnostics"]), first * 1000,
        statistics.median(times) * 1000, max(times) * 1000, len(times)))


if __name__ == "__main__":
    main()
