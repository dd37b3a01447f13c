# An echo server as a first Python attempt often is: it turns what it receives into text and back. Text in
# UTF-8 comes back unchanged, but a byte that is not valid UTF-8 comes back as EF BF BD, the replacement
# character. The grader must fail it and say so.
import os
import socket
import threading

host = os.environ.get("SOCKET_HOST", "127.0.0.1")
port = int(os.environ.get("SOCKET_PORT", "65432"))


def serve(connection):
    with connection:
        try:
            while data := connection.recv(4096):
                text = data.decode("utf-8", errors="replace")
                connection.sendall(text.encode("utf-8"))
        except ConnectionError:
            pass


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    while True:
        connection, _ = listener.accept()
        threading.Thread(target=serve, args=(connection,), daemon=True).start()
