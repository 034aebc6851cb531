"""A small LSP client for the tests: starts `listlint lsp`, frames messages, waits for answers."""
import json
import os
import select
import subprocess
import time


class Client:
    def __init__(self, exe, cwd, args=("--debounce", "50"), env=None):
        self.proc = subprocess.Popen([exe, "lsp", *args], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.buf = b""
        self.next_id = 1
        self.notifications = []

    def send_raw(self, data: bytes):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=20):
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        return self.wait_response(rid, timeout)

    def read_message(self, timeout):
        """The next message, or None after `timeout` seconds or at the end of the output."""
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end >= 0:
                headers = self.buf[:end].decode("ascii")
                length = None
                for line in headers.split("\r\n"):
                    name, _, value = line.partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value.strip())
                assert length is not None, "a frame without Content-Length: %r" % headers
                if len(self.buf) >= end + 4 + length:
                    body = self.buf[end + 4:end + 4 + length]
                    self.buf = self.buf[end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            r, _, _ = select.select([fd], [], [], left)
            if not r:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self.buf += chunk

    def wait_response(self, rid, timeout=20):
        deadline = time.monotonic() + timeout
        while True:
            m = self.read_message(max(0.0, deadline - time.monotonic()))
            assert m is not None, "no answer to request %s" % rid
            if m.get("id") == rid and "method" not in m:
                return m
            self.notifications.append(m)

    def wait_notification(self, method, pred=lambda p: True, timeout=20):
        for i, m in enumerate(self.notifications):
            if m.get("method") == method and pred(m["params"]):
                del self.notifications[i]
                return m["params"]
        deadline = time.monotonic() + timeout
        while True:
            m = self.read_message(max(0.0, deadline - time.monotonic()))
            assert m is not None, "no %s notification" % method
            if m.get("method") == method and pred(m["params"]):
                return m["params"]
            self.notifications.append(m)

    def close(self):
        try:
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            return self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise


def utf16(s):
    """Length of `s` in UTF-16 code units."""
    return len(s.encode("utf-16-le")) // 2
