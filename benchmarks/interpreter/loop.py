# A tight loop inside a function: ten million integer additions on local variables.
def loop():
    s = 0
    for i in range(10_000_000):
        s += i
    return s


print(loop())
