import IsingCore

/// Where the label of each row of a numeric table is.
public enum LabelColumn: Sendable, Equatable {
    case none
    case first
    case last
    /// A 0-based column index.
    case index(Int)
}

/// Reading rows of numbers from comma (or whitespace) separated text: an optional
/// header line (kept only if it does not parse as numbers), one row per line.
public enum NumericText {
    /// The data set in a text file; the label column, if any, becomes integer labels.
    public static func load(_ path: String, labelColumn: LabelColumn = .none, shape: PictureShape? = nil) throws -> Dataset {
        try parse(try FileIO.readText(path), name: path, labelColumn: labelColumn, shape: shape)
    }

    /// The data set in `text` (`name` starts error messages).
    public static func parse(_ text: String, name: String, labelColumn: LabelColumn = .none, shape: PictureShape? = nil) throws -> Dataset {
        var values: [Double] = []
        var labels: [Int] = []
        var width = -1
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let fields = line.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" || $0 == "\r" || $0 == ";" })
            if fields.isEmpty { continue }
            let numbers = fields.map { Double($0) }
            if numbers.contains(where: { $0 == nil }) {
                if width < 0 && values.isEmpty { continue }   // a header line
                throw IsingError("\(name):\(lineNumber): expected numbers, found \"\(line.prefix(40))\"")
            }
            var row = numbers.compactMap { $0 }
            if width < 0 { width = row.count }
            guard row.count == width else {
                throw IsingError("\(name):\(lineNumber): \(row.count) values, but the first row has \(width)")
            }
            let labelIndex: Int?
            switch labelColumn {
            case .none: labelIndex = nil
            case .first: labelIndex = 0
            case .last: labelIndex = row.count - 1
            case .index(let i): labelIndex = i
            }
            if let li = labelIndex {
                guard li >= 0, li < row.count else { throw IsingError("\(name): the label column \(li) is outside the \(row.count) columns") }
                let l = row.remove(at: li)
                guard l.rounded() == l, let label = Int(exactly: l) else {
                    throw IsingError("\(name):\(lineNumber): the label \(l) is not an integer")
                }
                labels.append(label)
            }
            values.append(contentsOf: row)
        }
        guard width > 0 else { throw IsingError("\(name): no rows of numbers found") }
        let dim = width - (labelColumn == .none ? 0 : 1)
        return try Dataset(values: values, dimension: dim, labels: labelColumn == .none ? nil : labels,
                           shape: shape ?? squareShape(dim), name: name)
    }

    /// A square picture shape when `n` is a perfect square of at least 4, else nil.
    static func squareShape(_ n: Int) -> PictureShape? {
        let s = Int(Double(n).squareRoot().rounded())
        return s >= 2 && s * s == n ? PictureShape(height: s, width: s) : nil
    }
}

/// Readers of array files as data sets: NumPy .npy and the IDX format of MNIST.
public enum ArrayFiles {
    /// A data set from a .npy array of shape (n, d) or (n, h, w) (pictures), with
    /// optional labels from a second one-dimensional array.
    public static func loadNpy(_ path: String, labelsPath: String? = nil) throws -> Dataset {
        let a = try Npy.load(path)
        return try dataset(shape: a.shape, values: a.values, labels: try labelsPath.map { try Npy.load($0).values }, name: path)
    }

    /// A data set from an IDX file (MNIST's `*-images-idx3-ubyte`), with optional labels
    /// from an IDX labels file (`*-labels-idx1-ubyte`).
    public static func loadIDX(_ path: String, labelsPath: String? = nil) throws -> Dataset {
        let (shape, values) = try decodeIDX(try FileIO.readBytes(path), name: path)
        var labels: [Double]?
        if let lp = labelsPath {
            let (lshape, lvalues) = try decodeIDX(try FileIO.readBytes(lp), name: lp)
            guard lshape.count == 1 else { throw IsingError("\(lp): a labels file holds a one-dimensional array, this one has \(lshape.count) dimensions") }
            labels = lvalues
        }
        return try dataset(shape: shape, values: values, labels: labels, name: path)
    }

    static func dataset(shape: [Int], values: [Double], labels: [Double]?, name: String) throws -> Dataset {
        guard let n = shape.first else { throw IsingError("\(name): a data set needs at least one dimension") }
        let rest = shape.dropFirst()
        var dim = 1
        for s in rest {
            let (p, o) = dim.multipliedReportingOverflow(by: s)
            guard !o, s >= 0 else { throw IsingError("\(name): the shape \(shape) is too large") }
            dim = p
        }
        let (total, overflow) = n.multipliedReportingOverflow(by: dim)
        guard !overflow, values.count == total else { throw IsingError("\(name): \(values.count) values for shape \(shape)") }
        var intLabels: [Int]?
        if let labels {
            guard labels.count == n else { throw IsingError("\(name): \(labels.count) labels for \(n) rows") }
            intLabels = try labels.map { l in
                guard l.rounded() == l, let i = Int(exactly: l) else { throw IsingError("\(name): the label \(l) is not an integer") }
                return i
            }
        }
        let pictureShape: PictureShape? = rest.count == 2 ? PictureShape(height: shape[1], width: shape[2]) : NumericText.squareShape(dim)
        return try Dataset(values: values, dimension: shape.count == 1 ? 1 : dim, labels: intLabels, shape: pictureShape, name: name)
    }

    /// The shape and values of an IDX file: two zero bytes, a type byte, the number of
    /// dimensions, each dimension as a big-endian 32-bit integer, then the data big-endian.
    public static func decodeIDX(_ bytes: [UInt8], name: String) throws -> ([Int], [Double]) {
        guard bytes.count >= 4, bytes[0] == 0, bytes[1] == 0 else { throw IsingError("\(name): not an IDX file (bad magic number)") }
        let type = bytes[2], dims = Int(bytes[3])
        guard dims >= 1, bytes.count >= 4 + 4 * dims else { throw IsingError("\(name): truncated IDX header") }
        func u32(_ at: Int) -> Int { Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3]) }
        var shape: [Int] = []
        var total = 1
        for d in 0..<dims {
            let s = u32(4 + 4 * d)
            shape.append(s)
            let (t, o) = total.multipliedReportingOverflow(by: s)
            guard !o, t <= 2_000_000_000 else { throw IsingError("\(name): the array is too large") }
            total = t
        }
        let size: Int
        switch type {
        case 0x08, 0x09: size = 1
        case 0x0B: size = 2
        case 0x0C, 0x0D: size = 4
        case 0x0E: size = 8
        default: throw IsingError("\(name): unknown IDX element type 0x\(String(type, radix: 16))")
        }
        let start = 4 + 4 * dims
        guard bytes.count >= start + total * size else {
            throw IsingError("\(name): the file holds \(bytes.count - start) bytes of data, the header promises \(total * size)")
        }
        var values = [Double](repeating: 0, count: total)
        for k in 0..<total {
            let p = start + k * size
            var raw: UInt64 = 0
            for b in 0..<size { raw = raw << 8 | UInt64(bytes[p + b]) }
            switch type {
            case 0x08: values[k] = Double(raw)
            case 0x09: values[k] = Double(Int8(truncatingIfNeeded: raw))
            case 0x0B: values[k] = Double(Int16(truncatingIfNeeded: raw))
            case 0x0C: values[k] = Double(Int32(truncatingIfNeeded: raw))
            case 0x0D: values[k] = Double(Float(bitPattern: UInt32(truncatingIfNeeded: raw)))
            default: values[k] = Double(bitPattern: raw)
            }
        }
        return (shape, values)
    }
}
