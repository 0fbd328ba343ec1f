import Display
import IsingCore
import Learning

/// A data set as a language value: rows of numbers with optional labels, picture
/// shape and mask. `show(data, 36)` draws its pictures, `table(data)` its first rows.
final class DatasetValue: NativeValue, FigureSource {
    let data: Dataset
    init(_ data: Dataset) { self.data = data }

    override var typeName: String { "Dataset" }

    override var summary: String {
        var parts = ["\(data.count) rows x \(data.dimension)"]
        if let s = data.shape { parts.append("\(s.height)x\(s.width) pictures") }
        if !data.classColumns.isEmpty { parts.append("\(data.classColumns.count) one-hot class columns") }
        if data.labels != nil { parts.append("labels") }
        if let m = data.mask { parts.append("\(m.filter { $0 }.count) masked values") }
        return "Dataset(" + parts.joined(separator: ", ") + ")"
    }

    override var display: String {
        var lines = [summary, "  from \(data.name)"]
        if let lo = data.values.min(), let hi = data.values.max() {
            lines.append("  values in [\(DatasetValue.number(lo)), \(DatasetValue.number(hi))]" + (data.isSpins ? " (spins)" : ""))
        }
        if let labels = data.labels {
            var counts: [Int: Int] = [:]
            for l in labels { counts[l, default: 0] += 1 }
            let shown = counts.keys.sorted().prefix(12).map { "\($0): \(counts[$0] ?? 0)" }
            lines.append("  labels " + shown.joined(separator: ", ") + (counts.count > 12 ? ", ..." : ""))
        }
        return lines.joined(separator: "\n")
    }

    override var length: Int? { data.count }

    override func isEqual(to other: NativeValue) -> Bool {
        guard let o = other as? DatasetValue else { return false }
        return o.data == data
    }

    static func number(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 { return String(Int(d)) }
        return ValueFormatter.float(d)
    }

    /// A value as a language number: integers when integral.
    static func value(_ d: Double) -> Value {
        if d == d.rounded(), abs(d) < 1e15 { return .int(Int(d)) }
        return .float(d)
    }

    func rowValue(_ r: Int) -> Value { .list(data.row(r).map(DatasetValue.value)) }

    override var memberNames: [String] {
        ["size", "width", "height", "dimension", "labels", "rows", "mask", "classes", "name", "shape",
         "binarize", "crop", "select", "one_hot", "append_labels", "shuffle", "split", "batches", "corrupt", "pictures"]
    }

    override func member(_ name: String, interpreter: Interpreter) throws -> Value? {
        switch name {
        case "size": return .int(data.count)
        case "dimension": return .int(data.dimension)
        case "width": return .int(data.shape?.width ?? data.dimension)
        case "height": return .int(data.shape?.height ?? 1)
        case "shape": return data.shape.map { .tuple([.int($0.height), .int($0.width)]) } ?? .null
        case "labels": return data.labels.map { .list($0.map { .int($0) }) } ?? .null
        case "classes": return .list(data.classColumns.map { .int($0) })
        case "name": return .str(data.name)
        case "rows": return .list((0..<data.count).map(rowValue))
        case "mask":
            guard let m = data.mask else { return .null }
            return .list((0..<data.count).map { r in .list(m[(r * data.dimension)..<((r + 1) * data.dimension)].map { .bool($0) }) })
        case "pictures":
            guard let s = data.shape else { return .null }
            return .list((0..<data.count).map { r in
                let row = data.row(r), b = row.startIndex
                return .list((0..<s.height).map { y in .list((0..<s.width).map { x in DatasetValue.value(row[b + y * s.width + x]) }) })
            })
        default: return nil
        }
    }

    /// `a + b`: the rows of b after those of a.
    override func binaryOperation(_ op: String, _ other: Value, selfOnLeft: Bool, interpreter: Interpreter) throws -> Value? {
        guard op == "+", case .object(let o as DatasetValue) = other else { return nil }
        let parts = selfOnLeft ? [data, o.data] : [o.data, data]
        do { return .object(DatasetValue(try Dataset.concatenate(parts))) } catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
    }

    override func subscripted(_ index: Value, interpreter: Interpreter) throws -> Value? {
        if case .range(let r) = index {
            let picked = Interpreter.sliceIndices(r, count: data.count)
            do { return .object(DatasetValue(try data.rows(picked))) } catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
        }
        if case .list(let items) = index {
            let picked = try items.map { v -> Int in
                guard case .int(let i) = v else { throw Diagnostic.runtime("rows are picked by integer indices, found \(v.typeName)", at: nil) }
                return i < 0 ? i + data.count : i
            }
            do { return .object(DatasetValue(try data.rows(picked))) } catch let e as IsingError { throw Diagnostic.runtime(e.message, at: nil) }
        }
        guard case .int(let i) = index else { return nil }
        let j = i < 0 ? i + data.count : i
        guard j >= 0, j < data.count else {
            throw Diagnostic.runtime("row \(i) is out of range for a data set of \(data.count) rows", at: nil)
        }
        return rowValue(j)
    }

