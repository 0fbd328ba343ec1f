# Build a list of a million squares one append at a time, then add them up.
def squares():
    xs = []
    for i in range(1_000_000):
        xs.append(i * i)
    return sum(xs)


print(squares())
