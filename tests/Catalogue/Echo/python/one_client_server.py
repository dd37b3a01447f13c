# An echo server written the way a first Python example usually is: it serves one client, echoing with a
# recv loop, and then ends. The grader must report that it echoes correctly but serves only one client.
import os
import socket

port = int(os.environ.get("SOCKET_PORT", "65432"))

with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", port))
    listener.listen()
    connection, address = listener.accept()
    with connection:
        while True:
            data = connection.recv(1024)
            if not data:
                break
            connection.sendall(data)
