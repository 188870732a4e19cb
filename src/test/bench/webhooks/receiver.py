#!/usr/bin/env python3
"""A local webhook receiver for the delivery benchmark: answers 204 at once and prints, every
5 seconds, how many webhooks arrived, the rate, and the spread between a webhook's `storedAt`
(when Raccord stored the change) and its receipt (p50/p99)."""
import json
import sys
import threading
import time
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Lock()
count = 0
lags = []


class Hook(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        global count
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        received = time.time()
        stored = json.loads(body).get("data", {}).get("storedAt")
        with lock:
            count += 1
            if stored:
                lags.append(received - datetime.fromisoformat(stored.replace("Z", "+00:00")).timestamp())
        self.send_response(204)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def report():
    last, start = 0, time.time()
    while True:
        time.sleep(5)
        with lock:
            now, total, window = time.time(), count, sorted(lags)
            lags.clear()
        p = lambda q: window[min(len(window) - 1, int(q * len(window)))] if window else float("nan")
        print(f"{now - start:6.0f}s total={total} rate={(total - last) / 5:.0f}/s "
              f"stored->received p50={p(0.5):.2f}s p99={p(0.99):.2f}s", flush=True)
        last = total


threading.Thread(target=report, daemon=True).start()
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1]) if len(sys.argv) > 1 else 8089), Hook).serve_forever()
