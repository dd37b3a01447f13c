"""An echo server that stops listening shortly after it started (the first argument, in seconds) and then
stays alive and silent: every check after that meets a refused connection. Whatever it does, the grading
must end with a whole report."""
import os
import socket
import sys
import threading
import time


def echo(connection):
    with connection:
        while data := connection.recv(65536):
            connection.sendall(data)


server = socket.create_server(("127.0.0.1", int(os.environ["SOCKET_PORT"])))
server.settimeout(0.01)
stop = time.monotonic() + float(sys.argv[1])
while time.monotonic() < stop:
    try:
        connection, _ = server.accept()
    except TimeoutError:
        continue
    connection.settimeout(None)
    threading.Thread(target=echo, args=(connection,), daemon=True).start()
server.close()
time.sleep(600)
