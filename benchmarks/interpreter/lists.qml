# Build a list of a million squares one append at a time, then add them up.
fn squares() {
    var xs = []
    for i in 0..<1000000 { xs.append(i * i) }
    sum(xs)
}
print(squares())
