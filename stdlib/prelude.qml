# The prelude: standard functions written in qml itself, loaded before every session.

# The numbers lo, lo + step, ... up to hi inclusive, as floats (for parameter sweeps).
fn linspace(lo, hi, n) {
    if n < 2 { return [float(lo)] }
    let step = (hi - lo) / (n - 1)
    map(0..<n, |i| lo + i * step)
}

# The running sums of a list: cumsum([1, 2, 3]) is [1, 3, 6].
fn cumsum(xs) {
    var total = 0
    var out = []
    for x in xs {
        total = total + x
        out.append(total)
    }
    out
}

# f applied to every (key, value) of a record, giving a record with the same keys.
fn map_values(rec, f) {
    var out = from_pairs()
    for (k, v) in rec { out[k] = f(v) }
    out
}

# The elements of xs grouped by key(x): a record from each key to the list of its elements.
fn group_by(xs, key) {
    var out = from_pairs()
    for x in xs {
        let k = key(x)
        if has(out, k) { out[k].append(x) } else { out[k] = [x] }
    }
    out
}

# The product of a list of numbers (1 when empty).
fn product(xs) { reduce(xs, 1, |acc, x| acc * x) }

# The variance (population) of a list of numbers.
fn variance(xs) {
    let m = mean(xs)
    mean(map(xs, |x| (x - m) ^ 2))
}

# The standard deviation (population) of a list of numbers.
fn std(xs) { sqrt(variance(xs)) }

# Lists of `size` consecutive elements (the last may be shorter).
fn chunks(xs, size) {
    assert(size > 0, "chunks: size must be positive")
    var out = []
    var i = 0
    while i < len(xs) {
        out.append(xs[i..<min(i + size, len(xs))])
        i += size
    }
    out
}
