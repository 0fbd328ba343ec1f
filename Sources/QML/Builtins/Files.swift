import Display
import IsingCore

extension BuiltinRegistry {
    /// Saving and loading models, sample sets, arrays and tables.
    static func registerFiles(into r: inout BuiltinRegistry) {
        r.add("save", [.required("value"), .required("path"), .optional("format")], topic: "files", doc: """
            Writes a value to a file, in the format the extension names; a half-written file is never left behind.
            Hamiltonians: .json (dimod's JSON), .coo (dimod's COO), .qubo (qbsolv). Sample sets: .json (dimod's JSON)
            or .npy (the states). Figures: .svg or .png. Lists of numbers or of lists: .npy. Lists of records: .csv.
            Models and other values with a save method write themselves (save(m, "m.json") is m.save("m.json")).
            save(H, "h.json"); save(s, "samples.json"); save(s.energies, "e.npy")
            """) { args in
            let path = try args.string(1)
            let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
            do {
                switch args.value(0) {
                case .object(let h as HamiltonianValue):
                    let format = args.has(2) ? ModelFileFormat(rawValue: try args.string(2)) : nil
                    if args.has(2), format == nil { throw args.error("unknown format \"\(try args.string(2))\"; use json, coo or qubo") }
                    try ModelFiles.save(try h.quadratic(), to: path, format: format)
                case .object(let f as FigureValue):
                    do { try FigureFile.write(f.figure, to: path) } catch { throw args.error("\(error)") }
                case .object(let s as SampleSetValue):
                    if ext == "npy" { try Npy.save(NpyArray(states: s.samples), to: path) }
                    else if ext == "json" { try DimodJSON.save(s.samples, to: path) }
                    else { throw args.error("a sample set is saved as .json (dimod) or .npy (states), not .\(ext)") }
                case .list(let items) where ext == "csv":
                    try CSV.save(try table(items, args), to: path)
                case .list(let items) where ext == "npy":
                    try Npy.save(try array(items, args), to: path)
                case .object(let o) where o.memberNames.contains("save"):
                    // Values that know how to write themselves (models, tensors) have a save method.
                    guard let method = try o.member("save", interpreter: args.interpreter) else {
                        throw args.error("cannot save \(o.typeName)")
                    }
                    _ = try args.interpreter.call(method, [.str(path)])
                case let v:
                    throw args.error("cannot save \(v.typeName) as .\(ext)",
                                     hint: "Hamiltonians: .json .coo .qubo; sample sets: .json .npy; numbers: .npy; records: .csv")
                }
            } catch let e as IsingError {
                throw args.error(e.message)
            }
            return .null
        }
        r.add("load_bqm", [.required("path"), .optional("format"), .optional("vartype")], topic: "files", doc: """
            Reads a Hamiltonian from dimod's JSON, dimod's COO or qbsolv's .qubo file (by extension, or `format:`).
            COO files carry no vartype unless dimod wrote a header; give `vartype: "spin"` or `"binary"` then.
            let H = load_bqm("model.json")
            """) { args in
            let path = try args.string(0)
            var format: ModelFileFormat?
            if args.has(1) {
                guard let f = ModelFileFormat(rawValue: try args.string(1)) else { throw args.error("unknown format; use json, coo or qubo") }
                format = f
            }
            var vartype: Vartype?
            if args.has(2) {
                switch try args.string(2) {
                case "spin", "SPIN": vartype = .spin
                case "binary", "BINARY": vartype = .binary
                case let other: throw args.error("vartype must be \"spin\" or \"binary\", got \"\(other)\"")
                }
            }
            do { return .object(HamiltonianValue(try ModelFiles.loadModel(path, format: format, vartype: vartype))) }
            catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("load_samples", [.required("path")], topic: "files", doc: """
            Reads a sample set from dimod's JSON serialisation.
            """) { args in
            do { return .object(SampleSetValue(try DimodJSON.loadSampleSet(try args.string(0)))) }
            catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("read_npy", [.required("path")], topic: "files", doc: """
            Reads a NumPy .npy array: a 1-D array as a list, a 2-D array as a list of rows.
            """) { args in
            do {
                let a = try Npy.load(try args.string(0))
                let values = a.storage.doubles
                let integral = a.storage.isIntegral
                func v(_ d: Double) -> Value { integral ? .int(Int(d)) : .float(d) }
                if a.shape.count == 1 { return .list(values.map(v)) }
                let cols = a.shape.count > 1 ? a.shape[1] : 0
                guard cols > 0 else { return .list([]) }
                return .list(stride(from: 0, to: values.count, by: cols).map { .list(values[$0..<min($0 + cols, values.count)].map(v)) })
            } catch let e as IsingError { throw args.error(e.message) }
        }
        r.add("read_csv", [.required("path")], topic: "files", doc: """
            Reads a CSV table (with a header row) as a list of records, numbers as numbers.
            """) { args in
            do {
                let t = try CSV.load(try args.string(0))
                return .list(t.rows.map { row in
                    let rec = RecordBox()
                    for (k, name) in t.columns.enumerated() where k < row.count {
                        switch row[k] {
                        case .int(let i): rec.set(.str(name), .int(i))
                        case .double(let d): rec.set(.str(name), .float(d))
                        case .text(let s): rec.set(.str(name), .str(s))
                        }
                    }
                    return .record(rec)
                })
            } catch let e as IsingError { throw args.error(e.message) }
        }
    }

    /// A table from a list of records with the same fields.
    static func table(_ items: [Value], _ args: Arguments) throws -> CSVTable {
        guard case .record(let first)? = items.first else { throw args.error("a .csv file is written from a list of records") }
        let columns = first.stringKeys
        let rows: [[CSVValue]] = try items.map { item in
            guard case .record(let rec) = item else { throw args.error("every row must be a record, found \(item.typeName)") }
            return try columns.map { c in
                switch rec.get(c) ?? .null {
                case .int(let i): return .int(i)
                case .float(let d): return .double(d)
                case .string(let s): return .text(s.value)
                case .bool(let b): return .text(b ? "true" : "false")
                case .null: return .text("")
                case let v: throw args.error("column \(c): cannot write \(v.typeName) to CSV")
                }
            }
        }
        return try CSVTable(columns: columns, rows: rows)
    }

    /// An array from a list of numbers or a list of equally long lists of numbers.
    static func array(_ items: [Value], _ args: Arguments) throws -> NpyArray {
        func number(_ v: Value) throws -> Double {
            guard let d = v.asDouble else { throw args.error("arrays hold numbers, found \(v.typeName)") }
            return d
        }
        if case .list? = items.first {
            let rows = try items.map { row -> [Double] in
                guard case .list(let xs) = row else { throw args.error("every row must be a list") }
                return try xs.map(number)
            }
            return try NpyArray(rows: rows)
        }
        return NpyArray(vector: try items.map(number))
    }
}

extension NpyArray.Storage {
    /// Every element as a double.
    var doubles: [Double] {
        switch self {
        case .int8(let xs): return xs.map(Double.init)
        case .int32(let xs): return xs.map(Double.init)
        case .int64(let xs): return xs.map(Double.init)
        case .float32(let xs): return xs.map(Double.init)
        case .float64(let xs): return xs
        case .bool(let xs): return xs.map { $0 ? 1 : 0 }
        }
    }

    /// Whether the elements are integers (or booleans).
    var isIntegral: Bool {
        switch self {
        case .float32, .float64: return false
        default: return true
        }
    }
}
