"""An echo client that first tries to reach another service on the machine it runs on: at the address it is
given for the grader (in the sandbox, the network's gateway) and at every address after the port in its
arguments (the engine's default bridge, docker0, and the machine's own addresses). If it gets through
anywhere it exits 3 without doing its work; if not, it does its work as a correct echo client would."""
import os
import socket
import sys

host, port = os.environ["SOCKET_HOST"], int(os.environ["SOCKET_PORT"])
service = int(sys.argv[1])
for address in [host, *sys.argv[2:]]:
    try:
        socket.create_connection((address, service), timeout=1).close()
        print(f"reached {address}:{service}", file=sys.stderr)
        sys.exit(3)
    except OSError as e:
        print(f"{address}:{service} out of reach ({e})", file=sys.stderr)
message = os.environ.get("SOCKET_MESSAGE", "Hello, world").encode()
with socket.create_connection((host, port)) as connection:
    connection.sendall(message)
    echo = b""
    while len(echo) < len(message) and (data := connection.recv(65536)):
        echo += data
print(echo.decode())
