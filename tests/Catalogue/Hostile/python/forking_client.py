"""An echo client whose parent exits 0 at once while a forked child does the work: it connects, sends the
message, prints the echo, and then stays, its connection open. The client's last process has not ended, so
it has not finished; and nothing it forked may outlive the grading. The last argument is a token the tests
look for among the processes left."""
import os
import socket
import sys
import time

if os.fork() != 0:
    sys.exit(0)
os.setsid()
message = os.environ.get("SOCKET_MESSAGE", "Hello, world").encode()
with socket.create_connection((os.environ["SOCKET_HOST"], int(os.environ["SOCKET_PORT"]))) as connection:
    connection.sendall(message)
    echo = b""
    while len(echo) < len(message) and (data := connection.recv(65536)):
        echo += data
    print(echo.decode(), flush=True)
    time.sleep(600)
