"""Hostile clients against a reference server, bounded in count and time, on loopback only; prints a table row
per case with its outcome and the server's peak memory so far (VmHWM). Run by bench/soak.sh, which starts the
server; this script only connects to it.

    python3 bench/soak.py echo PORT SERVER_PID
    python3 bench/soak.py auth PORT SERVER_PID PASSWORD LOGIN_TIMEOUT_SECONDS
"""
import resource
import socket
import struct
import sys
import threading
import time

kind, port, pid = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
password = sys.argv[4] if kind == "auth" else ""
login_timeout = float(sys.argv[5]) if kind == "auth" else 0.0
ADDRESS = ("127.0.0.1", port)

# As many descriptors as this process may have: the cases open thousands of connections.
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def peak_mib():
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def alive():
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[1][0] not in "ZX"
    except OSError:
        return False


def connect():
    connection = socket.create_connection(ADDRESS, timeout=5)
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection


def receive_exactly(connection, count):
    data = b""
    while len(data) < count:
        more = connection.recv(count - len(data))
        if not more:
            break
        data += more
    return data


def round_trip_ms():
    """A legitimate client's whole exchange (login first on the password server), in milliseconds; None if it failed."""
    started = time.monotonic()
    try:
        with connect() as connection:
            if kind == "auth":
                connection.sendall(f"AUTH {password}\n".encode())
                if receive_exactly(connection, 3) != b"OK\n":
                    return None
            message = "Dobar dan, čćžšđ!".encode()
            connection.sendall(message)
            if receive_exactly(connection, len(message)) != message:
                return None
    except OSError:
        return None
    return (time.monotonic() - started) * 1000


def row(case, outcome):
    served = round_trip_ms()
    legit = f"{served:.0f} ms" if served is not None else "FAILED"
    print(f"| {case:<46} | {outcome:<44} | {legit:>9} | {peak_mib():6.1f} MiB | {'yes' if alive() else 'NO'} |", flush=True)


def idle_connections(count):
    opened = []
    try:
        for _ in range(count):
            opened.append(connect())
        time.sleep(1)
        row(f"{count:,} idle connections at once", f"{len(opened):,} open")
    except OSError as error:
        row(f"{count:,} idle connections at once", f"{len(opened):,} open, then: {error.strerror}")
    finally:
        for connection in opened:
            connection.close()


def senders_that_never_read(count, seconds):
    stop = time.monotonic() + seconds
    sent = [0] * count

    def send(index):
        try:
            with connect() as connection:
                connection.settimeout(0.5)
                block = b"x" * 65536
                while time.monotonic() < stop:
                    try:
                        sent[index] += connection.send(block)
                    except socket.timeout:
                        pass  # the server stopped reading us: as it should, while we do not read
        except OSError:
            pass

    threads = [threading.Thread(target=send, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    time.sleep(seconds / 2)
    row(f"{count} clients sending, never reading ({seconds} s)", f"{sum(sent) / 2**20:,.0f} MiB taken so far")
    for thread in threads:
        thread.join()


def connect_and_reset(cycles):
    failed = 0
    for _ in range(cycles):
        try:
            connection = connect()
            connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            connection.close()
        except OSError:
            failed += 1
    row(f"{cycles:,} connect-and-reset cycles", f"{failed} failed to connect")


def slow_loris(count):
    opened = []
    for _ in range(count):
        try:
            connection = connect()
            connection.sendall(b"AU")  # and never the rest of the line
            opened.append(connection)
        except OSError:
            break
    row(f"{count} slow-loris clients before login", f"{len(opened)} stalled")
    time.sleep(login_timeout + 1)
    dropped = 0
    for connection in opened:
        connection.settimeout(0.2)
        try:
            connection.recv(4096)  # an ERR line, or the close: either way the server let it go
            dropped += 1
        except socket.timeout:
            pass  # still held open
        except OSError:
            dropped += 1  # reset
        connection.close()
    row(f"  … after the login timeout ({login_timeout:g} s) + 1 s", f"{dropped} of {len(opened)} dropped by the server")


def long_first_line(megabytes):
    sent = 0
    answer = b""
    try:
        with connect() as connection:
            block = b"A" * 65536
            try:
                while sent < megabytes * 2**20:
                    sent += connection.send(block)
            except OSError:
                pass
            connection.settimeout(2)
            try:
                answer = connection.recv(4096)
            except OSError:
                pass
    except OSError:
        pass
    said = answer.split(b"\n")[0][:40].decode(errors="replace") or "closed"
    row(f"a {megabytes} MB first line", f"{sent / 2**20:,.2f} MiB taken, then: {said}")


def odd_auth_lines():
    lines = [b"AUTH \xff\xfe\xfd\n", b"AUTH pass\x00word\n", b"AUTH " + password.encode() + b"\r\n", b"\r\n", b"AUTH " + password.encode() + b"\r"]
    answers = []
    for line in lines:
        try:
            with connect() as connection:
                connection.sendall(line)
                connection.settimeout(login_timeout + 1)
                answers.append(connection.recv(64).split(b" ")[0].strip().decode(errors="replace") or "closed")
        except OSError as error:
            answers.append(error.strerror or "error")
    row("invalid UTF-8, NUL, CRLF, lone CR in AUTH", ", ".join(answers))


print(f"| {'case':<46} | {'outcome':<44} | {'a client':>9} | {'peak':>10} | up  |")
print(f"|{'-' * 48}|{'-' * 46}|{'-' * 11}|{'-' * 12}|-----|")
row("before anything", "")
idle_connections(1000)
idle_connections(10000)
connect_and_reset(10000)
senders_that_never_read(100, 4)
if kind == "auth":
    slow_loris(500)
    long_first_line(10)
    odd_auth_lines()
row("after everything", "")
