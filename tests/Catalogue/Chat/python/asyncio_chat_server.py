# A correct chat server written with asyncio, as a student who knows Python might: one task per client, and
# a queue with a writer task per client, so a member who does not read holds up no one.
import asyncio
import os

host = os.environ.get("SOCKET_HOST", "127.0.0.1")
port = int(os.environ.get("SOCKET_PORT", "65432"))

MAX_LINE = 1024
MAX_QUEUED = 1024 * 1024
members = {}  # name -> Member; one event loop, so no lock is needed


def valid(name):
    return 1 <= len(name) <= 16 and all(c.isalnum() or c in "_-" for c in name)


class Member:
    def __init__(self, writer):
        self.writer = writer
        self.queue = asyncio.Queue()
        self.queued = 0
        self.dropped = False

    def send(self, line):
        data = (line + "\n").encode()
        self.queued += len(data)
        if self.queued > MAX_QUEUED:
            self.dropped = True
            self.writer.transport.abort()  # the reader sees the end, and the others get LEAVE
            return
        self.queue.put_nowait(data)

    async def write(self):
        while (data := await self.queue.get()) is not None:
            self.writer.write(data)
            await self.writer.drain()
            self.queued -= len(data)


def broadcast(line, sender):
    for member in list(members.values()):
        if member is not sender:
            member.send(line)


async def serve(reader, writer):
    me = Member(writer)
    writing = asyncio.create_task(me.write())
    name = None
    try:
        while True:
            try:
                raw = await reader.readuntil(b"\n")
            except asyncio.LimitOverrunError:
                me.send("ERR line too long")
                break
            except asyncio.IncompleteReadError:
                break  # the client closed
            raw = raw[:-1]
            if raw.endswith(b"\r"):
                raw = raw[:-1]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                me.send("ERR not valid UTF-8")
                continue
            if name is not None:
                if line:
                    broadcast(f"MSG {name} {line}", me)
            elif not line.startswith("NICK "):
                me.send("ERR join first with NICK <name>")
            elif not valid(line[5:]):
                me.send("ERR invalid name")
            elif line[5:] in members:
                me.send("ERR name in use")
            else:
                name = line[5:]
                members[name] = me
                me.send("OK")
                broadcast(f"JOIN {name}", me)
    except ConnectionError:
        pass  # the client left abruptly
    finally:
        if name is not None:
            del members[name]
            broadcast(f"LEAVE {name}", me)
        me.queue.put_nowait(None)
        try:
            await asyncio.wait_for(writing, 2)
        except (ConnectionError, asyncio.TimeoutError):
            pass
        writer.close()


async def main():
    server = await asyncio.start_server(serve, host, port, limit=MAX_LINE, reuse_address=True)
    print(f"chat server listening on {host}:{port}", flush=True)
    async with server:
        await server.serve_forever()


asyncio.run(main())
