# An echo client written the way a first Python example usually is: one sendall, one recv, print.
# The grader must report that it works, except when the echo arrives in pieces.
import os
import socket

port = int(os.environ.get("SOCKET_PORT", "65432"))

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
    s.connect(("127.0.0.1", port))
    s.sendall(b"Hello, world")
    data = s.recv(1024)

print(f"Received {data!r}")
