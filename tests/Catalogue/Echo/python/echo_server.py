# A correct echo server in Python, as a student of the course could write one: it binds the host and port it
# is given, serves each client in a thread of its own, and survives clients that reset their connections.
import os
import socket
import threading

host = os.environ.get("SOCKET_HOST", "127.0.0.1")
port = int(os.environ.get("SOCKET_PORT", "65432"))


def serve(connection):
    with connection:
        try:
            while data := connection.recv(4096):
                connection.sendall(data)
        except ConnectionError:
            pass  # the client left mid-conversation: only this connection ends


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    print(f"listening on {host}:{port}", flush=True)
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()
