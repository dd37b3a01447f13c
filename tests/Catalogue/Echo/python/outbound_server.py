# An echo server that first tries to open a connection of its own, to the address in its first argument
# (host:port), and prints how that went. In the grader's sandbox the attempt must fail: a submission reaches
# nothing but the grader. Then it serves as the correct echo server does.
import os
import runpy
import socket
import sys

host, port = sys.argv[1].rsplit(":", 1)
try:
    with socket.create_connection((host, int(port)), timeout=3):
        print(f"outbound connection to {host}:{port}: made", flush=True)
except OSError as e:
    print(f"outbound connection to {host}:{port}: blocked ({e})", flush=True)

runpy.run_path(os.path.join(os.path.dirname(os.path.abspath(__file__)), "echo_server.py"), run_name="__main__")
