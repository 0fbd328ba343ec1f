import IsingCore

/// A data set: `count` rows of `dimension` numbers each (±1 spins for Boltzmann
/// machines, or real values before `binarize`), with optional integer labels, an
/// optional picture shape, an optional mask of unknown (corrupted) entries, and a note
/// of which trailing columns hold one-hot encoded labels.
///
/// Values are stored row-major in one contiguous array: row r is
/// `values[r * dimension ..< (r + 1) * dimension]`.
public struct Dataset: Sendable, Equatable {
    /// Row-major values, `count * dimension` of them.
    public private(set) var values: [Double]
    /// Number of rows.
    public let count: Int
    /// Number of values per row.
    public let dimension: Int
    /// One label per row, when the data has labels.
    public var labels: [Int]?
    /// The picture shape (rows, columns) of the first `height * width` values of each row.
    public var shape: PictureShape?
    /// True for entries that are unknown (corrupted), row-major like `values`.
    public var mask: [Bool]?
    /// The classes of the one-hot columns at the end of each row (empty when none).
    public var classColumns: [Int] = []
    /// A short description of where the data came from, e.g. "bars_and_stripes(7, 6)".
    public var name: String

    /// A data set from row-major values; throws when the sizes do not agree.
    public init(values: [Double], dimension: Int, labels: [Int]? = nil, shape: PictureShape? = nil, name: String = "data") throws {
        guard dimension >= 0 else { throw IsingError("a data set needs a non-negative number of columns") }
        if dimension == 0 {
            guard values.isEmpty else { throw IsingError("a data set with no columns holds no values") }
            count = labels?.count ?? 0
        } else {
            guard values.count % dimension == 0 else {
                throw IsingError("\(values.count) values do not make whole rows of \(dimension)")
            }
            count = values.count / dimension
        }
        if let labels, labels.count != count {
            throw IsingError("\(labels.count) labels for \(count) rows")
        }
        if let shape, shape.pixels > dimension {
            throw IsingError("a \(shape.height) x \(shape.width) picture needs \(shape.pixels) values per row, rows have \(dimension)")
        }
        self.values = values
        self.dimension = dimension
        self.labels = labels
        self.shape = shape
        self.name = name
    }

    /// A data set from rows of equal length.
    public init(rows: [[Double]], labels: [Int]? = nil, shape: PictureShape? = nil, name: String = "data") throws {
        let d = rows.first?.count ?? (shape?.pixels ?? 0)
        for (k, r) in rows.enumerated() where r.count != d {
            throw IsingError("row \(k) has \(r.count) values but row 0 has \(d)")
        }
        try self.init(values: rows.flatMap { $0 }, dimension: d, labels: labels, shape: shape, name: name)
    }

    /// Row `r` (0 ≤ r < count).
    public func row(_ r: Int) -> ArraySlice<Double> {
        values[(r * dimension)..<((r + 1) * dimension)]
    }

    /// Row `r`'s mask, if the data set has one.
    public func rowMask(_ r: Int) -> ArraySlice<Bool>? {
        mask.map { $0[(r * dimension)..<((r + 1) * dimension)] }
    }

    /// Whether every value is -1 or +1.
    public var isSpins: Bool { values.allSatisfy { $0 == 1 || $0 == -1 } }

    /// The rows at the given indices, in that order, with their labels and masks.
    public func rows(_ indices: [Int]) throws -> Dataset {
        var out: [Double] = []
        out.reserveCapacity(indices.count * dimension)
        var m: [Bool]? = mask == nil ? nil : []
        for i in indices {
            guard i >= 0, i < count else { throw IsingError("row \(i) is out of range for \(count) rows") }
            out.append(contentsOf: row(i))
            if let mask { m?.append(contentsOf: mask[(i * dimension)..<((i + 1) * dimension)]) }
        }
        var d = try Dataset(values: out, dimension: dimension, labels: labels.map { l in indices.map { l[$0] } },
                            shape: shape, name: name)
        d.mask = m
        d.classColumns = classColumns
        return d
    }

    /// This data set with other values of the same size (labels, shape, mask kept).
    public func replacingValues(_ newValues: [Double]) throws -> Dataset {
        guard newValues.count == values.count else {
            throw IsingError("\(newValues.count) values cannot replace \(values.count)")
        }
        var d = self
        d.values = newValues
        return d
    }

    /// Rows stacked one after another (the same number of columns).
    public static func concatenate(_ parts: [Dataset]) throws -> Dataset {
        guard let first = parts.first else { return try Dataset(values: [], dimension: 0) }
        var values: [Double] = []
        var labels: [Int]? = []
        var mask: [Bool]? = []
        for p in parts {
            guard p.dimension == first.dimension else {
                throw IsingError("cannot join rows of \(p.dimension) values to rows of \(first.dimension)")
            }
            values += p.values
            if let l = p.labels { labels? += l } else { labels = nil }
            if let m = p.mask { mask? += m } else { mask = mask.map { $0 + [Bool](repeating: false, count: p.values.count) } }
        }
        if parts.allSatisfy({ $0.mask == nil }) { mask = nil }
        var d = try Dataset(values: values, dimension: first.dimension, labels: labels, shape: first.shape, name: first.name)
        d.mask = mask
        d.classColumns = first.classColumns
        return d
    }
}

/// The shape of a picture: `height` rows of `width` pixels, row-major.
public struct PictureShape: Sendable, Equatable {
    public let height: Int
    public let width: Int
    public init(height: Int, width: Int) { self.height = height; self.width = width }
    /// Number of pixels.
    public var pixels: Int { height * width }
}
