"""A server or client that never gets to its socket: it computes without end instead.

Graded as a server it never listens, as a client it never connects, and it is never idle: the grader
must end its wait after the program has run its own code for a few seconds, not at the start timeout
meant for a build.
"""

count = 0
while True:
    count += 1
