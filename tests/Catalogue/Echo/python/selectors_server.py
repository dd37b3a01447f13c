# A correct echo server in one thread, with selectors: every socket non-blocking, and what a client does
# not take yet kept for it until its socket can be written again. After the client's half-close it still
# sends what it owes, then closes.
import os
import selectors
import socket

host = os.environ.get("SOCKET_HOST", "127.0.0.1")
port = int(os.environ.get("SOCKET_PORT", "65432"))
selector = selectors.DefaultSelector()
pending = {}
finished = set()


def close(connection):
    selector.unregister(connection)
    pending.pop(connection, None)
    finished.discard(connection)
    connection.close()


def serve(connection, mask):
    try:
        if mask & selectors.EVENT_READ:
            data = connection.recv(4096)
            if data:
                pending[connection] += data
            else:
                finished.add(connection)  # the client's half-close: send what is owed, then close
        if pending[connection]:
            try:
                sent = connection.send(pending[connection])
                pending[connection] = pending[connection][sent:]
            except BlockingIOError:
                pass  # its buffer is full: the rest waits until the socket can be written
    except ConnectionError:
        close(connection)
        return
    if connection in finished and not pending[connection]:
        close(connection)
        return
    events = (0 if connection in finished else selectors.EVENT_READ) | (selectors.EVENT_WRITE if pending[connection] else 0)
    selector.modify(connection, events, serve)


def accept(listener, _):
    connection, _ = listener.accept()
    connection.setblocking(False)
    pending[connection] = b""
    selector.register(connection, selectors.EVENT_READ, serve)


with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((host, port))
    listener.listen()
    listener.setblocking(False)
    selector.register(listener, selectors.EVENT_READ, accept)
    print(f"listening on {host}:{port}", flush=True)
    while True:
        for key, mask in selector.select():
            key.data(key.fileobj, mask)
