# A correct echo server written with socketserver: a thread per client, as its documentation's example does.
import os
import socketserver

host = os.environ.get("SOCKET_HOST", "127.0.0.1")
port = int(os.environ.get("SOCKET_PORT", "65432"))


class Echo(socketserver.BaseRequestHandler):
    def handle(self):
        try:
            while data := self.request.recv(4096):
                self.request.sendall(data)
        except ConnectionError:
            pass  # the client left mid-conversation: only this connection ends


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server((host, port), Echo) as server:
    print(f"listening on {host}:{port}", flush=True)
    server.serve_forever()
