#!/usr/bin/env python3
"""Drives `listlint lsp` through a whole session and checks every answer: initialize, didOpen,
didChange (incremental and full), publishDiagnostics (rule ids, doc links, severities, UTF-16
ranges on a line with an emoji and CJK), codeAction (a fix, disable for a line and a table, fix
all), hover, documentSymbol, definition, completion, configuration reloads, JSON-RPC errors,
shutdown and exit.

    protocol.py LISTLINT_EXE
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lspclient import Client, utf16  # noqa: E402

LIST = """# Awesome Things

A list of things.

## Contents

- [Tools](#tools)
- [Libraries](#libraries)

## Tools

- [Alpha](https://example.com/alpha) - 😀 中文 works with Github.
- [ Beta ](https://example.com/beta) - A tool.
- [Gamma](#nowhere) - Links to nowhere.

## Libraries

| Name | Kind |
|------|------|
| [Delta](https://example.com/d) | TODO |

<details>
<summary>Epsilon, Venue 2020</summary>

- [Zeta](https://example.com/z) - Inside a card.

</details>
"""

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def pos_of(text, needle, nth=0):
    """The LSP position (0-based line, UTF-16 character) of the nth occurrence of `needle`."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    before = text[:at]
    line = before.count("\n")
    col = utf16(before[before.rfind("\n") + 1:])
    return {"line": line, "character": col}


def offset(text, pos):
    lines = text.split("\n")
    off = sum(len(l) + 1 for l in lines[:pos["line"]])
    line = lines[pos["line"]] if pos["line"] < len(lines) else ""
    units = 0
    i = 0
    while i < len(line) and units < pos["character"]:
        units += utf16(line[i])
        i += 1
    return off + i


def apply_edits(text, edits):
    # Back to front, so earlier offsets stay valid.
    spans = sorted(((offset(text, e["range"]["start"]), offset(text, e["range"]["end"]), e["newText"]) for e in edits),
                   reverse=True)
    for b, e, new in spans:
        text = text[:b] + new + text[e:]
    return text


def main():
    exe = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory() as tmp:
        os.mkdir(os.path.join(tmp, ".git"))  # the configuration lookup stops here
        cfg = os.path.join(tmp, ".listlint.json")
        with open(cfg, "w") as f:
            json.dump({"rules": {"typo": "off"}, "ignore": ["vendor/**"]}, f)
        path = os.path.join(tmp, "README.md")
        with open(path, "w") as f:
            f.write(LIST)
        uri = "file://" + path
        c = Client(exe, tmp)

        # Before initialize: an error, not a crash.
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        check(r.get("error", {}).get("code") == -32002, "a request before initialize is ServerNotInitialized: %s" % r)

        r = c.request("initialize", {"processId": os.getpid(), "rootUri": "file://" + tmp, "capabilities": {
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}})
        caps = r["result"]["capabilities"]
        check(caps.get("positionEncoding") == "utf-16", "positions in UTF-16")
        check(caps["textDocumentSync"]["change"] == 2 and caps["textDocumentSync"]["openClose"], "incremental sync")
        for cap in ("hoverProvider", "documentSymbolProvider", "definitionProvider", "codeActionProvider",
                    "completionProvider"):
            check(cap in caps, "capability " + cap)
        check(r["result"]["serverInfo"]["name"] == "listlint", "serverInfo")
        c.notify("initialized", {})
        r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        check(r.get("error", {}).get("code") == -32600, "a second initialize is an invalid request: %s" % r)
        reg = c.wait_notification("client/registerCapability")
        check(reg["registrations"][0]["method"] == "workspace/didChangeWatchedFiles" and
              reg["registrations"][0]["registerOptions"]["watchers"][0]["globPattern"] == "**/.listlint.json",
              "the server asks to watch configuration files: %s" % reg)
        c.send({"jsonrpc": "2.0", "id": "listlint-watch", "result": None})  # the client's answer, ignored

        # didOpen: the diagnostics.
        text = LIST
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
        check(d["version"] == 1, "diagnostics of version 1")
        by_code = {}
        for x in d["diagnostics"]:
            by_code.setdefault(x["code"], []).append(x)
        check(set(by_code) == {"proper-name", "link-text-space", "broken-anchor", "placeholder-cell"},
              "the rules found: %s" % sorted(by_code))
        pn = by_code["proper-name"][0]
        # After an emoji (2 UTF-16 units, 1 code point) and two CJK characters (1 unit each).
        start = pos_of(text, "Github")
        check(pn["range"]["start"] == start, "proper-name starts at %s, not %s" % (start, pn["range"]["start"]))
        check(pn["range"]["end"] == {"line": start["line"], "character": start["character"] + 6}, "proper-name range end")
        check(pn["severity"] == 2, "a warning is severity 2")
        check(pn["codeDescription"]["href"].endswith("/proper-name.md"), "codeDescription links the rule page")
        check(pn["source"] == "listlint", "source")
        ba = by_code["broken-anchor"][0]
        check(ba["severity"] == 1, "an error is severity 1")
        check(ba["range"]["start"] == pos_of(text, "[Gamma]"), "broken-anchor range")

        # The same findings as `listlint check` on the saved file (the same pipeline), each range the
        # CLI's code-point columns converted to UTF-16.
        cli = json.loads(subprocess.run([exe, "check", "--format", "json", path], cwd=tmp, capture_output=True,
                                        text=True).stdout)["files"][0]["diagnostics"]
        lines = text.split("\n")

        def u16(line, column):  # a 1-based code-point column -> UTF-16 character
            return utf16(lines[line - 1][:column - 1])
        want = sorted((x["rule"], x["message"], x["line"] - 1, u16(x["line"], x["column"]), x["end_line"] - 1,
                       u16(x["end_line"], x["end_column"])) for x in cli)
        got = sorted((x["code"], x["message"], x["range"]["start"]["line"], x["range"]["start"]["character"],
                      x["range"]["end"]["line"], x["range"]["end"]["character"]) for x in d["diagnostics"])
        check(want == got and len(want) == 5, "the server's findings are the CLI's:\n%s\n%s" % (want, got))

        # A file the configuration ignores has no findings, as in check.
        vendor = "file://" + os.path.join(tmp, "vendor", "README.md")
        c.notify("textDocument/didOpen", {"textDocument": {"uri": vendor, "languageId": "markdown", "version": 1, "text": text}})
        v = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == vendor)
        check(v["diagnostics"] == [], "an ignored file has no findings: %s" % v)
        c.notify("textDocument/didClose", {"textDocument": {"uri": vendor}})
        c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == vendor)

        # didChange, incremental: #nowhere -> #tools (the broken anchor goes).
        s = pos_of(text, "nowhere")
        e = {"line": s["line"], "character": s["character"] + len("nowhere")}
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"range": {"start": s, "end": e}, "text": "tools"}]})
        text = text.replace("#nowhere", "#tools")
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == 2)
        codes = sorted(x["code"] for x in d["diagnostics"])
        check("broken-anchor" not in codes, "incremental change re-linted: %s" % codes)
        check(codes.count("proper-name") == 1, "proper-name still there")

        # Two incremental changes in one message, the second on the text the first left; a burst of
        # changes is linted once (debounce), at its last version.
        s = pos_of(text, "Links to nowhere")
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
            {"range": {"start": s, "end": {"line": s["line"], "character": s["character"] + 5}}, "text": "Goes"},
            {"range": {"start": {"line": s["line"], "character": s["character"] + 4},
                       "end": {"line": s["line"], "character": s["character"] + 4}}, "text": " to tools,"}]})
        text = text.replace("Links to nowhere", "Goes to tools, to nowhere")
        for v in range(4, 9):
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [{"text": text}]})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] >= 3)
        check(d["version"] == 8, "a burst of changes is linted once, at its last version (got version %s)" % d["version"])
        check(not any(m.get("method") == "textDocument/publishDiagnostics" and m["params"]["version"] < 8
                      for m in c.notifications), "no diagnostics for the versions in between")

        # Code actions on the proper-name finding: its fix, disable for this line, fix all.
        pn = [x for x in d["diagnostics"] if x["code"] == "proper-name"][0]
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": pn["range"],
                                                  "context": {"diagnostics": [pn]}})
        actions = r["result"]
        titles = [a["title"] for a in actions]
        fix = [a for a in actions if a["kind"] == "quickfix" and a["title"].startswith("Fix:")]
        check(len(fix) == 1, "one quick fix: %s" % titles)
        fixed = apply_edits(text, fix[0]["edit"]["changes"][uri])
        check("works with GitHub." in fixed and fixed.count("Github") == 0, "the quick fix writes GitHub")
        check(fix[0]["diagnostics"][0]["code"] == "proper-name", "the fix names its diagnostic")
        dis = [a for a in actions if a["title"] == "Disable proper-name for this line"]
        check(len(dis) == 1, "disable for this line offered: %s" % titles)
        disabled = apply_edits(text, dis[0]["edit"]["changes"][uri])
        check("<!-- listlint-disable-next-line proper-name -->\n- [Alpha]" in disabled, "the directive goes above the line")
        fa = [a for a in actions if a["kind"] == "source.fixAll.listlint"]
        check(len(fa) == 1, "fix all offered")
        all_fixed = apply_edits(text, fa[0]["edit"]["changes"][uri])
        check("works with GitHub." in all_fixed and "- [Beta](https://example.com/beta)" in all_fixed, "fix all applies both fixes")
        # Only the kinds asked for.
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": pn["range"],
                                                  "context": {"diagnostics": [], "only": ["source.fixAll"]}})
        check([a["kind"] for a in r["result"]] == ["source.fixAll.listlint"], "context.only filters: %s" % r["result"])

        # The directive applied: the finding is gone on the next lint.
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 9}, "contentChanges": [{"text": disabled}]})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == 9)
        check("proper-name" not in [x["code"] for x in d["diagnostics"]], "the disable directive silences the finding")
        text = disabled

        # In a table a comment line would end the table: disable/enable around it instead.
        ph = [x for x in d["diagnostics"] if x["code"] == "placeholder-cell" and "TODO" in x["message"]][0]
        r = c.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": ph["range"], "context": {"diagnostics": [ph]}})
        dis = [a for a in r["result"] if a["title"] == "Disable placeholder-cell for this table"]
        check(len(dis) == 1, "disable for this table offered: %s" % [a["title"] for a in r["result"]])
        wrapped = apply_edits(text, dis[0]["edit"]["changes"][uri])
        check("<!-- listlint-disable placeholder-cell -->\n| Name | Kind |" in wrapped and
              "| TODO |\n<!-- listlint-enable placeholder-cell -->" in wrapped, "the table is wrapped")
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 10}, "contentChanges": [{"text": wrapped}]})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == 10)
        check("placeholder-cell" not in [x["code"] for x in d["diagnostics"]], "the table's findings are silenced")
        text = wrapped

        # Hover on a finding: the rule, its summary, how to configure it.
        lts = [x for x in d["diagnostics"] if x["code"] == "link-text-space"][0]
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": lts["range"]["start"]})
        value = r["result"]["contents"]["value"]
        check("link-text-space" in value and ".listlint.json" in value and "link-text-space.md" in value,
              "hover explains the rule: %r" % value)
        check(r["result"]["range"] == lts["range"], "hover range is the finding's")
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
        check(r["result"] is None, "no hover away from findings")

        # Document symbols: sections nested, the table in its section, the card.
        r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        syms = r["result"]
        check([s["name"] for s in syms] == ["Awesome Things"], "one top-level section: %s" % [s["name"] for s in syms])
        kids = syms[0]["children"]
        check([k["name"] for k in kids] == ["Contents", "Tools", "Libraries"], "sections: %s" % [k["name"] for k in kids])
        lib = kids[2]["children"]
        check(any(k["name"] == "Table: Name | Kind" and k["kind"] == 23 for k in lib), "the table under Libraries: %s" % lib)
        check(any(k["name"] == "Epsilon" and k["kind"] == 19 for k in lib), "the details card under Libraries: %s" % lib)
        check(kids[1]["selectionRange"]["start"] == pos_of(text, "## Tools"), "a section's selection is its heading")

        # Definition: an in-page link jumps to its heading.
        r = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": pos_of(text, "#libraries)")})
        loc = r["result"]
        check(loc and loc["uri"] == uri and loc["range"]["start"] == pos_of(text, "## Libraries"), "definition: %s" % loc)
        r = c.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": pos_of(text, "example.com/alpha")})
        check(r["result"] is None, "no definition for an external link")

        # Completion of anchors after ](#.
        line = "- [New](#li"
        text = text.replace("## Libraries\n", "## Libraries\n\n" + line + "\n", 1)
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 11}, "contentChanges": [{"text": text}]})
        at = pos_of(text, line)
        at["character"] += utf16(line)
        r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at})
        items = r["result"]["items"]
        labels = [i["label"] for i in items]
        check({"#tools", "#libraries", "#contents", "#awesome-things"} <= set(labels), "anchors completed: %s" % labels)
        libi = [i for i in items if i["label"] == "#libraries"][0]
        check(libi["textEdit"]["range"]["start"]["character"] == at["character"] - 2 and libi["textEdit"]["newText"] == "libraries",
              "the completion replaces what was typed after #: %s" % libi["textEdit"])
        r = c.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}})
        check(r["result"] == [] or r["result"].get("items") == [], "no completion outside ](#")

        # Configuration: reloaded on didChangeWatchedFiles ...
        c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == 11)
        with open(cfg, "w") as f:
            json.dump({"rules": {"typo": "off", "link-text-space": "off"}, "ignore": ["vendor/**"]}, f)
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + cfg, "type": 2}]})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
        check("link-text-space" not in [x["code"] for x in d["diagnostics"]], "the changed configuration applies")
        # ... and when the file changes without a notification (its time stamp).
        with open(cfg, "w") as f:
            json.dump({"rules": {"typo": "off", "link-text-space": "error"}, "ignore": ["vendor/**"]}, f)
        os.utime(cfg, (1, 1))
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 12}, "contentChanges": [{"text": text}]})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri and p["version"] == 12)
        lts = [x for x in d["diagnostics"] if x["code"] == "link-text-space"]
        check(len(lts) == 1 and lts[0]["severity"] == 1, "the configuration file is read again when it changes")
        # An invalid configuration: said once, and as a diagnostic at the top.
        with open(cfg, "w") as f:
            f.write('{"rules": {"no-such-rule": "error"}}')
        c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file://" + cfg, "type": 2}]})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
        check(len(d["diagnostics"]) == 1 and "invalid configuration" in d["diagnostics"][0]["message"], "config error shown: %s" % d)
        m = c.wait_notification("window/showMessage")
        check("no-such-rule" in m["message"], "the error names the problem: %s" % m)

        # JSON-RPC errors, never a crash.
        c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
        m = c.read_message(10)
        check(m and m["error"]["code"] == -32700 and m["id"] is None, "malformed JSON is a parse error: %s" % m)
        r = c.request("textDocument/unknownThing", {})
        check(r["error"]["code"] == -32601, "an unknown method is MethodNotFound")
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri}})
        check(r["error"]["code"] == -32602, "missing params are InvalidParams")
        r = c.request("textDocument/hover", {"textDocument": {"uri": "file:///not/open.md"}, "position": {"line": 0, "character": 0}})
        check(r["error"]["code"] == -32602, "a document that is not open is InvalidParams")
        c.notify("no/suchNotification", {})  # ignored: no answer
        c.send_raw(b"Content-Type: x\r\n\r\n")
        m = c.read_message(10)
        check(m and m["error"]["code"] == -32700, "a frame without Content-Length is a parse error: %s" % m)

        # Close: the diagnostics are cleared.
        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        d = c.wait_notification("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
        check(d["diagnostics"] == [], "closing clears the diagnostics")

        r = c.request("shutdown", None)
        check("result" in r and r["result"] is None, "shutdown answers null")
        r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        check(r.get("error", {}).get("code") == -32600, "requests after shutdown are refused")
        c.notify("exit", None)
        rc = c.proc.wait(timeout=10)
        check(rc == 0, "exit after shutdown exits 0 (got %s)" % rc)
        err = c.proc.stderr.read().decode()
        check(err == "", "nothing on standard error: %r" % err)

        # exit without shutdown: 1.
        c = Client(exe, tmp)
        c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        c.notify("exit", None)
        check(c.proc.wait(timeout=10) == 1, "exit without shutdown exits 1")

    if failures:
        print("%d check(s) failed" % len(failures))
        return 1
    print("lsp protocol: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