    override func elements(interpreter: Interpreter) throws -> [Value]? { (0..<data.count).map(rowValue) }

    // MARK: Figures

    func figure(for builtin: String, _ args: Arguments) throws -> Figure? {
        switch builtin {
        case "show": return .pictures(try pictureGrid(args))
        case "table": return .table(table(title: args.has(1) ? try args.string(1) : nil))
        default: return nil
        }
    }

    /// `show(data, n, cols:, width:, captions:, masks:, title:)`: pictures with their
    /// labels as captions and masked pixels highlighted.
    func pictureGrid(_ args: Arguments) throws -> PictureGrid {
        let n = args.has(1) ? max(0, try args.int(1)) : min(data.count, 36)
        var shape = data.shape
        if args.has(3) {
            let w = try args.int(3)
            guard w >= 1, data.dimension % w == 0 else { throw args.error("`width` must divide the \(data.dimension) values of a row") }
            shape = PictureShape(height: data.dimension / w, width: w)
        }
        guard let shape else {
            throw args.error("this data set has no picture shape", hint: "give `width:`, e.g. show(data, 36, width: 8)")
        }
        let captions = args.has(4) ? try args.list(4).map(ValueFormatter.printed) : data.labels.map { $0.map(String.init) } ?? []
        let useMask = args.has(5) ? try args.bool(5) : true
        let hi = data.values.max() ?? 1, lo = data.values.min() ?? 0
        var pictures: [Picture] = []
        for r in 0..<min(n, data.count) {
            let row = data.row(r), b = row.startIndex
            let pixels = (0..<shape.pixels).map { k -> Double in
                let v = row[b + k]
                if lo < 0 { return (v + 1) / 2 }          // spins: -1 black, +1 white, 0 (undecided) grey
                return hi > 1 ? v / hi : v
            }
            let mask = useMask ? data.rowMask(r).map { Array($0.prefix(shape.pixels)) } : nil
            pictures.append(Picture(width: shape.width, height: shape.height, pixels: pixels, mask: mask,
                                    caption: r < captions.count ? captions[r] : nil))
        }
        let cols = args.has(2) ? try args.int(2) : min(max(1, pictures.count), 12)
        return PictureGrid(pictures: pictures, cols: cols, title: args.has(6) ? try args.string(6) : nil)
    }

    /// The first rows as a table (label first, then up to 12 values).
    func table(title: String?, rows: Int = 20) -> Table {
        let shownCols = min(data.dimension, 12)
        var columns = data.labels == nil ? [] : ["label"]
        columns += (0..<shownCols).map { "x\($0)" }
        if data.dimension > shownCols { columns.append("...") }
        let body: [[String]] = (0..<min(rows, data.count)).map { r in
            var cells = data.labels.map { [String($0[r])] } ?? []
            let row = data.row(r)
            cells += row.prefix(shownCols).map { DatasetValue.number($0) }
            if data.dimension > shownCols { cells.append("") }
            return cells
        }
        return Table(columns: columns, rows: body, title: title ?? summary)
    }
}

extension Arguments {
    /// A data set argument: a Dataset, or a 2-D tensor whose rows are the data.
    func dataset(_ i: Int) throws -> Dataset {
        if case .object(let o as DatasetValue) = value(i) { return o.data }
        if case .object(let o as TensorValue) = value(i) {
            let t = o.tensor
            guard t.shape.count == 2 else {
                throw error("`\(name(i))` must be a Dataset or a 2-D tensor of rows, got a tensor of shape \(t.shapeText)")
            }
            do { return try Dataset(values: t.data, dimension: t.shape[1], name: "data") } catch let e as IsingError { throw error(e.message) }
        }
        throw error("`\(name(i))` must be a Dataset or a 2-D tensor of rows, got \(value(i).typeName)",
                    hint: "make one with bars_and_stripes(r, c), digits(), sk_data(H, n), load_csv(path), dataset(rows) or tensor(rows)")
    }

    /// Whether argument `i` is a data set.
    func isDataset(_ i: Int) -> Bool {
        if case .object(let o) = value(i), o is DatasetValue { return true }
        return false
    }

    /// An optional seed argument as the native seed type (noted for run records).
    func seed(_ i: Int) throws -> UInt64? {
        guard has(i) else { return nil }
        let s = try int(i)
        interpreter.noteSeed(s)
        return UInt64(bitPattern: Int64(s))
    }

    /// A pair of numbers given as a tuple or list of two.
    func pair(_ i: Int) throws -> (Double, Double) {
        let xs = try doubles(i)
        guard xs.count == 2 else { throw error("`\(name(i))` must be a pair (a, b), got \(xs.count) numbers") }
        return (xs[0], xs[1])
    }
}

/// Runs native data-set code, turning its errors into diagnostics of the builtin.
func native<T>(_ args: Arguments, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as IsingError { throw args.error(e.message) }
}
