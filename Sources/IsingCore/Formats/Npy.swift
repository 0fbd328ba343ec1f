/// A 1-D or 2-D array as stored in a NumPy `.npy` file: a shape and values in C (row-
/// major) order, kept in their element type.
public struct NpyArray: Sendable, Equatable {
    /// The values, in the element type of the file.
    public enum Storage: Sendable, Equatable {
        case int8([Int8])
        case int32([Int32])
        case int64([Int64])
        case float32([Float])
        case float64([Double])
        case bool([Bool])

        /// Number of values.
        public var count: Int {
            switch self {
            case .int8(let xs): return xs.count
            case .int32(let xs): return xs.count
            case .int64(let xs): return xs.count
            case .float32(let xs): return xs.count
            case .float64(let xs): return xs.count
            case .bool(let xs): return xs.count
            }
        }

        /// NumPy's little-endian type string: `|i1`, `<i4`, `<i8`, `<f4`, `<f8`, `|b1`.
        public var descr: String {
            switch self {
            case .int8: return "|i1"
            case .int32: return "<i4"
            case .int64: return "<i8"
            case .float32: return "<f4"
            case .float64: return "<f8"
            case .bool: return "|b1"
            }
        }
    }

    /// One entry per axis: `[n]` for a vector, `[rows, columns]` for a matrix.
    public let shape: [Int]
    /// The values in C order.
    public let storage: Storage

    /// An array of the given shape; the number of values must match it.
    ///
    /// - Throws: for shapes that are not 1-D or 2-D, negative extents, or a count that
    ///   does not match.
    public init(shape: [Int], storage: Storage) throws {
        guard shape.count == 1 || shape.count == 2 else {
            throw IsingError("an .npy array here is 1-D or 2-D, not \(shape.count)-D")
        }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw IsingError("array extents must not be negative: \(shape)") }
        let (expected, overflow) = shape.count == 1 ? (shape[0], false) : shape[0].multipliedReportingOverflow(by: shape[1])
        guard !overflow, expected == storage.count else {
            throw IsingError("shape \(shape) needs \(overflow ? "too many" : String(expected)) values, found \(storage.count)")
        }
        self.shape = shape
        self.storage = storage
    }

    /// A vector of doubles.
    public init(vector: [Double]) {
        shape = [vector.count]
        storage = .float64(vector)
    }

    /// A matrix of doubles from its rows, which must all have the same length.
    public init(rows: [[Double]]) throws {
        let width = rows.first?.count ?? 0
        if let bad = rows.firstIndex(where: { $0.count != width }) {
            throw IsingError("matrix row \(bad) has \(rows[bad].count) values, row 0 has \(width)")
        }
        shape = [rows.count, width]
        storage = .float64(rows.flatMap { $0 })
    }

    /// The states of a sample set as an `int8` matrix, one row per sample.
    public init(states samples: SampleSet) {
        shape = [samples.size, samples.variables.count]
        storage = .int8(samples.states)
    }

    /// Number of values.
    public var count: Int { storage.count }

    /// The values converted to `Double` (exact for every type but `int64` beyond 2^53).
    public var values: [Double] {
        switch storage {
        case .int8(let xs): return xs.map(Double.init)
        case .int32(let xs): return xs.map(Double.init)
        case .int64(let xs): return xs.map(Double.init)
        case .float32(let xs): return xs.map(Double.init)
        case .float64(let xs): return xs
        case .bool(let xs): return xs.map { $0 ? 1 : 0 }
        }
    }
}

