# A server that grabs memory before it ever listens, as a runaway buffer would. In the grader's sandbox the
# kernel stops it at the memory limit; the report must say that this, not a crash of its own, ended it.
hog = []
print("allocating", flush=True)
while True:
    hog.append(bytearray(16 * 1024 * 1024))
