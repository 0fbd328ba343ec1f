import IsingCore

/// Preprocessing: thresholds, crops, class selection, label encodings, shuffles and splits.
extension Dataset {
    /// Values at or above `threshold` become +1, the others -1. Without a threshold the
    /// midpoint of the smallest and largest value is used (8 for 0..16 grey levels).
    public func binarized(threshold: Double? = nil) throws -> Dataset {
        let t: Double
        if let threshold { t = threshold } else {
            guard let lo = values.min(), let hi = values.max() else { return self }
            t = (lo + hi) / 2
        }
        guard t.isFinite else { throw IsingError("the threshold must be a finite number") }
        var d = try replacingValues(values.map { $0 >= t ? 1 : -1 })
        d.name = name + " |> binarize"
        return d
    }

    /// The pictures with `left`/`right` columns and `top`/`bottom` rows removed.
    public func cropped(left: Int, right: Int, top: Int, bottom: Int) throws -> Dataset {
        guard let shape else { throw IsingError("only pictures can be cropped; this data set has no picture shape") }
        guard left >= 0, right >= 0, top >= 0, bottom >= 0 else { throw IsingError("crop sizes must not be negative") }
        let w = shape.width - left - right, h = shape.height - top - bottom
        guard w > 0, h > 0 else {
            throw IsingError("cropping \(left)+\(right) columns and \(top)+\(bottom) rows leaves nothing of a \(shape.height) x \(shape.width) picture")
        }
        let extra = dimension - shape.pixels
        let newDim = w * h + extra
        var out = [Double](repeating: 0, count: count * newDim)
        var newMask: [Bool]? = mask == nil ? nil : [Bool](repeating: false, count: count * newDim)
        for r in 0..<count {
            var k = r * newDim
            func copy(_ src: Int) {
                out[k] = values[src]
                if let mask { newMask?[k] = mask[src] }
                k += 1
            }
            for y in top..<(top + h) { for x in left..<(left + w) { copy(r * dimension + y * shape.width + x) } }
            for e in 0..<extra { copy(r * dimension + shape.pixels + e) }
        }
        var d = try Dataset(values: out, dimension: newDim, labels: labels, shape: PictureShape(height: h, width: w), name: name + " |> crop")
        d.mask = newMask
        d.classColumns = classColumns
        return d
    }

    /// The rows whose label is one of `keep`, in their original order.
    public func selecting(labels keep: [Int]) throws -> Dataset {
        guard let labels else { throw IsingError("this data set has no labels to select by") }
        let wanted = Set(keep)
        var d = try rows(labels.indices.filter { wanted.contains(labels[$0]) })
        d.name = name + " |> select"
        return d
    }

    /// The classes present, ascending (or `classes` when given).
    func classList(_ classes: [Int]?) throws -> [Int] {
        guard let labels else { throw IsingError("this data set has no labels") }
        let list = classes ?? Array(Set(labels)).sorted()
        guard !list.isEmpty else { throw IsingError("there are no classes to encode") }
        guard Set(list).count == list.count else { throw IsingError("the classes must be distinct") }
        return list
    }

    /// The labels in one-hot form: one column per class, `on` for the row's class and `off` elsewhere.
    public func oneHot(classes: [Int]? = nil, off: Double = -1, on: Double = 1) throws -> Dataset {
        let list = try classList(classes)
        guard let labels else { throw IsingError("this data set has no labels") }
        var out: [Double] = []
        out.reserveCapacity(count * list.count)
        for l in labels {
            guard list.contains(l) else { throw IsingError("label \(l) is not one of the classes \(list)") }
            for c in list { out.append(c == l ? on : off) }
        }
        var d = try Dataset(values: out, dimension: list.count, labels: labels, name: name + " |> one_hot")
        d.classColumns = list
        return d
    }

    /// Each row followed by the one-hot encoding of its label (the 42 + 4 variables of
    /// seed 004's classifier); `classColumns` remembers the classes.
    public func appendingLabels(classes: [Int]? = nil, off: Double = -1, on: Double = 1) throws -> Dataset {
        guard classColumns.isEmpty else { throw IsingError("the labels are already appended") }
        let codes = try oneHot(classes: classes, off: off, on: on)
        let k = codes.dimension, newDim = dimension + k
        var out: [Double] = []
        out.reserveCapacity(count * newDim)
        var newMask: [Bool]? = mask == nil ? nil : []
        for r in 0..<count {
            out.append(contentsOf: row(r))
            out.append(contentsOf: codes.row(r))
            if let m = rowMask(r) { newMask?.append(contentsOf: m); newMask?.append(contentsOf: [Bool](repeating: false, count: k)) }
        }
        var d = try Dataset(values: out, dimension: newDim, labels: labels, shape: shape, name: name + " |> append_labels")
        d.mask = newMask
        d.classColumns = codes.classColumns
        return d
    }

    /// The rows in a random order fixed by `seed`.
    public func shuffled(seed: UInt64) throws -> Dataset {
        var rng = Xoshiro256(seed: seed)
        var d = try rows(randomPermutation(count, &rng))
        d.name = name + " |> shuffle"
        return d
    }

    /// (first, rest): the first `fraction` of the rows (rounded to the nearest row) and
    /// the others; with a seed the rows are shuffled first.
    public func split(fraction: Double, seed: UInt64?) throws -> (Dataset, Dataset) {
        guard fraction.isFinite, fraction >= 0, fraction <= 1 else { throw IsingError("the fraction must be between 0 and 1, got \(fraction)") }
        let source = try seed.map { try shuffled(seed: $0) } ?? self
        let k = Int((fraction * Double(count)).rounded())
        return (try source.rows(Array(0..<k)), try source.rows(Array(k..<count)))
    }

    /// Consecutive batches of `size` rows (the last may be smaller); with a seed the
    /// rows are shuffled first.
    public func batches(size: Int, seed: UInt64?) throws -> [Dataset] {
        guard size >= 1 else { throw IsingError("the batch size must be at least 1, got \(size)") }
        let source = try seed.map { try shuffled(seed: $0) } ?? self
        return try stride(from: 0, to: count, by: size).map { try source.rows(Array($0..<min($0 + size, count))) }
    }
}

/// A uniformly random permutation of 0..<n (Fisher–Yates).
public func randomPermutation(_ n: Int, _ rng: inout Xoshiro256) -> [Int] {
    var p = Array(0..<max(n, 0))
    if n < 2 { return p }
    for i in stride(from: n - 1, to: 0, by: -1) {
        let j = rng.nextInt(below: i + 1)
        p.swapAt(i, j)
    }
    return p
}