/// Reading and writing NumPy `.npy` files (format versions 1.0, 2.0 and 3.0 are read;
/// 1.0 is written). Supported element types: `int8`, `int32`, `int64`, `float32`,
/// `float64` and `bool`, little- or big-endian on reading, little-endian on writing.
/// Arrays are 1-D or 2-D in C order; Fortran-ordered files are refused with an error
/// rather than read transposed.
public enum Npy {
    private static let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)

    /// Writes an array as a version 1.0 `.npy` file, atomically (temporary file, then
    /// rename).
    public static func save(_ array: NpyArray, to path: String) throws {
        try FileIO.writeAtomically(path, encode(array))
    }

    /// Reads a `.npy` file.
    public static func load(_ path: String) throws -> NpyArray {
        try decode(FileIO.readBytes(path), name: path)
    }

    /// The bytes of a version 1.0 `.npy` file holding `array`; the header is padded
    /// so that the data starts at a multiple of 64 bytes, as NumPy does.
    public static func encode(_ array: NpyArray) -> [UInt8] {
        let shapeText = array.shape.count == 1 ? "(\(array.shape[0]),)" : "(\(array.shape[0]), \(array.shape[1]))"
        var header = "{'descr': '\(array.storage.descr)', 'fortran_order': False, 'shape': \(shapeText), }"
        let unpadded = magic.count + 4 + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var out = magic + [1, 0]
        let length = UInt16(header.utf8.count)
        out += [UInt8(length & 0xFF), UInt8(length >> 8)]
        out += Array(header.utf8)
        func put<T: FixedWidthInteger>(_ x: T) {
            var v = x.littleEndian
            withUnsafeBytes(of: &v) { out.append(contentsOf: $0) }
        }
        switch array.storage {
        case .int8(let xs): out += xs.map { UInt8(bitPattern: $0) }
        case .int32(let xs): xs.forEach(put)
        case .int64(let xs): xs.forEach(put)
        case .float32(let xs): xs.forEach { put($0.bitPattern) }
        case .float64(let xs): xs.forEach { put($0.bitPattern) }
        case .bool(let xs): out += xs.map { $0 ? 1 : 0 }
        }
        return out
    }

    /// Reads the bytes of a `.npy` file. `name` starts every error message.
    public static func decode(_ bytes: [UInt8], name: String) throws -> NpyArray {
        guard bytes.count >= 10, Array(bytes[0..<6]) == magic else {
            throw IsingError("\(name): expected a NumPy .npy file (starting with \\x93NUMPY), found \(bytes.count < 6 ? "a file of \(bytes.count) bytes" : "other data")")
        }
        let major = bytes[6], minor = bytes[7]
        let headerStart: Int, headerLength: Int
        switch (major, minor) {
        case (1, 0):
            headerStart = 10
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        case (2, 0), (3, 0):
            guard bytes.count >= 12 else { throw IsingError("\(name): the file ends inside its header") }
            headerStart = 12
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        default:
            throw IsingError("\(name): expected .npy format version 1.0, 2.0 or 3.0, found \(major).\(minor)")
        }
        guard headerStart + headerLength <= bytes.count else {
            throw IsingError("\(name): the header claims \(headerLength) bytes but the file ends after \(bytes.count - headerStart)")
        }
        let headerBytes = bytes[headerStart..<(headerStart + headerLength)]
        let headerText = major == 3 ? String(decoding: headerBytes, as: UTF8.self)
                                    : String(headerBytes.map { Character(Unicode.Scalar($0)) })
        var parser = HeaderParser(text: headerText, name: name)
        let header = try parser.dictionary()

        func entry(_ key: String) throws -> HeaderParser.Value {
            guard let v = header[key] else { throw IsingError("\(name): header: expected the key '\(key)', found none") }
            return v
        }
        guard case .string(let descr) = try entry("descr") else {
            throw IsingError("\(name): header: expected 'descr' to be a type string such as '<f8' (structured arrays are not supported)")
        }
        guard case .bool(let fortran) = try entry("fortran_order") else {
            throw IsingError("\(name): header: expected 'fortran_order' to be True or False")
        }
        guard case .tuple(let shape) = try entry("shape") else {
            throw IsingError("\(name): header: expected 'shape' to be a tuple of integers")
        }
        if fortran {
            throw IsingError("\(name): the array is stored in Fortran (column-major) order, which is not supported; save it from NumPy with np.save(path, np.ascontiguousarray(a))")
        }
        guard shape.count == 1 || shape.count == 2 else {
            throw IsingError("\(name): expected a 1-D or 2-D array, found shape (\(shape.map(String.init).joined(separator: ", "))\(shape.count == 1 ? "," : ""))")
        }

        guard let first = descr.first, "<>|=".contains(first) else {
            throw IsingError("\(name): header: expected a type string such as '<f8', found '\(descr)'")
        }
        let kind = String(descr.dropFirst())
        let width: Int
        switch kind {
        case "i1", "b1": width = 1
        case "i4", "f4": width = 4
        case "i8", "f8": width = 8
        default:
            throw IsingError("\(name): element type '\(descr)' is not supported (expected int8, int32, int64, float32, float64 or bool: |i1 <i4 <i8 <f4 <f8 |b1)")
        }
        let bigEndian = first == ">"
        let (count, overflow) = shape.count == 1 ? (shape[0], false) : shape[0].multipliedReportingOverflow(by: shape[1])
        let dataStart = headerStart + headerLength
        let (size, overflow2) = count.multipliedReportingOverflow(by: width)
        guard !overflow, !overflow2, bytes.count - dataStart == size else {
            throw IsingError("\(name): expected \(overflow || overflow2 ? "more" : String(size)) bytes of data for shape \(shape) of '\(descr)', found \(bytes.count - dataStart)")
        }
        func word(_ k: Int) -> UInt64 {
            var bits: UInt64 = 0
            let base = dataStart + k * width
            for b in 0..<width {
                let byte = UInt64(bytes[base + (bigEndian ? width - 1 - b : b)])
                bits |= byte << UInt64(8 * b)
            }
            return bits
        }
        let storage: NpyArray.Storage
        switch kind {
        case "i1": storage = .int8((0..<count).map { Int8(bitPattern: bytes[dataStart + $0]) })
        case "b1":
            var flags: [Bool] = []
            flags.reserveCapacity(count)
            for k in 0..<count {
                let b = bytes[dataStart + k]
                guard b <= 1 else { throw IsingError("\(name): byte \(dataStart + k): expected a bool (0 or 1), found \(b)") }
                flags.append(b == 1)
            }
            storage = .bool(flags)
        case "i4": storage = .int32((0..<count).map { Int32(bitPattern: UInt32(truncatingIfNeeded: word($0))) })
        case "i8": storage = .int64((0..<count).map { Int64(bitPattern: word($0)) })
        case "f4": storage = .float32((0..<count).map { Float(bitPattern: UInt32(truncatingIfNeeded: word($0))) })
        default: storage = .float64((0..<count).map { Double(bitPattern: word($0)) })
        }
        return try NpyArray(shape: shape, storage: storage)
    }

    /// Reads the Python dict literal of a `.npy` header.
    private struct HeaderParser {
        enum Value {
            case string(String)
            case bool(Bool)
            case tuple([Int])
            case other
        }

        let chars: [Character]
        let name: String
        var k = 0

        init(text: String, name: String) {
            chars = Array(text)
            self.name = name
        }

        func error(_ what: String) -> IsingError {
            let found = k < chars.count ? "`\(String(chars[k..<min(chars.count, k + 12)]))`" : "the end of the header"
            return IsingError("\(name): header, column \(k + 1): expected \(what), found \(found)")
        }

        mutating func space() { while k < chars.count, chars[k].isWhitespace { k += 1 } }

        mutating func take(_ c: Character) -> Bool {
            space()
            if k < chars.count, chars[k] == c { k += 1; return true }
            return false
        }

        mutating func dictionary() throws -> [String: Value] {
            var out: [String: Value] = [:]
            guard take("{") else { throw error("`{` opening the header dictionary") }
            while !take("}") {
                space()
                let key = try string()
                guard take(":") else { throw error("`:` after '\(key)'") }
                out[key] = try value()
                if !take(",") {
                    guard take("}") else { throw error("`,` or `}`") }
                    break
                }
            }
            return out
        }

        mutating func string() throws -> String {
            space()
            guard k < chars.count, chars[k] == "'" || chars[k] == "\"" else { throw error("a quoted key or string") }
            let quote = chars[k]
            k += 1
            var s = ""
            while k < chars.count, chars[k] != quote {
                if chars[k] == "\\", k + 1 < chars.count { k += 1 }
                s.append(chars[k])
                k += 1
            }
            guard k < chars.count else { throw error("a closing quote") }
            k += 1
            return s
        }

        mutating func integer() throws -> Int {
            space()
            let start = k
            while k < chars.count, chars[k].isNumber { k += 1 }
            guard k > start, let i = Int(String(chars[start..<k])) else { throw error("a non-negative integer") }
            if k < chars.count, chars[k] == "L" { k += 1 } // Python 2 longs
            return i
        }

        mutating func value() throws -> Value {
            space()
            guard k < chars.count else { throw error("a value") }
            switch chars[k] {
            case "'", "\"": return .string(try string())
            case "(":
                k += 1
                var items: [Int] = []
                while !take(")") {
                    items.append(try integer())
                    if !take(",") {
                        guard take(")") else { throw error("`,` or `)` in the shape") }
                        break
                    }
                }
                return .tuple(items)
            case "[":
                // A structured dtype's field list; skipped as a whole.
                var depth = 0
                repeat {
                    if chars[k] == "[" { depth += 1 } else if chars[k] == "]" { depth -= 1 }
                    k += 1
                } while k < chars.count && depth > 0
                return .other
            default:
                for (word, v) in [("True", Value.bool(true)), ("False", Value.bool(false))] {
                    let w = Array(word)
                    if k + w.count <= chars.count, Array(chars[k..<(k + w.count)]) == w {
                        k += w.count
                        return v
                    }
                }
                throw error("a string, True, False or a tuple")
            }
        }
    }
}
