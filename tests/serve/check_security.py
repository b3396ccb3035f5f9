#!/usr/bin/env python3
"""Security bar of `pfsim serve` (issue 23): the token is required, paths stay inside the workspace (.., absolute,
symlinks), a 100 MB body is refused, the run queue is bounded, it listens on loopback only, and bad arguments are
one-line errors with exit code 2.

usage: check_security.py PFSIM MINIMAL_YAML"""
import http.client
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse

from serve_process import Server, make_workspace

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def request(server, method, path, body=None, token=True, headers=None):
    connection = http.client.HTTPConnection(server.host, server.port, timeout=30)
    if token:
        path += ("&" if "?" in path else "?") + "token=" + server.token
    data = json.dumps(body) if body is not None else None
    connection.request(method, path, body=data, headers=headers or ({"Content-Type": "application/json"} if data else {}))
    response = connection.getresponse()
    payload = response.read()
    connection.close()
    return response.status, payload, response


def status(server, method, path, body=None, **kwargs):
    return request(server, method, path, body, **kwargs)[0]


def oversized_body_status(server, size):
    """Sends headers announcing `size` bytes and streams zeros until the server answers; the answer's status."""
    sock = socket.create_connection((server.host, server.port), timeout=30)
    sock.sendall((f"POST /api/validate?token={server.token} HTTP/1.1\r\nHost: {server.host}\r\nContent-Type: application/json\r\n"
                  f"Content-Length: {size}\r\n\r\n").encode())
    chunk = b"0" * (1 << 20)
    sent = 0
    sock.settimeout(0.05)
    answer = b""
    while sent < size:
        try:
            answer += sock.recv(4096)
            if answer:
                break
        except socket.timeout:
            pass
        try:
            sock.sendall(chunk)
            sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            break
    sock.settimeout(10)
    try:
        while b"\r\n" not in answer:
            more = sock.recv(4096)
            if not more:
                break
            answer += more
    except (socket.timeout, ConnectionResetError):
        pass
    sock.close()
    first_line = answer.split(b"\r\n")[0]
    print(f"     (server answered after {sent / (1 << 20):.0f} MB of {size / (1 << 20):.0f} MB: {first_line!r})")
    return int(answer.split(b" ")[1]) if answer.startswith(b"HTTP/1.1 ") else None


def non_loopback_addresses():
    out = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    return [a for a in out if not a.startswith("127.") and a != "::1"]


def check_bad_arguments(pfsim, workspace):
    for args, what in [(["/nonexistent/folder"], "a missing workspace"), ([workspace, "--port", "70000"], "--port 70000"),
                       ([workspace, "--port", "eighty"], "--port eighty"), ([workspace, "--host", "999.1.1.1"], "--host 999.1.1.1"),
                       ([workspace, "--host", "not a host name"], "--host 'not a host name'"),
                       ([workspace, "--queue", "0"], "--queue 0")]:
        result = subprocess.run([pfsim, "serve", *args], capture_output=True, text=True, timeout=20)
        lines = result.stderr.strip().splitlines()
        check(result.returncode == 2 and len(lines) == 1 and result.stdout == "",
              f"{what}: exit 2 with one line on stderr (got {result.returncode}: {result.stderr.strip()!r})")


