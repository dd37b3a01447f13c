"""A correct challenge client in Python (exercise 04): reads the challenge, answers with hmac, then echoes.

Run: SOCKET_PASSWORD=tajna python3 challenge_client.py [--port N] [message]
"""
import hmac
import os
import socket
import sys


def read_line(sock):
    line = b""
    while not line.endswith(b"\n"):  # the line may arrive in pieces
        byte = sock.recv(1)
        if not byte:
            raise SystemExit("The server closed the connection during the login.")
        line += byte
    return line.rstrip(b"\r\n").decode("utf-8")


def main():
    args = sys.argv[1:]
    port = int(os.environ.get("SOCKET_PORT", "65432"))
    if "--port" in args:
        i = args.index("--port")
        port = int(args[i + 1])
        del args[i:i + 2]
    host = os.environ.get("SOCKET_HOST", "127.0.0.1")
    message = args[0] if args else os.environ.get("SOCKET_MESSAGE", "Hello, world")
    password = os.environ["SOCKET_PASSWORD"]

    with socket.create_connection((host, port), timeout=10) as sock:
        challenge = read_line(sock)
        if not challenge.startswith("CHALLENGE "):
            raise SystemExit(f"Expected CHALLENGE, got {challenge!r}")
        nonce = challenge[len("CHALLENGE "):]
        mac = hmac.new(password.encode("utf-8"), nonce.encode("utf-8"), "sha256").hexdigest()
        sock.sendall(f"AUTH {mac}\n".encode("ascii"))
        answer = read_line(sock)
        if answer.startswith("ERR "):
            raise SystemExit(f"The server refused the login: {answer[4:]}")
        data = message.encode("utf-8")
        sock.sendall(data)
        echo = b""
        while len(echo) < len(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            echo += chunk
        print("Received:", echo.decode("utf-8"))
        sock.shutdown(socket.SHUT_WR)


if __name__ == "__main__":
    main()
