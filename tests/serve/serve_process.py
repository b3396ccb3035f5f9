"""Starts `pfsim serve` on a free loopback port (--port 0) and reads the URL it prints, for the serve tests."""
import os
import re
import shutil
import subprocess
import tempfile
import urllib.parse

URL_LINE = re.compile(r"^pfsim serve: open (http://[^/]+)/\?token=([0-9a-f]{32}) \(workspace (.+); Ctrl-C stops\)$")


def make_workspace(minimal_yaml):
    """A workspace with one scenario, plus a folder outside it and links that point there."""
    top = tempfile.mkdtemp(prefix="pfsim-serve-test-")
    workspace = os.path.join(top, "workspace")
    outside = os.path.join(top, "outside")
    os.makedirs(workspace)
    os.makedirs(outside)
    shutil.copy(minimal_yaml, os.path.join(workspace, "minimal.yaml"))
    shutil.copy(minimal_yaml, os.path.join(outside, "secret.yaml"))
    os.symlink(os.path.join(outside, "secret.yaml"), os.path.join(workspace, "escape.yaml"))
    with open(os.path.join(outside, "secret.csv"), "w") as f:
        f.write("SECRET-LINE,not,for,the,page\n")
    os.symlink(outside, os.path.join(workspace, "linked-folder"))
    return top, workspace


class Server:
    def __init__(self, pfsim, workspace, *args, cwd=None):
        self.process = subprocess.Popen([pfsim, "serve", workspace, "--port", "0", *args], stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, text=True, cwd=cwd)
        line = self.process.stdout.readline().rstrip("\n")
        match = URL_LINE.match(line)
        if not match:
            self.stop()
            raise SystemExit(f"unexpected start-up line {line!r}; stderr: {self.process.stderr.read()}")
        self.base, self.token = match.group(1), match.group(2)
        parsed = urllib.parse.urlparse(self.base)
        self.host, self.port = parsed.hostname, parsed.port
        self.url = f"{self.base}/?token={self.token}"

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
