"""An echo client that connects and sends as fast as it can, forever, instead of its message, and never reads:
the grader playing the server must end its grading in seconds all the same."""
import os
import socket

with socket.create_connection((os.environ["SOCKET_HOST"], int(os.environ["SOCKET_PORT"]))) as connection:
    block = b"x" * 65536
    while True:
        connection.sendall(block)
