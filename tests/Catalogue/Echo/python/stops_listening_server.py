"""An echo server that closes its listening socket after DELAY seconds and stays alive, silent.

The grader must still end with a full report, whatever the delay: checks that find no one listening fail,
and the rest are skipped or fail, each with its reason.
"""
import os
import socket
import sys
import time

delay = float(sys.argv[1])
listener = socket.create_server((os.environ.get("SOCKET_HOST", "127.0.0.1"), int(os.environ["SOCKET_PORT"])))
listener.settimeout(delay)
started = time.monotonic()
while time.monotonic() - started < delay:
    try:
        client, _ = listener.accept()
    except OSError:
        break
    with client:
        data = client.recv(65536)
        if data:
            client.sendall(data)
listener.close()
time.sleep(600)
