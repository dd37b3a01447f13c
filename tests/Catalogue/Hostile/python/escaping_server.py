"""An echo server that leaves its process tree: it forks twice (and with --setsid starts a session of its own,
with --clear-env starts itself again with an environment of its own, as `env -i` does), so the process that
serves is nobody's child, while the process the grader started sleeps. The grader must kill both when it is
done. The last argument is a token the tests look for among the processes left."""
import os
import socket
import sys
import time


def serve(port):
    with socket.create_server(("127.0.0.1", port)) as server:
        while True:
            connection, _ = server.accept()
            if os.fork() == 0:
                with connection:
                    while data := connection.recv(65536):
                        connection.sendall(data)
                os._exit(0)
            connection.close()


port = int(os.environ["SOCKET_PORT"])
if "--serving" in sys.argv:
    serve(port)
if os.fork() == 0:
    if "--setsid" in sys.argv:
        os.setsid()
    if os.fork() == 0:
        if "--clear-env" in sys.argv:
            os.execve(sys.executable, [sys.executable, __file__, "--serving", sys.argv[-1]], {"SOCKET_PORT": str(port)})
        serve(port)
    os._exit(0)
time.sleep(600)
