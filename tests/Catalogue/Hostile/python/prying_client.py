"""An echo client that first tries to reach another service on the machine it runs on, at the address it is
given for the grader (in the sandbox, the network's gateway) and the port in its first argument. If it
gets through it exits 3 without doing its work; if not, it does its work as a correct echo client would."""
import os
import socket
import sys

host, port = os.environ["SOCKET_HOST"], int(os.environ["SOCKET_PORT"])
try:
    socket.create_connection((host, int(sys.argv[1])), timeout=2).close()
    print(f"reached {host}:{sys.argv[1]}", file=sys.stderr)
    sys.exit(3)
except OSError:
    pass
message = os.environ.get("SOCKET_MESSAGE", "Hello, world").encode()
with socket.create_connection((host, port)) as connection:
    connection.sendall(message)
    echo = b""
    while len(echo) < len(message) and (data := connection.recv(65536)):
        echo += data
print(echo.decode())