def main():
    pfsim, minimal = sys.argv[1], sys.argv[2]
    top, workspace = make_workspace(minimal)
    # Started from the folder above the workspace, so "outside/secret.csv" is a file the loader could reach from there.
    server = Server(pfsim, workspace, "--queue", "1", cwd=top)
    try:
        # The token.
        for path in ["/", "/app.js", "/api/scenarios", "/api/scenario?path=minimal.yaml", "/api/jobs/1/results.h5",
                     "/api/jobs/1/results.xlsx", "/api/jobs/1/report.html"]:
            check(status(server, "GET", path, token=False) == 401, f"GET {path} without the token: 401")
        check(status(server, "GET", "/api/scenarios?token=" + "0" * 32, token=False) == 401, "a wrong token: 401")
        check(status(server, "POST", "/api/jobs", {"path": "minimal.yaml"}, token=False) == 401, "POST /api/jobs without the token: 401")
        code, _, response = request(server, "GET", "/")
        cookie = (response.getheader("Set-Cookie") or "").split(";")[0]
        check(code == 200 and cookie == "pfsim_token=" + server.token, "the page with ?token= sets the token cookie")
        check(status(server, "GET", "/api/scenarios", token=False, headers={"Cookie": cookie}) == 200, "the cookie alone is let in")

        # Paths stay inside the workspace.
        code, body, _ = request(server, "GET", "/api/scenarios")
        check(code == 200 and json.loads(body)["files"] == ["minimal.yaml"],
              f"the list shows minimal.yaml only, not the links out (got {body[:200]!r})")
        check(status(server, "GET", "/api/scenario?path=minimal.yaml") == 200, "a scenario inside the workspace opens")
        for path in ["../outside/secret.yaml", "..%2Foutside%2Fsecret.yaml", "%2Fetc%2Fpasswd", "escape.yaml",
                     "linked-folder/secret.yaml", "linked-folder/../minimal.yaml", "./../workspace/minimal.yaml"]:
            check(status(server, "GET", "/api/scenario?path=" + path) == 403, f"GET /api/scenario?path={path}: 403")
        for path in ["../outside/secret.yaml", "/etc/passwd", "escape.yaml"]:
            check(status(server, "POST", "/api/validate", {"path": path}) == 403, f"POST /api/validate {path}: 403")
            check(status(server, "POST", "/api/jobs", {"path": path}) == 403, f"POST /api/jobs {path}: 403")

        # An override may name a file the loader then reads (a census CSV): outside the workspace it is refused, and the
        # loader's message, which would quote the file's first line, is not shown.
        for override in ["census=/etc/passwd", "census=outside/secret.csv", f"census={top}/outside/secret.csv",
                         f"census={workspace}/linked-folder/secret.csv"]:
            for method, path in [("POST", "/api/validate"), ("POST", "/api/jobs"), ("POST", "/api/edited.yaml")]:
                code, body, _ = request(server, method, path, {"path": "minimal.yaml", "overrides": [override]})
                check(code == 403 and b"root:" not in body and b"SECRET" not in body,
                      f"{path} with --set {override}: 403, nothing of the file shown (got {code} {body[:100]!r})")

        # Request size.
        check(oversized_body_status(server, 100 << 20) == 413, "a 100 MB body: 413")
        check(status(server, "POST", "/api/validate", {"path": "minimal.yaml", "overrides": ["x" * 100] * 100}) == 200,
              "a body under the limit is read")

        # One run queue with a bound (--queue 1): a second job while one runs is refused; cancel stops the first.
        long_run = {"path": "minimal.yaml", "overrides": ["run.days=3000", "run.replications=50"]}
        code, body, _ = request(server, "POST", "/api/jobs", long_run)
        check(code == 202, f"a run is queued: 202 (got {code} {body[:200]!r})")
        job = json.loads(body)["id"] if code == 202 else "0"
        check(status(server, "POST", "/api/jobs", long_run) == 429, "a second run with --queue 1: 429")
        check(status(server, "POST", f"/api/jobs/{job}/cancel") == 200, "cancel: 200")
        state = None
        for _ in range(100):
            state = json.loads(request(server, "GET", f"/api/jobs/{job}")[1])["state"]
            if state in ("cancelled", "done", "failed"):
                break
            time.sleep(0.1)
        check(state == "cancelled", f"the run stops as cancelled (got {state})")
        for download in ["results.h5", "results.xlsx", "report.html"]:
            code, body, _ = request(server, "GET", f"/api/jobs/{job}/{download}")
            check(code == 404 and "error" in json.loads(body), f"{download} of a cancelled job: 404 with a JSON error (got {code})")
        code, body, _ = request(server, "GET", "/api/jobs/999/results.xlsx")
        check(code == 404 and json.loads(body) == {"error": "no such job"}, f"results.xlsx of no job: 404 no such job (got {code} {body!r})")
        # A comparison stops too (the run library's compare reports each replication; cancel stops at the next).
        code, body, _ = request(server, "POST", "/api/jobs", {**long_run, "kind": "compare"})
        check(code == 202 and json.loads(body)["kind"] == "compare", f"after the cancel the queue takes a comparison (got {code})")
        job = json.loads(body)["id"] if code == 202 else "0"
        time.sleep(0.3)
        request(server, "POST", f"/api/jobs/{job}/cancel")
        for _ in range(300):
            state = json.loads(request(server, "GET", f"/api/jobs/{job}")[1])["state"]
            if state in ("cancelled", "done", "failed"):
                break
            time.sleep(0.1)
        check(state == "cancelled", f"the comparison stops as cancelled (got {state})")
        code, body, _ = request(server, "POST", "/api/jobs", {"path": "minimal.yaml", "overrides": ["sites.General.beds.general=-5"]})
        check(code == 422 and "sites.General.beds.general: must not be negative" in json.loads(body)["error"],
              f"a bad value is refused before it queues, with the loader's message (got {code} {body[:120]!r})")

        # Bad comparison options: one clear JSON error each, before anything queues.
        bad_options = [
            ({"kind": "compare", "options": []}, '"options" must be a list of 1 to 6'),
            ({"kind": "compare", "options": [{"label": "x", "overrides": ["a=1"]}] * 7}, '"options" must be a list of 1 to 6'),
            ({"kind": "compare", "options": [{"overrides": []}]}, '"options" must be a list'),
            ({"kind": "compare", "options": [{"label": "../x"}]}, 'option label "../x": use 1 to 32 letters'),
            ({"kind": "compare", "options": [{"label": "base"}]}, 'and not "base"'),
            ({"kind": "compare", "options": [{"label": "a"}, {"label": "a"}]}, 'option label "a" is given twice'),
            ({"kind": "run", "options": [{"label": "a"}]}, '"options" go with "kind": "compare"'),
            ({"kind": "simulate"}, '"kind" must be "run" or "compare"'),
        ]
        for extra, message in bad_options:
            code, body, _ = request(server, "POST", "/api/jobs", {"path": "minimal.yaml", **extra})
            error = json.loads(body).get("error", "") if body.startswith(b"{") else ""
            check(code == 400 and message in error, f"POST /api/jobs {json.dumps(extra)[:60]}: 400 {message!r} (got {code} {body[:120]!r})")
        code, body, _ = request(server, "POST", "/api/jobs", {"path": "minimal.yaml", "kind": "compare",
                                                              "options": [{"label": "fewer", "overrides": ["sites.General.beds.general=-5"]}]})
        check(code == 422 and json.loads(body)["error"].startswith("option fewer: ") and "must not be negative" in body.decode(),
              f"an option's bad value: 422 with the option's name and the loader's message (got {code} {body[:120]!r})")

        # Loopback only.
        listening = subprocess.run(["ss", "-ltnH", f"sport = :{server.port}"], capture_output=True, text=True).stdout.split("\n")
        addresses = [line.split()[3] for line in listening if line.strip()]
        check(addresses == [f"127.0.0.1:{server.port}"], f"ss -ltn: listening on 127.0.0.1 only (got {addresses})")
        for address in non_loopback_addresses():
            try:
                socket.create_connection((address, server.port), timeout=3).close()
                reached = True
            except OSError:
                reached = False
            check(not reached, f"not reachable through this machine's address {address}")
    finally:
        server.stop()
    check_bad_arguments(pfsim, workspace)
    shutil.rmtree(top)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
