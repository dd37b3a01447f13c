"""The correct Python password server (../compare_digest) with the mistake exercise 02's code check is for.

It compares the password with ==, which stops at the first character that differs: right on the wire, wrong in
time. Only its code shows it, and the grader reads this folder's.
Run: SOCKET_PASSWORD=tajna python3 auth_server.py [--port N]
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "compare_digest"))
import auth_server  # noqa: E402  (the correct server, from the folder beside this one)


def same(given, password):
    return given == password


if __name__ == "__main__":
    auth_server.same = same
    auth_server.run()
