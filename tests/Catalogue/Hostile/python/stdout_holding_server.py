"""An echo server whose grandchild, forked twice away from it, holds its standard output open and sleeps:
the grader's read of the server's output must still end, and the grandchild must not outlive the grading.
The last argument is a token the tests look for among the processes left."""
import os
import socket
import time

if os.fork() == 0:
    if os.fork() == 0:
        time.sleep(600)
    os._exit(0)
with socket.create_server(("127.0.0.1", int(os.environ["SOCKET_PORT"]))) as server:
    while True:
        connection, _ = server.accept()
        with connection:
            while data := connection.recv(65536):
                connection.sendall(data)
